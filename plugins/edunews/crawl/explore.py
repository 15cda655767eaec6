"""Finding the news on a site nobody described, the way a person would.

From the home page (or any start URL), a bounded walk over the site's own links that
prefers what leads to news: links named ข่าว / กิจกรรม / news, category, blog and archive
views, "enter site" links of splash pages, groups of title-like links (one of each group is
read to see whether it is an article), and the pages of a listing.

What an article is comes from the page, not its address (`verdict`): a title, a date and a
main text of some length, and not a listing (the titles of several other pages in its main
text). The first articles teach the site's article URL shape (`shape.Shape`); from then on
links of that shape are articles without being read, and a page linking to several of them
is a listing whose pages are followed. What was learned (shapes, listing pages) is kept in
`Learned`, so the next night goes straight to the listings, and explores again when they
stop yielding.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from edunews.crawl.article import parse_article
from edunews.crawl.discovery import Context, Found, ListingFailure
from edunews.crawl.encoding import decode_body
from edunews.crawl.http import FetchError, Response
from edunews.crawl.shape import PAGING_KEYS, Shape
from edunews.crawl.thai_date import find_thai_date, gregorian

MAX_DISCOVERY_PAGES = 60  # requests to find the news (listing pages are counted apart)
MAX_LISTING_PAGES = 50  # pages followed in one listing
MAX_LISTING_READS = 500  # pages of all listings in one run: a trap of endless listings ends
MIN_BODY_CHARS = 200
LISTING_MIN_LINKS = 3  # links of the article shape that make a page a listing
MAX_SHAPES = 6
# Real pages have hundreds of links; a link farm of 50,000 is read as far as this.
MAX_LINKS_PER_PAGE = 3000
MAX_ARTICLE_LINKS = 1500
# Exploring parses at most this much of a page: links are near the top of any real page,
# and a link farm of megabytes costs a second a parse.
MAX_EXPLORE_HTML = 1_000_000
_OPEN = re.compile(r"window\.open\(\s*['\"]([^'\"]+)['\"]")


def _anchor_text(tag: Tag) -> str:
    """What a link says: its text, else its title, else the alt of its image."""
    text = " ".join(tag.get_text(" ", strip=True).split()) or (tag.get("title") or "").strip()
    if not text:
        image = tag.find("img", alt=True)
        text = " ".join((image["alt"] if image else "").split())
    return text[:300]


NO_DATE = "no date"
HINT = "try listing_url (the page that lists the news) in sources.yml"

# Priorities: lower is read first.
_PAGING, _PROBE, _NEWS, _CANDIDATE, _OTHER = 0, 1, 2, 3, 5

_NEWS_TEXT = re.compile(
    r"ข่าว|กิจกรรม|ประชาสัมพันธ์|ผลงาน|เรื่องเล่า|บทความ|\bnews\b|activit|\bblog\b|"
    r"archive|คลังข่าว|ทั้งหมด|ดูทั้งหมด|more news|อ่านทั้งหมด|เข้าสู่เว็บไซต์|เข้าสู่หน้าหลัก|"
    r"เข้าสู่ระบบเว็บไซต์|เข้าเว็บไซต์|enter|skip intro|หน้าหลัก|main page",
    re.I,
)
_NEWS_URL = re.compile(
    r"news|khao|activit|category|categories|/cat/|[?&]cat=|section|layout=blog|"
    r"view=(category|section|featured|frontpage)|/blog|archive|/search/label/|"
    r"/component/content/|/\d{4}/(\d{2}/)?$|[?&](catid|cid|type|group|gid)=",
    re.I,
)
# Never walked: files, accounts, forums, calendars (endless), printing and feeds views.
_SKIP = re.compile(
    r"\.(jpe?g|png|gif|webp|bmp|svg|ico|pdf|docx?|xlsx?|pptx?|zip|rar|7z|mp[34]|avi|wmv|"
    r"flv|mov|swf|exe|apk|css|js|xml|json|txt)(\?|$)|"
    r"login|logout|register|signup|sign-up|lostpass|password|webboard|forum|/board|"
    r"guestbook|wp-admin|wp-login|administrator|/admin|calendar|jevents|icalrepeat|"
    r"[?&](month|year|day|date)=|mailto:|tel:|javascript:|print=|tmpl=component|"
    r"format=(pdf|feed|raw)|[?&](replytocom|share|action|task|search|searchword|q|s)=|"
    r"/(tag|author|feed|wp-json|trackback|comments?)/|download|/files?/|/uploads?/",
    re.I,
)
_PAGE_TEXT = re.compile(
    r"^\s*(\d+|[๐-๙]+|ถัดไป|หน้าถัดไป|ต่อไป|ก่อนหน้า|ย้อนกลับ|หน้าที่\s*\d+|สุดท้าย|"
    r"หน้าสุดท้าย|next|prev(ious)?|older|newer|older posts|newer posts|last|first|"
    r"เก่ากว่า|ใหม่กว่า|บทความที่เก่ากว่า|บทความที่ใหม่กว่า|[›»«‹>]{1,2}|>>|<<)\s*$",
    re.I,
)
_SCRIPT_GO = re.compile(
    r"(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*=\s*['\"]([^'\"]+)['\"]|"
    r"location\.(?:replace|assign)\(\s*['\"]([^'\"]+)['\"]"
)
_PAGE_PATH = re.compile(r"/page/\d+/?$|/p\d+/?$")
_TITLE_LIKE = 12  # characters of anchor text that read like a headline, not a menu word


@dataclass
class Learned:
    """What exploring a source taught, kept between runs (raw.source_learned)."""

    shapes: list[Shape] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    way: str | None = None  # "rest", "feed", "sitemap", "explore"
    pages_looked_at: int = 0
    changed: bool = False
    samples: list[tuple[str, str, str | None]] = field(default_factory=list)  # read articles

    def as_json(self) -> dict:
        return {
            "way": self.way,
            "shapes": [s.as_json() for s in self.shapes],
            "listings": self.listings,
        }

    @classmethod
    def from_json(cls, data: dict | None) -> Learned:
        data = data or {}
        shapes = []
        for item in data.get("shapes") or []:
            try:
                shapes.append(Shape.from_json(item))
            except (KeyError, TypeError, ValueError):
                continue  # written by an older version: learned again
        listings = [u for u in data.get("listings") or [] if isinstance(u, str)]
        return cls(shapes, listings, data.get("way"))

    def set_way(self, way: str) -> None:
        if way != self.way:
            self.way = way
            self.changed = True

    def is_article_url(self, url: str) -> bool:
        return any(shape.matches(url) for shape in self.shapes)

    def learn_shape(self, url: str) -> None:
        shape = Shape.of(url)
        if shape.has_variable and shape not in self.shapes and len(self.shapes) < MAX_SHAPES:
            self.shapes.append(shape)
            self.changed = True

    def learn_listing(self, url: str) -> None:
        if url not in self.listings:
            self.listings.append(url)
            self.changed = True


def learned_of(ctx: Context) -> Learned:
    """The source's learned state, shared through the context's settings (run.py puts it
    there; an ad-hoc use gets a fresh one)."""
    learned = ctx.settings.get("learned")
    if not isinstance(learned, Learned):
        learned = Learned()
        ctx.settings = {**ctx.settings, "learned": learned}
    return learned


# What a page is ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    article: bool
    why: str
    title: str = ""
    published: str | None = None
    listing: bool = False  # a listing or a page of one: news nearby, not a dead end


def verdict(html: str, url: str, soup: BeautifulSoup) -> Verdict:
    """Whether the page is one article: a title, a date, enough main text, and no
    headlines of other pages inside that text (which makes it a listing or a blog view)."""
    if set(dict(parse_qsl(urlsplit(url).query)).keys()) & PAGING_KEYS or _PAGE_PATH.search(
        urlsplit(url).path
    ):
        return Verdict(False, "a page of a listing", listing=True)
    links = len(soup.find_all("a", limit=MAX_ARTICLE_LINKS + 1))
    if links > MAX_ARTICLE_LINKS:
        # No article page carries this many links (menus and sidebars are a few hundred):
        # a link farm, an index of everything. Not read as an article, so the farm's
        # address shape is given up on after two.
        return Verdict(False, f"over {MAX_ARTICLE_LINKS} links")
    try:
        article = parse_article(html, url)
    except Exception as exc:  # noqa: BLE001 (a page that breaks the parser is no article)
        return Verdict(False, f"unreadable: {type(exc).__name__}")
    if not article.title:
        return Verdict(False, "no title")
    body = article.body_text
    if len(body) < MIN_BODY_CHARS:
        return Verdict(False, f"main text of {len(body)} characters", article.title)
    # Other pages' titles inside the main text: a table of links or a blog view. News text
    # may quote another article's title, so a link of a sidebar counts only as a whole line.
    lines = {line.strip() for line in body.splitlines()}
    headlines = set()
    for anchor in soup.find_all("a", href=True):
        text = " ".join(anchor.get_text(" ", strip=True).split())
        if len(text) < _TITLE_LIKE or text == article.title or text not in body:
            continue
        if urldefrag(urljoin(url, anchor["href"].strip()))[0] == url:
            continue
        if text in lines or not _in_furniture(anchor):
            headlines.add(text)
    if len(headlines) >= 2:
        why = f"lists {len(headlines)} other pages' titles"
        return Verdict(False, why, article.title, listing=True)
    linked = _linked_headings(soup, url)
    if linked >= 2:
        why = f"{linked} headings or 'read more' links"
        return Verdict(False, why, article.title, listing=True)
    published = article.published_at.date().isoformat() if article.published_at else None
    published = published or own_date(soup, article.title)
    if published is None:
        return Verdict(False, NO_DATE, article.title)  # all else of an article
    return Verdict(True, "article", article.title, published)


_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_MONTHS_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = "|".join(_MONTHS_EN)
_YEAR = r"((?:19|20|25)\d\d)"
# (pattern, order of day, month, year in its groups)
_DATES = (
    (re.compile(rf"(?<!\d){_YEAR}-(\d\d)-(\d\d)(?!\d)"), (2, 1, 0)),
    (re.compile(rf"(?<!\d)(\d{{1,2}})[/.-](\d{{1,2}})[/.-]{_YEAR}(?!\d)"), (0, 1, 2)),
    (re.compile(rf"(?<!\d)(\d{{1,2}})\s+({_MONTH})[a-z]*\.?,?\s+{_YEAR}(?!\d)", re.I), (0, 1, 2)),
    (re.compile(rf"\b({_MONTH})[a-z]*\.?\s+(\d{{1,2}}),?\s+{_YEAR}(?!\d)", re.I), (1, 0, 2)),
)


def _iso(match: re.Match, order: tuple[int, int, int]) -> str | None:
    parts = match.groups()
    day, month, year = (parts[i] for i in order)
    month_number = _MONTHS_EN.index(month[:3].lower()) + 1 if month.isalpha() else int(month)
    try:
        return date(gregorian(int(year)), month_number, int(day)).isoformat()
    except ValueError:
        return None


def own_date(soup: BeautifulSoup, title: str) -> str | None:
    """A date the page gives itself where published.py reads none (English or ISO date
    lines, a <time> without a hinted class): for telling an article, not for storing. Only
    a <time> outside sidebars, or a date line just after the title."""
    for tag in soup.find_all("time", datetime=True, limit=20):
        pattern, order = _DATES[0]
        match = pattern.search(tag["datetime"])
        if match and not _in_furniture(tag) and _iso(match, order):
            return _iso(match, order)
    text = " ".join(soup.get_text(" ", strip=True).split())
    at = text.find(title[:60]) if title else -1
    if at < 0:
        return None
    window = text[at + len(title) : at + len(title) + 200].translate(_THAI_DIGITS)
    day = find_thai_date(window)
    if day:
        return day.isoformat()
    for pattern, order in _DATES:
        for match in pattern.finditer(window):
            found = _iso(match, order)
            if found:
                return found
    return None


def page_verdict(resp: Response) -> Verdict:
    """`verdict` of a fetched page."""
    html = decode_body(resp.body, resp.headers.get("Content-Type"))[0]
    return verdict(html, resp.url, BeautifulSoup(html, "lxml"))


_FURNITURE = re.compile(
    r"sidebar|widget|related|recent|latest|menu|comment|share|footer|breadcrumb|navigation|"
    r"\bnav\b|module",
    re.I,
)


def _in_furniture(tag: Tag) -> bool:
    for node in [tag, *tag.parents]:
        if not isinstance(node, Tag):
            continue
        if node.name in ("aside", "nav", "footer", "header"):
            return True
        label = " ".join(node.get("class") or []) + " " + (node.get("id") or "")
        if _FURNITURE.search(label):
            return True
    return False


_MENU = re.compile(r"menu|\bnav|navigation|navbar|header|footer|breadcrumb|topbar", re.I)


def _in_menu(tag: Tag) -> bool:
    for node in tag.parents:
        if not isinstance(node, Tag) or node.name in ("body", "html", "[document]"):
            return False
        if node.name in ("nav", "header", "footer"):
            return True
        label = " ".join(node.get("class") or []) + " " + (node.get("id") or "")
        if _MENU.search(label):
            return True
    return False


_READ_MORE = re.compile(r"^\s*(อ่านต่อ|อ่านเพิ่มเติม|อ่านรายละเอียด|รายละเอียด|read more|more)\W*$", re.I)


def _linked_headings(soup: BeautifulSoup, url: str) -> int:
    """Headings that link to other pages, and "read more" links: a blog view's items."""
    targets = set()
    for anchor in soup.find_all("a", href=True):
        target = urldefrag(urljoin(url, anchor["href"]))[0]
        if target == url:
            continue
        text = anchor.get_text(" ", strip=True)
        # Related-posts boxes put headings in sidebars too: only the page's own part counts.
        in_heading = anchor.find_parent(["h1", "h2", "h3", "h4"]) is not None
        if _in_furniture(anchor):
            continue
        if (in_heading and len(text) >= _TITLE_LIKE) or _READ_MORE.match(text):
            targets.add(target)
    return len(targets)


