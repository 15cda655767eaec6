"""A news site for landing and budget tests: article pages listed in a sitemap, and the
same articles as WordPress REST posts, with the knobs those tests turn.

`dirty` articles carry text PostgreSQL refuses as it comes: NUL bytes in the page, a NUL and
a lone surrogate in the post's JSON (escaped, as a REST API sends them). Article pages from
`block_from` on wait for `release` (a crawl held mid-run, to kill it or race it); `delay`
slows every page (`listing_delay` the listings); `lastmod` puts a date on a page in the
sitemap. `canonical_of` and `link_of` (index -> URL) make the pages' canonical links and
the posts' links name other addresses, as a hostile or misconfigured site does.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Callable
from datetime import datetime
from html import escape

from edunews_sim import wp_rest
from edunews_sim.articles import Article
from edunews_sim.server import Reply, Request
from edunews_sim.testsites.pages import article_page


class NewsSite:
    def __init__(
        self,
        articles: list[Article],
        dirty: set[int] | tuple[int, ...] = (),
        block_from: int | None = None,
        delay: float = 0.0,
    ) -> None:
        self.articles = articles
        self.dirty = set(dirty)
        self.block_from = block_from
        self.release = threading.Event()
        self.asked = threading.Event()  # set by the first article request
        self.delay = delay
        self.listing_delay = 0.0  # the sitemap and the REST listing take this long to answer
        self.lastmod: dict[int, datetime] = {}
        self.canonical_of: Callable[[int], str] | None = None
        self.link_of: Callable[[int], str] | None = None
        self.extra_paths: list[str] = []  # listed in the sitemap too (traps, junk)
        self.listed_first: list[str] = []  # absolute URLs the sitemap lists before its own
        self.odd_posts: list[object] = []  # REST items after the posts: malformed, hostile

    def path(self, index: int) -> str:
        return f"/news/{index}"

    def handle(self, request: Request) -> Reply:
        host = "http://" + request.headers.get("host", "")
        if request.path == "/robots.txt":
            return Reply(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
        if request.path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{escape(u)}</loc></url>" for u in self.listed_first)
            urls += "".join(
                f"<url><loc>{escape(host + self.path(i))}</loc>"
                + (f"<lastmod>{self.lastmod[i].isoformat()}</lastmod>" if i in self.lastmod else "")
                + "</url>"
                for i in range(len(self.articles))
            ) + "".join(f"<url><loc>{escape(host + p)}</loc></url>" for p in self.extra_paths)
            reply = Reply.xml(
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            )
            reply.delay = self.listing_delay
            return reply
        if request.path == "/wp-json/wp/v2/posts":
            reply = self.posts(host)
            reply.delay = self.listing_delay
            return reply
        if request.path == "/":
            return Reply.html("<html><head><title>สพป.ทดสอบ</title></head><body></body></html>")
        if request.path.startswith("/news/"):
            index = int(request.path.rsplit("/", 1)[1])
            self.asked.set()
            if self.block_from is not None and index >= self.block_from:
                self.release.wait(60)
            article = self.articles[index]
            if index in self.dirty:
                article = dataclasses.replace(
                    article,
                    title=article.title + "\x00",
                    paragraphs=tuple(p.replace(" ", " \x00", 1) for p in article.paragraphs),
                )
            canonical = self.canonical_of(index) if self.canonical_of else host + self.path(index)
            html = article_page(article, [], lambda a: canonical)
            return Reply(
                200, html.encode(), {"Content-Type": "text/html; charset=utf-8"}, delay=self.delay
            )
        return Reply.not_found()

    def posts(self, host: str) -> Reply:
        items = []
        for i, article in enumerate(self.articles):
            link = self.link_of(i) if self.link_of else host + self.path(i)
            post = wp_rest.post_json(dataclasses.replace(article, post_id=i + 1), host + "/", link)
            if i in self.dirty:
                post["title"] = {"rendered": escape(article.title + "\x00\ud800")}
                post["content"] = {"rendered": article.content_html + "\x00", "protected": False}
            items.append(post)
        items.extend(self.odd_posts)
        # ensure_ascii: the lone surrogate goes as the escape \ud800, as PHP's json_encode does
        return Reply(
            200,
            json.dumps(items).encode(),
            {"Content-Type": "application/json; charset=UTF-8", "X-WP-TotalPages": "1"},
        )
