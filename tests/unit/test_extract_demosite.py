"""The extractor against the truths of generated demo articles, field by field.

The demo site writes Thai office news from templates and knows what each article states
(`Article.truth`), so the agreement of the extractor with it is measured over a few
hundred articles of several seeds. The thresholds sit just under what the rules reach:
a drop in one field is a regression in one rule family. Print the figures with
`python tests/unit/test_extract_demosite.py`.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from edunews.crawl.html_text import html_to_text
from edunews.extract import extract_article
from edunews_sim.demosite import Article, generate_articles

SEEDS = (11, 22, 33)
PER_SEED = 100

# Minimum agreement per field (accuracy for event fields, F1 for lists).
THRESHOLDS = {
    "date_start": 0.98,
    "date_end": 0.98,
    "organizer_office": 0.98,
    "event_type": 0.98,
    "participant_count": 0.98,
    "province": 0.98,
    "venue": 0.97,
    "chair": 0.97,
    "persons": 0.97,
    "person_roles": 0.95,
    "schools": 0.97,
    "initiatives": 0.95,
}


def _office_key(office: dict | None) -> tuple | None:
    return office and (office["kind"], office["province"], office["area_no"])


def _person_key(name: str) -> str:
    return "".join(name.split()[:2])


def _school_key(name: str) -> str:
    return re.sub(r"\s+|\([^)]*\)|โรงเรียน", "", name)


def _event_fields(record: dict, article: Article) -> dict[str, tuple]:
    """(extracted, true) per event field."""
    event, truth = record["event"], article.truth
    chairs = sorted(_person_key(p["name"]) for p in record["persons"] if p["role"] == "chair")
    return {
        "date_start": (event["date_start"], truth.date_start.isoformat()),
        "date_end": (event["date_end"], truth.date_end and truth.date_end.isoformat()),
        "organizer_office": (_office_key(event["organizer_office"]), _office_key(truth.office)),
        "event_type": (event["event_type"], truth.event_type),
        "participant_count": (event["participant_count"], truth.participant_count),
        "province": (event["province"], truth.province),
        "venue": (event["venue"], truth.venue),
        "chair": (chairs, [_person_key(truth.chair.name)]),
    }


def _set_fields(record: dict, article: Article) -> dict[str, tuple[set, set]]:
    """(extracted, true) sets per list field."""
    truth = article.truth
    return {
        "persons": (
            {_person_key(p["name"]) for p in record["persons"]},
            {_person_key(p.name) for p in truth.persons},
        ),
        "person_roles": (
            {(_person_key(p["name"]), p["role"]) for p in record["persons"]},
            {(_person_key(p.name), p.role) for p in truth.persons},
        ),
        "schools": (
            {_school_key(s["name"]) for s in record["schools"]},
            {_school_key(s) for s in truth.schools},
        ),
        "initiatives": ({i["code"] for i in record["initiatives"]}, set(truth.initiatives)),
    }


def _as_input(article: Article) -> dict:
    return {
        "id": article.post_id,
        "title": article.title,
        "text": html_to_text(article.content_html),
        "url": None,
        "published_at": article.published.date().isoformat(),
    }


def _f1(tp: int, fp: int, fn: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@cache
def agreement(seeds: tuple[int, ...] = SEEDS, per_seed: int = PER_SEED) -> dict[str, float]:
    """Per field: accuracy (event fields) or F1 (lists) over the generated articles."""
    right: dict[str, int] = {}
    total = 0
    counts: dict[str, list[int]] = {}
    for seed in seeds:
        for article in generate_articles(per_seed, seed=seed):
            record = extract_article(_as_input(article))
            total += 1
            for name, (got, want) in _event_fields(record, article).items():
                right[name] = right.get(name, 0) + (got == want)
            for name, (got, want) in _set_fields(record, article).items():
                tp_fp_fn = counts.setdefault(name, [0, 0, 0])
                tp_fp_fn[0] += len(got & want)
                tp_fp_fn[1] += len(got - want)
                tp_fp_fn[2] += len(want - got)
    scores = {name: n / total for name, n in right.items()}
    scores.update({name: _f1(*c) for name, c in counts.items()})
    return scores


@pytest.mark.parametrize("field", sorted(THRESHOLDS))
def test_extractor_agrees_with_generated_truths(field: str) -> None:
    score = agreement()[field]
    assert score >= THRESHOLDS[field], f"{field}: {score:.3f} < {THRESHOLDS[field]}"


if __name__ == "__main__":
    for name, value in agreement().items():
        print(f"{name:18s} {value:.3f}")