# The walk ----------------------------------------------------------------------------------


@dataclass
class _Page:
    url: str
    links: list[tuple[str, str]]  # (url, anchor text), in-site, walkable or not
    paging: list[str]
    in_menus: set[str] = field(default_factory=set)  # links found only in menus, header, footer


@dataclass
class Explorer:
    ctx: Context
    base_url: str
    learned: Learned
    max_pages: int = MAX_DISCOVERY_PAGES
    queue: list = field(default_factory=list)
    queued: set[str] = field(default_factory=set)
    pages: dict[str, _Page] = field(default_factory=dict)
    found: set[str] = field(default_factory=set)
    verified: set[str] = field(default_factory=set)
    rejected_shapes: dict[Shape, int] = field(default_factory=dict)
    listing_roots: set[str] = field(default_factory=set)
    paging_of: dict[str, str] = field(default_factory=dict)  # page url -> its listing root
    listing_reads: dict[str, int] = field(default_factory=dict)
    explored: int = 0  # requests spent exploring
    read: int = 0  # requests spent reading listings
    order: int = 0
    stale_root: set[str] = field(default_factory=set)
    doubtful: set[str] = field(default_factory=set)  # article-shaped, to be read first

    @property
    def host(self) -> str:
        return (urlsplit(self.base_url).hostname or "").lower().removeprefix("www.")

    def in_site(self, url: str) -> bool:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().removeprefix("www.")
        return parts.scheme in ("http", "https") and host == self.host

    # Queueing ----------------------------------------------------------------------------
    def push(self, url: str, priority: int, root: str | None = None) -> None:
        if url in self.queued or url in self.found:
            return
        self.queued.add(url)
        if root:
            self.paging_of[url] = root
        self.order += 1
        heapq.heappush(self.queue, (priority, self.order, url))

    # The walk ----------------------------------------------------------------------------
    def walk(
        self, start: Response | None, hint: str | None = None
    ) -> Iterator[Found | ListingFailure]:
        if hint:  # the operator's listing_url: where the news is, read first
            self.push(urljoin(self.base_url, hint), _PAGING)
        if start is not None:
            yield from self.visit(start.url, start)
        else:
            self.push(self.base_url, _NEWS)
        while self.queue:
            priority, _, url = heapq.heappop(self.queue)
            if priority >= _CANDIDATE and self.listing_roots:
                continue  # the news is found: menus and other pages are not worth a request
            if url in self.found or (self.learned.is_article_url(url) and url not in self.doubtful):
                continue  # queued before the shape was known: an article, harvested
            if self.rejected_shapes.get(Shape.of(url), 0) >= 2 and url not in self.paging_of:
                continue  # two pages of this shape were no articles (photo albums ...)
            root = self.paging_of.get(url)
            if root is not None:
                if self.listing_full(root):
                    continue
                self.listing_reads[root] = self.listing_reads.get(root, 0) + 1
                self.read += 1
            else:
                if self.explored >= self.max_pages:
                    continue
                self.explored += 1
            resp = self.fetch(url, "listing page" if root else "explore")
            if resp is not None:
                yield from self.visit(url, resp)

    def listing_full(self, root: str) -> bool:
        return (
            root in self.stale_root
            or self.listing_reads.get(root, 0) >= MAX_LISTING_PAGES
            or self.read >= MAX_LISTING_READS
        )

    def fetch(self, url: str, why: str) -> Response | None:
        try:
            resp = self.ctx.fetch(url, why=why, conditional=False)
        except FetchError:
            return None  # a broken link while exploring is no failure of the source
        if resp.status != 200 or not resp.body:
            return None
        kind = resp.content_type
        if kind and kind not in ("text/html", "application/xhtml+xml", "text/plain"):
            return None
        return resp

    def visit(self, url: str, resp: Response) -> Iterator[Found | ListingFailure]:
        html = decode_body(resp.body, resp.headers.get("Content-Type"))[0]
        html = html[:MAX_EXPLORE_HTML]
        soup = BeautifulSoup(html, "lxml")
        page = self.read_links(soup, resp.url)
        self.pages[url] = page
        if self.learned.is_article_url(url) and url not in self.doubtful:
            yield from self.emit(url)
        elif url in self.doubtful or self.is_candidate(url):
            check = verdict(html, resp.url, soup)
            if check.article:
                self.learned.learn_shape(url)
                self.verified.add(url)
                self.learned.samples.append((url, check.title, check.published))
                yield from self.emit(url)
                # Pages read before the shape was known may be listings of it.
                for earlier in list(self.pages.values()):
                    if earlier is not page:
                        yield from self.harvest(earlier)
            elif not check.listing and check.why != NO_DATE and url not in self.doubtful:
                # A dated-less page with an article's text is an office's static page: its
                # address shape may well be the news' own (Joomla), so it rules out nothing.
                self.reject(url)
        yield from self.harvest(page)
        self.plan(page)

    def is_candidate(self, url: str) -> bool:
        shape = Shape.of(url)
        return shape.has_variable and self.rejected_shapes.get(shape, 0) < 2

    def reject(self, url: str) -> None:
        shape = Shape.of(url)
        self.rejected_shapes[shape] = self.rejected_shapes.get(shape, 0) + 1

    def emit(self, url: str) -> Iterator[Found]:
        if url not in self.found:
            self.found.add(url)
            yield Found(url)

    def harvest(self, page: _Page) -> Iterator[Found]:
        """The page's article-shaped links; a page with several is a listing, its pages
        are followed (in an increment, as long as they hold something new)."""
        if not self.learned.shapes:
            return
        shaped = [u for u, _ in page.links if u != page.url and self.learned.is_article_url(u)]
        # A menu's link of the article shape is often a page about the office (Joomla keeps
        # those as articles too): read before it counts.
        for url in dict.fromkeys(u for u in shaped if u in page.in_menus):
            if url not in self.found and url not in self.pages:
                self.doubtful.add(url)
                self.push(url, _PROBE)
        articles = list(dict.fromkeys(u for u in shaped if u not in page.in_menus))
        new = [u for u in articles if u not in self.found and not self.ctx.is_known(u)]
        for url in articles:
            yield from self.emit(url)
        # An article's "latest news" box is no listing: reading it again next night would
        # show the same old links for ever.
        if len(articles) < LISTING_MIN_LINKS or self.learned.is_article_url(page.url):
            return
        root = self.paging_of.get(page.url, page.url)
        if root == page.url and root not in self.listing_roots:
            self.listing_roots.add(root)
            self.learned.learn_listing(root)
        if self.ctx.since and not new:
            self.stale_root.add(root)  # an increment: the older pages were read before
            if root == page.url:
                # Listings sorted oldest first put the new ones on the last page: one look.
                last = last_page(page.paging, page.url)
                if last and last not in self.pages:
                    self.push(last, _PAGING, root + _TAIL)
            return
        for url in page.paging:
            self.push(url, _PAGING, root)

    def plan(self, page: _Page) -> None:
        """Queue the page's links by how likely they lead to news."""
        groups: dict[Shape, list[str]] = {}
        for url, text in page.links:
            if url in self.pages or url in self.found or _SKIP.search(url):
                continue
            if url in page.paging:
                continue
            if self.learned.is_article_url(url):
                continue  # harvested, not walked
            shape = Shape.of(url)
            headline = len(text) >= _TITLE_LIKE or bool(_READ_MORE.match(text))
            if headline and shape.has_variable and url not in page.in_menus:
                groups.setdefault(shape, []).append(url)
            if _NEWS_TEXT.search(text) or _NEWS_URL.search(url):
                self.push(url, _NEWS)
            else:
                self.push(url, _OTHER)
        # One of each group of headline links is read: an article teaches its shape. Once a
        # shape is known, only larger groups of another shape are (a site may address its
        # articles two ways: a sidebar by id, the categories by slug).
        least = 3 if self.learned.shapes else 2
        for shape, urls in groups.items():
            if self.rejected_shapes.get(shape, 0) >= 2:
                continue
            priority = _PROBE if len(urls) >= least else _CANDIDATE
            self.requeue(urls[0], priority)

    def requeue(self, url: str, priority: int) -> None:
        if url in self.queued:
            for index, (old, order, queued) in enumerate(self.queue):
                if queued == url and old > priority:
                    self.queue[index] = (priority, order, queued)
                    heapq.heapify(self.queue)
                    break
            return
        self.push(url, priority)

    def read_links(self, soup: BeautifulSoup, page_url: str) -> _Page:
        """The page's in-site links with their texts, and which of them page a listing.

        One pass over the tags: frames and iframes of old templates hold the content,
        splash pages move on by meta refresh or script (off-site frames, video, Facebook,
        fall out in `absolute`); <base href> sets what relative links resolve against.
        """
        links: list[tuple[str, str]] = []
        paging: list[str] = []
        in_menus: set[str] = set()
        elsewhere: set[str] = set()
        paging_base = page_url
        base = soup.find("base", href=True)
        if base:
            page_url = self.absolute(page_url, base["href"]) or page_url
        anchors = 0
        for tag in soup.find_all(True):
            name = tag.name
            if name in ("a", "area") and tag.get("href") and anchors < MAX_LINKS_PER_PAGE:
                anchors += 1
                url = self.absolute(page_url, tag["href"])
                if url is None:
                    continue
                text = _anchor_text(tag)
                links.append((url, text))
                if _in_menu(tag):
                    in_menus.add(url)
                else:
                    elsewhere.add(url)
                if is_paging(url, paging_base, text, " ".join(tag.get("rel") or []).lower()):
                    paging.append(url)
            elif name == "link" and tag.get("href"):
                if "next" in [r.lower() for r in tag.get("rel") or []]:
                    url = self.absolute(page_url, tag["href"])
                    if url:
                        paging.append(url)
            elif name in ("frame", "iframe") and tag.get("src"):
                url = self.absolute(page_url, tag["src"])
                if url:
                    links.append((url, "enter"))
            elif name == "meta" and (tag.get("http-equiv") or "").lower() == "refresh":
                content = tag.get("content") or ""
                if "url=" in content.lower():
                    target = re.split(r"url=", content, maxsplit=1, flags=re.I)[1]
                    url = self.absolute(page_url, target.strip(" '\""))
                    if url:
                        links.append((url, "enter"))  # a splash page's way in
            elif tag.get("onclick") and anchors < MAX_LINKS_PER_PAGE:
                # <tr onclick="window.open('news.php?id=5')">: rows of custom PHP tables
                match = _SCRIPT_GO.search(tag["onclick"]) or _OPEN.search(tag["onclick"])
                target = next((g for g in match.groups() if g), "") if match else ""
                url = self.absolute(page_url, target) if target else None
                if url:
                    anchors += 1
                    links.append((url, _anchor_text(tag)))
            elif name == "script" and not tag.get("src"):
                for match in list(_SCRIPT_GO.finditer(tag.string or ""))[:3]:
                    url = self.absolute(page_url, match.group(1) or match.group(2))
                    if url:
                        links.append((url, "enter"))
        return _Page(paging_base, links, list(dict.fromkeys(paging)), in_menus - elsewhere)

    def absolute(self, page_url: str, href: str) -> str | None:
        href = href.strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            return None
        try:
            url = urldefrag(urljoin(page_url, href))[0]
        except ValueError:
            return None
        if len(url) > 2000 or not self.in_site(url):
            return None
        return url


