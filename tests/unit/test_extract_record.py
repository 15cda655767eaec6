"""The record of spec/EXTRACTION.md: shape, error records, junk input."""

import json

import pytest

from edunews.extract import EXTRACTOR_VERSION, extract_article, extract_file
from helpers.record import EVENT_KEYS

ARTICLE = {
    "id": "a1",
    "title": "สพป.เชียงใหม่ เขต 6 จัดประชุมเชิงปฏิบัติการ",
    "text": "เมื่อวันที่ 10 มิถุนายน 2560 ณ โรงแรมคุ้มภูคำ นายสมชาย ใจดี เป็นประธาน",
    "url": None,
    "published_at": None,
}


def test_record_has_every_key():
    record = extract_article(ARTICLE)
    assert record["id"] == "a1"
    assert record["extractor_version"] == EXTRACTOR_VERSION
    assert set(record["event"]) == EVENT_KEYS
    for key in ("persons", "schools", "offices", "initiatives"):
        assert isinstance(record[key], list)


def test_record_event_fields():
    event = extract_article(ARTICLE)["event"]
    assert event["event_type"] == "workshop"
    assert event["date_start"] == "2017-06-10"
    assert event["province"] == "เชียงใหม่"
    assert event["organizer_office"]["kind"] == "spp"
    assert event["organizer_office"]["area_no"] == 6


@pytest.mark.parametrize(
    "bad",
    [{"id": "x"}, {"id": "x", "text": None}, {"id": "x", "text": 5}, "not an object", None],
)
def test_bad_input_gives_error_record(bad):
    record = extract_article(bad)
    assert set(record) == {"id", "error"}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "<html><body><p>สพป.</p><script>var x=1;</script></body></html>",
        "Latin only text with no Thai at all 12/13/2020",
        "".join(chr(c) for c in range(0, 3000)),
        "เมื่อวันที่ " * 20000,
        "สพป." * 200000,
    ],
)
def test_junk_never_raises_and_keeps_shape(text):
    record = extract_article({"id": "j", "title": None, "text": text})
    assert "error" not in record
    assert set(record["event"]) == EVENT_KEYS


def test_extract_file_keeps_order_and_reports_bad_lines(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps(ARTICLE, ensure_ascii=False)
        + "\n{not json\n\n"
        + json.dumps({"id": "b"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    stats = extract_file(src, out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a1", None, "b"]
    assert "error" in records[1] and "error" in records[2]
    assert (stats.lines, stats.records, stats.errors) == (3, 3, 2)


def test_extract_command_closes_with_one_readable_line(tmp_path, capsys):
    from edunews.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ARTICLE, ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    assert main(["extract", "--input", str(src), "--output", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert err == (
        f"extractor {EXTRACTOR_VERSION}: 2 record(s) written from 2 input line(s),"
        " 1 with an error record\n"
    )


def test_extract_file_raises_when_input_is_missing(tmp_path):
    with pytest.raises(OSError):
        extract_file(tmp_path / "missing.jsonl", tmp_path / "out.jsonl")


VISIT = {
    "id": "v1",
    "title": "สพป.ชม.๑ นิเทศ ติดตามการจัดการเรียนรู้",
    "text": (
        "สพป.เชียงใหม่ เขต ๑ โดยนายสมชาย ใจดี ผอ.สพป.เชียงใหม่ เขต ๑ เป็นประธาน "
        "นำคณะศึกษานิเทศก์ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านหนองบัว ระหว่างวันที่ ๙-๑๐ ก.ย. ๖๓ "
        "มีผู้เข้าร่วมทั้งสิ้น ๔๐ คน\n"
        "นางสมศรี ใจงาม ผู้อำนวยการโรงเรียนบ้านหนองบัว ให้การต้อนรับ"
    ),
    "url": None,
    "published_at": "2020-09-12",
}


def _spans(evidence):
    for value in evidence.values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            yield item
            if item.get("role"):
                yield item["role"]


def test_every_value_has_evidence_pointing_into_the_original_text():
    record = extract_article(VISIT)
    evidence = record["evidence"]
    for key, value in record["event"].items():
        assert value is None or key in evidence, key
    assert len(evidence["persons"]) == len(record["persons"])
    assert len(evidence["schools"]) == len(record["schools"])
    assert len(evidence["offices"]) == len(record["offices"])
    assert len(evidence["initiatives"]) == len(record["initiatives"])
    for span in _spans(evidence):
        source = VISIT[span["source"]] if span["source"] in ("title", "text") else None
        if source is not None:  # Thai digits and all: the words as the page has them
            assert source[span["start"] : span["end"]] == span["text"]
    assert evidence["persons"][0]["role"]["text"] == "เป็นประธาน"


def test_visited_school_is_the_host():
    record = extract_article(VISIT)
    assert record["event"]["venue"] == "โรงเรียนบ้านหนองบัว"
    assert record["schools"] == [
        {"name": "โรงเรียนบ้านหนองบัว", "role": "host", "match_key": "บ้านหนองบัว"}
    ]
    assert {p["name"]: p["role"] for p in record["persons"]} == {
        "สมชาย ใจดี": "chair",
        "สมศรี ใจงาม": "host",
    }


def test_date_from_the_publishing_day_says_so():
    record = extract_article({"id": "p", "text": "ประชุมครู", "published_at": "2024-06-06"})
    assert record["event"]["date_start"] == "2024-06-06"
    assert record["evidence"]["date_start"]["source"] == "published_at"


def test_a_carriage_return_inside_a_line_does_not_split_it(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b"\xff\xfe junk \r more junk \x0b\x0c\x1c\x85 end\n"
        + json.dumps(ARTICLE, ensure_ascii=False).encode()
        + b"\r\n"
    )
    out = tmp_path / "out.jsonl"
    stats = extract_file(src, out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [None, "a1"]
    assert (stats.lines, stats.errors) == (2, 1)
