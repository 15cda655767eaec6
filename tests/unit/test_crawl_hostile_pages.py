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


# --- 3. decoding ------------------------------------------------------------------------------

UTF8 = THAI.encode("utf-8")
_MIDDLE = len(UTF8) // 2


def _stray_byte(body: bytes) -> bytes:
    return body[:_MIDDLE] + b"\xff" + body[_MIDDLE:]


def _cut_mid_character(body: bytes) -> bytes:
    # PHP's substr() on UTF-8: an excerpt ends inside a Thai letter's three bytes.
    start = body.index("ก".encode(), _MIDDLE)
    return body[: start + 2] + b" ... " + body[start + 3 :]


def _many_cut_excerpts(body: bytes) -> bytes:
    paragraphs = [p.encode() for p in ARTICLES[1].paragraphs]
    excerpts = [p[:100] for p in paragraphs if len(p) > 150]  # most end mid-character
    return body + b"<ul>" + b"".join(b"<li>" + e + b"</li>" for e in excerpts) + b"</ul>"


@pytest.mark.parametrize("damage", [_stray_byte, _cut_mid_character, _many_cut_excerpts])
@pytest.mark.parametrize(
    ("content_type", "meta"),
    [
        ("text/html", b""),
        ("text/html; charset=utf-8", b""),
        ("text/html; charset=TIS-620", b""),
        ("text/html; charset=windows-874", b""),
        (None, b'<meta http-equiv="Content-Type" content="text/html; charset=tis-620">'),
    ],
)
def test_utf8_with_stray_bytes_stays_utf8_whatever_the_label(damage, content_type, meta):
    from edunews.crawl.encoding import decode_body

    body = meta + damage(UTF8)
    text, charset = decode_body(body, content_type)
    assert charset == "utf-8"
    assert text == body.decode("utf-8", "replace")  # only the strays became U+FFFD
    assert 1 <= text.count("\ufffd") <= 60
    assert THAI[:200] in text and THAI[-200:] in text  # the Thai text around them is whole


@pytest.mark.parametrize("content_type", ["text/html", "text/html; charset=utf-8", None])
def test_real_tis620_is_still_read_as_tis620(content_type):
    from edunews.crawl.encoding import decode_body

    for article in ARTICLES:
        body = article.body_text.encode("cp874", "replace")
        text, charset = decode_body(body, content_type)
        assert charset == "cp874"
        assert text == body.decode("cp874")


# Labels Python's codec registry knows but no web page may choose.
NOT_WEB_CHARSETS = [
    "base64",
    "hex",
    "zlib",
    "bz2",
    "uu",
    "quopri",
    "rot13",
    "rot_13",
    "utf-7",
    "unicode_escape",
    "raw_unicode_escape",
    "idna",
    "punycode",
    "undefined",
    "utf-16",
    "utf-16le",
    "utf-32",
    "x-no-such-charset",
]


@pytest.mark.parametrize("label", NOT_WEB_CHARSETS)
def test_charset_labels_that_are_no_web_charset_are_ignored(label):
    from edunews.crawl.encoding import decode_body

    html = f"<html><head><title>{ARTICLES[0].title}</title></head><body><p>{THAI}</p>"
    for header, meta in [(f"text/html; charset={label}", ""), ("text/html", label)]:
        body = (f'<meta charset="{meta}">' if meta else "") + html
        assert decode_body(body.encode("utf-8"), header) == (body, "utf-8")
        legacy = body.encode("cp874", "replace")
        assert decode_body(legacy, header) == (legacy.decode("cp874"), "cp874")
    # UTF-7 would turn this into markup ("<script>"); read as the ASCII it is, it stays text.
    text, _ = decode_body(
        b"<p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>", "text/html; charset=" + label
    )
    assert "<script>" not in text and "+ADw-script" in text


def test_decoding_never_raises_whatever_the_bytes_and_label():
    import random

    from edunews.crawl.encoding import decode_body

    rng = random.Random(10)
    labels = [*NOT_WEB_CHARSETS, "utf-8", "tis-620", "iso-2022-jp", "shift_jis", "big5", ""]
    for _ in range(300):
        body = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 400)))
        if rng.random() < 0.5:
            body = UTF8[: rng.randrange(len(UTF8))] + body
        text, charset = decode_body(body, f"text/html; charset={rng.choice(labels)}")
        assert isinstance(text, str) and charset
        storable(text).encode("utf-8")
