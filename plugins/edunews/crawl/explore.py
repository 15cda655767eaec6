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
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

from edunews.crawl.bounded_html import readable_html, without_bulk
from edunews.crawl.discovery import Context, Found, ListingFailure, ListingFetch
from edunews.crawl.encoding import decode_body
from edunews.crawl.http import FetchError, Response, Validators
from edunews.crawl.learned import Learned, learned_of
from edunews.crawl.links import PageLinks, last_page, read_links
from edunews.crawl.outcome import FetchOutcome
from edunews.crawl.shape import Shape
from edunews.crawl.urls import on_site, sites_of
from edunews.crawl.verdict import NO_DATE, READ_MORE, TITLE_LIKE, verdict

MAX_DISCOVERY_PAGES = 60  # requests to find the news (listing pages are counted apart)
MAX_LISTING_PAGES = 50  # pages followed in one listing
MAX_LISTING_READS = 500  # pages of all listings in one run: a trap of endless listings ends
LISTING_MIN_LINKS = 3  # links of the article shape that make a page a listing
# Exploring parses at most this much of a page: links are near the top of any real page,
# and a link farm of megabytes costs a second a parse.
MAX_EXPLORE_HTML = 1_000_000
_TAIL = "#last-page"  # a listing read from its end: a root of its own

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
    r"/component/content/|/\d{4}/(\d{2}/)?$|[?&](catid|cid|type|group|gid)=|"
    # Thai offices' folder names: /pr/ and /prnews/ (ประชาสัมพันธ์), events, announcements
    r"/pr(news|_news|-news)?(/|\.|$)|press|/events?(/|\.|$)|announce|prakat|prakad",
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


# The walk ----------------------------------------------------------------------------------


# Kept however deep a page nests them: what read_links and verdict read (links, their
# images' alt text, frames, <base>, headings, dates).
_LINK_TAGS = frozenset(
    [
        "a",
        "area",
        "img",
        "link",
        "base",
        "frame",
        "iframe",
        "meta",
        "time",
        "title",
        "h1",
        "h2",
        "h3",
        "h4",
    ]
)


def explorable_html(resp: Response) -> str:
    """The page's text for reading its links, at most MAX_EXPLORE_HTML characters; an
    oversized page loses its scripts' and styles' contents first (1.6 MB of inline script in
    <head> left a home page without a link, and the site "without news")."""
    html = decode_body(resp.body, resp.headers.get("Content-Type"))[0]
    if len(html) > MAX_EXPLORE_HTML:
        html = without_bulk(html)
    # Capped in depth and elements: a page nested 100,000 deep made every soup walk (links'
    # ancestors, furniture checks) cost depth x links.
    return readable_html(html[:MAX_EXPLORE_HTML], keep=_LINK_TAGS)