def is_paging(url: str, page_url: str, text: str, rel: str = "") -> bool:
    """A link to another page of the same listing: "ถัดไป", "2", rel=next, or the same
    address with only a paging parameter (limitstart, start, page, paged) or /page/N."""
    if url == page_url:
        return False
    if "next" in rel.split() or "prev" in rel.split():
        return True
    same = _without_paging(url) == _without_paging(page_url)
    marked = _has_paging(url)
    numbered = bool(_PAGE_TEXT.match(text))
    if same and (marked or numbered):
        return True
    if numbered and _one_number_apart(url, page_url):
        return True  # ?cid=9&p=2, ?pg=3, ?hal=2: a paging key of the site's own naming
    # Blogger and friends: "Older posts" pointing at a search with updated-max.
    return bool(_PAGE_TEXT.match(text) and marked)


def _one_number_apart(url: str, page_url: str) -> bool:
    """The same page but for one query value that is a number (or one numeric key added)."""
    a, b = urlsplit(url), urlsplit(page_url)
    if (a.netloc.lower(), a.path) != (b.netloc.lower(), b.path):
        return False
    qa, qb = dict(parse_qsl(a.query)), dict(parse_qsl(b.query))
    differing = {k for k in qa.keys() | qb.keys() if qa.get(k) != qb.get(k)}
    if len(differing) != 1:
        return False
    key = differing.pop()
    # "id", "nid", "newsid": the next article, not the next page.
    return qa.get(key, "x").isdigit() and not key.lower().endswith("id")


