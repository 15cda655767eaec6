"""WordPress sites: the REST API lists posts with their rendered content and dates.

`/wp-json/wp/v2/posts` where pretty links are on, `?rest_route=/wp/v2/posts` where they are
off. Paged by X-WP-TotalPages; increments by `modified_after` (new *or changed* posts; `after`
filters on publication only and would miss edits), newest change first, so the paging can
also stop by itself on old WordPress versions that ignore the parameter.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import urljoin

from edunews.crawl.article import Article, strip_furniture_lines
from edunews.crawl.discovery import Context, Found, ListingFailure
from edunews.crawl.html_text import html_to_text, unescape_title
from edunews.crawl.http import FetchError, Response
from edunews.crawl.outcome import FetchOutcome
from edunews.crawl.published import MAX_YEAR, MIN_YEAR, parse_datetime
from edunews.crawl.storable import storable
from edunews.crawl.urls import join_url
from edunews.thai_calendar import BANGKOK

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
        yield ListingFailure(
            endpoints[0], failure or FetchError(FetchOutcome.PARSE_ERROR, "no REST API")
        )
        return
    yield from _pages(ctx, endpoint, first)


def _pages(
    ctx: Context, endpoint: str, first: tuple[Response, list | None]
) -> Iterator[Found | ListingFailure]:
    (resp, items), page = first, 1
    while True:
        if items is None:  # not modified
            return
        for index, item in enumerate(items):
            found = _found(item, endpoint, page, index)
            if ctx.since and found.lastmod and found.lastmod <= ctx.since:
                return  # sorted by modification: everything after this is older
            yield found
        total = _total_pages(resp.headers.get("X-WP-TotalPages"), page)
        page += 1
        if page > min(total, MAX_LISTING_PAGES) or not items:
            return
        try:
            resp, items = _listing(ctx, endpoint, page)
        except FetchError as exc:
            yield ListingFailure(f"{endpoint} page {page}", exc)
            return


def _total_pages(header: str | None, page: int) -> int:
    try:
        return int((header or "").strip())
    except ValueError:  # missing or garbage: this page is the last one we know of
        return page


def _listing(ctx: Context, endpoint: str, page: int) -> tuple[Response, list | None]:
    """The listing page and its posts, parsed once (a page of 100 rendered posts is
    megabytes); None for the posts when the server said "not modified"."""
    params = {"per_page": PER_PAGE, "page": page, "orderby": "modified", "order": "desc"}
    if ctx.since:
        params["modified_after"] = ctx.since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    resp = ctx.fetch(endpoint, params, why="WordPress REST listing")
    if resp.not_modified:
        return resp, None
    if resp.status != 200:
        raise FetchError(
            FetchOutcome.HTTP_ERROR, f"REST listing answered HTTP {resp.status}", resp.status
        )
    try:
        items = _json(resp)
    except (ValueError, RecursionError) as exc:  # RecursionError: [[[[... thousands deep
        raise FetchError(FetchOutcome.PARSE_ERROR, "REST listing is not JSON") from exc
    if not isinstance(items, list):
        raise FetchError(FetchOutcome.PARSE_ERROR, "REST listing is not a list of posts")
    return resp, items


def _json(resp: Response) -> object:
    # UTF-8 with a stray byte (an excerpt a plugin cut mid-character) is still the listing:
    # the stray becomes U+FFFD in that one post instead of failing the whole page of posts.
    return json.loads(resp.body.decode("utf-8-sig", "replace"))


class _Malformed(ValueError):
    """A post field of the wrong type: that post is skipped, its neighbours are read."""


def _found(item: object, endpoint: str, page: int, index: int) -> Found:
    """The post as a Found with its article, or with the reason it cannot be read.

    Each field is checked for its type: a site's plugin (or its attacker) may send a
    string for `content`, a list for `title`, a number for `date_gmt`; one such post must
    not stop the source's discovery.
    """
    where = _where(item, endpoint, page, index)
    if not isinstance(item, dict):
        return Found(where, error=f"REST listing item is {_kind(item)}, not a post")
    url = where
    try:
        url, canonical = _link(item.get("link"), endpoint)
        rendered = _rendered(item, "content")
        title = unescape_title(_rendered(item, "title"))
        published = _rest_date(_text(item, "date_gmt"), _text(item, "date"))
        lastmod = _rest_date(_text(item, "modified_gmt"), _text(item, "modified"))
        body = strip_furniture_lines(html_to_text(rendered), title)
    except _Malformed as exc:
        return Found(url, error=f"malformed REST post: {exc}")
    article = Article(title=title, body_text=body, published_at=published, canonical_url=canonical)
    return Found(url, lastmod=lastmod, article=article, html=storable(rendered))


def _where(item: object, endpoint: str, page: int, index: int) -> str:
    """An address for a post that has no usable link of its own, for raw.fetch_log: the
    REST route of its id when it has one."""
    post_id = item.get("id") if isinstance(item, dict) else None
    if isinstance(post_id, int) and not isinstance(post_id, bool) and post_id >= 0:
        return f"{endpoint}/{post_id}"
    return f"{endpoint}?page={page}#item-{index}"


def _link(value: object, endpoint: str) -> tuple[str, str]:
    """The post's address as the site wrote it (its identity in raw), and normalised."""
    if value is None or value == "":
        raise _Malformed("no link")
    if not isinstance(value, str):
        raise _Malformed(f"link is {_kind(value)}, not a string")
    try:
        normalised = join_url(endpoint, value)
    except ValueError as exc:
        raise _Malformed(f"link is no web address ({exc})"[:200]) from exc
    link = value.strip()
    return (link if link.lower().startswith(("http://", "https://")) else normalised), normalised


def _rendered(item: dict, field: str) -> str:
    """`item[field]["rendered"]`: missing or null is empty, anything else not a string is
    a malformed post."""
    value = item.get(field)
    if value is None:
        return ""
    if not isinstance(value, dict):
        raise _Malformed(f"{field} is {_kind(value)}, not {{'rendered': ...}}")
    rendered = value.get("rendered")
    if rendered is None:
        return ""
    if not isinstance(rendered, str):
        raise _Malformed(f"{field}.rendered is {_kind(rendered)}, not a string")
    return rendered


def _text(item: dict, field: str) -> str | None:
    value = item.get(field)
    if value is None or isinstance(value, str):
        return value
    raise _Malformed(f"{field} is {_kind(value)}, not a string")


def _kind(value: object) -> str:
    if value is None:
        return "null"
    name = type(value).__name__
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _rest_date(gmt: str | None, local: str | None) -> datetime | None:
    """date_gmt is UTC without an offset; `date` is the site's time (Bangkok)."""
    if gmt and not gmt.startswith("0000"):
        try:
            parsed = datetime.fromisoformat(gmt.strip())
        except ValueError:
            parsed = None
        if parsed is not None and MIN_YEAR <= parsed.year <= MAX_YEAR:
            return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed
    parsed = parse_datetime(local)
    return parsed.astimezone(BANGKOK) if parsed else None
