"""WordPress sites: the REST API lists posts with their rendered content and dates.

`/wp-json/wp/v2/posts` where pretty links are on, `?rest_route=/wp/v2/posts` where they are
off. Paged by X-WP-TotalPages; increments by `modified_after` (new *or changed* posts; `after`
filters on publication only and would miss edits), newest change first, so the paging can
also stop by itself on old WordPress versions that ignore the parameter.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import urljoin

from edunews.crawl.article import Article, strip_furniture_lines
from edunews.crawl.discovery import Context, Found, ListingFailure
from edunews.crawl.html_text import html_to_text, unescape_title
from edunews.crawl.http import FetchError, Response
from edunews.crawl.published import BANGKOK, parse_datetime

PER_PAGE = 100  # WordPress's maximum: fewer requests to each site
MAX_LISTING_PAGES = 1000


def posts_endpoints(base_url: str, api_root: str | None = None) -> list[str]:
    """Where the posts collection may be, most likely first."""
    if api_root:
        if "rest_route=" in api_root:
            return [api_root.split("rest_route=")[0] + "rest_route=/wp/v2/posts"]
        return [urljoin(api_root if api_root.endswith("/") else api_root + "/", "wp/v2/posts")]
    base = base_url if base_url.endswith("/") else base_url + "/"
    return [urljoin(base, "wp-json/wp/v2/posts"), base + "?rest_route=/wp/v2/posts"]


def discover(ctx: Context, base_url: str) -> Iterator[Found | ListingFailure]:
    endpoints = posts_endpoints(base_url, ctx.settings.get("api_root"))
    endpoint, first = None, None
    failure: FetchError | None = None
    for candidate in endpoints:
        try:
            first = _listing(ctx, candidate, 1)
            endpoint = candidate
            break
        except FetchError as exc:
            failure = exc
    if endpoint is None or first is None:
        yield ListingFailure(endpoints[0], failure or FetchError("parse_error", "no REST API"))
        return
    yield from _pages(ctx, endpoint, first)


def _pages(ctx: Context, endpoint: str, first: Response) -> Iterator[Found | ListingFailure]:
    resp, page = first, 1
    while True:
        if resp.not_modified:
            return
        items = resp.json()
        for item in items:
            found = _found(item)
            if found is None:
                continue
            if ctx.since and found.lastmod and found.lastmod <= ctx.since:
                return  # sorted by modification: everything after this is older
            yield found
        total = int(resp.headers.get("X-WP-TotalPages") or page)
        page += 1
        if page > min(total, MAX_LISTING_PAGES) or not items:
            return
        try:
            resp = _listing(ctx, endpoint, page)
        except FetchError as exc:
            yield ListingFailure(f"{endpoint} page {page}", exc)
            return


def _listing(ctx: Context, endpoint: str, page: int) -> Response:
    params = {"per_page": PER_PAGE, "page": page, "orderby": "modified", "order": "desc"}
    if ctx.since:
        params["modified_after"] = ctx.since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    resp = ctx.fetch(endpoint, params, why="WordPress REST listing")
    if resp.not_modified:
        return resp
    if resp.status != 200:
        raise FetchError("http_error", f"REST listing answered HTTP {resp.status}", resp.status)
    try:
        items = resp.json()
    except ValueError as exc:
        raise FetchError("parse_error", "REST listing is not JSON") from exc
    if not isinstance(items, list):
        raise FetchError("parse_error", "REST listing is not a list of posts")
    return resp


def _found(item: dict) -> Found | None:
    link = item.get("link") if isinstance(item, dict) else None
    if not link:
        return None
    rendered = (item.get("content") or {}).get("rendered", "")
    title = unescape_title((item.get("title") or {}).get("rendered", ""))
    article = Article(
        title=title,
        body_text=strip_furniture_lines(html_to_text(rendered), title),
        published_at=_rest_date(item.get("date_gmt"), item.get("date")),
        canonical_url=link,
    )
    lastmod = _rest_date(item.get("modified_gmt"), item.get("modified"))
    return Found(link, lastmod=lastmod, article=article, html=rendered)


def _rest_date(gmt: str | None, local: str | None) -> datetime | None:
    """date_gmt is UTC without an offset; `date` is the site's time (Bangkok)."""
    if gmt and not gmt.startswith("0000"):
        try:
            return datetime.fromisoformat(gmt).replace(tzinfo=UTC)
        except ValueError:
            pass
    parsed = parse_datetime(local)
    return parsed.astimezone(BANGKOK) if parsed else None
