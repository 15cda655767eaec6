"""Hostile pages (issue 10): every page can be read, and what is read can be stored.

NUL bytes and lone surrogates, malformed REST posts, UTF-8 with stray bytes, charset labels
naming codecs that are not text encodings, pages nested 100,000 deep, canonical links that
are not web addresses. Real Thai text from the shared corpus where it is here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from html import escape

import pytest

from edunews.crawl.storable import storable, storable_record
from edunews_sim.articles import load_articles
from helpers.crawling import site_client

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


def test_storable_record_mends_every_text_field():
    page = _Page("http://a.test/1", "หัว\x00ข้อ", "เนื้อ\ud800หา", "<p>\x00</p>", None, 200)
    clean = storable_record(page)
    assert (clean.title, clean.body_text, clean.html) == ("หัวข้อ", "เนื้อ\ufffdหา", "<p></p>")
    assert clean.canonical_url is None and clean.http_status == 200
    fine = _Page("http://a.test/1", "หัวข้อ", THAI, "<p>x</p>", "http://a.test/1", 200)
    assert storable_record(fine) is fine


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


# --- 1b. readers survive the characters ----------------------------------------------------


def _page(body: str, title: str = ARTICLES[0].title) -> str:
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<h1 class='entry-title'>{title}</h1>{body}</body></html>"
    )


@pytest.mark.parametrize("body_class", ["entry-content", "news-detail"])
@pytest.mark.parametrize("bad", ["\x00", "\x00" * 50, "\ud800", "\udfff\x00\x1b"])
def test_a_bad_character_anywhere_loses_nothing_after_it(bad, body_class):
    from edunews.crawl.article import parse_article
    from edunews.crawl.html_text import html_to_text

    paragraphs = ARTICLES[0].paragraphs
    content = "".join(f"<p>{p}</p>" for p in paragraphs)
    spots = [
        f"<div class='{body_class}'>{bad}{content}</div>",  # before the text
        f"<div class='{body_class}'><p{bad}>{paragraphs[0]}</p>{content}</div>",  # in a tag
        f"<div class='{body_class}' id='a{bad}b'>{content}</div>",  # in an attribute
        f"<div class='{body_class}'>{content[:-4]}{bad}</p><p>ท้ายสุด</p></div>",
    ]
    for body in spots:
        page = _page(body)
        article = parse_article(page, "http://site.test/1")
        assert paragraphs[-1] in article.body_text
        assert "\x00" not in article.body_text and "\x00" not in article.title
        storable(article.body_text).encode("utf-8")
        assert article.body_text == storable(article.body_text)  # already storable
        assert paragraphs[-1] in html_to_text(body)
    # In text, a NUL is dropped, not turned into a U+FFFD inside a Thai word.
    word = paragraphs[0][:20]
    split = f"<div class='{body_class}'><p>{word[:10]}\x00{word[10:]}</p>{content}</div>"
    assert parse_article(_page(split), "http://site.test/1").body_text.startswith(word)


def test_rest_content_with_a_lone_surrogate_reads():
    from edunews.crawl.html_text import html_to_text, unescape_title

    assert html_to_text("<p>ก่อน\ud800</p><p>หลัง</p>") == "ก่อน\ufffd\nหลัง"
    assert unescape_title("หัว\ud800ข้อ &#0; &#xD800;") == "หัว\ufffdข้อ \ufffd \ufffd"


# --- 4. deep nesting and big pages ---------------------------------------------------------


def _deep(depth: int, wrapper: str = "<div>", closed: bool = True) -> str:
    article = ARTICLES[1]
    close = "</" + wrapper[1:].split()[0].rstrip(">") + ">"
    inner = f"<div class='entry-content'>{article.content_html}</div>"
    return _page(wrapper * depth + inner + (close * depth if closed else ""), article.title)


@pytest.mark.parametrize("depth", [8_000, 100_000])
def test_deep_nesting_reads_in_seconds_and_finds_the_article(depth):
    from edunews.crawl.article import parse_article

    page = _deep(depth)
    started = time.process_time()
    article = parse_article(page, "http://site.test/1")
    # Loose: 0.2 s and 0.4 s here; before, 8,000 took 63 s and 100,000 never finished.
    assert time.process_time() - started < 20
    assert article.title == ARTICLES[1].title
    assert article.body_text == ARTICLES[1].body_text


@pytest.mark.parametrize(
    ("wrapper", "closed"),
    [
        ("<div class='wrap'>", True),  # every level labelled: the headroom runs out
        ("<div>", False),  # never closed
        ("<span>", True),
        ("<table><tr><td>", False),
        ("<ul><li>", False),
        ("<b><i>", False),
        ("<blockquote>", True),
    ],
)
def test_any_deep_nesting_reads_in_seconds_and_keeps_the_text(wrapper, closed):
    from edunews.crawl.article import parse_article
    from edunews.crawl.html_text import html_to_text

    page = _deep(50_000, wrapper, closed)
    started = time.process_time()
    article = parse_article(page, "http://site.test/1")
    text = html_to_text(page)
    assert time.process_time() - started < 20
    for paragraph in ARTICLES[1].paragraphs:
        assert paragraph in article.body_text
        assert paragraph in text


def test_tens_of_thousands_of_sibling_paragraphs_read_in_seconds():
    from edunews.crawl.article import parse_article
    from edunews.crawl.html_text import html_to_text

    listing = "<div class='other'>" + "<p>ข่าวอื่น</p>" * 40_000 + "</div>"
    page = _page(f"<div class='entry-content'>{ARTICLES[1].content_html}</div>{listing}")
    started = time.process_time()
    text = html_to_text(listing)  # 70 s before (one list insert per paragraph)
    article = parse_article(page, "http://site.test/1")
    assert time.process_time() - started < 20
    assert text.count("ข่าวอื่น") == 40_000
    assert article.body_text == ARTICLES[1].body_text


def test_huge_pages_are_read_in_seconds():
    from edunews.crawl.article import parse_article

    article = ARTICLES[1]
    content = f"<div class='entry-content'>{article.content_html}</div>"
    one_line = _page(content + "<p>" + "ก" * 9_000_000 + "</p>")  # 27 MB of UTF-8
    many_tags = _page(content + "<span class='post-date'>ไม่ใช่วันที่</span>" * 100_000)
    for page in (one_line, many_tags):
        started = time.process_time()
        parsed = parse_article(page, "http://site.test/1")
        assert time.process_time() - started < 20
        assert article.paragraphs[0] in parsed.body_text


def test_normal_pages_are_parsed_as_sent():
    from edunews.crawl.bounded_html import readable_html
    from edunews_sim.testsites.pages import article_page

    page = article_page(ARTICLES[0], ARTICLES[1:], lambda a: f"/p/{a.post_id}")
    assert readable_html(page) is page  # no rewriting, so no change in what is read


def test_json_ld_nested_thousands_deep_is_no_date_and_no_crash():
    from edunews.crawl.article import parse_article

    deep = "[" * 100_000 + "]" * 100_000
    odd = '{"datePublished": 20231018, "@graph": [{"datePublished": ["2023-10-18"]}]}'
    for data in (deep, odd):
        script = f"<script type='application/ld+json'>{data}</script>"
        page = _page(script + f"<div class='entry-content'>{ARTICLES[1].content_html}</div>")
        assert parse_article(page, "http://site.test/1").published_at is None


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00", "9999-12-31T23:59:59+14:00", 2023])
def test_absurd_dates_are_no_dates(value):
    from edunews.crawl.published import parse_datetime

    assert parse_datetime(value) is None  # year 1 in Bangkok cannot even be moved to UTC


# --- 5. canonical links ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("/news/1", "http://site.test/news/1"),
        ("  HTTP://Other.Example:80/a b#top ", "http://other.example/a%20b"),
        (
            "https://ข่าว.example/ข่าว",
            "https://xn--22c8e6a1f.example/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7",
        ),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("mailto:pr@site.test", None),
        ("http://[::1", None),
        ("http://user:pass@site.test/1", None),
        ("http://site.test/" + "a" * 5000, None),
        ("", None),
    ],
)
def test_canonical_is_an_absolute_web_address_or_none(href, expected):
    from edunews.crawl.article import parse_article

    link = f'<link rel="canonical" href="{href}">' if href is not None else ""
    page = _page(f"<div class='entry-content'>{ARTICLES[1].content_html}</div>").replace(
        "</head>", link + "</head>"
    )
    assert parse_article(page, "http://site.test/news/1?x=1").canonical_url == expected


# --- 2. malformed REST posts, and the hostile site end to end through real HTTP ------------


@pytest.fixture(scope="module")
def hostile_site():
    from edunews_sim.server import serve
    from edunews_sim.testsites.farm_pages import HostilePagesSite

    site = HostilePagesSite(load_articles(5))
    with serve(site) as served:
        yield site, served


def _client():
    return site_client(read_timeout=10.0)


def test_every_hostile_page_is_read_and_storable(hostile_site):
    """The crawler's own reading of each page (fetch, decode, parse), checked against the
    site's expectations: the verdict, the text that must be there, the charset."""
    from edunews.crawl.article import parse_article
    from edunews.crawl.encoding import decode_body
    from edunews_sim.testsites.farm_pages import ELSEWHERE

    site, served = hostile_site
    client = _client()
    expectations = site.expectations()
    pages = [p for p in expectations if p.startswith("/hostile/")]
    assert len(pages) >= 25
    for path in pages:
        expect = expectations[path]
        resp = client.get(served.url.rstrip("/") + path)
        assert resp.status == 200, path
        html, charset = decode_body(resp.body, resp.headers.get("Content-Type"))
        started = time.process_time()
        article = parse_article(html, resp.url)
        assert time.process_time() - started < 20, path
        outcome = "stored" if article.body_text else "parse_error"
        assert outcome == expect.outcome, path
        for field in (article.title, article.body_text, storable(html)):
            field.encode("utf-8")  # what psycopg does: no lone surrogate
            assert "\x00" not in field, path
        assert article.body_text == storable(article.body_text), path
        for text in expect.contains:
            assert text in article.body_text, path
        if expect.charset:
            assert charset == expect.charset, path
        if outcome == "stored" and expect.canonical == "article":
            assert article.canonical_url == f"{served.url}good/{site.articles[0].post_id}", path
        if outcome == "stored" and article.published_at is not None:
            assert 1990 < article.published_at.year < 2100, path
    resp = client.get(served.url + "hostile/canonical-elsewhere")
    # Normalised and kept here; landing drops it (not one of the source's hosts).
    assert parse_article(resp.text(), resp.url).canonical_url == ELSEWHERE


