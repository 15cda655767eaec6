"""Titles and dates on page templates nobody described: the article's heading, never the
banner's site name; the article's own date line in Thai, English or ISO, never the
sidebar's. Markup after real CMS families (Joomla 1.5/3/4, WordPress themes, Drupal 7/9,
Blogger, custom PHP, plain tables)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from edunews.crawl.article import parse_article
from edunews.crawl.date_line import find_date
from edunews.thai_calendar import BANGKOK

SITE = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสวนสัตว์ เขต 1"
TITLE = "สพป.สวนสัตว์ เขต 1 จัดประชุมเชิงปฏิบัติการพัฒนาครูผู้สอนภาษาไทย ประจำปี 2567"
BODY = (
    "<p>วันที่ 12 พฤษภาคม 2567 นายสมชาย ใจดี ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"
    "ประถมศึกษาสวนสัตว์ เขต 1 เป็นประธานเปิดการประชุมเชิงปฏิบัติการ ณ ห้องประชุมใหญ่</p>"
    "<p>มีครูผู้สอนภาษาไทยเข้าร่วมจำนวน 120 คน จากโรงเรียนในสังกัดทั้ง 5 อำเภอ</p>"
)
# Other news, each with its own date: what a sidebar holds on every template.
SIDEBAR = (
    '<div class="moduletable"><h3>ข่าวล่าสุด</h3><ul>'
    '<li><a href="/n/9">ประชุมผู้บริหารสถานศึกษา ครั้งที่ 3</a> '
    '<span class="date">1 มกราคม 2567</span></li>'
    '<li><a href="/n/8">Teachers meeting</a> <span class="date">January 2, 2024</span></li>'
    "</ul></div>"
)
MENU = '<ul class="menu"><li><a href="/">หน้าแรก</a></li><li><a href="/news">ข่าว</a></li></ul>'

TEMPLATES = {
    # Custom PHP: the office name as the banner's <h1>, the news heading an <h3>.
    "custom_php_banner_h1": (
        f"<html><head><title>{SITE}</title></head><body>"
        f'<div id="banner"><h1>{SITE}</h1><p>Educational Service Area Office</p></div>'
        f"{MENU}<div id='content'><div class='news'><h3>{TITLE}</h3>"
        f"<p>วันที่ลง 12 พ.ค. 67</p>{BODY}</div></div>{SIDEBAR}</body></html>"
    ),
    # Plain table layout: a bare <h1> in the first row (no region named), td.title below.
    "plain_table": (
        f"<html><head><title>{SITE}</title></head><body><table width='900'>"
        f"<tr><td><h1>{SITE}</h1></td></tr><tr><td>{MENU}</td></tr>"
        f"<tr><td><table><tr><td class='title'>{TITLE}</td></tr>"
        f"<tr><td>{BODY}</td></tr></table></td><td width='200'>{SIDEBAR}</td></tr>"
        "</table></body></html>"
    ),
    # WordPress theme that writes the site title as <h1> on every page, post title <h2>.
    "wordpress_site_title_h1": (
        f"<html><head><title>{TITLE} | {SITE}</title></head><body>"
        f'<div id="header"><div class="logo"><h1 class="site-title"><a href="/">{SITE}</a>'
        f'</h1></div></div><div id="nav">{MENU}</div><div id="container">'
        f'<div class="post-42 post"><h2 class="post-title">{TITLE}</h2>'
        f'<div class="postmeta">May 12, 2024</div><div class="post-body">{BODY}</div></div>'
        f'<div id="sidebar">{SIDEBAR}</div></div></body></html>'
    ),
    # Drupal 7 Bartik: site name <h1> in the header, the node's h1#page-title after it.
    "drupal7": (
        f"<html><head><title>{TITLE} | {SITE}</title></head><body>"
        f'<div id="header"><div id="name-and-slogan"><h1 id="site-name"><a href="/">'
        f"<span>{SITE}</span></a></h1></div></div>{MENU}"
        f'<div id="main"><h1 class="title" id="page-title">{TITLE}</h1>'
        f'<div class="node"><div class="submitted">Submitted by admin on Sun, 12/05/2024</div>'
        f'<div class="field-item">{BODY}</div></div></div>{SIDEBAR}</body></html>'
    ),
    # Old Blogger template: blog name <h1> in div.header, the post's h3.post-title.
    "blogger": (
        f"<html><head><title>{SITE}: {TITLE}</title></head><body>"
        f'<div class="header"><h1 class="title"><a href="/">{SITE}</a></h1></div>'
        f'<div class="main"><h2 class="date-header"><span>วันอาทิตย์ที่ 12 พฤษภาคม พ.ศ. 2567</span>'
        f'</h2><div class="post"><h3 class="post-title">{TITLE}</h3>'
        f'<div class="post-body">{BODY}</div></div></div>{SIDEBAR}</body></html>'
    ),
    # Joomla plugin that sets og:title to the site name on every page.
    "joomla3_og_site_name": (
        f'<html><head><meta property="og:title" content="{SITE}">'
        f"<title>{SITE} - {TITLE}</title></head><body>"
        f'<header class="header"><a class="brand"><h1>{SITE}</h1></a></header>'
        f'<div class="item-page"><div class="page-header"><h2>{TITLE}</h2></div>'
        f"<div class='article-body'>{BODY}</div></div>{SIDEBAR}</body></html>"
    ),
    # <title> reads "Site - Article", the only heading is the banner's.
    "title_site_first": (
        f"<html><head><title>{SITE} - {TITLE}</title></head><body>"
        f"<center><h1>{SITE}</h1></center>{MENU}<div>{BODY}</div></body></html>"
    ),
}


TEMPLATES |= {
    # WordPress theme with a page-title band naming the category above the post's heading.
    "wordpress_category_band": (
        f"<html><head><title>{TITLE} – {SITE}</title></head><body>"
        f'<header id="masthead"><p class="site-title">{SITE}</p></header>'
        '<div class="page-title-band"><h1 class="page-title">ข่าวประชาสัมพันธ์</h1></div>'
        f'<main><article><header class="entry-header"><h2 class="entry-title">{TITLE}</h2>'
        f'</header><div class="entry-content">{BODY}</div></article></main></body></html>'
    ),
    # Drupal 9 Olivero: the branding block names the site, h1.page-title the node.
    "drupal9": (
        f"<html><head><title>{TITLE} | {SITE}</title></head><body>"
        f'<header class="site-header"><div class="site-branding__name"><a href="/">{SITE}</a>'
        f'</div></header><main><h1 class="page-title"><span>{TITLE}</span></h1>'
        f'<article class="node"><div class="node__content">{BODY}</div></article></main>'
        "</body></html>"
    ),
    # A table layout whose heading is a bold line in td.topic, the banner an unnamed <h1>
    # and <title> the office's name on every page.
    "table_topic": (
        f"<html><head><title>สพป.สวนสัตว์ เขต 1</title></head><body><table>"
        f"<tr><td><h1>สพป.สวนสัตว์ เขต 1</h1></td></tr><tr><td class='topic'><b>{TITLE}</b>"
        f"</td></tr><tr><td><font size='2'>12 พ.ค. 67</font></td></tr><tr><td>{BODY}</td></tr>"
        "</table></body></html>"
    ),
    # No office-like name, <title> the site's on every page: the banner's <h1> links home.
    "home_link_h1": (
        "<html><head><title>ศูนย์ส่งเสริมการเรียนรู้อำเภอสวนสัตว์</title></head><body>"
        '<div class="top-area"><h1><a href="index.php">ศูนย์ส่งเสริมการเรียนรู้อำเภอสวนสัตว์</a>'
        f"</h1></div><div class='content-area'><h3>{TITLE}</h3>{BODY}</div></body></html>"
    ),
    # <title> cuts the heading short.
    "title_cut_short": (
        f"<html><head><title>{TITLE[:40]}... - {SITE}</title></head><body>"
        f"<h1>{SITE}</h1><div><h4>ข่าวเด่น</h4><h2>{TITLE}</h2><p>12 พ.ค. 67</p>"
        f"<div><h4>ภาพกิจกรรม</h4></div>{BODY}</div></body></html>"
    ),
}


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_the_articles_heading_not_the_banners_site_name(template):
    assert parse_article(TEMPLATES[template], "http://office.test/n/1").title == TITLE


@pytest.mark.parametrize(
    "title",
    [
        "โรงเรียนบ้านหนองบัว จัดกิจกรรมวันเด็กแห่งชาติ ประจำปี 2567",
        "สพป.สวนสัตว์ เขต 1 ประชุมผู้บริหาร",
        "ประกาศ: ผลการคัดเลือกครูดีเด่น",
    ],
)
def test_a_heading_that_names_the_office_is_the_articles(title):
    html = (
        f"<html><head><title>{title} - {SITE}</title></head><body>"
        f"<div id='top'><img src='/logo.png' alt='{SITE}'></div>{MENU}"
        f"<h2>{title}</h2>{BODY}</body></html>"
    )
    assert parse_article(html, "http://office.test/").title == title


def test_a_heading_in_the_article_is_kept_when_no_banner_is_named():
    # The office name appears in the article title itself: it must not be cut.
    title = f"{SITE} ประชุมครู"
    html = f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{BODY}</body></html>"
    assert parse_article(html, "http://office.test/").title == title


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published: 12 May 2024", date(2024, 5, 12)),
        ("Posted on May 12, 2024 by admin", date(2024, 5, 12)),
        ("Sunday, 12 May 2024 09:30", date(2024, 5, 12)),
        ("12 Sept. 2023", date(2023, 9, 12)),
        ("2024-05-12 09:30:00", date(2024, 5, 12)),
        ("2567-05-12", date(2024, 5, 12)),
        ("12/05/2024", date(2024, 5, 12)),  # day/month/year, as Thai sites write it
        ("05/12/2024", date(2024, 12, 5)),
        ("05/25/2024", date(2024, 5, 25)),  # only month/day can read it
        ("12/05/67", date(2024, 5, 12)),  # two-digit BE year
        ("๑๒/๐๕/๖๗ 10:30 น.", date(2024, 5, 12)),
        ("12/05/24", date(2024, 5, 12)),  # two-digit Gregorian year
        ("1/2/3/4", None),
        ("12-05-2567", date(2024, 5, 12)),
        ("12.05.2567", date(2024, 5, 12)),
        ("๑๒-๐๕-๒๕๖๗", date(2024, 5, 12)),
        ("12 พ.ค. 67", date(2024, 5, 12)),
        ("๑๒ พ.ค. ๒๕๖๗", date(2024, 5, 12)),
        ("วันที่ 12 เดือน พฤษภาคม พ.ศ. 2567", date(2024, 5, 12)),
        ("13/13/2024", None),
        ("IP 10.1.12.2024", None),
        ("โทร 02-123-4567", None),
        ("Mayor 12, 2024", None),
    ],
)
def test_date_lines_in_thai_english_and_iso(text, expected):
    assert find_date(text) == expected


def _page(date_line: str, wrapper: str = '<div class="news-date">{}</div>') -> str:
    return (
        f"<html><head><title>{TITLE} - {SITE}</title></head><body>"
        f'<div id="header"><h1>{SITE}</h1></div>{MENU}{SIDEBAR}'
        f"<div id='content'><h2>{TITLE}</h2>{wrapper.format(date_line)}{BODY}</div>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    "html",
    [
        # Joomla 4 Cassiopeia: <time> in dd.published, outside any <article>.
        _page(
            '<span class="icon-calendar"></span><time datetime="2024-05-12T09:30:00+07:00">'
            "Published: 12 May 2024</time>",
            '<dl class="article-info"><dd class="published">{}</dd></dl>',
        ),
        _page(
            "Published: 12 May 2024", '<dl class="article-info"><dd class="published">{}</dd></dl>'
        ),
        _page("Written by admin. Posted on May 12, 2024"),
        _page("12/05/2024"),
        _page("2567-05-12"),
        _page("วันที่ 12 เดือน พฤษภาคม พ.ศ. 2567"),
        _page("Date: 12.05.2567", "<p>{}</p>"),  # no hint: the line under the title
        _page("May 12, 2024", "<p>{}</p>"),
    ],
)
def test_the_articles_own_date_line_in_any_writing(html):
    published = parse_article(html, "http://office.test/n/1").published_at
    assert published is not None and published.date() == date(2024, 5, 12)


@pytest.mark.parametrize(
    "date_html",
    [
        # Old Blogger: the hAtom abbr's title holds the date, its text only the time.
        '<div class="post-footer"><abbr class="published" title="2024-05-12T10:00:00+07:00">'
        "10:00</abbr></div>",
        # WordPress twentyfifteen: the posted-on date in the entry's own <footer>.
        '<footer class="entry-footer"><span class="posted-on"><a href="/p/1">'
        '<time class="entry-date published" datetime="2024-05-12T10:00:00+07:00">'
        "12 May 2024</time></a></span></footer>",
        # Microdata on a span, the visible text a weekday only.
        '<span itemprop="datePublished" content="2024-05-12">วันอาทิตย์</span>',
        # Custom PHP's own class names for the date line.
        '<span class="txt_date">โพสต์เมื่อ : 12 พ.ค. 2567</span>',
        '<div class="dateNews">Sunday 12 May 2024</div>',
        # Joomla 1.5: td.createdate.
        '<table><tr><td class="createdate">วันอาทิตย์ที่ 12 พฤษภาคม 2567 เวลา 10:30 น.</td></tr>'
        "</table>",
    ],
)
def test_date_lines_named_the_many_ways_templates_name_them(date_html):
    # The date sits after the body, far from the title: only its own name finds it.
    html = (
        f"<html><head><title>{TITLE}</title></head><body>{SIDEBAR}<h2>{TITLE}</h2>"
        f"{BODY}{BODY}{BODY}<p>ขอบคุณข้อมูลจากกลุ่มนิเทศ</p><p>ภาพ</p>{date_html}</body></html>"
    )
    published = parse_article(html, "http://office.test/").published_at
    assert published is not None and published.date() == date(2024, 5, 12)


def test_aspnet_webforms_page_inside_one_form():
    # WebForms wraps the whole page in <form id="aspnetForm">: its text is the page's.
    html = (
        f"<html><head><title>{TITLE} | {SITE}</title></head><body>"
        '<form method="post" action="./NewsDetail.aspx?ID=14" id="aspnetForm">'
        '<input type="hidden" name="__VIEWSTATE" value="/wEPDwUKMTY3">'
        f'<div id="ctl00_pnlHeader"><img src="banner.png" alt="{SITE}"></div>'
        '<div id="ctl00_pnlMain"><span id="ctl00_lblTopic" class="topic">'
        f'{TITLE}</span><br><span id="ctl00_ContentPlaceHolder1_lblDate">วันที่ 12/05/2567'
        f'</span><div id="ctl00_pnlDetail">{BODY}</div></div>'
        '<div id="ctl00_pnlRight"><span class="head">ข่าวล่าสุด</span><table><tr><td>'
        '<a href="NewsDetail.aspx?ID=9">ประชุมผู้บริหาร</a></td><td>01/01/2567</td></tr>'
        "</table></div></form></body></html>"
    )
    parsed = parse_article(html, "http://office.test/NewsDetail.aspx?ID=14")
    assert parsed.title == TITLE
    assert parsed.published_at == datetime(2024, 5, 12, tzinfo=BANGKOK)


def test_a_comment_form_is_still_no_text():
    html = (
        f"<html><head><title>{TITLE}</title></head><body><h2>{TITLE}</h2>{BODY}"
        "<div id='respond'><form action='/wp-comments-post.php'><p>ความคิดเห็น 12/05/2567</p>"
        "</form></div></body></html>"
    )
    assert parse_article(html, "http://office.test/").published_at is None


def test_a_banners_date_of_today_is_not_the_articles():
    html = (
        f"<html><head><title>{TITLE}</title></head><body>"
        f'<div id="header"><h1>{SITE}</h1><span class="date">วันพุธที่ 2 ธันวาคม 2569</span></div>'
        f"<h2>{TITLE}</h2>{BODY}</body></html>"
    )
    assert parse_article(html, "http://office.test/").published_at is None


def test_a_left_columns_news_dates_above_the_title_are_not_the_articles():
    # A table layout: the left column of other news (nothing names it) ends right above
    # the article's heading, the article's own date line is below it.
    html = (
        f"<html><head><title>{TITLE}</title></head><body><table><tr><td width='180'>"
        "<b>ข่าวล่าสุด</b><br><a href='/n/9'>ประชุมผู้บริหาร</a><br>(01/01/2567)</td>"
        f"<td><b class='topic'>{TITLE}</b><br>โพสต์เมื่อ 12/05/2567<br>{BODY}</td></tr>"
        "</table></body></html>"
    )
    published = parse_article(html, "http://office.test/").published_at
    assert published == datetime(2024, 5, 12, tzinfo=BANGKOK)


def test_a_columns_named_news_dates_before_the_article_are_not_its_own():
    # Custom PHP: a left column of other news (its box named nothing), each with span.date,
    # before the article, whose own date line is below its heading.
    column = "".join(
        f"<div class='item'><a href='/n/{n}'>ข่าวอื่นที่ {n}</a> <span class='date'>0{n}/01/2567"
        "</span></div>"
        for n in range(1, 4)
    )
    html = (
        f"<html><head><title>{TITLE}</title></head><body><div class='left'>{column}</div>"
        f"<div class='right'><div class='breadcrumb'>หน้าแรก &gt; {TITLE}</div><h2>{TITLE}</h2>"
        f"<span class='date'>12 พ.ค. 2567</span>{BODY}</div></body></html>"
    )
    published = parse_article(html, "http://office.test/").published_at
    assert published == datetime(2024, 5, 12, tzinfo=BANGKOK)


def test_joomla4_time_keeps_its_time_of_day():
    html = _page(
        '<time datetime="2024-05-12T09:30:00+07:00">Published: 12 May 2024</time>',
        '<dl class="article-info"><dd class="published">{}</dd></dl>',
    )
    published = parse_article(html, "http://office.test/n/1").published_at
    assert published == datetime(2024, 5, 12, 9, 30, tzinfo=BANGKOK)


def test_sidebar_english_dates_are_never_the_articles():
    html = (
        f"<html><head><title>{TITLE}</title></head><body><h2>{TITLE}</h2>{BODY}"
        '<div class="sidebar"><ul><li><a href="/x">Other</a> <span class="date">'
        "January 2, 2024</span></li><li><time datetime='2024-01-02'>2 Jan</time></li>"
        "</ul></div></body></html>"
    )
    assert parse_article(html, "http://office.test/").published_at is None