_TAIL = "#last-page"  # the listing read from its end (a root of its own)


def last_page(paging: list[str], page_url: str) -> str | None:
    """The paging link with the highest page number (limitstart, page, /page/N, ...)."""
    best, best_number = None, 0
    for url in paging:
        number = _page_number(url, page_url)
        if number > best_number:
            best, best_number = url, number
    return best


def _page_number(url: str, page_url: str) -> int:
    parts, base = urlsplit(url), dict(parse_qsl(urlsplit(page_url).query))
    numbers = [
        int(value)
        for key, value in parse_qsl(parts.query)
        if value.isdigit() and (key.lower() in PAGING_KEYS or base.get(key) != value)
    ]
    numbers += [int(n) for n in re.findall(r"/(?:page/|p)(\d+)/?$", parts.path)]
    return max(numbers, default=0)


def _has_paging(url: str) -> bool:
    parts = urlsplit(url)
    keys = {k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    return bool(keys & PAGING_KEYS) or bool(_PAGE_PATH.search(parts.path))


def _without_paging(url: str) -> str:
    parts = urlsplit(url)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in PAGING_KEYS
    ]
    path = _PAGE_PATH.sub("/", parts.path)
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, urlencode(sorted(query)), ""))


# Entry points ------------------------------------------------------------------------------