def test_malformed_rest_posts_are_errors_of_their_own_and_neighbours_land(hostile_site):
    from edunews.crawl import wordpress
    from edunews.crawl.discovery import Context, Found
    from edunews_sim.testsites.farm_pages import EXPECTED

    site, served = hostile_site
    found = list(wordpress.discover(Context(_client()), served.url))
    assert all(isinstance(item, Found) for item in found)  # no ListingFailure: read through
    by_path = {item.url.removeprefix(served.url.rstrip("/")): item for item in found}
    rest = {p: o for p, o in EXPECTED.items() if not p.startswith("/hostile/")}
    assert set(rest) <= set(by_path)
    for path, outcome in rest.items():
        item = by_path[path]
        if outcome == "parse_error" and path != "/rest/empty":
            assert item.error and item.article is None, path
            assert item.error.startswith(("malformed REST post", "REST listing item")), path
        else:
            assert item.error is None and item.article is not None, path
    assert by_path["/rest/content-string"].error == (
        "malformed REST post: content is a str, not {'rendered': ...}"
    )
    assert "link is an int" in by_path["/wp-json/wp/v2/posts/9001"].error
    assert "a list, not a post" in by_path["/wp-json/wp/v2/posts?page=1#item-3"].error
    for path in ("/rest/nul", "/rest/surrogate", "/rest/deep"):
        article = by_path[path].article
        assert site.articles[1].paragraphs[-1] in article.body_text, path
        for text in (article.title, article.body_text, by_path[path].html):
            text.encode("utf-8")
            assert "\x00" not in text
    assert by_path["/rest/surrogate"].article.title == "ข่าว\ufffd"
    # The good posts after all that land whole.
    for article in site.articles:
        item = by_path[f"/good/{article.post_id}"]
        assert item.article.body_text == article.body_text
        assert item.article.published_at == article.published


