"""A site that attacks the HTTP layer: bombs, trickles, lying redirects, broken answers.

Gzip bombs (a sitemap served as application/gzip, a page with Content-Encoding gzip,
deflate, and gzip twice), servers that trickle headers or body a byte at a time, redirects
whose host depends on the parser (`\\@`, userinfo, odd IP spellings, NUL, other schemes),
codings nobody asked for, too many headers, and good articles between them. Every path is
in EXPECTED with the fetch_log outcome the crawler must give it.

`decoy` is the host:port the lying redirects point at: a test can listen there and count
connections (the crawler must never open one). The trickles stop by themselves after
`trickle_limit` seconds, so no test leaves a thread dripping forever.
"""

from __future__ import annotations

import functools
import gzip
import time
import zlib
from collections.abc import Iterator
from html import escape
from urllib.parse import unquote

from edunews_sim.articles import Article
from edunews_sim.server import Reply, Request
from edunews_sim.testsites.farm_common import Farm

MIB = 1024 * 1024
BOMB_BYTES = 2 * 1024 * MIB  # what each bomb inflates to: 2 GiB from about 2 MB

# path -> expected outcome; the tests check the crawler's verdicts against it.
EXPECTED = {
    "/gzip-bomb-sitemap.xml": "too_large",  # application/gzip, no Content-Encoding
    "/nested-gzip-sitemap.xml": "too_large",  # gzip of the gzip bomb
    "/bomb-page": "too_large",  # Content-Encoding: gzip, concatenated members
    "/bomb-deflate": "too_large",  # Content-Encoding: deflate, one zlib stream
    "/bomb-layers": "too_large",  # Content-Encoding: gzip, gzip
    "/unasked-coding": "parse_error",  # Content-Encoding: br, never asked for
    "/corrupt-gzip": "parse_error",  # Content-Encoding: gzip, not gzip
    "/trickle-body": "network_error",  # one byte per interval, no end in sight
    "/trickle-headers": "network_error",  # the status line and headers, byte by byte
    "/redirect-backslash": "off_site",  # http://decoy\@this-host/...: the decoy is the host
    "/redirect-userinfo": "off_site",  # user:password@ in the Location
    "/redirect-odd-ip": "off_site",  # the decoy's address as one decimal number
    "/redirect-nul": "off_site",  # a NUL inside the Location
    "/redirect-scheme": "off_site",  # file:///etc/passwd
    "/redirect-empty": "http_error",  # 302 without a Location
    "/many-headers": "network_error",  # 1,000 header lines
    "/bad-status": "network_error",  # "HTTP/1.1 2000 OK"
    "/retry-after-forever": "http_error",  # 503, Retry-After: a billion seconds
    # What must still work between them:
    "/gzip-article": "stored",  # an article with Content-Encoding: gzip, two members
    "/raw-deflate-article": "stored",  # deflate without the zlib header, as IIS sends it
    "/redirect-thai": "stored",  # Location in raw UTF-8: /ข่าว/<id>
    "/cookie-flood": "stored",  # sets a 4 KB cookie per visit
}
SITEMAPS = ("/gzip-bomb-sitemap.xml", "/nested-gzip-sitemap.xml")


