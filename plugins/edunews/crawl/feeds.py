"""RSS 2.0 and Atom feeds: a handful of the newest article URLs with their dates.

A feed only shows the last few posts, which is all a nightly increment needs; the first
crawl of a feed-only site gets no further back than the feed goes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from edunews.crawl.attrs import attr
from edunews.crawl.discovery import Context, Found, ListingFailure, fetch_listing
from edunews.crawl.http import FetchError
from edunews.crawl.outcome import FetchOutcome
from edunews.crawl.published import parse_datetime
from edunews.crawl.xml import child_text, children, local_name, parse_xml

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+xml")


def discover(ctx: Context, feed_url: str) -> Iterator[Found | ListingFailure]:
    """The feed's entries; given a web page instead, the feed the page links to."""
    resp = yield from fetch_listing(ctx, feed_url, why="feed", name="feed")
    if resp is None:
        return  # failed (and said so), or unchanged since the last fetch
    try:
        entries = feed_entries(resp.body, resp.url)
    except FetchError as exc:  # a gzipped feed that inflates past the cap: too_large
        yield ListingFailure(feed_url, exc)
        return
    linked = linked_feed(resp.body, resp.url) if entries is None else None
    if linked and linked != feed_url:
        yield from discover(ctx, linked)
        return
    if entries is None:
        yield ListingFailure(
            feed_url, FetchError(FetchOutcome.PARSE_ERROR, "not an RSS or Atom feed")
        )
        return
    for url, when in entries:
        if ctx.since and when and when <= ctx.since and ctx.is_known(url):
            continue
        yield Found(url, lastmod=when)


def linked_feed(body: bytes, page_url: str) -> str | None:
    """The feed a web page announces with <link rel="alternate" type="application/rss+xml">."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body[:200_000], "lxml")
    for link in soup.find_all("link", rel="alternate", href=True):
        kind = attr(link, "type").lower()
        if kind in FEED_TYPES and "comments" not in attr(link, "href"):
            return urljoin(page_url, attr(link, "href"))
    return None


def feed_entries(body: bytes, base_url: str) -> list[tuple[str, datetime | None]] | None:
    """(link, date) of each item, or None when the body is not a feed."""
    root = parse_xml(body)
    if root is None:
        return None
    kind = local_name(root)
    if kind == "rss":
        channel = children(root, "channel")
        items = children(channel[0], "item") if channel else []
    elif kind == "feed":
        items = children(root, "entry")
    elif kind == "rdf":
        items = children(root, "item")
    else:
        return None
    entries = []
    for item in items:
        link = _link(item)
        if link:
            entries.append((urljoin(base_url, link), _date(item)))
    return entries


def _link(item) -> str | None:
    for child in children(item, "link"):
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return href.strip()
        if child.text and child.text.strip():
            return child.text.strip()
    return child_text(item, "guid")


def _date(item) -> datetime | None:
    for name in ("updated", "published", "pubdate", "date", "modified"):
        value = child_text(item, name)
        if not value:
            continue
        parsed: datetime | None
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            parsed = parse_datetime(value)
        if parsed:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None