def test_a_rest_listing_that_is_no_list_is_a_listing_failure():
    from edunews.crawl import wordpress
    from edunews.crawl.discovery import Context, ListingFailure
    from edunews_sim.server import Reply, serve

    class Broken:
        def __init__(self, body: bytes) -> None:
            self.body = body

        def handle(self, request):
            return Reply(200, self.body, {"Content-Type": "application/json"})

    for body in (b'{"posts": []}', b"<html>not json", b"[" * 100_000, b"\xff\xfe[]"):
        with serve(Broken(body)) as served:
            found = list(wordpress.discover(Context(_client()), served.url))
        assert len(found) == 1 and isinstance(found[0], ListingFailure), body[:20]
        assert found[0].error.outcome == "parse_error"


def test_a_rest_listing_with_a_stray_byte_is_read_with_a_replacement():
    import json

    from edunews.crawl import wordpress
    from edunews.crawl.discovery import Context
    from edunews_sim.server import Reply, serve

    article = ARTICLES[2]

    class Listing:
        def handle(self, request):
            post = {
                "id": 1,
                "link": "http://127.0.0.1/news/1",
                "title": {"rendered": article.title},
                "content": {"rendered": "<p>STRAY</p>" + article.content_html},
            }
            body = json.dumps([post], ensure_ascii=False).encode()
            return Reply(200, body.replace(b"STRAY", b"\xe0\xb8"), {"X-WP-TotalPages": "1"})

    with serve(Listing()) as served:
        (found,) = wordpress.discover(Context(_client()), served.url)
    assert found.error is None
    assert found.article.body_text == "\ufffd\n" + article.body_text


