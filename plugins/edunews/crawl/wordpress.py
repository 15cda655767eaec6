"""WordPress sites: the REST API lists every post with its rendered content and dates."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

from edunews.crawl.html_text import html_to_text, unescape_title
from edunews.crawl.http import FetchError, HttpClient

PER_PAGE = 50


@dataclass(frozen=True)
class Post:
    url: str
    title: str
    body_text: str
    published_at: datetime | None


@dataclass(frozen=True)
class ListingFailure:
    """A listing page that could not be read: logged, and discovery stops for this base."""

    url: str
    error: FetchError


def posts_endpoint(base_url: str) -> str:
    return urljoin(base_url if base_url.endswith("/") else base_url + "/", "wp-json/wp/v2/posts")


def discover(
    client: HttpClient, base_url: str, max_posts: int | None = None
) -> Iterator[Post | ListingFailure]:
    """Every post of the site, newest first, page by page as X-WP-TotalPages says."""
    endpoint = posts_endpoint(base_url)
    page, total_pages, seen = 1, 1, 0
    while page <= total_pages:
        try:
            resp = client.get(endpoint, params={"page": page, "per_page": PER_PAGE})
            if resp.status != 200:
                raise FetchError("http_error", f"listing answered HTTP {resp.status}", resp.status)
            items = resp.json()
        except FetchError as exc:
            yield ListingFailure(f"{endpoint}?page={page}", exc)
            return
        except ValueError as exc:
            yield ListingFailure(
                f"{endpoint}?page={page}", FetchError("parse_error", f"not JSON: {exc}")
            )
            return
        total_pages = int(resp.headers.get("X-WP-TotalPages", page))
        for item in items:
            yield _post(item)
            seen += 1
            if max_posts is not None and seen >= max_posts:
                return
        page += 1


def _post(item: dict) -> Post:
    return Post(
        url=item["link"],
        title=unescape_title(item.get("title", {}).get("rendered", "")),
        body_text=html_to_text(item.get("content", {}).get("rendered", "")),
        published_at=_gmt(item.get("date_gmt")),
    )


def _gmt(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError:
        return None
