"""A site that does everything wrong, listed in its sitemap so the crawler meets it all.

5xx bursts, 429 with Retry-After, responses slower than the timeout, truncated bodies,
redirect loops, a redirect to 10.0.0.1, a 50 MB body (with and without Content-Length),
a section robots.txt disallows, an empty page, a 404, a PDF, a link to another host.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from edunews_sim.articles import Article
from edunews_sim.server import Reply, Request
from edunews_sim.testsites.farm_common import Farm

FIFTY_MB = 50 * 1024 * 1024

# path -> (expected outcome, what the path does); the tests check the crawler's verdicts.
EXPECTED = {
    "/burst": "stored",  # two 503s, then the article
    "/busy": "stored",  # 429 Retry-After: 1, then the article
    "/down": "http_error",  # 503 every time
    "/slow": "network_error",  # answers after the read timeout
    "/truncated": "network_error",  # Content-Length larger than the body
    "/loop": "http_error",  # redirects to itself
    "/to-private": "off_site",  # redirects to 10.0.0.1
    "/huge": "too_large",  # 50 MB, Content-Length declared
    "/huge-chunked": "too_large",  # 50 MB, streamed without a length
    "/private/minutes": "robots_disallowed",
    "/empty": "parse_error",
    "/gone": "http_error",  # 404
    "/report.pdf": "parse_error",  # not HTML
    "http://elsewhere.example/news/1": "off_site",
}


class FaultySite(Farm):
    def __init__(self, articles: list[Article], slow_seconds: float = 1.0) -> None:
        super().__init__(articles)
        self.slow_seconds = slow_seconds

    def handle(self, request: Request) -> Reply:
        path = self.arrived(request)
        calls = self.calls[path]
        if path == "/robots.txt":
            return Reply(
                200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"}
            )
        if path == "/sitemap.xml":
            return self.sitemap()
        if path.startswith("/good/"):
            return self.good_page(int(path.rsplit("/", 1)[1]))
        if path == "/burst":
            return Reply(503, b"busy") if calls <= 2 else self.good_page(self.articles[0].post_id)
        if path == "/busy":
            if calls == 1:
                return Reply(429, b"slow down", {"Retry-After": "1"})
            return self.good_page(self.articles[1].post_id)
        if path == "/down":
            return Reply(503, b"maintenance")
        if path == "/slow":
            return Reply(
                200, b"<p>late</p>", {"Content-Type": "text/html"}, delay=self.slow_seconds
            )
        if path == "/truncated":
            return Reply(
                200,
                b"<html><body><p>cut",
                {"Content-Type": "text/html", "Content-Length": "100000"},
            )
        if path == "/loop":
            return Reply.redirect("/loop-b")
        if path == "/loop-b":
            return Reply.redirect("/loop")
        if path == "/to-private":
            return Reply.redirect("http://10.0.0.1/admin")
        if path == "/huge":
            return Reply(
                200,
                _zeros(FIFTY_MB),
                {"Content-Type": "text/html", "Content-Length": str(FIFTY_MB)},
            )
        if path == "/huge-chunked":
            return Reply(
                200, _zeros(FIFTY_MB), {"Content-Type": "text/html", "Connection": "close"}
            )
        if path == "/private/minutes":
            return Reply.html("<p>secret</p>")
        if path == "/empty":
            return Reply(200, b"", {"Content-Type": "text/html"})
        if path == "/report.pdf":
            return Reply(200, b"%PDF-1.4 ...", {"Content-Type": "application/pdf"})
        return Reply.not_found()

    def sitemap(self) -> Reply:
        paths = [*self.good_paths(), *EXPECTED]
        urls = "".join(
            f"<url><loc>{escape(p if p.startswith('http') else self.host + p)}</loc></url>"
            for p in paths
        )
        return Reply.xml(
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        )


def _zeros(size: int) -> Iterator[bytes]:
    chunk = b"0" * (256 * 1024)
    for _ in range(size // len(chunk)):
        yield chunk