@dataclass
class Explorer:
    ctx: Context
    base_url: str
    learned: Learned
    max_pages: int = MAX_DISCOVERY_PAGES
    queue: list = field(default_factory=list)
    queued: set[str] = field(default_factory=set)
    pages: dict[str, PageLinks] = field(default_factory=dict)
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
    # Articles read for their links to older ones: listings paged only by a script.
    chain: set[str] = field(default_factory=set)
    # A box of latest news shown on every page: the same article links at the same place
    # of two pages. {(place, its links): pages showing them}
    shown: dict[tuple[str, frozenset[str]], set[str]] = field(default_factory=dict)
    boxes: set[str] = field(default_factory=set)
    sites: frozenset[str] = field(init=False)  # the base URL's site and its www twin

    def __post_init__(self) -> None:
        self.sites = sites_of(self.base_url)

    def in_site(self, url: str) -> bool:
        return on_site(url, self.sites)

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
            known_article = self.learned.is_article_url(url) and url not in self.doubtful
            if url not in self.chain and (url in self.found or known_article):
                continue  # queued before the shape was known: an article, harvested
            if self.rejected_shapes.get(Shape.of(url), 0) >= 2 and url not in self.paging_of:
                continue  # two pages of this shape were no articles (photo albums ...)
            root = self.paging_of.get(url)
            if root is not None:
                if self.listing_full(root):
                    continue
                if url not in self.chain:  # a chain's steps are articles, not its pages
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
        except FetchError as exc:
            if exc.outcome == FetchOutcome.OVER_BUDGET:
                raise  # the run's deadline: it stops, what was learned stays
            _log_refused(self.ctx, url, why, exc)
            return None  # a broken link while exploring is no failure of the source
        if resp.status != 200 or not resp.body:
            return None
        kind = resp.content_type
        if kind and kind not in ("text/html", "application/xhtml+xml", "text/plain"):
            return None
        return resp

    def visit(self, url: str, resp: Response) -> Iterator[Found | ListingFailure]:
        html = explorable_html(resp)
        soup = BeautifulSoup(html, "lxml")
        page = read_links(soup, resp.url, self.absolute)
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

    def harvest(self, page: PageLinks) -> Iterator[Found]:
        """The page's article-shaped links; a page with several is a listing, its pages
        are followed (in an increment, as long as they hold something new)."""
        if not self.learned.shapes:
            return
        articles = self.articles_on(page)
        new = [u for u in articles if u not in self.found and not self.ctx.is_known(u)]
        for url in articles:
            yield from self.emit(url)
        self.learn_boxes(page, articles)
        if page.url in self.chain:
            self.follow_chain(page, new)
        elif self.is_listing(page, articles):
            self.follow_listing(page, new)

    def articles_on(self, page: PageLinks) -> list[str]:
        """The page's links of a learned article shape outside its menus, once each. A
        menu's link of the article shape is often a page about the office (Joomla keeps
        those as articles too): queued to be read before it counts."""
        shaped = [u for u, _ in page.links if u != page.url and self.learned.is_article_url(u)]
        for url in dict.fromkeys(u for u in shaped if u in page.in_menus):
            if url not in self.found and url not in self.pages:
                self.doubtful.add(url)
                self.push(url, _PROBE)
        return list(dict.fromkeys(u for u in shaped if u not in page.in_menus))

    def is_listing(self, page: PageLinks, articles: list[str]) -> bool:
        """Whether the page lists articles: several outside the boxes every page shows (a
        latest-news column without a class made every page with it a listing, read every
        night). An article's "latest news" box is no listing: reading it again next night
        would show the same old links for ever."""
        listed = [u for u in articles if page.places.get(u, set()) - self.boxes]
        return len(listed) >= LISTING_MIN_LINKS and not self.learned.is_article_url(page.url)

    def follow_listing(self, page: PageLinks, new: list[str]) -> None:
        """Learn the listing's root and queue its further pages (in an increment with
        nothing new, only the last one: listings sorted oldest first put the new there)."""
        root = self.paging_of.get(page.url, page.url)
        if root == page.url and root not in self.listing_roots:
            self.listing_roots.add(root)
            self.learned.learn_listing(root)
        if self.ctx.since and not new:
            self.stale_root.add(root)  # an increment: the older pages were read before
            if root == page.url:
                last = last_page(page.paging, page.url)
                if last and last not in self.pages:
                    self.push(last, _PAGING, root + _TAIL)
            return
        for url in page.paging:
            self.push(url, _PAGING, root)
        if page.script_paging and not page.paging:
            # Its further pages only a script reaches: the articles' links to the ones
            # before them are the way on, as a person clicking "ข่าวก่อนหน้า" goes. Which
            # listed one is the oldest the page does not say: each new one is read.
            for url in new:
                self.chain_to(url, root)

    def learn_boxes(self, page: PageLinks, articles: list[str]) -> None:
        """Places showing the very same article links on two pages are boxes. A related-
        news box or a listing shows other links on each page: neither is one."""
        at: dict[str, set[str]] = {}
        for url in articles:
            for place in page.places.get(url, ()):
                at.setdefault(place, set()).add(url)
        for place, urls in at.items():
            if len(urls) < LISTING_MIN_LINKS:
                continue
            pages = self.shown.setdefault((place, frozenset(urls)), set())
            pages.add(page.url)
            if len(pages) >= 2:
                self.boxes.add(place)

    def chain_to(self, url: str, root: str) -> None:
        if url in self.chain or url in self.pages:
            return
        self.chain.add(url)
        self.paging_of[url] = root
        self.order += 1
        heapq.heappush(self.queue, (_PAGING, self.order, url))

    def follow_chain(self, page: PageLinks, new: list[str]) -> None:
        """An article read for its way to older news: its pager-named links of the article
        shape not seen before ("ข่าวก่อนหน้า") are the next steps; newer ones are known."""
        root = self.paging_of.get(page.url)
        if root is None or self.listing_full(root):
            return
        for url in page.steps:
            if url in new and self.learned.is_article_url(url):
                self.chain_to(url, root)

    def plan(self, page: PageLinks) -> None:
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
            headline = len(text) >= TITLE_LIKE or bool(READ_MORE.match(text))
            if headline and shape.has_variable and url not in page.in_menus:
                groups.setdefault(shape, []).append(url)
            path = unquote(urlsplit(url).path)  # /category/ข่าวประชาสัมพันธ์/ in Thai
            folder = page.folder_index and url.endswith("/") and url.startswith(page.url)
            if _NEWS_TEXT.search(text) or _NEWS_URL.search(url) or _NEWS_TEXT.search(path):
                self.push(url, _NEWS)
            elif folder:
                self.push(url, _NEWS)  # a folder of a server's index: one of the site's parts
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
            FetchError(
                FetchOutcome.NO_ARTICLES, f"looked at {looked} pages, found no article; {HINT}"
            ),
        )
        return
    learned.set_way("explore")


