"""Serve demo articles like a WordPress install, on a local port (edunews_sim.server).

    with DemoSite(generate_articles(40)) as site:
        requests.get(site.url + "wp-json/wp/v2/posts", params={"per_page": 100})

Routes: `/` (home, `?p=ID`, `?paged=N`, `?rest_route=/wp/v2/posts`), `/page/N/`,
`/YYYY/MM/DD/slug/`, `/wp-json/`, `/wp-json/wp/v2/posts[/ID]`, `/feed/`, `/robots.txt`,
`/wp-sitemap.xml`, `/wp-sitemap-posts-post-N.xml`; anything else is 404.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from edunews_sim import wp_feeds as feeds
from edunews_sim import wp_rest as rest
from edunews_sim.articles import Article
from edunews_sim.demosite import theme
from edunews_sim.server import Reply, Request, Served, start

DEFAULT_NAME = "ข่าวเขตพื้นที่การศึกษา (เว็บไซต์สาธิต edunews)"
DEFAULT_TAGLINE = "ข่าวสังเคราะห์สำหรับทดสอบระบบ ไม่ใช่ข่าวจริง"
POSTS_PER_PAGE = 10  # WordPress's posts_per_page for the home page
RECENT_IN_SIDEBAR = 5

_HTML = "text/html; charset=UTF-8"
_JSON = "application/json; charset=UTF-8"


def _reply(
    status: int,
    body: bytes,
    content_type: str,
    headers: Mapping[str, str] | None = None,
    last_modified: datetime | None = None,
) -> Reply:
    all_headers = {"Content-Type": content_type, **(headers or {})}
    if last_modified:
        all_headers["Last-Modified"] = format_datetime(last_modified.astimezone(UTC), usegmt=True)
    return Reply(status, body, all_headers)


def _ok(
    body: str, content_type: str, last_modified: datetime | None = None, **headers: str
) -> Reply:
    data = body.encode("utf-8")
    etag = '"' + hashlib.sha1(data).hexdigest()[:20] + '"'
    return _reply(200, data, content_type, {"ETag": etag, **headers}, last_modified)


def _json(status: int, payload: Any, headers: Mapping[str, str] | None = None) -> Reply:
    body = rest.encode(payload)
    if status == 200:
        return _ok(body, _JSON, **(headers or {}))
    return _reply(status, body.encode("utf-8"), _JSON, headers)


class Router:
    """Maps a request to a Reply; holds the site's indexes, built once."""

    def __init__(self, articles: Sequence[Article], site: theme.SiteInfo) -> None:
        self.site = site
        self.oldest_first = sorted(articles, key=lambda a: (a.published, a.post_id))
        self.newest_first = self.oldest_first[::-1]
        self.by_id = {a.post_id: a for a in articles}
        self.by_path = {urlsplit(rest.post_link(a, site.base)).path: a for a in articles}
        self._position = {a.post_id: i for i, a in enumerate(self.oldest_first)}
        self.sidebar = theme.sidebar(site, self.newest_first[:RECENT_IN_SIDEBAR], self._months())
        self._routes: tuple[tuple[re.Pattern[str], Callable[..., Reply]], ...] = (
            (re.compile(r"/"), self._root),
            (re.compile(r"/page/(\d+)/?"), self._listing),
            (re.compile(r"/wp-json(/.*)?"), self._rest_path),
            (re.compile(r"/\d{4}/\d{2}/\d{2}/[^/]+/?"), self._article_by_path),
            (re.compile(r"/feed/?"), self._feed),
            (re.compile(r"/robots\.txt"), self._robots),
            (re.compile(r"/wp-sitemap\.xml"), self._sitemap_index),
            (re.compile(r"/wp-sitemap-posts-post-(\d+)\.xml"), self._posts_sitemap),
        )

    def handle(self, request: Request) -> Reply:
        reply = self._route(request)
        if _not_modified(reply, request.headers):
            return Reply(304, b"", reply.headers)
        return reply

    def _route(self, request: Request) -> Reply:
        parts = urlsplit(request.target)
        for pattern, handler in self._routes:
            match = pattern.fullmatch(parts.path)
            if match:
                return handler(match, request.query, parts)
        return self._not_found()

    # --- HTML ---------------------------------------------------------------------------

    def _months(self) -> list[tuple[int, int]]:
        months: list[tuple[int, int]] = []
        for a in self.newest_first:
            local = a.published.astimezone(rest.SITE_TZ)
            if (local.year, local.month) not in months:
                months.append((local.year, local.month))
        return months[:12]

    def _html_headers(self) -> dict[str, str]:
        return {"Link": f'<{self.site.base}wp-json/>; rel="https://api.w.org/"'}

    def _not_found(self) -> Reply:
        body = theme.not_found_page(self.site, self.sidebar).encode("utf-8")
        return _reply(404, body, _HTML, self._html_headers())

    def _root(self, _match: re.Match[str], query: dict[str, str], _parts: Any) -> Reply:
        if "rest_route" in query:  # sites without pretty permalinks: ?rest_route=/wp/v2/posts
            return self._rest(query["rest_route"] or "/", query)
        if "p" in query:
            article = self.by_id.get(int(query["p"])) if query["p"].isdigit() else None
            return self._article(article)
        paged = query.get("paged", "1")
        return self._listing_page(int(paged) if paged.isdigit() else 1)

    def _listing(self, match: re.Match[str], _query: Any, _parts: Any) -> Reply:
        return self._listing_page(int(match.group(1)))

    def _listing_page(self, page_no: int) -> Reply:
        total_pages = max(1, -(-len(self.newest_first) // POSTS_PER_PAGE))
        if not 1 <= page_no <= total_pages:
            return self._not_found()
        start = (page_no - 1) * POSTS_PER_PAGE
        chosen = self.newest_first[start : start + POSTS_PER_PAGE]
        page = theme.listing_page(self.site, chosen, page_no, total_pages, self.sidebar)
        return _ok(page, _HTML, **self._html_headers())

    def _article_by_path(self, _match: Any, _query: Any, parts: Any) -> Reply:
        if not parts.path.endswith("/"):  # WordPress redirects to the trailing slash
            location = self.site.base + parts.path[1:] + "/"
            location += f"?{parts.query}" if parts.query else ""
            return _reply(301, b"", _HTML, {"Location": location})
        return self._article(self.by_path.get(parts.path))

    def _article(self, article: Article | None) -> Reply:
        if article is None:
            return self._not_found()
        i = self._position[article.post_id]
        older = self.oldest_first[i - 1] if i > 0 else None
        newer = self.oldest_first[i + 1] if i + 1 < len(self.oldest_first) else None
        related = [a for a in self.oldest_first[max(0, i - 3) : i + 2] if a is not article][:3]
        page = theme.article_page(self.site, article, self.sidebar, related, older, newer)
        links = ", ".join(
            (
                self._html_headers()["Link"],
                f'<{self.site.base}wp-json/wp/v2/posts/{article.post_id}>; rel="alternate";'
                ' type="application/json"',
                f"<{self.site.base}?p={article.post_id}>; rel=shortlink",
            )
        )
        return _ok(page, _HTML, article.modified, Link=links)

    # --- REST --------------------------------------------------------------------------

    def _rest_path(self, match: re.Match[str], query: dict[str, str], _parts: Any) -> Reply:
        return self._rest(match.group(1) or "/", query)

    def _rest(self, route: str, query: dict[str, str]) -> Reply:
        route = "/" + route.strip("/")
        try:
            if route == "/":
                return _json(
                    200, rest.index_json(self.site.base, self.site.name, self.site.tagline)
                )
            if route == "/wp/v2/posts":
                page = rest.query_posts(self.oldest_first, query, self.site.base)
                return _json(200, page.posts, page.headers)
            post = re.fullmatch(r"/wp/v2/posts/(\d+)", route)
            if post:
                return _json(200, rest.get_post(self.oldest_first, post.group(1), self.site.base))
            raise rest.no_route()
        except rest.RestError as error:
            return _json(error.status, error.body())

    # --- feeds -------------------------------------------------------------------------

    def _feed(self, _match: Any, query: dict[str, str], _parts: Any) -> Reply:
        paged = query.get("paged", "1")
        body = feeds.rss(
            self.oldest_first,
            self.site.base,
            self.site.name,
            self.site.tagline,
            int(paged) if paged.isdigit() else 1,
        )
        if body is None:
            return self._not_found()
        last = max((a.modified for a in self.oldest_first), default=None)
        return _ok(body, "application/rss+xml; charset=UTF-8", last)

    def _robots(self, *_: Any) -> Reply:
        return _ok(feeds.robots_txt(self.site.base), "text/plain; charset=utf-8")

    def _sitemap_index(self, *_: Any) -> Reply:
        body = feeds.sitemap_index(self.oldest_first, self.site.base)
        return _ok(body, "application/xml; charset=UTF-8")

    def _posts_sitemap(self, match: re.Match[str], *_: Any) -> Reply:
        body = feeds.posts_sitemap(self.oldest_first, self.site.base, int(match.group(1)))
        if body is None:
            return self._not_found()
        return _ok(body, "application/xml; charset=UTF-8")


def _not_modified(reply: Reply, request_headers: Mapping[str, str]) -> bool:
    """Conditional GET: If-None-Match wins over If-Modified-Since, as RFC 9110 says."""
    if reply.status != 200:
        return False
    if_none_match = request_headers.get("if-none-match")
    if if_none_match:
        tags = {t.strip() for t in if_none_match.split(",")}
        return "*" in tags or reply.headers.get("ETag") in tags
    since = request_headers.get("if-modified-since")
    last_modified = reply.headers.get("Last-Modified")
    if since and last_modified:
        try:
            return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


class DemoSite:
    """A WordPress-like site serving `articles`; `.url` is known once started."""

    def __init__(
        self,
        articles: Sequence[Article],
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        name: str = DEFAULT_NAME,
        tagline: str = DEFAULT_TAGLINE,
    ) -> None:
        self.articles = tuple(articles)
        self.host = host
        self.port = port
        self.name = name
        self.tagline = tagline
        self._served: Served | None = None
        self._router: Router | None = None

    @property
    def url(self) -> str:
        """Base URL with a trailing slash: http://127.0.0.1:PORT/."""
        if self._served is None:
            raise RuntimeError("DemoSite is not started")
        return self._served.url

    def handle(self, request: Request) -> Reply:
        # The router needs the bound address for its links, so it is built after binding;
        # nothing can ask before the address is known.
        if self._router is None:
            return Reply(503, b"starting", {"Retry-After": "1"})
        return self._router.handle(request)

    def start(self) -> DemoSite:
        if self._served is not None:
            return self
        self._served = start(self, port=self.port, host=self.host, keep_alive=True)
        site = theme.SiteInfo(base=self.url, name=self.name, tagline=self.tagline)
        self._router = Router(self.articles, site)
        return self

    def stop(self) -> None:
        if self._served is None:
            return
        self._served.close()
        self._served, self._router = None, None

    def __enter__(self) -> DemoSite:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
