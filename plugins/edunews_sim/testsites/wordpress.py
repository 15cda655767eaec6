"""A WordPress site: REST API, feed, wp-sitemap.xml and themed article pages.

`links="pretty"` gives /YYYY/MM/DD/slug/ addresses, `links="plain"` gives /?p=N with the
REST API only under ?rest_route= (WordPress without pretty permalinks). `YearlyInstalls`
puts one install per Buddhist-Era year folder (/2563/, /2567/) on one host.
"""

from __future__ import annotations

import hashlib
import json
import math
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape

from edunews_sim.testsites.articles import SiteArticle
from edunews_sim.testsites.pages import article_page
from edunews_sim.testsites.server import Reply, Request

MAX_PER_PAGE = 100


class WordPressSite:
    def __init__(
        self,
        articles: list[SiteArticle],
        links: str = "pretty",
        prefix: str = "/",
        robots: str = "User-agent: *\nDisallow: /wp-admin/\n",
        rest_open: bool = True,
    ) -> None:
        self.articles = sorted(articles, key=lambda a: a.published, reverse=True)
        self.links = links
        self.prefix = prefix
        self.robots = robots
        self.rest_open = rest_open  # False: a security plugin closes the REST API
        self.host = ""  # "http://127.0.0.1:PORT", set from the first request's Host header

    # Addresses ---------------------------------------------------------------------------
    def path_of(self, article: SiteArticle) -> str:
        if self.links == "plain":
            return f"{self.prefix}?p={article.post_id}"
        day = article.published
        return f"{self.prefix}{day:%Y/%m/%d}/{article.slug}/"

    def link(self, article: SiteArticle) -> str:
        return self.host + self.path_of(article)

    def api_root(self) -> str:
        if self.links == "plain":
            return f"{self.host}{self.prefix}?rest_route=/"
        return f"{self.host}{self.prefix}wp-json/"

    # Requests ----------------------------------------------------------------------------
    def handle(self, request: Request) -> Reply:
        self.host = "http://" + request.headers.get("host", "127.0.0.1")
        path = request.path
        if path == "/robots.txt":
            return Reply(200, self.robots.encode(), {"Content-Type": "text/plain"})
        if not path.startswith(self.prefix):
            return Reply.not_found()
        local = "/" + path[len(self.prefix) :]
        if local == "/wp-json/wp/v2/posts" and self.links == "pretty":
            return self.posts(request)
        if local == "/" and request.arg("rest_route") == "/wp/v2/posts":
            return self.posts(request)
        if local == "/" and request.arg("p"):
            return self.page_by_id(request, request.arg("p"))
        if local == "/":
            return self.home()
        if local == "/feed/":
            return self.feed()
        if local == "/wp-sitemap.xml":
            return self.sitemap()
        if self.links == "pretty":
            for article in self.articles:
                if path == self.path_of(article):
                    return self.page(request, article)
        return Reply.not_found()

    def home(self) -> Reply:
        items = "".join(
            f'<li><a href="{escape(self.link(a))}">{escape(a.title)}</a></li>'
            for a in self.articles[:10]
        )
        return Reply.html(
            f'<html><head><link rel="https://api.w.org/" href="{self.api_root()}">'
            '<link rel="alternate" type="application/rss+xml"'
            f' href="{self.host}{self.prefix}feed/">'
            f"<title>สพป.ทดสอบ</title></head><body><ul>{items}</ul></body></html>",
            Link=f'<{self.api_root()}>; rel="https://api.w.org/"',
        )

    def posts(self, request: Request) -> Reply:
        if not self.rest_open:
            body = {"code": "rest_cannot_access", "data": {"status": 401}}
            return Reply(401, json.dumps(body).encode(), {"Content-Type": "application/json"})
        chosen = self.articles
        if request.arg("after"):
            after = _aware(request.arg("after"))
            chosen = [a for a in chosen if a.published > after]
        if request.arg("modified_after"):
            after = _aware(request.arg("modified_after"))
            chosen = [a for a in chosen if a.modified > after]
        per_page = min(int(request.arg("per_page", "10")), MAX_PER_PAGE)
        page = int(request.arg("page", "1"))
        pages = max(1, math.ceil(len(chosen) / per_page))
        if page > pages:
            body = {"code": "rest_post_invalid_page_number", "data": {"status": 400}}
            return Reply(400, json.dumps(body).encode(), {"Content-Type": "application/json"})
        items = [self.rest_item(a) for a in chosen[(page - 1) * per_page : page * per_page]]
        return Reply(
            200,
            json.dumps(items, ensure_ascii=False).encode(),
            {
                "Content-Type": "application/json; charset=UTF-8",
                "X-WP-Total": str(len(chosen)),
                "X-WP-TotalPages": str(pages),
            },
        )

    def rest_item(self, article: SiteArticle) -> dict:
        published_utc = article.published.astimezone(UTC).replace(tzinfo=None)
        modified_utc = article.modified.astimezone(UTC).replace(tzinfo=None)
        return {
            "id": article.post_id,
            "date": article.published.replace(tzinfo=None).isoformat(),
            "date_gmt": published_utc.isoformat(),
            "modified": article.modified.replace(tzinfo=None).isoformat(),
            "modified_gmt": modified_utc.isoformat(),
            "link": self.link(article),
            "title": {"rendered": escape(article.title)},
            "content": {"rendered": article.content_html, "protected": False},
        }

    def page_by_id(self, request: Request, post_id: str) -> Reply:
        for article in self.articles:
            if str(article.post_id) == post_id:
                return self.page(request, article)
        return Reply.not_found()

    def page(self, request: Request, article: SiteArticle) -> Reply:
        others = [a for a in self.articles if a is not article]
        html = article_page(article, others, self.link)
        etag = '"' + hashlib.sha1(html.encode()).hexdigest()[:16] + '"'
        if request.headers.get("if-none-match") == etag:
            return Reply(304, b"", {"ETag": etag})
        return Reply.html(
            html, ETag=etag, **{"Last-Modified": format_datetime(article.modified, usegmt=False)}
        )

    def feed(self) -> Reply:
        items = "".join(
            f"<item><title>{escape(a.title)}</title><link>{escape(self.link(a))}</link>"
            f"<pubDate>{format_datetime(a.published)}</pubDate></item>"
            for a in self.articles[:10]
        )
        return Reply(
            200,
            f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>สพป.ทดสอบ</title>{items}</channel></rss>".encode(),
            {"Content-Type": "application/rss+xml; charset=UTF-8"},
        )

    def sitemap(self) -> Reply:
        urls = "".join(f"<url><loc>{escape(self.link(a))}</loc></url>" for a in self.articles)
        return Reply.xml(
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        )


class YearlyInstalls:
    """One host, one WordPress install per year folder: /2563/, /2567/ ..."""

    def __init__(self, installs: dict[str, WordPressSite]) -> None:
        self.installs = installs

    def handle(self, request: Request) -> Reply:
        if request.path == "/robots.txt":
            return Reply(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
        for prefix, site in self.installs.items():
            if request.path.startswith(prefix):
                return site.handle(request)
        folders = "".join(f'<a href="{p}">{p}</a> ' for p in self.installs)
        return Reply.html(f"<html><body>{folders}</body></html>")


def _aware(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
