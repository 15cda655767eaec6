"""HTML pages of the demo site: a typical Thai office WordPress theme around the posts.

The furniture is there on purpose, as on real sites: a menu, a sidebar of other posts
with their dates, share buttons, related posts, a comment form (ใส่ความเห็น) and a footer.
Main-text and date extraction must see past it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from string import Template
from urllib.parse import quote

from edunews.thai_calendar import MONTHS_FULL, be_year
from edunews.thai_calendar import format_date as long_thai_date
from edunews_sim.articles import Article
from edunews_sim.wp_rest import SITE_TZ, excerpt_html, post_link

WP_VERSION = "6.4.3"


@dataclass(frozen=True)
class SiteInfo:
    base: str  # with the trailing slash
    name: str
    tagline: str


_SHELL = Template("""<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
<meta name="generator" content="WordPress $wp_version">
<link rel="https://api.w.org/" href="${base}wp-json/">
<link rel="alternate" type="application/rss+xml" title="$site_name &raquo; ฟีด" href="${base}feed/">
$head
<style>body{font-family:Sarabun,Tahoma,sans-serif}.site-content{display:flex}</style>
</head>
<body class="$body_class">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">ข้ามไปยังเนื้อหา</a>
<header id="masthead" class="site-header">
<div class="site-branding">
<p class="site-title"><a href="$base" rel="home">$site_name</a></p>
<p class="site-description">$tagline</p>
</div>
<nav id="site-navigation" class="main-navigation">
<ul id="primary-menu" class="menu">
<li class="menu-item"><a href="$base">หน้าแรก</a></li>
<li class="menu-item menu-item-has-children"><a href="#">เกี่ยวกับหน่วยงาน</a>
<ul class="sub-menu"><li><a href="#">ประวัติความเป็นมา</a></li><li><a href="#">วิสัยทัศน์ พันธกิจ</a></li>
<li><a href="#">ทำเนียบผู้บริหาร</a></li></ul></li>
<li class="menu-item current-menu-item"><a href="$base">ข่าวประชาสัมพันธ์</a></li>
<li class="menu-item"><a href="#">กลุ่มงานภายใน</a></li>
<li class="menu-item"><a href="#">ดาวน์โหลดเอกสาร</a></li>
<li class="menu-item"><a href="#">ติดต่อเรา</a></li>
</ul>
</nav>
</header>
<div id="content" class="site-content">
<main id="main" class="site-main">
$main
</main>
<aside id="secondary" class="widget-area">
$sidebar
</aside>
</div>
<footer id="colophon" class="site-footer">
<div class="footer-widgets"><section class="widget widget_text">
<h2 class="widget-title">ติดต่อเรา</h2>
<div class="textwidget"><p>$site_name<br>ถนนศึกษาสัมพันธ์ ตำบลในเมือง อำเภอเมือง<br>
โทรศัพท์ 0 4321 1234 โทรสาร 0 4321 1235</p></div></section></div>
<div class="site-info">สงวนลิขสิทธิ์ &copy; $footer_year $site_name
<span class="sep"> | </span>ขับเคลื่อนโดย <a href="https://wordpress.org/">WordPress</a></div>
</footer>
</div>
</body>
</html>
""")

_ARTICLE = Template("""<article id="post-$id"\
 class="post-$id post type-post status-publish format-standard hentry category-news">
