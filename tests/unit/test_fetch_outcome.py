"""The fetch outcomes the simulated sites expect are outcomes the crawler can log."""

from __future__ import annotations

import pytest

from edunews.crawl.outcome import FetchOutcome
from edunews_sim.testsites import faulty, hostile_http, hostile_more, hostile_pages

EXPECTATIONS = {
    "faulty": faulty.EXPECTED,
    "hostile_http": hostile_http.EXPECTED,
    "hostile_more": hostile_more.EXPECTED,
    "hostile_more sitemaps": hostile_more.SITEMAP_EXPECTED,
    "hostile_pages": hostile_pages.EXPECTED,
}


@pytest.mark.parametrize("site", EXPECTATIONS)
def test_expected_outcomes_are_fetch_outcomes(site):
    assert set(EXPECTATIONS[site].values()) - set(FetchOutcome) == set()


def test_a_fetch_outcome_is_its_text():
    """Compared with, stored and reported as the plain string the database holds."""
    assert FetchOutcome("too_large") is FetchOutcome.TOO_LARGE
    assert FetchOutcome.TOO_LARGE == "too_large" and f"{FetchOutcome.TOO_LARGE}" == "too_large"
