"""HTML listings: category pages with links to articles, paged ("ถัดไป", rel=next, Joomla's
`limitstart=N`), for sites with no API, feed or sitemap.

Per-source settings: `listing_url` (default: the start URL), `link_pattern` (a regular
expression an article URL matches; default: a guess that fits WordPress, Joomla and the
usual custom PHP news pages), `max_listing_pages`. In an increment the paging stops at the
first listing page that holds nothing new.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import urldefrag, urljoin

from bs4 import BeautifulSoup, Tag

from edunews.crawl.attrs import attr
from edunews.crawl.discovery import Context, Found, ListingFailure, fetch_listing
from edunews.crawl.encoding import decode_body
from edunews.crawl.urls import on_site, sites_of

MAX_LISTING_PAGES = 50
# Article-looking addresses on Thai office sites.
DEFAULT_LINK_PATTERN = (
    r"(\?p=\d+|/archives/\d+|/\d{4}/\d{2}/(\d{2}/)?[^/]+/?$|view=article|"
    r"[?&](news_?id|id|nid|newsid)=\d+|/(news|content|view|detail|details|article)s?/[^/]*\d)"
)
# Not articles: files, admin, taxonomy pages, and listing pages themselves (Joomla
# categories, "?page=2"), which would otherwise match an id= pattern.
_SKIP = re.compile(
    r"\.(jpe?g|png|gif|pdf|docx?|xlsx?|zip|rar|mp4|mp3)(\?|$)|/wp-admin/|"
    r"/(tag|category|author|feed)/|[?&](replytocom|share)=|"
    r"view=(category|section|featured|frontpage)|[?&](limitstart|start|page|paged)=",
    re.I,
)
_NEXT_TEXT = re.compile(r"^\s*(ถัดไป|หน้าถัดไป|ต่อไป|next|›|»|>|>>)\s*$", re.I)


def discover(ctx: Context, base_url: str) -> Iterator[Found | ListingFailure]:
    listing = ctx.settings.get("listing_url") or base_url
    pattern = re.compile(ctx.settings.get("link_pattern") or DEFAULT_LINK_PATTERN)
    limit = int(ctx.settings.get("max_listing_pages") or MAX_LISTING_PAGES)
    first = urljoin(base_url, listing)
    sites = sites_of(first)
    url: str | None = first
    visited: set[str] = set()
    while url and url not in visited and len(visited) < limit:
        visited.add(url)
        resp = yield from fetch_listing(ctx, url, why="listing page", name="listing")
        if resp is None:
            return  # failed (and said so), or unchanged since the last fetch
        soup = BeautifulSoup(decode_body(resp.body, resp.headers.get("Content-Type"))[0], "lxml")
        links = article_links(soup, resp.url, pattern, sites)
        new = [link for link in links if not ctx.is_known(link)]
        yield from (Found(link) for link in links)
        if ctx.since and not new:
            return  # an increment: this page and the older ones were crawled before
        url = next_page(soup, resp.url)


def article_links(
    soup: BeautifulSoup, page_url: str, pattern: re.Pattern, sites: Iterable[str]
) -> list[str]:
    """Links of the page on one of `sites` that look like articles, in page order, once
    each."""
    links = []
    for anchor in soup.find_all("a", href=True):
        url = urldefrag(urljoin(page_url, attr(anchor, "href").strip()))[0]
        if not url.startswith("http") or _SKIP.search(url) or url == page_url:
            continue
        if pattern.search(url) and on_site(url, sites):
            links.append(url)
    return list(dict.fromkeys(links))


def next_page(soup: BeautifulSoup, page_url: str) -> str | None:
    link = soup.find(["a", "link"], rel="next", href=True)
    if isinstance(link, Tag):
        return urljoin(page_url, attr(link, "href"))
    for anchor in soup.find_all("a", href=True):
        label = attr(anchor, "title") + " " + attr(anchor, "class")
        if _NEXT_TEXT.match(anchor.get_text()) or re.search(r"\bnext\b|ถัดไป", label, re.I):
            return urljoin(page_url, attr(anchor, "href"))
    return None
