"""The pipeline step: pending pages of raw.pages -> raw.extractions, once per extractor version."""

from __future__ import annotations

import pytest
from psycopg.types.json import Jsonb

from edunews.extract import step
from edunews.warehouse import connect

BODY = (
    "วันที่ 12 มีนาคม 2567 นายสมชาย ใจดี ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษา"
    "เชียงใหม่ เขต 3 เป็นประธานเปิดการประชุมผู้บริหารสถานศึกษา ณ ห้องประชุมสำนักงาน"
)


@pytest.fixture
def pages(empty_raw):
    with connect() as conn:
        return [
            conn.execute(
                "insert into raw.pages (source_id, url, title, body_text, content_sha256)"
                " values ('spp-a', %s, 'ประชุม', %s, md5(%s)) returning page_id",
                (f"https://spp-a.example/{n}", BODY, str(n)),
            ).fetchone()[0]
            for n in range(3)
        ]


def _records() -> list[tuple[int, str, str | None]]:
    with connect() as conn:
        return conn.execute(
            "select page_id, extractor_version, record->>'extractor_version'"
            " from raw.extractions order by extraction_id"
        ).fetchall()


def test_pending_pages_once_per_version_and_a_new_version_extracts_all_again(pages, monkeypatch):
    assert step.extract_pending().extracted == 3
    assert step.extract_pending().extracted == 0, "nothing pending for this version"

    monkeypatch.setattr(step, "EXTRACTOR_VERSION", "99.0.0")
    monkeypatch.setattr("edunews.extract.record.EXTRACTOR_VERSION", "99.0.0")
    assert step.extract_pending().extracted == 3
    assert step.extract_pending().extracted == 0

    records = _records()
    assert len(records) == 6, "the older version's records stay"
    assert {(page, version) for page, version, _ in records if version == "99.0.0"} == {
        (page, "99.0.0") for page in pages
    }
    assert all(version == in_record for _, version, in_record in records)


def test_a_page_the_extractor_fails_on_gets_an_error_record(pages, monkeypatch):
    real = step.extract_article

    def fragile(article):
        if article["id"] == str(pages[1]):
            raise ValueError("boom")
        return real(article)

    monkeypatch.setattr(step, "extract_article", fragile)
    result = step.extract_pending()
    assert (result.extracted, result.errors) == (3, 1)
    with connect() as conn:
        error = conn.execute(
            "select record->>'error' from raw.extractions where page_id = %s", (pages[1],)
        ).fetchone()[0]
    assert error == "ValueError: boom"


def test_batches_written_before_a_crash_are_kept(pages, monkeypatch):
    real = step._extract

    def crash_on_last(page_id, *args):
        if page_id == pages[-1]:
            raise KeyboardInterrupt  # not an extractor error: the process is going down
        return real(page_id, *args)

    monkeypatch.setattr(step, "_extract", crash_on_last)
    with pytest.raises(KeyboardInterrupt):
        step.extract_pending(batch_size=1)
    assert [page for page, _, _ in _records()] == pages[:2]


def test_records_of_an_older_version_are_extracted_again_with_the_join_keys(pages):
    """Records written before the extractor wrote the warehouse's keys (0.11.0 and older)
    make no page done: the step extracts every page again, and the new records carry them."""
    old = {"id": "x", "extractor_version": "0.11.0", "event": {}, "persons": [{"name": "ก ข"}]}
    with connect("loader") as conn:
        for page_id in pages:
            conn.execute(
                "insert into raw.extractions (page_id, extractor_version, record)"
                " values (%s, '0.11.0', %s)",
                (page_id, Jsonb(old)),
            )
    assert step.extract_pending().extracted == 3
    with connect() as conn:
        rows = conn.execute(
            "select record from raw.extractions where extractor_version = %s order by page_id",
            (step.EXTRACTOR_VERSION,),
        ).fetchall()
        assert conn.execute("select count(*) from raw.extractions").fetchone()[0] == 6
    assert len(rows) == 3
    for (record,) in rows:
        assert [(p["given_name"], p["family_name"]) for p in record["persons"]] == [
            ("สมชาย", "ใจดี")
        ]
        organizer = record["event"]["organizer_office"]
        assert (organizer["office_id"], organizer["office_name"]) == (
            "spp/เชียงใหม่/3",
            "สพป.เชียงใหม่ เขต 3",
        )
