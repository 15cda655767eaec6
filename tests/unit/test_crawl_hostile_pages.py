"""Hostile pages (issue 10): every page can be read, and what is read can be stored.

NUL bytes and lone surrogates, malformed REST posts, UTF-8 with stray bytes, charset labels
naming codecs that are not text encodings, pages nested 100,000 deep, canonical links that
are not web addresses. Real Thai text from the shared corpus where it is here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest

from edunews.crawl.storable import storable, storable_page
from edunews.testsites.articles import load_articles

ARTICLES = load_articles(6)
THAI = ARTICLES[0].body_text  # real Thai news text when the corpus is here


# --- 1. text PostgreSQL takes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("ก่อน\x00หลัง", "ก่อนหลัง"),
        ("a\x01b\x08c\x0bd\x0ce\x1bf\x1fg", "abcdefg"),
        ("tab\there\nline\r\n", "tab\there\nline\r\n"),  # whitespace controls stay
        ("ชื่อ\ud800เรื่อง", "ชื่อ\ufffdเรื่อง"),  # lone high surrogate
        ("x\udfffy", "x\ufffdy"),  # lone low surrogate
        ("\ud83d\ude00", "\U0001f600"),  # a pair kept as two code points is one character
        ("\x00\ud800\x00", "\ufffd"),
        ("", ""),
    ],
)
def test_storable_removes_what_postgresql_refuses(dirty, clean):
    assert storable(dirty) == clean
    storable(dirty).encode("utf-8")  # psycopg's encoding: must not raise


def test_storable_keeps_clean_text_as_it_is():
    assert storable(THAI) is THAI


@dataclass(frozen=True)
class _Page:
    url: str
    title: str
    body_text: str
    html: str
    canonical_url: str | None
    http_status: int


def test_storable_page_mends_every_text_field():
    page = _Page("http://a.test/1", "หัว\x00ข้อ", "เนื้อ\ud800หา", "<p>\x00</p>", None, 200)
    clean = storable_page(page)
    assert (clean.title, clean.body_text, clean.html) == ("หัวข้อ", "เนื้อ\ufffdหา", "<p></p>")
    assert clean.canonical_url is None and clean.http_status == 200
    fine = _Page("http://a.test/1", "หัวข้อ", THAI, "<p>x</p>", "http://a.test/1", 200)
    assert storable_page(fine) is fine


def test_storable_is_fast_on_a_megabyte_page():
    page = ("<p>" + THAI + "</p>\n") * (1_000_000 // (len(THAI) + 8) + 1)
    dirty = page[:500_000] + "\x00\ud800" + page[500_000:]
    started = time.perf_counter()
    for _ in range(10):
        storable(page)
        storable(dirty)
    # Loose: about 3 ms and 10 ms here; only a per-character Python loop would miss this.
    assert time.perf_counter() - started < 5.0
    assert storable(dirty) == page[:500_000] + "\ufffd" + page[500_000:]
