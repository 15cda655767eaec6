"""The extractor on the team's real articles (read from the shared folder, never committed).

Skips when the shared corpus is not beside the checkout.
"""

import gzip
import json

import pytest

from edunews.config import shared_dir
from edunews.extract import extract_article

SEEDS = shared_dir() / "corpus" / "seeds.jsonl"
GOLD = shared_dir() / "gold" / "dev.jsonl"
THAIGOV = shared_dir() / "corpus" / "thaigov_education.jsonl.gz"


def _read(path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _office_key(office):
    return office and (office["kind"], office["province"], office["area_no"])


@pytest.mark.skipif(not (SEEDS.exists() and GOLD.exists()), reason="shared corpus absent")
def test_seed_articles_match_gold_event_fields():
    gold = {g["id"]: g for g in _read(GOLD)}
    for article in _read(SEEDS):
        record = extract_article(article)
        want = gold[article["id"]]["event"]
        event = record["event"]
        assert event["date_start"] == want["date_start"], article["id"]
        assert event["province"] == want["province"], article["id"]
        assert event["event_type"] in want["event_type"], article["id"]
        wanted_offices = [_office_key(o) for o in want["organizer_office"]]
        assert _office_key(event["organizer_office"]) in wanted_offices, article["id"]


@pytest.mark.skipif(not THAIGOV.exists(), reason="shared corpus absent")
def test_government_articles_all_get_a_record_with_a_date():
    articles = _read(THAIGOV)
    records = [extract_article(a) for a in articles]
    assert not [r["id"] for r in records if "error" in r]
    assert all(r["event"]["date_start"] for r in records)
    # The page's weekday line is the publishing date: never before the event.
    late = [
        r["id"]
        for r, a in zip(records, articles, strict=True)
        if a["published_at"]
        and r["event"]["date_start"] > a["published_at"]
        and r["event"]["event_type"] not in ("press_conference", "competition", "exhibition")
    ]
    assert len(late) < len(records) * 0.03, late[:10]


@pytest.mark.skipif(not THAIGOV.exists(), reason="shared corpus absent")
def test_government_positions_and_names_are_whole():
    """Positions keep their closing "(อว.)"; no name holds an abbreviation or a title."""
    persons = [p for a in _read(THAIGOV) for p in extract_article(a)["persons"]]
    positions = [p["position"] for p in persons if p["position"]]
    unbalanced = [x for x in positions if x.count("(") != x.count(")")]
    assert len(unbalanced) < len(positions) * 0.01, unbalanced[:10]
    assert not [x for x in positions if x.endswith((" เข้า", "และผู้"))]
    assert not [p["name"] for p in persons if "." in p["name"]]
