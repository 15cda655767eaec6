"""Reading pages: charsets, Thai dates, published dates, titles and main text."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from bs4 import BeautifulSoup

from edunews.crawl.article import parse_article
from edunews.crawl.date_line import find_thai_date
from edunews.crawl.encoding import decode_body
from edunews.crawl.published import parse_datetime, published_date
from edunews.thai_calendar import BANGKOK
from edunews_sim.articles import generated_articles
from edunews_sim.testsites.pages import COMMENT_FORM, FOOTER, SHARE, article_page

THAI = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา จัดประชุมเชิงปฏิบัติการ ณ ห้องประชุม " * 5


@pytest.mark.parametrize(
    ("body", "content_type", "charset"),
    [
        (THAI.encode("cp874"), "text/html; charset=TIS-620", "cp874"),
        (THAI.encode("cp874"), "text/html; charset=ISO-8859-11", "cp874"),
        (b'<meta charset="windows-874">' + THAI.encode("cp874"), "text/html", "cp874"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=tis-620">'
            + THAI.encode("cp874"),
            None,
            "cp874",
        ),
        (THAI.encode("cp874"), "text/html", "cp874"),  # nothing declared: detected
        (THAI.encode("utf-8"), "text/html", "utf-8"),
        (b"\xef\xbb\xbf" + THAI.encode("utf-8"), None, "utf-8-sig"),
    ],
)
def test_thai_pages_decode_whatever_they_declare(body, content_type, charset):
    text, used = decode_body(body, content_type)
    assert used == charset
    assert THAI.strip() in text


def test_legacy_bytes_behind_a_utf8_header_are_still_read():
    text, used = decode_body(THAI.encode("cp874"), "text/html; charset=UTF-8")
    assert used == "cp874" and THAI.strip() in text


def test_header_wins_over_meta():
    body = b'<meta charset="iso-8859-1">' + THAI.encode("utf-8")
    assert decode_body(body, "text/html; charset=utf-8")[1] == "utf-8"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("วันพุธที่ ๑๘ ตุลาคม ๒๕๖๖", date(2023, 10, 18)),
        ("โพสต์เมื่อ 18 ต.ค. 66 โดย admin", date(2023, 10, 18)),
        ("เผยแพร่: 18/10/2566", date(2023, 10, 18)),
        ("3 ก. ย. พ.ศ. 2563", date(2020, 9, 3)),
        ("5 ก.ย 2563", date(2020, 9, 5)),
        ("31 กุมภาพันธ์ 2563", None),
        ("ผู้เข้าร่วม 15 คน", None),
    ],
)
def test_visible_thai_dates(text, expected):
    assert find_thai_date(text) == expected


def test_parse_datetime_buddhist_era_and_naive_values_are_bangkok():
    assert parse_datetime("2566-10-18T09:00:00") == datetime(2023, 10, 18, 9, tzinfo=BANGKOK)
    assert parse_datetime("2023-10-18T02:00:00Z") == datetime(2023, 10, 18, 2, tzinfo=UTC)
    assert parse_datetime("not a date") is None


def _date_of(html: str, title: str = "ข่าว") -> datetime | None:
    return published_date(BeautifulSoup(html, "lxml"), title)


def test_published_from_meta_then_json_ld_then_time():
    meta = '<meta property="article:published_time" content="2023-10-18T09:00:00+07:00">'
    ld = '<script type="application/ld+json">{"@graph": [{"datePublished": "2022-01-05"}]}</script>'
    assert _date_of(meta + ld).date() == date(2023, 10, 18)
    assert _date_of(ld).date() == date(2022, 1, 5)
    timed = '<article><time datetime="2021-03-04T10:00:00+07:00">4 มี.ค.</time></article>'
    assert _date_of(timed).date() == date(2021, 3, 4)


def test_sidebar_dates_are_never_the_articles():
    html = (
        "<h1>ข่าว</h1><p>ไม่มีวันที่</p><aside class='widget'><ul><li>"
        "<a href='/x'>ข่าวอื่น</a> <span class='date'>1 มกราคม 2563</span></li></ul></aside>"
        "<div class='sidebar'><time datetime='2020-01-01'>x</time></div>"
    )
    assert _date_of(html) is None


def test_visible_date_line_under_the_title():
    html = "<div class='post'><h2>ข่าวประชุม</h2><p>๑๘ ต.ค. ๖๖</p><p>เนื้อหา</p></div>"
    assert _date_of(html, "ข่าวประชุม") == datetime(2023, 10, 18, tzinfo=BANGKOK)


@pytest.mark.parametrize("body_class", ["entry-content", "news-detail"])
def test_article_page_without_furniture(body_class):
    articles = generated_articles(4)
    article = articles[0]
    html = article_page(
        article, articles[1:], lambda a: f"/p/{a.post_id}", meta_date=False, body_class=body_class
    )
    parsed = parse_article(html, "http://site.test/p/1")
    assert parsed.title == article.title
    assert parsed.body_text == article.body_text
    assert parsed.published_at.date() == article.published.date()
    assert parsed.canonical_url == "http://site.test/p/1"
    for furniture in ("ใส่ความเห็น", FOOTER, SHARE, "ข่าวล่าสุด", articles[1].title):
        assert furniture not in parsed.body_text
    assert "ใส่ความเห็น" in COMMENT_FORM  # the page did carry it