class HostileHttpSite(Farm):
    def __init__(
        self,
        articles: list[Article],
        decoy: str = "127.0.0.2:9",
        trickle_interval: float = 0.2,
        trickle_limit: float = 180.0,
        bomb_bytes: int = BOMB_BYTES,
    ) -> None:
        super().__init__(articles)
        self.decoy = decoy
        self.trickle_interval = trickle_interval
        self.trickle_limit = trickle_limit
        self.bomb_bytes = bomb_bytes

    def handle(self, request: Request) -> Reply:
        path = self.arrived(request)
        host = request.headers.get("host", "")
        if path == "/robots.txt":
            return self.robots_naming_sitemap()
        if path == "/sitemap.xml":
            return self._index()
        if path == "/sitemap-pages.xml":
            return self._pages()
        if path.startswith("/good/") and path[6:].isdigit():
            return self.good_page(int(path[6:]))
        thai = unquote(path)
        if thai.startswith("/ข่าว/") and thai[6:].isdigit():
            return self.good_page(int(thai[6:]))
        handler = getattr(self, "_" + path.strip("/").replace("-", "_").replace(".", "_"), None)
        if path in EXPECTED and handler:
            return handler(host)
        return Reply.not_found()

    # Bombs ---------------------------------------------------------------------------

    def _gzip_bomb_sitemap_xml(self, host: str) -> Reply:
        head = f'<?xml version="1.0"?><urlset xmlns="{_NS}"><url><loc>{self.host}/good/1</loc>'
        body = _gzip_bomb(head.encode(), self.bomb_bytes)
        return Reply(200, body, {"Content-Type": "application/gzip"})

    def _nested_gzip_sitemap_xml(self, host: str) -> Reply:
        head = f'<?xml version="1.0"?><urlset xmlns="{_NS}">'
        body = gzip.compress(_gzip_bomb(head.encode(), self.bomb_bytes), 9)
        return Reply(200, body, {"Content-Type": "application/x-gzip"})

    def _bomb_page(self, host: str) -> Reply:
        body = _gzip_bomb(b"<html><body><p>", self.bomb_bytes)
        return Reply(200, body, {"Content-Type": "text/html", "Content-Encoding": "gzip"})

    def _bomb_deflate(self, host: str) -> Reply:
        body = _deflate_bomb(self.bomb_bytes)
        return Reply(200, body, {"Content-Type": "text/html", "Content-Encoding": "deflate"})

    def _bomb_layers(self, host: str) -> Reply:
        body = gzip.compress(_gzip_bomb(b"<html><body>", self.bomb_bytes), 9)
        return Reply(200, body, {"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"})

    def _unasked_coding(self, host: str) -> Reply:
        return Reply(
            200,
            b"\x8b\x02\x80<p>hi</p>\x03",
            {"Content-Type": "text/html", "Content-Encoding": "br"},
        )

    def _corrupt_gzip(self, host: str) -> Reply:
        body = b"\x1f\x8b\x08\x00garbage that is not deflate at all" * 20
        return Reply(200, body, {"Content-Type": "text/html", "Content-Encoding": "gzip"})

    # Trickles ------------------------------------------------------------------------

    def _trickle_body(self, host: str) -> Reply:
        head = b"<html><body><p>" + b" " * 64
        return Reply(
            200,
            self._drip(head, b"x"),
            {"Content-Type": "text/html", "Connection": "close"},
        )

    def _trickle_headers(self, host: str) -> Reply:
        return Reply(raw=self._drip(b"", b"HTTP/1.1 200 OK\r\nX-Padding: a"))

    def _drip(self, first: bytes, pattern: bytes) -> Iterator[bytes]:
        """`first` at once, then one byte per interval: the pattern, then its last byte on."""
        if first:
            yield first
        stop = time.monotonic() + self.trickle_limit
        i = 0
        while time.monotonic() < stop:
            at = min(i, len(pattern) - 1)
            yield pattern[at : at + 1]
            i += 1
            time.sleep(self.trickle_interval)

    # Lying redirects -----------------------------------------------------------------

    def _redirect_backslash(self, host: str) -> Reply:
        # urlsplit reads this host's name after the '@'; urllib3 and browsers read the decoy.
        return Reply.redirect(f"http://{self.decoy}\\@{host}/good/{self._first()}")

    def _redirect_userinfo(self, host: str) -> Reply:
        return Reply.redirect(f"http://editor:secret@{host}/good/{self._first()}")

    def _redirect_odd_ip(self, host: str) -> Reply:
        address, _, port = self.decoy.partition(":")
        number = int.from_bytes(bytes(int(p) for p in address.split(".")), "big")
        return Reply.redirect(f"http://{number}:{port}/good/{self._first()}")

    def _redirect_nul(self, host: str) -> Reply:
        return Reply.redirect(f"http://{host}/good/{self._first()}\x00.evil")

    def _redirect_scheme(self, host: str) -> Reply:
        return Reply.redirect("file:///etc/passwd")

    def _redirect_empty(self, host: str) -> Reply:
        return Reply(302, b"", {"Content-Type": "text/html"})

    # Broken answers ------------------------------------------------------------------

    def _many_headers(self, host: str) -> Reply:
        lines = b"".join(b"X-Header-%d: %d\r\n" % (i, i) for i in range(1000))
        return Reply(raw=[b"HTTP/1.1 200 OK\r\n", lines, b"\r\n<p>hi</p>"])

    def _bad_status(self, host: str) -> Reply:
        return Reply(raw=[b"HTTP/1.1 2000 OK\r\nContent-Length: 9\r\n\r\n<p>hi</p>"])

    def _retry_after_forever(self, host: str) -> Reply:
        return Reply(503, b"come back later", {"Retry-After": "1000000000"})

    # Hostile-looking but fine ----------------------------------------------------------

    def _gzip_article(self, host: str) -> Reply:
        page = self.good_page(self._first())
        body = page.body if isinstance(page.body, bytes) else b""
        half = len(body) // 2
        page.body = gzip.compress(body[:half]) + gzip.compress(body[half:])
        page.headers = {**page.headers, "Content-Encoding": "gzip"}
        page.headers.pop("Content-Length", None)
        return page

    def _raw_deflate_article(self, host: str) -> Reply:
        page = self.good_page(self._first())
        body = page.body if isinstance(page.body, bytes) else b""
        compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        page.body = compressor.compress(body) + compressor.flush()
        page.headers = {**page.headers, "Content-Encoding": "deflate"}
        page.headers.pop("Content-Length", None)
        return page

    def _redirect_thai(self, host: str) -> Reply:
        location = f"/ข่าว/{self._first()}".encode()
        return Reply(raw=[b"HTTP/1.1 301 Moved\r\nLocation: " + location + b"\r\n\r\n"])

    def _cookie_flood(self, host: str) -> Reply:
        page = self.good_page(self._first())
        page.headers = {
            **page.headers,
            "Set-Cookie": f"flood{self.calls['/cookie-flood']}=" + "x" * 4000,
        }
        return page

    # The site itself -----------------------------------------------------------------

    def _first(self) -> int:
        return self.articles[0].post_id

    def _index(self) -> Reply:
        children = ["/sitemap-pages.xml", *SITEMAPS]
        entries = "".join(f"<sitemap><loc>{self.host}{p}</loc></sitemap>" for p in children)
        return Reply.xml(f'<sitemapindex xmlns="{_NS}">{entries}</sitemapindex>')

    def _pages(self) -> Reply:
        paths = [*self.good_paths(), *(p for p in EXPECTED if p not in SITEMAPS)]
        urls = "".join(f"<url><loc>{escape(self.host + p)}</loc></url>" for p in paths)
        return Reply.xml(f'<urlset xmlns="{_NS}">{urls}</urlset>')


