"""The DAGs' task bodies, as plain functions of plain (XCom-serialisable) values."""

from __future__ import annotations

import logging
import os
from collections import Counter

from edunews.sources import Source, load_sources

log = logging.getLogger(__name__)


def allow_private_network() -> bool:
    """Crawling loopback sites is for the demo and tests only; production leaves it off."""
    return os.environ.get("EDUNEWS_ALLOW_PRIVATE_NETWORK", "").lower() in ("1", "true", "yes")


def list_sources() -> list[dict]:
    return [source.to_dict() for source in load_sources()]


def crawl_one(source: dict, run_id: str) -> dict:
    from edunews.crawl.run import crawl_source

    summary = crawl_source(
        Source.from_dict(source), run_id=run_id, allow_private_network=allow_private_network()
    )
    return summary.as_dict()


def summarize_crawl(results: list[dict]) -> dict:
    """The run's figures: outcomes over all sources, failure reasons per source."""
    totals: Counter = Counter()
    failing = {}
    for result in results:
        totals.update(result["outcomes"])
        if result["failures"]:
            failing[result["source_id"]] = result["failures"]
    summary = {"sources": len(results), "outcomes": dict(totals), "failing_sources": failing}
    log.info("crawl summary: %s", summary)
    return summary


def extract_pending_pages() -> dict:
    from edunews.extract.step import extract_pending

    result = extract_pending()
    return {"version": result.version, "extracted": result.extracted, "errors": result.errors}
