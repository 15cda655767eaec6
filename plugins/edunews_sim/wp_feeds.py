"""The machine-readable doors of a WordPress site (the demo site and the test sites' installs):
RSS feed, core sitemaps, robots.txt."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC
from email.utils import format_datetime
from xml.sax.saxutils import escape

from edunews_sim.articles import Article
from edunews_sim.wp_rest import SITE_TZ, excerpt_html, post_link

FEED_SIZE = 10  # WordPress's posts_per_rss
SITEMAP_SIZE = 2000  # WordPress core sitemaps: URLs per sitemap page


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def rss(
    articles: Sequence[Article],
    base: str,
    name: str,
    description: str,
    page: int = 1,
    link: Callable[[Article], str] | None = None,
) -> str | None:
    """RSS 2.0 of the newest posts, `page` as WordPress's `/feed/?paged=N`; None past the end.
    `link` gives a post's address when the permalinks are not the pretty ones."""
    newest = sorted(articles, key=lambda a: (a.published, a.post_id), reverse=True)
    chosen = newest[(page - 1) * FEED_SIZE : page * FEED_SIZE]
    if page > 1 and not chosen:
        return None
    last_build = max((a.modified for a in articles), default=None)
    items = "\n".join(_rss_item(a, base, link(a) if link else post_link(a, base)) for a in chosen)
    build = f"<lastBuildDate>{format_datetime(last_build.astimezone(UTC))}</lastBuildDate>"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n'
        f"<channel>\n<title>{escape(name)}</title>\n"
        f'<atom:link href="{base}feed/" rel="self" type="application/rss+xml" />\n'
        f"<link>{base}</link>\n<description>{escape(description)}</description>\n"
        f"{build if last_build else ''}\n<language>th</language>\n"
        f"<generator>https://wordpress.org/?v=6.4.3</generator>\n{items}\n</channel>\n</rss>\n"
    )


def _rss_item(article: Article, base: str, link: str) -> str:
    return (
        f"<item>\n<title>{escape(article.title)}</title>\n"
        f"<link>{escape(link)}</link>\n"
        f"<dc:creator>{_cdata('admin')}</dc:creator>\n"
        f"<pubDate>{format_datetime(article.published.astimezone(UTC))}</pubDate>\n"
        f"<category>{_cdata('ข่าวประชาสัมพันธ์')}</category>\n"
        f'<guid isPermaLink="false">{base}?p={article.post_id}</guid>\n'
        f"<description>{_cdata(excerpt_html(article.content_html))}</description>\n"
        f"<content:encoded>{_cdata(article.content_html)}</content:encoded>\n</item>"
    )


def sitemap_index(articles: Sequence[Article], base: str) -> str:
    """/wp-sitemap.xml: one posts sitemap per 2,000 posts."""
    pages = max(1, -(-len(articles) // SITEMAP_SIZE))
    entries = "".join(
        f"<sitemap><loc>{base}wp-sitemap-posts-post-{n}.xml</loc></sitemap>"
        for n in range(1, pages + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{entries}</sitemapindex>\n"
    )


def posts_sitemap(
    articles: Sequence[Article],
    base: str,
    page: int,
    link: Callable[[Article], str] | None = None,
) -> str | None:
    """/wp-sitemap-posts-post-N.xml, oldest post first; None past the last page."""
    oldest = sorted(articles, key=lambda a: a.post_id)
    chosen = oldest[(page - 1) * SITEMAP_SIZE : page * SITEMAP_SIZE]
    if page < 1 or (page > 1 and not chosen):
        return None
    urls = "".join(
        f"<url><loc>{escape(link(a) if link else post_link(a, base))}</loc>"
        f"<lastmod>{a.modified.astimezone(SITE_TZ).isoformat(timespec='seconds')}</lastmod></url>"
        for a in chosen
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{urls}</urlset>\n"
    )


def robots_txt(base: str) -> str:
    """Everything allowed, and the sitemap, as WordPress writes it when no path is blocked."""
    return f"User-agent: *\nDisallow:\n\nSitemap: {base}wp-sitemap.xml\n"
