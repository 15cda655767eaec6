"""More hostile sites (issue 10's red team): attacks the first farms did not make.

`HostileMoreSite` lists, through a sitemap index, XML attacks (entity expansion, external
entities, an index naming itself, an index of 10,000 children, a sitemap of 100,000
foreign URLs), HTTP answers that break the protocol in new ways (1xx forever, a body
shorter than its Content-Length, a connection closed after the headers, absurd and
malformed chunk sizes, a redirect to https on a port without TLS, a Refresh header
elsewhere, a PNG labelled text/html) and pages hostile to reading (a 5 MB title, 9 MB of
Thai without a space, a million <p>, runs of digits and spaces for the date finder, 5 MB of
JSON-LD, bidi overrides and zero-width characters, canonical links protocol-relative or in
uppercase with a fragment), with good articles between them.

`RobotsSite` is a well-behaved site whose robots.txt is the attack: over the body cap,
hundreds of thousands of rules, an absurd Crawl-delay, a redirect to another host.
`FeedAttackSite` serves an RSS feed with an entity bomb, XXE, a 9 MB title and dates at
the ends of the calendar. `ForeignFloodSite` lists 30 million links to other hosts;
`DenseSitemapSite` a 9 MB sitemap of 340,000 URLs (several side by side test memory);
`ExploreTrapSite` is explored from its home page: session ids in every link, an endless
calendar, a path growing each hop, 100,000 dead links of the article shape.

Every path is in EXPECTED with the fetch_log outcome the crawler must give it.
"""

from __future__ import annotations

import itertools
import json
import time
from collections import Counter
from collections.abc import Iterator
from html import escape

from edunews_sim.articles import Article
from edunews_sim.server import Reply, Request
from edunews_sim.testsites.farm_common import Farm
from edunews_sim.testsites.pages import article_page

MIB = 1024 * 1024
_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
FOREIGN = "http://foreign.example/news/"
DRIP_LIMIT = 30.0  # seconds a never-ending answer goes on before the server gives up

# Listings: path -> outcome of the listing's own fetch_log row.
SITEMAP_EXPECTED = {
    "/sm-laughs.xml": "listed",  # billion laughs and XXE: read, entities never expanded
    "/sm-self.xml": "listed",  # an index naming itself (and its twin by query): read once
    "/sm-many.xml": "listed",  # an index of 10,000 children: at most MAX_SITEMAPS read
}
# Pages (listed in /sm-pages.xml): path -> outcome.
EXPECTED = {
    # HTTP
    "/h/continue-forever": "network_error",  # "100 Continue" without end
    "/h/length-longer": "network_error",  # Content-Length says more than is sent, then close
    "/h/close-after-headers": "network_error",
    "/h/chunk-absurd": "network_error",  # a chunk of 2**64-1 bytes announced, 10 sent
    "/h/chunk-malformed": "network_error",  # chunk size "zz"
    "/h/https-no-tls": "network_error",  # redirect to https on this (plain) port
    "/h/png-as-html": "parse_error",  # 3 MB of PNG labelled text/html
    "/h/refresh-elsewhere": "stored",  # Refresh: 0; url=foreign: the page is the page
    # Pages
    "/p/title-5mb": "stored",  # 2 MB in <title>, 2 MB in the h1: 5 MB of title in all
    "/p/thai-no-space": "stored",  # 9 MB of Thai, no space, after the article
    "/p/million-p": "stored",  # a million empty <p> after the article
    "/p/digit-runs": "stored",  # runs of digits, spaces and Thai month names
    "/p/json-ld-5mb": "stored",  # 9 MB as sent (Thai escaped \\uXXXX), in <head>
    "/p/data-uri-image": "stored",  # a 4 MB base64 image pasted before the article's text
    "/p/head-scripts": "stored",  # 40 inline scripts of 100 KB and a 1 MB comment in <head>
    "/p/bidi-zero-width": "stored",  # RLO/LRE/ZWSP/ZWJ in title and text
    "/p/canonical-protocol-relative": "stored",  # //foreign.example/x: dropped
    "/p/canonical-upper-fragment": "stored",  # HTTP://127.0.0.1:PORT/p/...#top: its own
}
# Canonical each page must keep: None (dropped) or "self" (the page's own address).
CANONICAL = {
    "/p/canonical-protocol-relative": None,
    "/p/canonical-upper-fragment": "self",
}
# Text a stored page's title must not hold, and its body must not grow past.
MAX_TITLE_CHARS = 10_000


