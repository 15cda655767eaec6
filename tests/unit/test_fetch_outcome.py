"""The fetch outcomes the simulated sites expect are outcomes the crawler can log."""

from __future__ import annotations

import pytest

from edunews.crawl.outcome import FetchOutcome
from edunews_sim.testsites import farm_discovery, farm_faulty, farm_http, farm_pages

EXPECTATIONS = {
    "farm_discovery": farm_discovery.EXPECTED,
    "farm_discovery sitemaps": farm_discovery.SITEMAP_EXPECTED,
    "farm_faulty": farm_faulty.EXPECTED,
    "farm_http": farm_http.EXPECTED,
    "farm_pages": farm_pages.EXPECTED,
}


@pytest.mark.parametrize("site", EXPECTATIONS)
def test_expected_outcomes_are_fetch_outcomes(site):
    assert set(EXPECTATIONS[site].values()) - set(FetchOutcome) == set()


def test_a_fetch_outcome_is_its_text():
    """Compared with, stored and reported as the plain string the database holds."""
    assert FetchOutcome("too_large") is FetchOutcome.TOO_LARGE
    assert FetchOutcome.TOO_LARGE == "too_large" and f"{FetchOutcome.TOO_LARGE}" == "too_large"
