"""The WordPress REST API (`/wp-json/wp/v2/posts`) over a list of articles: the one
WordPress fake of the simulated sites (the demo site, the test sites' WordPress installs,
the farms' REST posts).

Pure functions: the sites turn their results and `RestError`s into replies. The
behaviour follows WordPress 6: parameter validation answers 400 `rest_invalid_param`, a
page past the last answers 400 `rest_post_invalid_page_number`, dates without an offset
are site time (Asia/Bangkok), `after`/`before` are exclusive.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from edunews.thai_calendar import BANGKOK
from edunews_sim.articles import Article

SITE_TZ = BANGKOK
MAX_PER_PAGE = 100
EXCERPT_WORDS = 55  # WordPress's excerpt_length
ORDERBY = ("author", "date", "id", "include", "modified", "parent", "relevance", "slug")
ORDERBY_ALL = (*ORDERBY, "include_slugs", "title")
_SORT_KEYS = {
    "id": lambda a: a.post_id,
    "modified": lambda a: (a.modified, a.post_id),
    "slug": lambda a: a.slug,
    "title": lambda a: a.title,
}
# WordPress's rest_parse_date: RFC 3339 with a time part, the offset optional.
_RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}(?::\d{2})?)?$"
)
_DATE_FILTERS = {
    "after": ("published", 1),
    "before": ("published", -1),
    "modified_after": ("modified", 1),
    "modified_before": ("modified", -1),
}


@dataclass
class RestError(Exception):
    """A WordPress REST error: serialised as {"code", "message", "data": {"status", ...}}."""

    status: int
    code: str
    message: str
    data: dict[str, Any] = field(default_factory=dict)

    def body(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "data": {"status": self.status, **self.data},
        }


@dataclass(frozen=True)
class PostsPage:
    posts: list[dict[str, Any]]
    headers: dict[str, str]


def encode(payload: Any) -> str:
    """As WordPress's wp_json_encode: non-ASCII and slashes escaped ("\\u0e2a", "http:\\/\\/")."""
    return json.dumps(payload, separators=(",", ":")).replace("/", "\\/")


def post_link(article: Article, base: str) -> str:
    """The pretty permalink: {base}YYYY/MM/DD/slug/ in site time."""
    return f"{base}{article.published.astimezone(SITE_TZ):%Y/%m/%d}/{article.slug}/"


def excerpt_html(content_html: str) -> str:
    """Like WordPress's automatic excerpt: text of the content, 55 words, then [&hellip;]."""
    text = re.sub(r"<[^>]+>", " ", content_html)
    words = text.split()
    more = " [&hellip;]" if len(words) > EXCERPT_WORDS else ""
    return f"<p>{' '.join(words[:EXCERPT_WORDS])}{more}</p>\n"


def _local(dt: datetime) -> str:
    return dt.astimezone(SITE_TZ).replace(tzinfo=None).isoformat(timespec="seconds")


def _gmt(dt: datetime) -> str:
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds")


def post_json(article: Article, base: str, link: str | None = None) -> dict[str, Any]:
    """One post as `/wp-json/wp/v2/posts` returns it (view context); `link` when the site's
    permalinks are not the pretty ones."""
    self_href = f"{base}wp-json/wp/v2/posts/{article.post_id}"
    return {
        "id": article.post_id,
        "date": _local(article.published),
        "date_gmt": _gmt(article.published),
        "guid": {"rendered": f"{base}?p={article.post_id}"},
        "modified": _local(article.modified),
        "modified_gmt": _gmt(article.modified),
        "slug": article.slug,
        "status": "publish",
        "type": "post",
        "link": link or post_link(article, base),
        "title": {"rendered": html.escape(article.title, quote=False)},
        "content": {"rendered": article.content_html, "protected": False},
        "excerpt": {"rendered": excerpt_html(article.content_html), "protected": False},
        "author": 1,
        "featured_media": 0,
        "comment_status": "open",
        "ping_status": "open",
        "sticky": False,
        "template": "",
        "format": "standard",
        "meta": {"footnotes": ""},
        "categories": [1],
        "tags": [],
        "_links": {
            "self": [{"href": self_href}],
            "collection": [{"href": f"{base}wp-json/wp/v2/posts"}],
            "author": [{"embeddable": True, "href": f"{base}wp-json/wp/v2/users/1"}],
            "replies": [
                {"embeddable": True, "href": f"{base}wp-json/wp/v2/comments?post={article.post_id}"}
            ],
        },
    }


def _invalid(param: str, message: str) -> RestError:
    return RestError(
        400,
        "rest_invalid_param",
        f"Invalid parameter(s): {param}",
        {"params": {param: message}},
    )


