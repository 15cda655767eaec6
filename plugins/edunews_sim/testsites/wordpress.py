"""A WordPress site: REST API, feed, wp-sitemap.xml and themed article pages.

`links="pretty"` gives /YYYY/MM/DD/slug/ addresses, `links="plain"` gives /?p=N with the
REST API only under ?rest_route= (WordPress without pretty permalinks). `YearlyInstalls`
puts one install per Buddhist-Era year folder (/2563/, /2567/) on one host.
"""

from __future__ import annotations

import hashlib
import re
from email.utils import format_datetime
from html import escape

from edunews_sim import wp_feeds as feeds
from edunews_sim import wp_rest
from edunews_sim.articles import Article
from edunews_sim.server import Reply, Request
from edunews_sim.testsites.pages import article_page


class WordPressSite:
    def __init__(
        self,
        articles: list[Article],
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
    def path_of(self, article: Article) -> str:
        if self.links == "plain":
            return f"{self.prefix}?p={article.post_id}"
        day = article.published
        return f"{self.prefix}{day:%Y/%m/%d}/{article.slug}/"

    def link(self, article: Article) -> str:
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
            body = feeds.sitemap_index(self.articles, self.host + self.prefix)
            return Reply.xml(body)
        sitemap_page = re.fullmatch(r"/wp-sitemap-posts-post-(\d+)\.xml", local)
        if sitemap_page:
            page = int(sitemap_page.group(1))
            body = feeds.posts_sitemap(self.articles, self.host + self.prefix, page, self.link)
            return Reply.xml(body) if body else Reply.not_found()
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
            return _json(401, {"code": "rest_cannot_access", "data": {"status": 401}})
        base = self.host + self.prefix
        try:
            page = wp_rest.query_posts(self.articles, request.query, base, self.link)
        except wp_rest.RestError as error:
            return _json(error.status, error.body())
        return _json(200, page.posts, page.headers)

    def page_by_id(self, request: Request, post_id: str) -> Reply:
        for article in self.articles:
            if str(article.post_id) == post_id:
                return self.page(request, article)
        return Reply.not_found()

    def page(self, request: Request, article: Article) -> Reply:
        others = [a for a in self.articles if a is not article]
        html = article_page(article, others, self.link)
        etag = '"' + hashlib.sha1(html.encode()).hexdigest()[:16] + '"'
        if request.headers.get("if-none-match") == etag:
            return Reply(304, b"", {"ETag": etag})
        return Reply.html(
            html, ETag=etag, **{"Last-Modified": format_datetime(article.modified, usegmt=False)}
        )

    def feed(self) -> Reply:
        body = feeds.rss(self.articles, self.host + self.prefix, "สพป.ทดสอบ", "", link=self.link)
        return Reply(
            200, (body or "").encode(), {"Content-Type": "application/rss+xml; charset=UTF-8"}
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


def _json(status: int, payload: object, headers: dict[str, str] | None = None) -> Reply:
    content_type = {"Content-Type": "application/json; charset=UTF-8"}
    return Reply(status, wp_rest.encode(payload).encode(), {**content_type, **(headers or {})})