def test_a_utf8_template_around_a_tis620_article_reads_both():
    from edunews.crawl.encoding import decode_body
    from edunews_sim.testsites.pages import article_page

    articles = load_articles(24)
    for article in articles[4:]:
        page = article_page(article, articles[:4], lambda a: f"/p/{a.post_id}").encode()
        for paragraph in article.paragraphs:
            text = escape(paragraph).encode()
            page = page.replace(text, escape(paragraph).encode("cp874", "replace"), 1)
        for content_type in ("text/html; charset=utf-8", "text/html", None):
            text, charset = decode_body(page, content_type)
            assert charset == "utf-8+cp874"
            for paragraph in article.paragraphs:  # (what TIS-620 can hold of it)
                assert escape(paragraph).encode("cp874", "replace").decode("cp874") in text
            assert escape(articles[0].title) in text  # the template's own Thai (its sidebar)


def test_a_title_of_megabytes_is_cut():
    from edunews.crawl.article import parse_article
    from edunews.crawl.html_text import MAX_TITLE_CHARS

    huge = "ข่าว" * 200_000
    page = _page(f"<div class='entry-content'>{ARTICLES[1].content_html}</div>", huge)
    article = parse_article(page, "http://site.test/1")
    assert article.title == huge[:MAX_TITLE_CHARS]
    assert article.body_text == ARTICLES[1].body_text


def test_flattening_never_turns_text_into_markup():
    from bs4 import BeautifulSoup

    from edunews.crawl.bounded_html import HEADROOM, MAX_DEPTH, flatten

    deep = "<div class='x'>" * (MAX_DEPTH + HEADROOM + 10)
    script = "<script>document.write('<h1 class=entry-title>fake</h1>')</script>"
    page = f"<html><body>{deep}{script}<p>ข่าว &lt;b&gt; จริง</p></body></html>"
    soup = BeautifulSoup(flatten(page), "lxml")
    assert soup.find("h1") is None and soup.find("b") is None  # a dropped script's text is gone
    assert soup.get_text().endswith("ข่าว <b> จริง")  # and escaped text stays text
    assert len(soup.find_all("div")) <= MAX_DEPTH + HEADROOM


def test_tis620_after_megabytes_of_ascii_is_still_tis620():
    """The charset is told by the page's non-ASCII bytes wherever they are: 1.6 MB of inline
    script first (and the meta tag, if any, after it) left detection looking at ASCII only,
    and the Thai text after it became mojibake."""
    from edunews.crawl.encoding import decode_body

    article = load_articles(1)[0]
    page = (
        "<html><head><script>var s = " + "{'k': 1}, " * 160_000 + ";</script>"
        f"<title>{article.title}</title></head><body><p>{article.body_text}</p></body></html>"
    )
    text, charset = decode_body(page.encode("cp874", "xmlcharrefreplace"), "text/html")
    assert charset == "cp874"
    assert article.title in text