<header class="entry-header">
<h1 class="entry-title">$title</h1>
<div class="entry-meta"><span class="posted-on">โพสต์เมื่อ <a href="$link" rel="bookmark">\
<time class="entry-date published" datetime="$published_iso">$published_thai</time>\
<time class="updated" datetime="$modified_iso">$modified_thai</time></a></span>\
<span class="byline"> โดย <span class="author vcard">\
<a class="url fn n" href="${base}author/admin/">admin</a></span></span></div>
</header>
<div class="entry-content">
$content
</div>
<footer class="entry-footer">
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">แชร์:</h3><ul>
<li><a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u=$link_q" \
rel="nofollow noopener" target="_blank">Facebook</a></li>
<li><a class="share-twitter" href="https://twitter.com/intent/tweet?url=$link_q" \
rel="nofollow noopener" target="_blank">X</a></li>
<li><a class="share-line" href="https://social-plugins.line.me/lineit/share?url=$link_q" \
rel="nofollow noopener" target="_blank">LINE</a></li>
</ul></div>
<span class="cat-links">หมวดหมู่: <a href="$base" rel="category tag">ข่าวประชาสัมพันธ์</a></span>
</footer>
</article>
$related
$post_nav
<div id="comments" class="comments-area">
<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">ใส่ความเห็น</h3>
<form action="${base}wp-comments-post.php" method="post" id="commentform" class="comment-form">
<p class="comment-notes"><span id="email-notes">อีเมลของคุณจะไม่แสดงให้คนอื่นเห็น</span> \
ช่องข้อมูลจำเป็นถูกทำเครื่องหมาย <span class="required">*</span></p>
<p class="comment-form-comment"><label for="comment">ความเห็น <span class="required">*</span></label>
<textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
<p class="comment-form-author"><label for="author">ชื่อ <span class="required">*</span></label>
<input id="author" name="author" type="text" size="30" maxlength="245" required></p>
<p class="comment-form-email"><label for="email">อีเมล <span class="required">*</span></label>
<input id="email" name="email" type="email" size="30" maxlength="100" required></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" \
value="แสดงความเห็น">
<input type="hidden" name="comment_post_ID" value="$id" id="comment_post_ID"></p>
</form>
</div>
</div>""")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _thai_date(article: Article, modified: bool = False) -> str:
    moment = article.modified if modified else article.published
    return long_thai_date(moment.astimezone(SITE_TZ).date())


def _iso(article: Article, modified: bool = False) -> str:
    moment = article.modified if modified else article.published
    return moment.astimezone(SITE_TZ).isoformat(timespec="seconds")


def _page(site: SiteInfo, title: str, body_class: str, head: str, main: str, sidebar: str) -> str:
    """The theme around `main`; `title` is HTML already."""
    return _SHELL.substitute(
        title=title,
        wp_version=WP_VERSION,
        base=site.base,
        site_name=_e(site.name),
        tagline=_e(site.tagline),
        head=head,
        body_class=body_class,
        main=main,
        sidebar=sidebar,
        footer_year=site_footer_year(),
    )


def site_footer_year() -> int:
    """The copyright year in the footer: fixed, so that pages do not change by the clock."""
    return be_year(2025)


def _post_list_item(site: SiteInfo, article: Article) -> str:
    return (
        f'<li><a href="{post_link(article, site.base)}">{_e(article.title)}</a>'
        f' <span class="post-date">{_thai_date(article)}</span></li>'
    )


def sidebar(site: SiteInfo, recent: Sequence[Article], months: Sequence[tuple[int, int]]) -> str:
    """Recent posts with their dates, and the monthly archive, as WordPress widgets show them."""
    items = "\n".join(_post_list_item(site, a) for a in recent)
    archive = "\n".join(
        f'<li><a href="#">{MONTHS_FULL[m - 1]} {be_year(y)}</a></li>' for y, m in months
    )
    return (
        '<section class="widget widget_search"><form role="search" method="get" '
        f'class="search-form" action="{site.base}"><input type="search" name="s" '
        'placeholder="ค้นหา &hellip;"><input type="submit" value="ค้นหา"></form></section>\n'
        '<section class="widget widget_recent_entries"><h2 class="widget-title">เรื่องล่าสุด</h2>'
        f"<ul>\n{items}\n</ul></section>\n"
        '<section class="widget widget_archive"><h2 class="widget-title">คลังเก็บ</h2>'
        f"<ul>\n{archive}\n</ul></section>"
    )


def _related(site: SiteInfo, related: Sequence[Article]) -> str:
    if not related:
        return ""
    items = "\n".join(_post_list_item(site, a) for a in related)
    return f'<div class="related-posts"><h3>ข่าวที่เกี่ยวข้อง</h3><ul>\n{items}\n</ul></div>'


def _post_nav(site: SiteInfo, older: Article | None, newer: Article | None) -> str:
    parts = []
    if older:
        parts.append(
            f'<div class="nav-previous"><a href="{post_link(older, site.base)}" rel="prev">'
            f'<span class="meta-nav">เรื่องก่อนหน้านี้</span> {_e(older.title)}</a></div>'
        )
    if newer:
        parts.append(
            f'<div class="nav-next"><a href="{post_link(newer, site.base)}" rel="next">'
            f'<span class="meta-nav">เรื่องถัดไป</span> {_e(newer.title)}</a></div>'
        )
    links = "".join(parts)
    return f'<nav class="navigation post-navigation"><div class="nav-links">{links}</div></nav>'


def article_page(
    site: SiteInfo,
    article: Article,
    side: str,
    related: Sequence[Article],
    older: Article | None,
    newer: Article | None,
) -> str:
    link = post_link(article, site.base)
    head = "\n".join(
        (
            f'<link rel="canonical" href="{link}">',
            f'<link rel="shortlink" href="{site.base}?p={article.post_id}">',
            f'<link rel="alternate" type="application/json" '
            f'href="{site.base}wp-json/wp/v2/posts/{article.post_id}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{_e(article.title)}">',
            f'<meta property="og:url" content="{link}">',
            f'<meta property="og:site_name" content="{_e(site.name)}">',
            f'<meta property="article:published_time" content="{_iso(article)}">',
            f'<meta property="article:modified_time" content="{_iso(article, modified=True)}">',
        )
    )
    main = _ARTICLE.substitute(
        id=article.post_id,
        title=_e(article.title),
        link=link,
        link_q=quote(link, safe=""),
        base=site.base,
        published_iso=_iso(article),
        published_thai=_thai_date(article),
        modified_iso=_iso(article, modified=True),
        modified_thai=_thai_date(article, modified=True),
        content=article.content_html,
        related=_related(site, related),
        post_nav=_post_nav(site, older, newer),
    )
    body_class = f"post-template-default single single-post postid-{article.post_id}"
    title = f"{_e(article.title)} &#8211; {_e(site.name)}"
    return _page(site, title, body_class, head, main, side)


def listing_page(
    site: SiteInfo, articles: Sequence[Article], page_no: int, total_pages: int, side: str
) -> str:
    """The home page and /page/N/: newest posts first, with excerpts."""
    entries = "\n".join(
        f'<article id="post-{a.post_id}" class="post-{a.post_id} post type-post status-publish">'
        f'<header class="entry-header"><h2 class="entry-title"><a href="{post_link(a, site.base)}"'
        f' rel="bookmark">{_e(a.title)}</a></h2><div class="entry-meta"><time class="entry-date'
        f' published" datetime="{_iso(a)}">{_thai_date(a)}</time></div></header>'
        f'<div class="entry-summary">{excerpt_html(a.content_html)}'
        f'<a class="more-link" href="{post_link(a, site.base)}">อ่านเพิ่มเติม</a></div></article>'
        for a in articles
    )
    nav = []
    if page_no < total_pages:
        nav.append(
            f'<div class="nav-previous"><a href="{site.base}page/{page_no + 1}/">'
            "เรื่องเก่ากว่า</a></div>"
        )
    if page_no > 1:
        newer = site.base if page_no == 2 else f"{site.base}page/{page_no - 1}/"
        nav.append(f'<div class="nav-next"><a href="{newer}">เรื่องใหม่กว่า</a></div>')
    main = (
        f'<header class="page-header"><h1 class="page-title">ข่าวประชาสัมพันธ์</h1></header>\n'
        f'{entries}\n<nav class="navigation posts-navigation"><div class="nav-links">'
        f"{''.join(nav)}</div></nav>"
    )
    title = _e(site.name) if page_no == 1 else f"{_e(site.name)} &#8211; หน้า {page_no}"
    body_class = "home blog" if page_no == 1 else f"blog paged paged-{page_no}"
    return _page(site, title, body_class, "", main, side)


def not_found_page(site: SiteInfo, side: str) -> str:
    main = (
        '<section class="error-404 not-found"><header class="page-header">'
        '<h1 class="page-title">อุ๊ย! ไม่พบหน้านั้น</h1></header>'
        '<div class="page-content"><p>ดูเหมือนว่าไม่มีอะไรอยู่ที่นี่ ลองค้นหาดูไหม?</p></div></section>'
    )
    return _page(site, f"ไม่พบหน้า &#8211; {_e(site.name)}", "error404", "", main, side)