def read_learned(ctx: Context, base_url: str) -> Generator[Found | ListingFailure, None, bool]:
    """The articles of the listings learned before (and their further pages while they hold
    something new). Returns whether they all still work: False when one is gone (an error,
    or it no longer lists articles of the shape), so the site is looked at afresh."""
    learned = learned_of(ctx)
    roots = _roots_for(learned, base_url)
    if not (learned.shapes and roots):
        return False
    limit = int(ctx.settings.get("max_discovery_pages") or MAX_DISCOVERY_PAGES)
    explorer = Explorer(ctx, base_url, learned, limit)
    gone = yield from _from_listings(explorer, roots)
    learned.pages_looked_at += explorer.read
    if gone:
        learned.listings = [u for u in learned.listings if u not in gone]
        learned.changed = True
    return not gone


def discover(
    ctx: Context, base_url: str, home: Response | None = None
) -> Iterator[Found | ListingFailure]:
    """Articles of the site under `base_url`, by exploring it from `home` (fetched if not
    given); a walk that finds no article is a failure with its reason."""
    learned = learned_of(ctx)
    limit = int(ctx.settings.get("max_discovery_pages") or MAX_DISCOVERY_PAGES)
    explorer = Explorer(ctx, base_url, learned, limit)
    yield from explorer.walk(home, ctx.settings.get("listing_url"))
    looked = explorer.explored + explorer.read + (1 if home is not None else 0)
    learned.pages_looked_at += looked
    if not explorer.found:
        yield ListingFailure(
            base_url,
            FetchError("no_articles", f"looked at {looked} pages, found no article; {HINT}"),
        )
        return
    learned.set_way("explore")


