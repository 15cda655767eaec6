"""The task bodies the DAGs call, against the real warehouse: run reports and backfills."""

from __future__ import annotations

from datetime import datetime

import pytest

from edunews.orchestration import reprocess, tasks
from edunews.thai_calendar import BANGKOK
from edunews.warehouse import connect

BODY = (
    "วันที่ 12 มีนาคม 2567 สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 3"
    " จัดประชุมผู้บริหารสถานศึกษา ณ ห้องประชุมสำนักงาน"
)


def _page(conn, source_id: str, slug: str, published: datetime) -> int:
    return conn.execute(
        "insert into raw.pages (source_id, url, title, body_text, published_at, content_sha256)"
        " values (%s, %s, %s, %s, %s, md5(%s)) returning page_id",
        (source_id, f"https://{source_id}.example/{slug}", "ประชุม", BODY, published, slug),
    ).fetchone()[0]


# 1 March 2024 00:30 in Bangkok is still 29 February in UTC: the filters count Bangkok's days.
PUBLISHED = {
    "march": datetime(2024, 3, 1, 0, 30, tzinfo=BANGKOK),
    "february": datetime(2024, 2, 20, 23, 30, tzinfo=BANGKOK),
}


@pytest.fixture
def pages(empty_raw):
    """Four pages: two sources, each with one published in February and one in March."""
    with connect() as conn:
        return {
            (source, month): _page(conn, source, f"{source}-{month}", published)
            for source in ("spp-a", "spp-b")
            for month, published in PUBLISHED.items()
        }


def _extracted_pages() -> set[int]:
    with connect() as conn:
        return {row[0] for row in conn.execute("select page_id from raw.extractions")}


def test_reprocess_extracts_only_the_chosen_sources_and_days(pages):
    result = reprocess.extract(
        {"reextract": True, "sources": ["spp-a"], "published_from": "2024-03-01"}
    )
    assert result["extracted"] == 1
    assert _extracted_pages() == {pages["spp-a", "march"]}

    result = reprocess.extract({"reextract": True, "published_to": "2024-02-29"})
    assert result["extracted"] == 2
    assert _extracted_pages() == {
        pages["spp-a", "march"],
        pages["spp-a", "february"],
        pages["spp-b", "february"],
    }

    # what has a record of this extractor version is not extracted again
    assert reprocess.extract({"reextract": True})["extracted"] == 1
    assert reprocess.extract({"reextract": True})["extracted"] == 0


def test_reprocess_without_reextract_leaves_raw_alone(pages):
    assert reprocess.extract({"reextract": False}) == {"skipped": True}
    assert _extracted_pages() == set()


def test_full_refresh_is_asked_of_dbt_only_when_set():
    assert reprocess.dbt_build_args({"full_refresh": True}) == ["build", "--full-refresh"]
    assert reprocess.dbt_build_args({"full_refresh": False}) == ["build"]


def test_the_crawl_summary_is_reported_and_names_failed_sources(empty_raw):
    results = [
        {"source_id": "ok", "outcomes": {"stored": 3, "unchanged": 2}, "failures": {},
         "new": 3, "changed": 0, "complete": True},
        {"source_id": "down", "outcomes": {"network_error": 1},
         "failures": {"network_error": 1}, "new": 0, "changed": 0, "complete": False},
    ]  # fmt: skip
    sources = [{"id": "ok"}, {"id": "down"}, {"id": "crashed"}]
    figures = tasks.summarize_crawl(results, sources, dag_id="edunews_ingest", run_id="r1")
    assert figures["sources"] == 3
    assert figures["new"] == 3
    assert figures["outcomes"] == {"stored": 3, "unchanged": 2, "network_error": 1}
    assert figures["failing_sources"] == {
        "down": {"network_error": 1},
        "crashed": {"crawl task failed: see its log": 1},
    }
    with connect() as conn:
        rows = conn.execute("select dag_id, run_id, figures from raw.run_reports").fetchall()
    assert rows == [("edunews_ingest", "r1", figures)]


def test_listing_some_sources_refuses_unknown_ids(sources_registry):
    sources_registry(
        "sources:\n"
        "  - {id: a, name: A, kind: rss, start_urls: ['https://a.example/feed']}\n"
        "  - {id: b, name: B, kind: rss, start_urls: ['https://b.example/feed']}\n"
    )
    assert [s["id"] for s in tasks.list_sources()] == ["a", "b"]
    assert [s["id"] for s in tasks.list_sources(["b"])] == ["b"]
    with pytest.raises(ValueError, match="unknown source ids: \\['c'\\]"):
        tasks.list_sources(["b", "c"])
