"""The DAGs' task bodies, as plain functions of plain (XCom-serialisable) values.

The DAG files import this module every time they are parsed: what only a running task
needs (psycopg, the crawler, the extractor) is imported inside the functions.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import timedelta

from edunews.config import allow_private_network
from edunews.orchestration import alerts
from edunews.sources import Source, load_sources

log = logging.getLogger(__name__)


def list_sources(only: list[str] | None = None) -> list[dict]:
    sources = load_sources()
    if only:
        unknown = set(only) - {s.id for s in sources}
        if unknown:
            raise ValueError(f"unknown source ids: {sorted(unknown)}")
        sources = [s for s in sources if s.id in only]
    return [source.to_dict() for source in sources]


# Above the largest budget: the crawl ends itself at its budget (cleanly, resumed the next
# night); this is for a crawl that hangs beyond it, so one stuck source cannot hold the night.
CRAWL_TIMEOUT_MARGIN = timedelta(minutes=15)


def crawl_timeout() -> timedelta:
    """The crawl tasks' execution_timeout: the largest source budget (max_minutes) plus a
    margin. Read when the DAG file is parsed: a registry that cannot be read gives the
    default budget's, and the task that lists sources then fails with the reason."""
    from edunews.sources.registry import DEFAULT_MAX_MINUTES, largest_budget_minutes_in

    try:
        minutes = largest_budget_minutes_in()
    except Exception:  # noqa: BLE001 (a broken registry must not break DAG parsing)
        log.exception("the source registry could not be read; crawl timeout from the default")
        minutes = DEFAULT_MAX_MINUTES
    return timedelta(minutes=minutes) + CRAWL_TIMEOUT_MARGIN


def crawl_one(source: dict, run_id: str) -> dict:
    from edunews.crawl.run import crawl_source

    summary = crawl_source(
        Source.from_dict(source), run_id=run_id, allow_private_network=allow_private_network()
    )
    return summary.as_dict()


def summarize_crawl(results: list[dict], sources: list[dict], dag_id: str, run_id: str) -> dict:
    """The run's figures: totals over all sources, and every source that failed and why.

    A source whose crawl task itself failed has no result: it is named too.
    """
    totals: Counter = Counter()
    failing: dict[str, dict] = {}
    # Visible, not alarming: a budget reached resumes the next night; a source another run
    # was crawling was crawled.
    stopped: dict[str, str] = {}
    skipped: dict[str, str] = {}
    for result in results:
        totals.update(result["outcomes"])
        if result["failures"]:
            failing[result["source_id"]] = result["failures"]
        if result.get("stopped"):
            stopped[result["source_id"]] = result["stopped"]
        if result.get("skipped"):
            skipped[result["source_id"]] = result["skipped"]
    crashed = sorted({s["id"] for s in sources} - {r["source_id"] for r in results})
    for source_id in crashed:
        failing[source_id] = {"crawl task failed: see its log": 1}
    figures = {
        "sources": len(sources),
        "new": sum(r.get("new", 0) for r in results),
        "changed": sum(r.get("changed", 0) for r in results),
        "outcomes": dict(totals),
        "failing_sources": failing,
        "stopped_sources": stopped,
        "skipped_sources": skipped,
        # Sources that yielded no article at all: broken, not quiet (the alert says so first).
        "sources_without_articles": alerts.without_articles(failing),
    }
    publish_report(dag_id, run_id, figures)
    for source_id, reasons in sorted(failing.items()):
        log.warning("source %s failed: %s", source_id, reasons)
    alerts.notify_failing_sources(run_id, failing)
    log.info("crawl summary: %s", figures)
    return figures


def extract_pending_pages() -> dict:
    from edunews.extract.step import extract_pending

    return extract_pending().as_dict()


def transform_figures(extracted: dict, dag_id: str, run_id: str) -> dict:
    """Rows in the main marts after the build, with what the extraction step did."""
    from edunews.warehouse import connect
    from edunews.warehouse.query import scalar

    with connect("reader") as conn:
        events = scalar(conn, "select count(*) from marts.fct_events")
        undated = scalar(conn, "select count(*) from marts.fct_events where date_start is null")
    figures = {"extraction": extracted, "events": events, "events_without_date": undated}
    publish_report(dag_id, run_id, figures)
    log.info("transform figures: %s", figures)
    return figures


def publish_report(dag_id: str, run_id: str, figures: dict) -> None:
    from psycopg.types.json import Jsonb

    from edunews.warehouse import connect

    with connect("loader") as conn:
        conn.execute(
            "insert into raw.run_reports (dag_id, run_id, figures) values (%s, %s, %s)",
            (dag_id, run_id, Jsonb(figures)),
        )
