"""Sitemaps: from robots.txt, wp-sitemap.xml or sitemap.xml; indexes followed; lastmod used.

In an increment, a child sitemap or URL whose lastmod is not after the last run is skipped
(and a URL without lastmod is skipped when it is already known).
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from edunews.crawl.discovery import Context, Found, ListingFailure
from edunews.crawl.http import FetchError
from edunews.crawl.outcome import FetchOutcome
from edunews.crawl.published import parse_datetime
from edunews.crawl.xml import XmlStream, child_text, local_name

MAX_SITEMAPS = 200  # per source and run: sitemap indexes can be large and nested
WELL_KNOWN = ("wp-sitemap.xml", "sitemap.xml", "sitemap_index.xml")
# Child sitemaps that list no articles (WordPress core, Yoast, Rank Math).
_NOT_ARTICLES = re.compile(
    r"taxonom|users|author|category|post_tag|tag-sitemap|page-sitemap|"
    r"posts-page-",
    re.I,
)


def site_root(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def candidate_sitemaps(ctx: Context, base_url: str) -> list[str]:
    """Declared in robots.txt first, then the usual places under the base and the root."""
    declared = ctx.client.robots.rules(base_url).sitemaps() if ctx.client.respect_robots else []
    base = base_url if base_url.endswith("/") else base_url + "/"
    places = [urljoin(base, name) for name in WELL_KNOWN]
    places += [urljoin(site_root(base_url), name) for name in WELL_KNOWN]
    return list(dict.fromkeys([*declared, *places]))


def discover(ctx: Context, base_url: str) -> Iterator[Found | ListingFailure]:
    """Every article URL of the first sitemap that answers."""
    urls = ctx.settings.get("sitemaps") or candidate_sitemaps(ctx, base_url)
    explicit = bool(ctx.settings.get("sitemaps"))
    for url in urls:
        is_sitemap = yield from walk(ctx, url, quiet=not explicit)
        if is_sitemap and not explicit:
            return
    if explicit:
        return
    yield ListingFailure(base_url, FetchError(FetchOutcome.PARSE_ERROR, "no sitemap found"))


def walk(
    ctx: Context, url: str, quiet: bool = False
) -> Generator[Found | ListingFailure, None, bool]:
    """The URLs of a sitemap, following an index depth first; returns whether `url` was a
    sitemap at all.

    `quiet`: a missing sitemap at a guessed address is no failure, just not there.
    """
    is_sitemap = False
    pending, visited = [url], set[str]()
    while pending and len(visited) < MAX_SITEMAPS:
        current = pending.pop(0)
        if current in visited:
            continue
        visited.add(current)
        try:
            resp = ctx.fetch(current, why="sitemap")
        except FetchError as exc:
            if not quiet or exc.outcome != FetchOutcome.NETWORK_ERROR:
                yield ListingFailure(current, exc)
            return is_sitemap
        if resp.not_modified:
            is_sitemap = True
            continue
        try:
            doc = XmlStream(resp.body) if resp.status == 200 else None
        except FetchError as exc:  # a .xml.gz that inflates past the cap: too_large
            yield ListingFailure(current, exc)
            continue
        kind = doc.root_name if doc is not None else ""
        if doc is None or kind not in ("sitemapindex", "urlset"):
            if not quiet:
                yield ListingFailure(
                    current,
                    FetchError(FetchOutcome.PARSE_ERROR, f"not a sitemap (HTTP {resp.status})"),
                )
            continue
        quiet = False  # a real sitemap: from here on problems are worth reporting
        is_sitemap = True
        if kind == "sitemapindex":
            for child in doc.children():
                if local_name(child) != "sitemap":
                    continue
                loc = child_text(child, "loc")
                if loc and not _NOT_ARTICLES.search(loc) and _changed(ctx, child):
                    pending.append(urljoin(resp.url, loc))
            continue
        base = resp.url
        del resp  # the stream holds the body it reads: not twice
        for entry in doc.children():  # streamed: no tree of the whole sitemap is ever held
            if local_name(entry) != "url":
                continue
            loc, lastmod = child_text(entry, "loc"), _lastmod(entry)
            if not loc:
                continue
            loc = urljoin(base, loc)
            if ctx.since and ctx.is_known(loc) and (lastmod is None or lastmod <= ctx.since):
                continue
            yield Found(loc, lastmod=lastmod)
    return is_sitemap


def _changed(ctx: Context, entry) -> bool:
    lastmod = _lastmod(entry)
    return not (ctx.since and lastmod and lastmod <= ctx.since)


def _lastmod(entry) -> datetime | None:
    parsed = parse_datetime(child_text(entry, "lastmod"))
    return parsed.astimezone(UTC) if parsed else None
