"""Serve demo articles like a WordPress install, on a local port, from a daemon thread.

    with DemoSite(generate_articles(40)) as site:
        requests.get(site.url + "wp-json/wp/v2/posts", params={"per_page": 100})

Routes: `/` (home, `?p=ID`, `?paged=N`, `?rest_route=/wp/v2/posts`), `/page/N/`,
`/YYYY/MM/DD/slug/`, `/wp-json/`, `/wp-json/wp/v2/posts[/ID]`, `/feed/`, `/robots.txt`,
`/wp-sitemap.xml`, `/wp-sitemap-posts-post-N.xml`; anything else is 404.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from edunews_sim.demosite import feeds, rest, theme
from edunews_sim.demosite.model import DemoArticle

log = logging.getLogger(__name__)

DEFAULT_NAME = "ข่าวเขตพื้นที่การศึกษา (เว็บไซต์สาธิต edunews)"
DEFAULT_TAGLINE = "ข่าวสังเคราะห์สำหรับทดสอบระบบ ไม่ใช่ข่าวจริง"
POSTS_PER_PAGE = 10  # WordPress's posts_per_page for the home page
RECENT_IN_SIDEBAR = 5

_HTML = "text/html; charset=UTF-8"
_JSON = "application/json; charset=UTF-8"


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes = b""
    content_type: str = _HTML
    headers: dict[str, str] = field(default_factory=dict)
    last_modified: datetime | None = None


def _ok(
    body: str, content_type: str, last_modified: datetime | None = None, **headers: str
) -> Response:
    data = body.encode("utf-8")
    etag = '"' + hashlib.sha1(data).hexdigest()[:20] + '"'
    return Response(200, data, content_type, {"ETag": etag, **headers}, last_modified)


def _json(status: int, payload: Any, headers: Mapping[str, str] | None = None) -> Response:
    # WordPress's wp_json_encode escapes non-ASCII and slashes: "\u0e2a", "http:\/\/".
    body = json.dumps(payload, separators=(",", ":")).replace("/", "\\/")
    if status == 200:
        return _ok(body, _JSON, **(headers or {}))
    return Response(status, body.encode("utf-8"), _JSON, dict(headers or {}))


class Router:
    """Maps a request path to a Response; holds the site's indexes, built once."""

    def __init__(self, articles: Sequence[DemoArticle], site: theme.SiteInfo) -> None:
        self.site = site
        self.oldest_first = sorted(articles, key=lambda a: (a.published, a.post_id))
        self.newest_first = self.oldest_first[::-1]
        self.by_id = {a.post_id: a for a in articles}
        self.by_path = {urlsplit(rest.post_link(a, site.base)).path: a for a in articles}
        self._position = {a.post_id: i for i, a in enumerate(self.oldest_first)}
        self.sidebar = theme.sidebar(site, self.newest_first[:RECENT_IN_SIDEBAR], self._months())
        self._routes: tuple[tuple[re.Pattern[str], Callable[..., Response]], ...] = (
            (re.compile(r"/"), self._root),
            (re.compile(r"/page/(\d+)/?"), self._listing),
            (re.compile(r"/wp-json(/.*)?"), self._rest_path),
            (re.compile(r"/\d{4}/\d{2}/\d{2}/[^/]+/?"), self._article_by_path),
            (re.compile(r"/feed/?"), self._feed),
            (re.compile(r"/robots\.txt"), self._robots),
            (re.compile(r"/wp-sitemap\.xml"), self._sitemap_index),
            (re.compile(r"/wp-sitemap-posts-post-(\d+)\.xml"), self._posts_sitemap),
        )

    def route(self, target: str) -> Response:
        parts = urlsplit(target)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        for pattern, handler in self._routes:
            match = pattern.fullmatch(parts.path)
            if match:
                return handler(match, query, parts)
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

    def _not_found(self) -> Response:
        body = theme.not_found_page(self.site, self.sidebar).encode("utf-8")
        return Response(404, body, _HTML, self._html_headers())

    def _root(self, _match: re.Match[str], query: dict[str, str], _parts: Any) -> Response:
        if "rest_route" in query:  # sites without pretty permalinks: ?rest_route=/wp/v2/posts
            return self._rest(query["rest_route"] or "/", query)
        if "p" in query:
            article = self.by_id.get(int(query["p"])) if query["p"].isdigit() else None
            return self._article(article)
        paged = query.get("paged", "1")
        return self._listing_page(int(paged) if paged.isdigit() else 1)

    def _listing(self, match: re.Match[str], _query: Any, _parts: Any) -> Response:
        return self._listing_page(int(match.group(1)))

    def _listing_page(self, page_no: int) -> Response:
        total_pages = max(1, -(-len(self.newest_first) // POSTS_PER_PAGE))
        if not 1 <= page_no <= total_pages:
            return self._not_found()
        start = (page_no - 1) * POSTS_PER_PAGE
        chosen = self.newest_first[start : start + POSTS_PER_PAGE]
        page = theme.listing_page(self.site, chosen, page_no, total_pages, self.sidebar)
        return _ok(page, _HTML, **self._html_headers())

    def _article_by_path(self, _match: Any, _query: Any, parts: Any) -> Response:
        if not parts.path.endswith("/"):  # WordPress redirects to the trailing slash
            location = self.site.base + parts.path[1:] + "/"
            location += f"?{parts.query}" if parts.query else ""
            return Response(301, b"", _HTML, {"Location": location})
        return self._article(self.by_path.get(parts.path))

    def _article(self, article: DemoArticle | None) -> Response:
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

    def _rest_path(self, match: re.Match[str], query: dict[str, str], _parts: Any) -> Response:
        return self._rest(match.group(1) or "/", query)

    def _rest(self, route: str, query: dict[str, str]) -> Response:
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

    def _feed(self, _match: Any, query: dict[str, str], _parts: Any) -> Response:
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

    def _robots(self, *_: Any) -> Response:
        return _ok(feeds.robots_txt(self.site.base), "text/plain; charset=utf-8")

    def _sitemap_index(self, *_: Any) -> Response:
        body = feeds.sitemap_index(self.oldest_first, self.site.base)
        return _ok(body, "application/xml; charset=UTF-8")

    def _posts_sitemap(self, match: re.Match[str], *_: Any) -> Response:
        body = feeds.posts_sitemap(self.oldest_first, self.site.base, int(match.group(1)))
        if body is None:
            return self._not_found()
        return _ok(body, "application/xml; charset=UTF-8")


def _not_modified(response: Response, request_headers: Mapping[str, str]) -> bool:
    """Conditional GET: If-None-Match wins over If-Modified-Since, as RFC 9110 says."""
    if response.status != 200:
        return False
    if_none_match = request_headers.get("If-None-Match")
    if if_none_match:
        tags = {t.strip() for t in if_none_match.split(",")}
        return "*" in tags or response.headers.get("ETag") in tags
    since = request_headers.get("If-Modified-Since")
    if since and response.last_modified:
        try:
            return response.last_modified.replace(microsecond=0) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive, as crawlers' sessions expect
    server_version = "Apache"
    timeout = 15  # idle keep-alive connections give their thread back

    def version_string(self) -> str:
        return self.server_version

    def do_GET(self) -> None:  # noqa: N802 (the http.server naming)
        self._serve(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(send_body=False)

    def _serve(self, send_body: bool) -> None:
        try:
            response = self.server.router.route(self.path)
        except Exception:
            log.exception("demo site failed on %s", self.path)
            response = Response(500, b"internal error", "text/plain; charset=utf-8")
        if _not_modified(response, self.headers):
            response = replace(response, status=304, body=b"")
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        for name, value in response.headers.items():
            self.send_header(name, value)
        if response.last_modified:
            last_modified = format_datetime(response.last_modified.astimezone(UTC), usegmt=True)
            self.send_header("Last-Modified", last_modified)
        if response.status != 304:
            self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if send_body and response.body:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Quiet: no request lines on stderr."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    router: Router

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that hang up are normal for a crawler target; stay quiet about them."""


def _public_host(host: str) -> str:
    return "127.0.0.1" if host in ("", "0.0.0.0") else host


class DemoSite:
    """A WordPress-like site serving `articles`; `.url` is known once started."""

    def __init__(
        self,
        articles: Sequence[DemoArticle],
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
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Base URL with a trailing slash: http://127.0.0.1:PORT/."""
        if self._server is None:
            raise RuntimeError("DemoSite is not started")
        port = self._server.server_address[1]
        return f"http://{_public_host(self.host)}:{port}/"

    def start(self) -> DemoSite:
        if self._server is not None:
            return self
        server = _Server((self.host, self.port), _Handler)
        self._server = server
        site = theme.SiteInfo(base=self.url, name=self.name, tagline=self.tagline)
        server.router = Router(self.articles, site)
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"demosite-{self.url}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server, self._thread = None, None

    def __enter__(self) -> DemoSite:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