class HostileMoreSite(Farm):
    def __init__(self, articles: list[Article], drip_limit: float = DRIP_LIMIT) -> None:
        super().__init__(articles)
        self.drip_limit = drip_limit

    def handle(self, request: Request) -> Reply:
        path = self.arrived(request)
        if path == "/robots.txt":
            return self.robots_naming_sitemap()
        if path == "/sitemap.xml":
            children = ["/sm-pages.xml", "/sm-foreign.xml", "/sm-spellings.xml", *SITEMAP_EXPECTED]
            return _index(self.host + p for p in children)
        if path == "/sm-pages.xml":
            return _urlset(self.host + p for p in [*self.good_paths(), *EXPECTED])
        if path == "/sm-foreign.xml":
            # 100,000 links to another host: never fetched, and cheap to refuse.
            return _urlset(f"{FOREIGN}{i}" for i in range(100_000))
        if path == "/sm-spellings.xml":
            return _urlset(self.spellings())
        if path.startswith("/sm-child-"):
            return Reply.not_found()
        if path.startswith("/good/"):
            post_id = path[6:].split(";")[0]  # ;jsessionid=... as Java servers take it
            return self._article(int(post_id)) if post_id.isdigit() else Reply.not_found()
        name = "_" + path.strip("/").replace("-", "_").replace(".", "_").replace("/", "_")
        handler = getattr(self, name, None)
        if handler and (path in EXPECTED or path in SITEMAP_EXPECTED):
            return handler(request)
        return Reply.not_found()

    def spellings(self) -> list[str]:
        """The second article's address as sites and sitemaps spell it: one page, stored once
        (a session id or a tracker in every link made every visit a new article)."""
        own = f"{self.host}/good/{self.articles[1].post_id}"
        return [
            own,
            own + "#comments",
            own.replace("http://", "HTTP://"),
            own.replace("/good/", "/good/./"),
            own.replace("/good/", "/good/x/../"),
            own + ";jsessionid=0A1B2C3D4E5F",
            own + ";JSESSIONID=FFEEDDCCBBAA",
            own + "?PHPSESSID=9f8e7d6c5b4a",
            own + "?utm_source=facebook&utm_medium=post&fbclid=IwAR0abc",
            own + "?gclid=xyz",
        ]

    # XML -------------------------------------------------------------------------------

    def _sm_laughs_xml(self, request: Request) -> Reply:
        return Reply.xml(LAUGHS.format(loc=f"{self.host}/good/{self._first()}"))

    def _sm_self_xml(self, request: Request) -> Reply:
        loops = [f"{self.host}/sm-self.xml", f"{self.host}/sm-self.xml?again=1", "/sm-self.xml"]
        return _index(loops)

    def _sm_many_xml(self, request: Request) -> Reply:
        return _index(f"{self.host}/sm-child-{i}.xml" for i in range(10_000))

    # HTTP ------------------------------------------------------------------------------

    def _h_continue_forever(self, request: Request) -> Reply:
        return Reply(raw=self._drip(b"HTTP/1.1 100 Continue\r\n\r\n"))

    def _h_length_longer(self, request: Request) -> Reply:
        return Reply(
            raw=[b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<p>"]
        )

    def _h_close_after_headers(self, request: Request) -> Reply:
        return Reply(
            raw=[b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\n"]
        )

    def _h_chunk_absurd(self, request: Request) -> Reply:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
        return Reply(raw=[head, b"ffffffffffffffff\r\n", b"<p>short</p>"])

    def _h_chunk_malformed(self, request: Request) -> Reply:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
        return Reply(raw=[head, b"zz\r\n<p>hi</p>\r\n0\r\n\r\n"])

    def _h_https_no_tls(self, request: Request) -> Reply:
        return Reply.redirect(self.host.replace("http://", "https://") + "/good/1")

    def _h_png_as_html(self, request: Request) -> Reply:
        png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * (3 * MIB // 256)
        return Reply(200, png, {"Content-Type": "text/html"})

    def _h_refresh_elsewhere(self, request: Request) -> Reply:
        page = self._article(self._first())
        page.headers = {**page.headers, "Refresh": f"0; url={FOREIGN}refresh"}
        return page

    # Pages -----------------------------------------------------------------------------

    def _p_title_5mb(self, request: Request) -> Reply:
        return self._article(self._first(), title="ข่าว" * (2 * MIB // 12))

    def _p_thai_no_space(self, request: Request) -> Reply:
        blob = "การศึกษาประถมศึกษา" * (9 * MIB // 54)
        return self._article(self._first(), after=f"<div class='ad'><p>{blob}</p></div>")

    def _p_million_p(self, request: Request) -> Reply:
        return self._article(self._first(), after="<p></p>" * 1_000_000)

    def _p_digit_runs(self, request: Request) -> Reply:
        runs = [
            "1" * 200_000,
            "1 " * 200_000,
            "๑ " * 100_000,
            "12 ตุลาคม " * 30_000,
            "วันที่ " * 50_000,
            "1/" * 100_000,
            "2566-" * 50_000,
        ]
        after = "".join(f"<p>{r}</p>" for r in runs)
        return self._article(self._first(), after=after, before=f"<p>{'1 ' * 50_000}</p>")

    def _p_json_ld_5mb(self, request: Request) -> Reply:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "ข" * 800_000,  # 2.4 MB in UTF-8
            "datePublished": "2" * MIB,
            "articleBody": "ก" * 600_000,
        }
        script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
        return self._article(self._first(), head=script)

    def _p_data_uri_image(self, request: Request) -> Reply:
        image = f'<p><img src="data:image/png;base64,{"iVBORw0KGgo" * (4 * MIB // 11)}"></p>'
        return self._article(self._first(), lead=image)

    def _p_head_scripts(self, request: Request) -> Reply:
        bundle = "var a=1;" * (100_000 // 8)
        head = f"<script>{bundle}</script>" * 40 + "<!--" + "x" * MIB + "-->"
        return self._article(self._first(), head=head)

    def _p_bidi_zero_width(self, request: Request) -> Reply:
        return self._article(
            self._first(),
            title="\u202eข่าว\u200bการ\u200dศึกษา\u202a\ufeff",
            after="<p>\u202e\u2066\u200b\u200c\u200d" * 1000 + "</p>",
        )

    def _p_canonical_protocol_relative(self, request: Request) -> Reply:
        return self._article(self._first(), canonical="//foreign.example/news/1")

    def _p_canonical_upper_fragment(self, request: Request) -> Reply:
        own = self.host.upper() + "/p/canonical-upper-fragment#top"
        return self._article(self._first(), canonical=own)

    # The site itself -------------------------------------------------------------------

    def _first(self) -> int:
        return self.articles[0].post_id

    def _article(
        self,
        post_id: int,
        *,
        title: str | None = None,
        after: str = "",
        before: str = "",
        head: str = "",
        lead: str = "",
        canonical: str | None = None,
    ) -> Reply:
        article = next((a for a in self.articles if a.post_id == post_id), None)
        if article is None:
            return Reply.not_found()
        link = lambda a: f"/good/{a.post_id}"  # noqa: E731
        page = article_page(article, self.articles, link, head_extra=head)
        if title is not None:
            page = page.replace(f"<title>{escape(article.title)}", f"<title>{escape(title)}", 1)
            page = page.replace(
                f'entry-title">{escape(article.title)}', f'entry-title">{escape(title)}', 1
            )
        if canonical is not None:
            page = page.replace(
                f'rel="canonical" href="{escape(link(article))}"',
                f'rel="canonical" href="{escape(canonical)}"',
            )
        if lead:
            page = page.replace(article.content_html, lead + article.content_html, 1)
        page = page.replace("<footer", before + "<footer", 1) if before else page
        page = page.replace("</main>", "</main>" + after, 1) if after else page
        return Reply.html(page)

    def _drip(self, piece: bytes) -> Iterator[bytes]:
        stop = time.monotonic() + self.drip_limit
        while time.monotonic() < stop:
            yield piece
            time.sleep(0.05)


# robots.txt attacks: mode -> what a crawl of the site must still do.
ROBOTS_MODES = ("huge", "many-rules", "crawl-delay", "redirect-elsewhere")
ROBOTS_RULES = 300_000  # for "many-rules": Disallow lines, about 7.5 MB (under the body cap)


class RobotsSite(Farm):
    """Good articles in a sitemap; robots.txt is the attack (`mode`, one of ROBOTS_MODES).

    huge: 'Allow: /' and the sitemap, then 12 MB of comments (over the body cap): RFC 9309
    asks crawlers to read at least the first 500 KiB, so the site is crawled as allowed.
    many-rules: 300,000 Disallow lines for /private/N before 'Allow: /'. crawl-delay:
    Crawl-delay: 99999 (the crawler caps it; pages are few). redirect-elsewhere: robots.txt
    redirects to another host (the crawler may not follow): no robots.txt to obey (RFC
    9309 reads an unreachable one as missing), but asked for once, not before every page.
    """

    def __init__(self, articles: list[Article], mode: str) -> None:
        assert mode in ROBOTS_MODES, mode
        super().__init__(articles)
        self.mode = mode

    def handle(self, request: Request) -> Reply:
        host = "http://" + request.headers.get("host", "")
        if request.path == "/robots.txt":
            if self.mode == "redirect-elsewhere":
                return Reply.redirect(FOREIGN.replace("/news/", "/robots.txt"), 301)
            return Reply(200, self._robots(host), {"Content-Type": "text/plain"})
        if request.path == "/sitemap.xml":
            return _urlset(host + p for p in [*self.good_paths(), "/private/7"])
        if request.path.startswith("/good/") and request.path[6:].isdigit():
            return self.good_page(int(request.path[6:]))
        if request.path.startswith("/private/"):
            return Reply.html("<p>private</p>")
        return Reply.not_found()

    def _robots(self, host: str) -> bytes:
        head = f"Sitemap: {host}/sitemap.xml\nUser-agent: *\n"
        if self.mode == "huge":
            filler = "# " + "x" * 1000 + "\n"
            return (head + "Disallow: /private/\nAllow: /\n" + filler * (12 * 1024)).encode()
        if self.mode == "many-rules":
            rules = "".join(f"Disallow: /private/{i}\n" for i in range(ROBOTS_RULES))
            return (head + rules + "Allow: /\n").encode()
        return (head + "Crawl-delay: 99999\nDisallow: /private/\n").encode()


class ForeignFloodSite(Farm):
    """Good articles, then a sitemap index of 200 children of 150,000 links each to other
    hosts (30 million in all): none is fetched, and a night must not log, or remember,
    each one of them (rows in raw.fetch_log, and memory, grew with every link)."""

    def __init__(self, articles: list[Article], children: int = 200) -> None:
        super().__init__(articles)
        self.children = children

    def handle(self, request: Request) -> Reply:
        path = self.arrived(request)
        host = self.host
        if path == "/robots.txt":
            return self.robots_naming_sitemap()
        if path == "/sitemap.xml":
            flood = [f"{host}/flood-{n}.xml" for n in range(self.children)]
            return _index([f"{host}/pages.xml", *flood])
        if path == "/pages.xml":
            return _urlset(host + p for p in self.good_paths())
        if path.startswith("/flood-"):
            n = path.removeprefix("/flood-").removesuffix(".xml")
            return _urlset(f"http://foreign{n}.example/n/{i}" for i in range(150_000))
        if path.startswith("/good/") and path[6:].isdigit():
            return self.good_page(int(path[6:]))
        return Reply.not_found()


class DenseSitemapSite:
    """A sitemap of 340,000 short URLs (9 MB, under the body cap) whose pages are slow and
    missing: the crawler must not hold the sitemap's parsed tree (about 160 MB) while it
    asks for them, or a few such sources side by side pass any memory cap."""

    def __init__(self, urls: int = 340_000, page_delay: float = 0.5) -> None:
        self.urls = urls
        self.page_delay = page_delay

    def handle(self, request: Request) -> Reply:
        if request.path == "/robots.txt":
            return Reply(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
        if request.path == "/sitemap.xml":
            return _urlset(f"/{i}" for i in range(self.urls))
        return Reply(404, b"", {"Content-Type": "text/html"}, delay=self.page_delay)


class FeedAttackSite(Farm):
    """An RSS feed as the attack: a DOCTYPE of nested entities and an external one, a first
    item whose title is 9 MB, dates at the ends of the calendar (year 9999 at -12:00, year
    1 at +14:00, which overflow on conversion to UTC), then the good articles' items."""

    def handle(self, request: Request) -> Reply:
        self.arrived(request)
        host = self.host
        if request.path == "/feed":
            head = LAUGHS.split("<urlset")[0]
            dates = (
                "Sat, 31 Dec 9999 23:59:59 -1200",
                "Mon, 01 Jan 0001 00:00:00 +1400",
                "9999-12-31T23:59:59-12:00",
            )
            items = [
                f"<item><title>{'ข' * 3_000_000}</title><link>{host}/good/1</link></item>",
                "<item><title>&lol9;</title><link>&xxe;</link></item>",
            ]
            items += [
                f"<item><title>{escape(a.title)}</title><link>{host}/good/{a.post_id}</link>"
                f"<pubDate>{dates[i % len(dates)]}</pubDate></item>"
                for i, a in enumerate(self.articles)
            ]
            body = f"{head}<rss version='2.0'><channel>{''.join(items)}</channel></rss>"
            return Reply(200, body.encode(), {"Content-Type": "application/rss+xml"})
        if request.path.startswith("/good/") and request.path[6:].isdigit():
            return self.good_page(int(request.path[6:]))
        if request.path == "/robots.txt":
            return Reply(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
        return Reply.not_found()


class ExploreTrapSite:
    """A site nobody described, explored from its home page, whose every page is a trap.

    Every link carries a new session id (;jsessionid= in the path, PHPSESSID in the query),
    so every visit makes every address new; the news listing has a calendar whose "next
    month" never ends, a relative link that grows the path each hop (/news/a/a/a...), query
    parameters in a new order on each visit, and 100,000 links of the article shape that
    lead nowhere. The articles are few and real: each must land once, and the walk must end
    by itself, well within its budget.
    """

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles
        self.calls: Counter = Counter()
        self._visit = itertools.count()

    def good_paths(self) -> list[str]:
        return [f"/news/view/{a.post_id}" for a in self.articles]

    def handle(self, request: Request) -> Reply:
        path = request.path.split(";")[0]
        self.calls[path] += 1
        if path == "/robots.txt":
            return Reply(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
        if path == "/":
            menu = self._a("/news/", "ข่าวประชาสัมพันธ์") + self._a("/about", "เกี่ยวกับเรา")
            return Reply.html(f"<html><body><nav>{menu}</nav><p>ยินดีต้อนรับ</p></body></html>")
        if path.startswith("/news/view/") and path[11:].isdigit():
            post_id = int(path[11:])
            for article in self.articles:
                if article.post_id == post_id:
                    page = article_page(article, self.articles, lambda a: self._link(a))
                    return Reply.html(page)
            return Reply.not_found()
        if path == "/news/" or path.startswith("/news/a/"):
            return self._listing(request)
        return Reply.not_found()

    def _listing(self, request: Request) -> Reply:
        month = int(request.arg("month", "0") or 0) if request.arg("month").isdigit() else 0
        items = "".join(f"<li>{self._a(self._link(a), a.title)}</li>" for a in self.articles)
        order = ["cat=1", f"month={month + 1}", "view=list"]
        if next(self._visit) % 2:
            order.reverse()
        calendar = self._a("/news/?" + "&".join(order), "เดือนถัดไป »")
        grow = self._a("a/", "ข่าวทั้งหมด")
        dead = "".join(
            f'<a href="/news/view/{900_000 + i}">ข่าวกิจกรรม {i}</a>' for i in range(100_000)
        )
        body = f"<ul>{items}</ul><p>{calendar} {grow}</p><div class='archive'>{dead}</div>"
        return Reply.html(f"<html><body><h1>ข่าวประชาสัมพันธ์</h1>{body}</body></html>")

    def _link(self, article: Article) -> str:
        return f"/news/view/{article.post_id}"

    def _a(self, href: str, text: str) -> str:
        # A new session each time a link is written: no two visits name a page alike.
        session = f"{next(self._visit):08X}"
        base, mark, query = href.partition("?")
        query = f"{query}&PHPSESSID={session}" if mark else f"PHPSESSID={session}"
        return f'<a href="{escape(base)};jsessionid={session}?{escape(query)}">{escape(text)}</a>'


def _index(locs) -> Reply:
    entries = "".join(f"<sitemap><loc>{escape(u)}</loc></sitemap>" for u in locs)
    return Reply.xml(f'<sitemapindex xmlns="{_NS}">{entries}</sitemapindex>')


def _urlset(locs) -> Reply:
    entries = "".join(f"<url><loc>{escape(u)}</loc></url>" for u in locs)
    return Reply.xml(f'<urlset xmlns="{_NS}">{entries}</urlset>')


# Ten levels of ten: 10**9 "lol"s if a parser expands them; an external entity beside it.
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10))
    + '<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
    + f'<urlset xmlns="{_NS}"><url><loc>{{loc}}?&lol9;</loc></url>'
    + "<url><loc>&xxe;</loc></url></urlset>"
)
