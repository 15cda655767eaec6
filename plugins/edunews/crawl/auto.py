"""`auto`: look at the home page and robots.txt, pick the best way the site offers.

The WordPress REST API (the home page links `https://api.w.org/`), then a feed, then a
sitemap, then exploring the site like a person looking for its news (`explore`). A way that
turns out not to work (REST closed by a security plugin) gives way to the next. A source
whose news was found by exploring goes straight to its learned listings the next night.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from bs4 import BeautifulSoup

from edunews.crawl import explore, feeds, sitemaps, wordpress
from edunews.crawl.attrs import attr
from edunews.crawl.discovery import Context, Found, ListingFailure
from edunews.crawl.encoding import decode_body
from edunews.crawl.http import FetchError, Response
from edunews.crawl.learned import learned_of
from edunews.crawl.outcome import FetchOutcome
from edunews.crawl.urls import join_url, normalize_url
from edunews.crawl.verdict import page_verdict

_NOT_OFFERED = object()  # the site has no such thing: try the next way
# A first sitemap's sample (first, middle, last) is taken among this many of its pages: a
# sitemap of 50,000 URLs is not held in memory to find its middle.
SAMPLE_WINDOW = 500


def discover(ctx: Context, base_url: str) -> Iterator[Found | ListingFailure]:
    learned = learned_of(ctx)
    if learned.way == "explore" and learned.shapes and learned.listings:
        still = yield from explore.read_learned(ctx, base_url)
        if still:
            return
        # A listing is gone: the site changed, perhaps to one with a REST API or a feed.
        learned.way, learned.changed = None, True
    try:
        home = ctx.fetch(base_url, why="home page (auto)", conditional=False)
    except FetchError as exc:
        yield ListingFailure(base_url, exc)
        return
    if home.status != 200:
        yield ListingFailure(
            base_url,
            FetchError(
                FetchOutcome.HTTP_ERROR, f"home page answered HTTP {home.status}", home.status
            ),
        )
        return
    try:
        home_is_feed = feeds.feed_entries(home.body, home.url) is not None
    except FetchError as exc:  # a gzip bomb for a home page: too_large
        yield ListingFailure(base_url, exc)
        return
    if home_is_feed:
        learned.set_way("feed")
        yield from feeds.discover(ctx, home.url)  # the start URL is a feed itself
        return
    soup = BeautifulSoup(decode_body(home.body, home.headers.get("Content-Type"))[0], "lxml")
    # A sitemap whose sample read as no article: used if nothing better.
    doubtful: Iterator | None = None
    for way, attempt in _attempts(ctx, home, soup):
        first_sitemap = way == "sitemap" and learned.way != "sitemap" and not ctx.since
        head, rest, offered = _until_decided(attempt, SAMPLE_WINDOW if first_sitemap else 1)
        if not offered:
            continue
        found = [i for i in head if isinstance(i, Found)]
        items = itertools.chain(head, rest)
        if found and first_sitemap and not _sample_is_articles(ctx, found):
            doubtful = items  # a sitemap of menu pages? look for the news first
            continue
        # An increment may well find nothing new: that is still the way to go.
        if found or (ctx.since and not head):
            learned.set_way(way)
            yield from items
            if way == "feed" and not ctx.since:
                yield from _beyond_the_feed(ctx, home)
                learned.set_way("feed")  # the nightly increments: the feed is enough
            return
    # Nothing article-like from REST, feeds or sitemaps: look for the news like a person.
    if doubtful is None:
        yield from explore.discover(ctx, home.url, home=home)
        return
    explored = list(explore.discover(ctx, home.url, home=home))
    if any(isinstance(i, Found) for i in explored):
        yield from explored
        return
    # Exploring found nothing either: the sitemap's pages it is (dates unreadable, perhaps).
    learned.set_way("sitemap")
    yield from doubtful


def _until_decided(attempt: Iterator, wanted: int) -> tuple[list, Iterator, bool]:
    """The way's items up to its `wanted`-th Found (all of them when it has fewer), the
    rest of the way still unread, and whether the site offers this way at all.

    Only this much is read before the way is chosen: a REST listing or sitemap streams from
    there, so the caller's budget and max_articles stop it after the pages they need.
    """
    head: list = []
    found = 0
    for item in attempt:
        if item is _NOT_OFFERED:
            return head, iter(()), False
        head.append(item)
        if isinstance(item, Found):
            found += 1
            if found >= wanted:
                break
    # Once the way is chosen, a late "not offered" is no item for the crawl.
    return head, (i for i in attempt if i is not _NOT_OFFERED), True


def _attempts(ctx: Context, home: Response, soup: BeautifulSoup):
    api_root = _api_root(home, soup)
    if api_root:
        yield (
            "rest",
            wordpress.discover(
                Context(
                    ctx.client,
                    ctx.since,
                    {**ctx.settings, "api_root": api_root},
                    ctx.is_known,
                    ctx.validators,
                    ctx.fetched,
                ),
                home.url,
            ),
        )
    for feed_url in _feeds(soup, home.url):
        yield "feed", feeds.discover(ctx, feed_url)
    yield "sitemap", _quiet_sitemaps(ctx, home.url)


def _sample_is_articles(ctx: Context, found: list[Found]) -> bool:
    """Whether one of a few of the sitemap's pages (first, middle, last) reads as an
    article: some sitemaps list only the menu pages."""
    sample = list(dict.fromkeys(f.url for f in (found[0], found[len(found) // 2], found[-1])))
    for url in sample:
        try:
            resp = ctx.fetch(url, why="sitemap sample (auto)", conditional=False)
        except FetchError as exc:
            if exc.outcome == FetchOutcome.OVER_BUDGET:
                raise
            continue
        if resp.status == 200 and page_verdict(resp).article:
            return True
    return False


def _beyond_the_feed(ctx: Context, home: Response) -> Iterator[Found | ListingFailure]:
    """A feed shows the newest ten or so: on a full crawl, the site's listings are read too
    (quietly: a site whose only way is its feed is no failure)."""
    for item in explore.discover(ctx, home.url, home=home):
        if isinstance(item, ListingFailure) and item.error.outcome == FetchOutcome.NO_ARTICLES:
            continue
        yield item


def _quiet_sitemaps(ctx: Context, base_url: str) -> Iterator[object]:
    # No sitemap is normal here: auto goes on to the HTML links.
    for item in sitemaps.discover(ctx, base_url):
        if isinstance(item, ListingFailure) and item.url == base_url:
            yield _NOT_OFFERED
            return
        yield item


def _api_root(home: Response, soup: BeautifulSoup) -> str | None:
    # A link no URL can be made of (`http://[::1/`, port 99999) means no REST API here: the
    # feed, the sitemap and exploring are still tried.
    link = soup.find("link", rel="https://api.w.org/", href=True)
    if link:
        try:
            return join_url(home.url, attr(link, "href"))
        except ValueError:  # BadUrl, or urljoin's own on `http://[::1/`
            return None
    header = home.headers.get("Link", "")
    if 'rel="https://api.w.org/"' in header:
        try:
            return normalize_url(header.split(">")[0].lstrip("<").strip())
        except ValueError:  # BadUrl, or urljoin's own on `http://[::1/`
            return None
    return None


def _feeds(soup: BeautifulSoup, base_url: str) -> list[str]:
    links = soup.find_all("link", rel="alternate", href=True)
    feeds_found = []
    for link in links:
        if attr(link, "type").lower() not in feeds.FEED_TYPES:
            continue
        try:
            feeds_found.append(join_url(base_url, attr(link, "href")))
        except ValueError:  # BadUrl or urljoin's own: the page's other feeds are still read
            continue
    # Comment feeds list comments, not articles.
    return [url for url in feeds_found if "comments" not in url][:2]
