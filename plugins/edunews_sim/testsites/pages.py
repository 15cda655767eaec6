"""Article pages as real Thai office sites render them: the article amid page furniture.

The furniture is what the crawler must leave out: a menu, a sidebar of latest news with
their own dates, share buttons, a gallery, a comment form, a footer.
"""

from __future__ import annotations

from html import escape

from edunews.thai_calendar import format_date as long_thai_date
from edunews_sim.articles import Article
from edunews_sim.demosite.thaitext import thai_digits, weekday_name

MENU = ["หน้าแรก", "ข้อมูลหน่วยงาน", "ข่าวประชาสัมพันธ์", "ผลงาน", "ติดต่อเรา"]
FOOTER = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ เขต 1 ถนนราชดำเนิน โทร 0 5311 2345"
SHARE = "แชร์ Facebook Twitter Line"
COMMENT_FORM = (
    '<div id="respond" class="comment-respond"><h3 class="comment-reply-title">ใส่ความเห็น</h3>'
    '<form class="comment-form"><p>ที่อยู่อีเมลของคุณจะไม่แสดงให้คนอื่นเห็น</p>'
    '<textarea name="comment"></textarea><input type="submit" value="แสดงความเห็น"></form></div>'
)


def thai_date(article: Article, as_thai_digits: bool = False) -> str:
    """ "วันพุธที่ 18 ตุลาคม 2566", the way office sites print their date line."""
    text = f"วัน{weekday_name(article.published)}ที่ {long_thai_date(article.published)}"
    return thai_digits(text) if as_thai_digits else text


def sidebar(others: list[Article], link) -> str:
    """ "Latest news" with other articles' dates: the trap for generic date finders."""
    items = "".join(
        f'<li><a href="{escape(link(o))}">{escape(o.title)}</a> '
        f'<span class="date">{thai_date(o)}</span></li>'
        for o in others[:5]
    )
    return f'<aside id="secondary" class="widget-area"><h2>ข่าวล่าสุด</h2><ul>{items}</ul></aside>'


def article_page(
    article: Article,
    others: list[Article],
    link,
    *,
    head_extra: str = "",
    meta_date: bool = True,
    charset: str = "utf-8",
    thai_digits: bool = False,
    body_class: str = "entry-content",
) -> str:
    """A WordPress-theme-like page. With `meta_date` off only the visible Thai date remains;
    `body_class` other than a WordPress one leaves the crawler to find the text itself."""
    menu = "".join(f'<li><a href="/">{m}</a></li>' for m in MENU)
    meta = ""
    if meta_date:
        meta = f'<meta property="article:published_time" content="{article.published.isoformat()}">'
    gallery = "".join(
        f'<img src="/wp-content/uploads/{article.post_id}-{i}.jpg">' for i in range(3)
    )
    return f"""<!DOCTYPE html>
<html lang="th"><head><meta charset="{charset}">
<title>{escape(article.title)} – สพป.ทดสอบ เขต 1</title>
<link rel="canonical" href="{escape(link(article))}">{meta}{head_extra}
</head><body>
<header id="masthead"><div class="site-title">สพป.ทดสอบ เขต 1</div>
<nav class="main-navigation"><ul>{menu}</ul></nav></header>
<div id="content"><main id="main">
<article class="post-{article.post_id} post type-post">
<header class="entry-header"><h1 class="entry-title">{escape(article.title)}</h1>
<div class="entry-meta"><span class="posted-on">{thai_date(article, thai_digits)}</span>
<span class="byline">โดย ประชาสัมพันธ์</span></div></header>
<div class="{body_class}">
{article.content_html}<div class="gallery">{gallery}</div>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">{SHARE}</h3></div>
</div></article>
{COMMENT_FORM}
</main>{sidebar(others, link)}</div>
<footer id="colophon" class="site-footer"><p>{FOOTER}</p></footer>
</body></html>"""