def _roots_for(learned: Learned, base_url: str) -> list[str]:
    """The learned listings under this start URL (a site with one install a year has one
    start URL and listings per install), else every listing on its host."""
    host = urlsplit(base_url).netloc.lower()
    on_host = [u for u in learned.listings if urlsplit(u).netloc.lower() == host]
    under = [u for u in on_host if u.startswith(base_url)]
    return under or on_host


def _from_listings(explorer: Explorer, roots: list[str]):
    """Read the learned listings (and their further pages while they hold something new).

    Returns the listings that are gone (an error, or no longer listing articles of the
    shape): the site changed, and is explored again.
    """
    gone = []
    for root in roots:
        try:
            resp = explorer.ctx.fetch(root, why="learned listing")
        except FetchError:
            gone.append(root)
            continue
        if resp.not_modified:
            continue  # unchanged since the last night: nothing new listed
        if resp.status != 200:
            gone.append(root)
            continue
        explorer.listing_reads[root] = 1
        explorer.read += 1
        explorer.paging_of[root] = root
        explorer.queued.add(root)
        html = decode_body(resp.body, resp.headers.get("Content-Type"))[0]
        page = explorer.read_links(BeautifulSoup(html[:MAX_EXPLORE_HTML], "lxml"), resp.url)
        explorer.pages[root] = page
        shaped = {u for u, _ in page.links if explorer.learned.is_article_url(u)}
        shaped -= page.in_menus
        if len(shaped) < LISTING_MIN_LINKS:
            gone.append(root)
            continue
        explorer.listing_roots.add(root)
        yield from explorer.harvest(page)
    while explorer.queue:
        _, _, url = heapq.heappop(explorer.queue)
        root = explorer.paging_of.get(url)
        if root is None or explorer.listing_full(root):
            continue
        explorer.listing_reads[root] = explorer.listing_reads.get(root, 0) + 1
        explorer.read += 1
        resp = explorer.fetch(url, "listing page")
        if resp is not None:
            html = decode_body(resp.body, resp.headers.get("Content-Type"))[0]
            page = explorer.read_links(BeautifulSoup(html[:MAX_EXPLORE_HTML], "lxml"), resp.url)
            explorer.pages[url] = page
            yield from explorer.harvest(page)
    return gone