def _int_param(params: Mapping[str, str], name: str, default: int, low: int, high: float) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise _invalid(name, f"{name} is not of type integer.") from None
    if not low <= value <= high:
        if high == math.inf:
            raise _invalid(name, f"{name} must be greater than or equal to {low}")
        raise _invalid(name, f"{name} must be between {low} (inclusive) and {high} (inclusive)")
    return value


def _choice_param(
    params: Mapping[str, str], name: str, default: str, allowed: Sequence[str]
) -> str:
    value = params.get(name) or default
    if value not in allowed:
        raise _invalid(name, f"{name} is not one of {', '.join(allowed)}.")
    return value


def parse_date(value: str, param: str) -> datetime:
    """An RFC 3339 date-time as WordPress accepts it; naive means site time."""
    if not _RFC3339.match(value):
        raise _invalid(param, "Invalid date.")
    try:
        parsed = datetime.fromisoformat(value.replace("t", "T").replace("z", "Z"))
    except ValueError:
        raise _invalid(param, "Invalid date.") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=SITE_TZ)


def _filtered(articles: Sequence[Article], params: Mapping[str, str]) -> list[Article]:
    selected = list(articles)
    for param, (attribute, sign) in _DATE_FILTERS.items():
        if params.get(param):
            bound = parse_date(params[param], param)
            selected = [
                a for a in selected if (getattr(a, attribute) - bound).total_seconds() * sign > 0
            ]
    return selected


def _sorted(articles: list[Article], orderby: str, order: str) -> list[Article]:
    key = _SORT_KEYS.get(orderby, lambda a: (a.published, a.post_id))
    return sorted(articles, key=key, reverse=order == "desc")


def query_posts(
    articles: Sequence[Article],
    params: Mapping[str, str],
    base: str,
    link: Callable[[Article], str] | None = None,
) -> PostsPage:
    """GET /wp-json/wp/v2/posts with `page`, `per_page`, `after`, `before`,
    `modified_after`, `modified_before`, `orderby`, `order` and `_fields`."""
    page = _int_param(params, "page", 1, 1, math.inf)
    per_page = _int_param(params, "per_page", 10, 1, MAX_PER_PAGE)
    order = _choice_param(params, "order", "desc", ("asc", "desc"))
    orderby = _choice_param(params, "orderby", "date", ORDERBY_ALL)
    selected = _sorted(_filtered(articles, params), orderby, order)
    total = len(selected)
    total_pages = math.ceil(total / per_page)
    if page > total_pages and total > 0:
        raise RestError(
            400,
            "rest_post_invalid_page_number",
            "The page number requested is larger than the number of pages available.",
        )
    chosen = selected[(page - 1) * per_page : page * per_page]
    posts = [
        _only_fields(post_json(a, base, link(a) if link else None), params.get("_fields"))
        for a in chosen
    ]
    headers = {"X-WP-Total": str(total), "X-WP-TotalPages": str(total_pages)}
    links = _page_links(params, base, page, total_pages)
    if links:
        headers["Link"] = links
    return PostsPage(posts=posts, headers=headers)


def _only_fields(post: dict[str, Any], fields: str | None) -> dict[str, Any]:
    """WordPress's `_fields=id,link,title.rendered`: keep the named top-level keys."""
    if not fields:
        return post
    wanted = {f.strip().split(".")[0] for f in fields.split(",") if f.strip()}
    return {k: v for k, v in post.items() if k in wanted}


def _page_links(params: Mapping[str, str], base: str, page: int, total_pages: int) -> str:
    collection = f"{base}wp-json/wp/v2/posts"
    links = []
    if page > 1:
        prev_page = min(page - 1, total_pages)
        links.append(f'<{collection}?{urlencode({**params, "page": prev_page})}>; rel="prev"')
    if page < total_pages:
        links.append(f'<{collection}?{urlencode({**params, "page": page + 1})}>; rel="next"')
    return ", ".join(links)


def get_post(articles: Sequence[Article], post_id: str, base: str) -> dict[str, Any]:
    """GET /wp-json/wp/v2/posts/ID."""
    for article in articles:
        if str(article.post_id) == post_id:
            return post_json(article, base)
    raise RestError(404, "rest_post_invalid_id", "Invalid post ID.")


def index_json(base: str, name: str, description: str) -> dict[str, Any]:
    """GET /wp-json/: enough of the API index for discovery."""
    return {
        "name": name,
        "description": description,
        "url": base.rstrip("/"),
        "home": base.rstrip("/"),
        "gmt_offset": 7,
        "timezone_string": "Asia/Bangkok",
        "namespaces": ["oembed/1.0", "wp/v2"],
        "routes": {
            "/wp/v2/posts": {"namespace": "wp/v2", "methods": ["GET"]},
            "/wp/v2/posts/(?P<id>[\\d]+)": {"namespace": "wp/v2", "methods": ["GET"]},
        },
    }


def no_route() -> RestError:
    return RestError(
        404, "rest_no_route", "No route was found matching the URL and request method."
    )