_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@functools.cache
def _gzip_bomb(head: bytes, size: int) -> bytes:
    """`head` then `size` bytes of spaces, as concatenated gzip members (a valid gzip file:
    10 MiB of spaces compress to about 10 KB, so 2 GiB is about 2 MB and built at once)."""
    member = gzip.compress(b" " * (10 * MIB), 9)
    return gzip.compress(head, 9) + member * max(1, size // (10 * MIB))


@functools.cache
def _deflate_bomb(size: int) -> bytes:
    """One zlib stream of `size` bytes of spaces, built in milliseconds: after a full flush
    the compressor forgets its history, so each MiB compresses to the same bytes."""
    compressor = zlib.compressobj(9)
    head = compressor.compress(b"<html><body><p>") + compressor.flush(zlib.Z_FULL_FLUSH)
    block = b" " * MIB
    segment = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = max(1, size // MIB)
    checksum = _adler32_of_spaces(zlib.adler32(b"<html><body><p>"), count * MIB)
    final = compressor.flush()  # the last (empty) block; its checksum covers one block only
    return head + segment * count + final[:-4] + checksum.to_bytes(4, "big")


def _adler32_of_spaces(start: int, n: int) -> int:
    """zlib.adler32(b" " * n, start) without the n bytes: A grows by 32 a byte, B by A."""
    a0, b0 = start & 0xFFFF, start >> 16
    a = (a0 + 32 * n) % 65521
    b = (b0 + n * a0 + 32 * n * (n + 1) // 2) % 65521
    return (b << 16) | a