def _roots_for(learned: Learned, base_url: str) -> list[str]:
    """The learned listings under this start URL (a site with one install a year has one
    start URL and listings per install), else every listing on its host."""
    sites = sites_of(base_url)
    on_host = [u for u in learned.listings if on_site(u, sites)]
    under = [u for u in on_host if u.startswith(base_url)]
    return under or on_host


def _log_refused(ctx: Context, url: str, why: str, exc: FetchError) -> None:
    """Every request discovery made is in raw.fetch_log, the refused ones too (a link to a
    bomb or a trickle: what happened to it stays visible)."""
    reason = f"{why}: {exc.outcome}: {exc.reason}"[:500]
    ctx.fetched.append(ListingFetch(url, exc.status, None, reason, Validators()))


def _unavailable(outcome: FetchOutcome, status: int | None) -> bool:
    """A site down for the night (network, 429, 5xx, robots.txt unavailable or closed), not
    a listing that went away: exploring again would not help."""
    if outcome in (FetchOutcome.NETWORK_ERROR, FetchOutcome.ROBOTS_DISALLOWED):
        return True
    return outcome == FetchOutcome.HTTP_ERROR and (status is None or status == 429 or status >= 500)


def _from_listings(explorer: Explorer, roots: list[str]):
    """Read the learned listings (and their further pages while they hold something new).

    Returns the listings that are gone (an error, or no longer listing articles of the
    shape): the site changed, and is explored again.
    """
    gone = []
    for tried, root in enumerate(roots):
        if tried >= explorer.max_pages:
            break  # the learned listings' first pages count against the discovery limit
        try:
            resp = explorer.ctx.fetch(root, why="learned listing")
        except FetchError as exc:
            if exc.outcome == FetchOutcome.OVER_BUDGET:
                raise  # not gone: the run's time is up
            if _unavailable(exc.outcome, exc.status):
                yield ListingFailure(root, exc)  # down tonight: read again next night
            else:
                _log_refused(explorer.ctx, root, "learned listing", exc)
                gone.append(root)
            continue
        if resp.not_modified:
            continue  # unchanged since the last night: nothing new listed
        if resp.status != 200:
            if _unavailable(FetchOutcome.HTTP_ERROR, resp.status):
                error = FetchError(FetchOutcome.HTTP_ERROR, f"listing answered HTTP {resp.status}")
                yield ListingFailure(root, error)
            else:
                gone.append(root)
            continue
        explorer.listing_reads[root] = 1
        explorer.read += 1
        explorer.paging_of[root] = root
        explorer.queued.add(root)
        soup = BeautifulSoup(explorable_html(resp), "lxml")
        page = read_links(soup, resp.url, explorer.absolute)
        explorer.pages[root] = page
        shaped = {u for u, _ in page.links if explorer.learned.is_article_url(u)}
        shaped -= page.in_menus
        if len(shaped) < LISTING_MIN_LINKS:
            gone.append(root)
            continue
        explorer.listing_roots.add(root)
        before = set(explorer.found)
        yield from explorer.harvest(page)
        # Productive: it listed something not landed before (every listing lists known
        # articles; counting those reordered, and saved, the learned state every night).
        if any(not explorer.ctx.is_known(url) for url in explorer.found - before):
            explorer.learned.listing_productive(root)
    while explorer.queue:
        _, _, url = heapq.heappop(explorer.queue)
        listing = explorer.paging_of.get(url)
        if listing is None or explorer.listing_full(listing):
            continue
        if url not in explorer.chain:
            explorer.listing_reads[listing] = explorer.listing_reads.get(listing, 0) + 1
        explorer.read += 1
        answer = explorer.fetch(url, "listing page")
        if answer is not None:
            soup = BeautifulSoup(explorable_html(answer), "lxml")
            page = read_links(soup, answer.url, explorer.absolute)
            explorer.pages[url] = page
            yield from explorer.harvest(page)
    return gone
