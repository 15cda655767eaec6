"""A site whose pages are hostile to reading and storing (issue 10), next to good articles.

Each class of page that broke the crawler once: NUL bytes and other controls, lone
surrogates, UTF-8 with a stray byte or cut mid-character (whatever charset the header
names), charset labels naming Python codecs that are no text encodings, pages nested
8,000 and 100,000 deep, a 9 MB single line, 100,000 elements, canonical links to another
host or to javascript:, absurd dates, deep JSON-LD. The pages are listed in the sitemap;
the same hostilities, plus posts with fields of the wrong type and list items that are no
posts, come through a fake `/wp-json/wp/v2/posts`, so both ways in are exercised.

`EXPECTED` (path -> outcome) is what the crawler must log; `HostilePagesSite.expectations()`
adds what must be true of the stored text, for an end-to-end check of the verdicts.
Real Thai text: the articles come from `load_articles`.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from edunews_sim import wp_rest
from edunews_sim.articles import Article
from edunews_sim.server import Reply, Request
from edunews_sim.testsites.pages import article_page

ELSEWHERE = "http://elsewhere.example/news/1"
POSTS = "/wp-json/wp/v2/posts"


@dataclass(frozen=True)
class Expect:
    """What the crawler must make of one path."""

    outcome: str  # raw.fetch_log's outcome
    contains: tuple[str, ...] = ()  # the stored body_text holds each of these
    charset: str | None = None  # the charset stored with the page
    # "article": the good article's address the page's canonical link names; None: none kept
    canonical: str | None = "article"
    note: str = ""


# Outcomes by path (pages listed in the sitemap, then what the REST listing gives).
EXPECTED = {
    "/hostile/nul": "stored",  # NUL bytes in text, title, a tag and an attribute
    "/hostile/controls": "stored",  # form feed, escape, backspace... in the text
    "/hostile/surrogate-bytes": "stored",  # UTF-8-encoded surrogates (ED A0 80): invalid
    "/hostile/stray-byte": "stored",  # UTF-8 with one 0xFF, header says UTF-8
    "/hostile/stray-byte-tis620": "stored",  # the same, header says TIS-620
    "/hostile/stray-byte-meta-874": "stored",  # the same, meta says windows-874
    "/hostile/cut-mid-character": "stored",  # PHP substr() excerpts, no charset given
    "/hostile/charset-base64": "stored",  # labels naming no text encoding
    "/hostile/charset-hex": "stored",
    "/hostile/charset-zlib": "stored",
    "/hostile/charset-rot13": "stored",
    "/hostile/charset-utf-7": "stored",  # would turn +ADw- into "<"
    "/hostile/charset-utf-16": "stored",  # UTF-16 label, UTF-8 bytes, no BOM
    "/hostile/charset-unicode-escape": "stored",  # would turn "\\x00" into a NUL
    "/hostile/tis-620": "stored",  # real TIS-620, declared: still read as such
    "/hostile/mixed-charset": "stored",  # a UTF-8 template around a TIS-620 article
    "/hostile/deep-8000": "stored",
    "/hostile/deep-100000": "stored",
    "/hostile/deep-labelled": "stored",  # 50,000 levels, each with a class
    "/hostile/deep-unclosed": "stored",  # 100,000 <div> never closed
    "/hostile/huge-line": "stored",  # 9 MB on one line after the article
    "/hostile/many-elements": "stored",  # 100,000 elements after the article
    "/hostile/canonical-elsewhere": "stored",  # canonical to another host: dropped
    "/hostile/canonical-javascript": "stored",  # canonical javascript:: none
    "/hostile/absurd-dates": "stored",  # published 0001-01-01 and 9999: no such date
    "/hostile/deep-json-ld": "stored",  # JSON-LD nested 100,000 deep
    "/hostile/binary": "parse_error",  # NULs and junk only: no article text
    # Through the REST API:
    "/rest/nul": "stored",
    "/rest/surrogate": "stored",  # "\ud800" in content and title
    "/rest/deep": "stored",  # content nested 100,000 deep
    "/rest/content-string": "parse_error",  # content is a string
    "/rest/title-list": "parse_error",
    "/rest/date-number": "parse_error",  # date_gmt is a number
    "/rest/modified-object": "parse_error",
    "/rest/rendered-number": "parse_error",  # content.rendered is a number
    "/rest/empty": "parse_error",  # no text at all
    f"{POSTS}/9001": "parse_error",  # link is a number: logged under its REST route
    f"{POSTS}/9002": "parse_error",  # link is javascript:
    f"{POSTS}/9003": "parse_error",  # no link
    f"{POSTS}?page=1#item-0": "parse_error",  # a string, not a post
    f"{POSTS}?page=1#item-1": "parse_error",  # a number
    f"{POSTS}?page=1#item-2": "parse_error",  # null
    f"{POSTS}?page=1#item-3": "parse_error",  # a list
    ELSEWHERE: "off_site",  # a post whose link is on another host
}


class HostilePagesSite:
    """Good articles at /good/<id> and the hostile pages of EXPECTED; needs 4 articles."""

    def __init__(self, articles: list[Article]) -> None:
        if len(articles) < 4:
            raise ValueError("the hostile pages need 4 articles")
        self.articles = articles
        self.host = ""
        self._pages: dict[str, Callable[[], Reply]] = {
            "/hostile/nul": self._nul,
            "/hostile/controls": self._controls,
            "/hostile/surrogate-bytes": self._surrogate_bytes,
            "/hostile/stray-byte": lambda: self._utf8(_stray(self._bytes()), "utf-8"),
            "/hostile/stray-byte-tis620": lambda: self._utf8(_stray(self._bytes()), "TIS-620"),
            "/hostile/stray-byte-meta-874": self._stray_meta,
            "/hostile/cut-mid-character": self._cut,
            "/hostile/charset-base64": lambda: self._utf8(self._bytes(), "base64"),
            "/hostile/charset-hex": lambda: self._utf8(self._bytes(), "hex"),
            "/hostile/charset-zlib": lambda: self._utf8(self._bytes(), "zlib"),
            "/hostile/charset-rot13": lambda: self._utf8(self._bytes(), "rot13"),
            "/hostile/charset-utf-7": self._utf7,
            "/hostile/charset-utf-16": lambda: self._utf8(self._bytes(), "utf-16"),
            "/hostile/charset-unicode-escape": self._unicode_escape,
            "/hostile/tis-620": self._tis620,
            "/hostile/mixed-charset": self._mixed,
            "/hostile/deep-8000": lambda: self._deep(8_000, "<div>", "</div>"),
            "/hostile/deep-100000": lambda: self._deep(100_000, "<div>", "</div>"),
            "/hostile/deep-labelled": lambda: self._deep(50_000, "<div class='wrap'>", "</div>"),
            "/hostile/deep-unclosed": lambda: self._deep(100_000, "<div>", ""),
            "/hostile/huge-line": lambda: self._after("<p>" + "ก" * 3_000_000 + "</p>"),
            "/hostile/many-elements": lambda: self._after("<span>ข่าว</span>" * 100_000),
            "/hostile/canonical-elsewhere": lambda: self._canonical(ELSEWHERE),
            "/hostile/canonical-javascript": lambda: self._canonical("javascript:alert(1)"),
            "/hostile/absurd-dates": self._absurd_dates,
            "/hostile/deep-json-ld": self._deep_json_ld,
            "/hostile/binary": lambda: Reply(
                200, b"\x00\x01\xff\xfe" * 5000, {"Content-Type": "text/html"}
            ),
        }

    # --- what the crawler must make of it -------------------------------------------------

    def good_paths(self) -> list[str]:
        return [f"/good/{a.post_id}" for a in self.articles]

    def expectations(self) -> dict[str, Expect]:
        """EXPECTED with the text each stored page must hold (the article's first and last
        paragraph, or the part a hostility leaves whole)."""
        first, second = self.articles[0], self.articles[1]
        whole = (first.paragraphs[0], first.paragraphs[-1])
        ends = (first.body_text[:8], first.body_text[-80:])  # the strays are 30 bytes in
        expect = {path: Expect(outcome) for path, outcome in EXPECTED.items()}
        for path in EXPECTED:
            if EXPECTED[path] == "stored" and path.startswith("/hostile/"):
                expect[path] = Expect("stored", whole)
        for path in (
            "/hostile/stray-byte",
            "/hostile/stray-byte-tis620",
            "/hostile/stray-byte-meta-874",
            "/hostile/cut-mid-character",
            "/hostile/surrogate-bytes",
        ):
            expect[path] = Expect("stored", ends, charset="utf-8", note="UTF-8, U+FFFD strays")
        for label in ("base64", "hex", "zlib", "rot13", "utf-7", "utf-16", "unicode-escape"):
            expect[f"/hostile/charset-{label}"] = Expect("stored", whole, charset="utf-8")
        expect["/hostile/charset-unicode-escape"] = Expect(
            "stored", (*whole, "\\x00\\ud800"), charset="utf-8", note="never decoded"
        )
        expect["/hostile/tis-620"] = Expect("stored", whole, charset="cp874")
        expect["/hostile/mixed-charset"] = Expect(
            "stored", whole, charset="utf-8+cp874", note="each part in its own charset"
        )
        expect["/hostile/charset-utf-7"] = Expect(
            "stored", (*whole, "+ADw-script+AD4-"), charset="utf-8", note="never decoded"
        )
        expect["/hostile/canonical-elsewhere"] = Expect(
            "stored", whole, canonical=None, note="a canonical on another host is dropped"
        )
        expect["/hostile/canonical-javascript"] = Expect("stored", whole, canonical=None)
        for path in ("/rest/nul", "/rest/surrogate", "/rest/deep"):
            expect[path] = Expect("stored", (second.paragraphs[-1],))
        return expect

    # --- serving ------------------------------------------------------------------------

    def handle(self, request: Request) -> Reply:
        self.host = "http://" + request.headers.get("host", "")
        path = request.path
        if path == "/robots.txt":
            return Reply(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
        if path == "/sitemap.xml":
            return self.sitemap()
        if path == POSTS:
            return self.posts(request)
        if path.startswith("/good/"):
            for article in self.articles:
                if path == f"/good/{article.post_id}":
                    return Reply.html(self._html(article))
        if path in self._pages:
            return self._pages[path]()
        return Reply.not_found()

    def sitemap(self) -> Reply:
        paths = [*self.good_paths(), *(p for p in EXPECTED if p.startswith("/hostile/"))]
        urls = "".join(f"<url><loc>{escape(self.host + p)}</loc></url>" for p in paths)
        return Reply.xml(
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        )

    def posts(self, request: Request) -> Reply:
        if request.arg("page", "1") != "1":
            body = {"code": "rest_post_invalid_page_number", "data": {"status": 400}}
            return Reply(400, json.dumps(body).encode(), {"Content-Type": "application/json"})
        # ensure_ascii: lone surrogates and NULs travel as \ud800 and \u0000, as PHP sends them.
        body = json.dumps(self.rest_items()).encode("ascii")
        return Reply(
            200,
            body,
            {
                "Content-Type": "application/json; charset=UTF-8",
                "X-WP-Total": "many",  # garbage where a number belongs
                "X-WP-TotalPages": "1",
            },
        )

    def rest_items(self) -> list[object]:
        """Malformed items first (a listing is read in order: they must not stop it), then
        the hostile posts that are fine to read, then the good ones."""
        second = self.articles[1]
        malformed: list[object] = ["just a string", 42, None, [1, 2]]
        malformed += [
            self._post(second, 9001, link=12345),
            self._post(second, 9002, link="javascript:alert(1)"),
            {k: v for k, v in self._post(second, 9003).items() if k != "link"},
            {**self._post(second, 9004, "/rest/content-string"), "content": "<p>ข่าว</p>"},
            {**self._post(second, 9005, "/rest/title-list"), "title": ["ข่าว"]},
            {**self._post(second, 9006, "/rest/date-number"), "date_gmt": 1697594400},
            {**self._post(second, 9007, "/rest/modified-object"), "modified": {"a": 1}},
            {**self._post(second, 9008, "/rest/rendered-number"), "content": {"rendered": 7}},
            {**self._post(second, 9009, "/rest/empty"), "content": {"rendered": ""}},
            self._post(second, 9010, link=ELSEWHERE),
        ]
        content = second.content_html
        readable = [
            self._post(second, 9101, "/rest/nul", content.replace("ก", "ก\x00", 3), "หัว\x00ข้อ"),
            self._post(second, 9102, "/rest/surrogate", "<p>\ud800</p>" + content, "ข่าว\udfff"),
            self._post(second, 9103, "/rest/deep", "<div>" * 100_000 + content),
        ]
        good = [self._post(a, a.post_id, f"/good/{a.post_id}") for a in self.articles]
        return malformed + readable + good

    def _post(
        self,
        article: Article,
        post_id: int,
        path: str = "",
        content: str | None = None,
        title: str | None = None,
        link: object = None,
    ) -> dict:
        post = wp_rest.post_json(dataclasses.replace(article, post_id=post_id), self.host + "/")
        post["link"] = link if link is not None else self.host + path
        if title is not None:
            post["title"] = {"rendered": escape(title)}
        if content is not None:
            post["content"] = {"rendered": content, "protected": False}
        return post

    # --- the pages --------------------------------------------------------------------------

    def _html(
        self,
        article: Article,
        head_extra: str = "",
        charset: str = "utf-8",
        meta_date: bool = True,
    ) -> str:
        link = lambda a: f"{self.host}/good/{a.post_id}"  # noqa: E731
        return article_page(
            article,
            self.articles[1:4],
            link,
            head_extra=head_extra,
            charset=charset,
            meta_date=meta_date,
        )

    def _bytes(self) -> bytes:
        return self._html(self.articles[0]).encode("utf-8")

    def _utf8(self, body: bytes, label: str) -> Reply:
        return Reply(200, body, {"Content-Type": f"text/html; charset={label}"})

    def _nul(self) -> Reply:
        page = self._html(self.articles[0])
        page = page.replace("<h1 ", "<h1\x00 ", 1).replace(
            'class="entry-content"', 'class="entry-content" x="\x00"'
        )
        title = self.articles[0].title
        page = page.replace(title, title[:5] + "\x00" + title[5:])
        first = self.articles[0].paragraphs[0]
        page = page.replace(first, first + "\x00\x00", 1)
        return self._utf8(page.encode("utf-8"), "utf-8")

    def _controls(self) -> Reply:
        first = self.articles[0].paragraphs[0]
        page = self._html(self.articles[0]).replace(first, first + "\x0c\x1b[31m\x08\x7f", 1)
        return self._utf8(page.encode("utf-8"), "utf-8")

    def _surrogate_bytes(self) -> Reply:
        # What a CESU-8 or "WTF-8" writer makes of "\ud800": invalid UTF-8 for a decoder.
        return self._utf8(_stray(self._bytes(), b"\xed\xa0\x80"), "utf-8")

    def _stray_meta(self) -> Reply:
        page = self._html(self.articles[0], charset="windows-874").encode("utf-8")
        return Reply(200, _stray(page), {"Content-Type": "text/html"})

    def _cut(self) -> Reply:
        # Excerpts of the other articles cut at a byte count, mid-letter, as PHP's substr does.
        excerpts = b"".join(
            b"<li>" + a.body_text.encode("utf-8")[:100] + b"</li>" for a in self.articles[1:]
        )
        page = self._bytes().replace(b"</main>", b"<ul>" + excerpts + b"</ul></main>", 1)
        return Reply(200, page, {"Content-Type": "text/html"})

    def _utf7(self) -> Reply:
        page = self._html(self.articles[0]).replace(
            '"entry-content">',
            '"entry-content"><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>',
            1,
        )
        return self._utf8(page.encode("utf-8"), "utf-7")

    def _unicode_escape(self) -> Reply:
        page = self._html(self.articles[0]).replace(
            '"entry-content">', '"entry-content"><p>\\x00\\ud800</p>', 1
        )
        return self._utf8(page.encode("utf-8"), "unicode_escape")

    def _tis620(self) -> Reply:
        page = self._html(self.articles[0], charset="tis-620")
        return Reply(
            200, page.encode("cp874", "replace"), {"Content-Type": "text/html; charset=tis-620"}
        )

    def _mixed(self) -> Reply:
        # The article's paragraphs from an old TIS-620 database, the rest UTF-8 (its menu,
        # sidebar and footer are Thai too), the header saying UTF-8.
        page = self._bytes()
        for paragraph in self.articles[0].paragraphs:
            text = escape(paragraph)  # as content_html writes it
            page = page.replace(text.encode("utf-8"), text.encode("cp874", "replace"), 1)
        return Reply(200, page, {"Content-Type": "text/html; charset=utf-8"})

    def _deep(self, depth: int, opening: str, closing: str) -> Reply:
        page = self._html(self.articles[0])
        start, end = page.index("<article"), page.index("</article>") + len("</article>")
        deep = opening * depth + page[start:end] + closing * depth
        return self._utf8((page[:start] + deep + page[end:]).encode("utf-8"), "utf-8")

    def _after(self, junk: str) -> Reply:
        page = self._html(self.articles[0]).replace("</main>", junk + "</main>", 1)
        return self._utf8(page.encode("utf-8"), "utf-8")

    def _canonical(self, href: str) -> Reply:
        page = self._html(self.articles[0])
        own = f'<link rel="canonical" href="{self.host}/good/{self.articles[0].post_id}">'
        page = page.replace(own, f'<link rel="canonical" href="{escape(href)}">', 1)
        return self._utf8(page.encode("utf-8"), "utf-8")

    def _absurd_dates(self) -> Reply:
        dates = (
            '<meta property="article:published_time" content="0001-01-01T00:00:00">'
            '<meta name="date" content="9999-12-31T23:59:59+14:00">'
        )
        page = self._html(self.articles[0], head_extra=dates, meta_date=False)
        return self._utf8(page.encode("utf-8"), "utf-8")

    def _deep_json_ld(self) -> Reply:
        script = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
        return self._utf8(self._html(self.articles[0], head_extra=script).encode(), "utf-8")


def _stray(body: bytes, stray: bytes = b"\xff") -> bytes:
    """`stray` inside the article's first paragraph, between two letters."""
    at = body.index(b"</h1>")
    at = body.index(b"<p>", at) + 3 + 30  # 30 bytes into the paragraph: mid-letter, maybe
    while at < len(body) and 0x80 <= body[at] < 0xC0:
        at += 1  # between letters: the stray is one invalid byte, not a broken letter too
    return body[:at] + stray + body[at:]
