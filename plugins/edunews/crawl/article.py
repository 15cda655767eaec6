"""One article out of one page: title, main text without page furniture, date, canonical URL."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime

import trafilatura
from bs4 import BeautifulSoup, CData, NavigableString, Tag

from edunews.crawl.bounded_html import looks_binary, readable_html
from edunews.crawl.date_line import find_date
from edunews.crawl.headline import page_title
from edunews.crawl.html_text import prune, soup_text, text_without
from edunews.crawl.published import published_date
from edunews.crawl.regions import is_block_furniture, is_inner_furniture
from edunews.crawl.storable import storable
from edunews.crawl.urls import join_url

# trafilatura logs an ERROR for every empty or odd page; the crawler records those itself
# (parse_error in raw.fetch_log), so its own log would only repeat them louder.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

# Lines that survive main-text extraction on Thai news templates but belong to the page.
_FURNITURE_LINE = re.compile(
    r"^(ใส่ความเห็น|ร่วมแสดงความคิดเห็น|แสดงความคิดเห็น|แสดงความเห็น|ความคิดเห็น|"
    r"แชร์|แบ่งปัน|share|tweet|พิมพ์|print|อ่านต่อ|อ่านเพิ่มเติม|ข่าวที่เกี่ยวข้อง|"
    r"เรื่องที่เกี่ยวข้อง|โพสต์ก่อนหน้า|โพสต์ถัดไป|เรื่องก่อนหน้า|เรื่องถัดไป|"
    r"like this|ชอบสิ่งนี้|ที่อยู่อีเมลของคุณจะไม่แสดง|คุณต้องเข้าสู่ระบบ|ข่าวอื่น)",
    re.I,
)
# Article-body elements of WordPress themes, Joomla 3/4 and schema.org markup.
BODY_SELECTORS = (
    ".entry-content",
    "[itemprop=articleBody]",
    ".post-content",
    ".article-content",
    ".td-post-content",
)
# main_block: the element holding this share of the page's text outside links is the
# article's; a page with less such text than MIN_BLOCK_CHARS is left to trafilatura.
BLOCK_SHARE = 0.5
CLIMB_SHARE = 0.25
PARAGRAPH_CHARS = 120  # a text run this long outside links is prose, no menu or news list
MIN_BLOCK_CHARS = 200
# Elements main_block descends into: layout boxes, not paragraphs or inline text.
_CONTAINERS = frozenset(
    [
        "div",
        "td",
        "th",
        "table",
        "tbody",
        "thead",
        "tr",
        "section",
        "article",
        "main",
        "center",
        "form",
        "body",
    ]
)
MAX_HEADER_LINE = 80  # a byline or date line; a first paragraph with a date is longer
# How byline and date lines begin; a lead paragraph begins "วันนี้ (6 พ.ค.)", "เมื่อวันที่".
_HEADER = re.compile(
    r"(โดย|ส่งโดย|เขียนโดย|ผู้เขียน|by|posted|written|published|updated|ประกาศเมื่อ|"
    r"โพสต์เมื่อ|เผยแพร่|ลงวันที่|วันที่\s|วัน\S{1,8}ที่\s|\[?[0-9๐-๙])",
    re.I,
)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "select", "textarea", "iframe"})
_TEXT_NODES = (NavigableString, CData)
# Elements that are boxes of links when most of their text is in links (a paragraph
# with one link is still a paragraph only when it says more than the link).
_LINK_BOXES = frozenset(
    [
        "ul",
        "ol",
        "dl",
        "table",
        "tbody",
        "tr",
        "td",
        "div",
        "nav",
        "aside",
        "section",
        "header",
        "footer",
        "p",
        "span",
        "font",
        "b",
    ]
)
MAX_CANONICAL_LENGTH = 2048  # a longer "canonical" address is junk or a trap, never a page
_NOT_TEXT = frozenset({"form", "img", "figure", "iframe", "script"})


@dataclass(frozen=True)
class Article:
    title: str
    body_text: str
    published_at: datetime | None
    canonical_url: str | None = None


def parse_article(html: str, url: str) -> Article:
    """The article of any page, in time linear in its size (see bounded_html.py); its text
    fields are storable."""
    if looks_binary(html):
        return Article(title="", body_text="", published_at=None)
    html = readable_html(html)
    soup = BeautifulSoup(html, "lxml")
    title = storable(page_title(soup))
    return Article(
        title=title,
        body_text=storable(_main_text(html, title, soup)),
        published_at=published_date(soup, title),
        canonical_url=canonical_url(soup, url),
    )


def main_text(html: str, title: str = "", soup: BeautifulSoup | None = None) -> str:
    """The article's paragraphs, one a line; menus, sidebars, share bars, forms dropped.

    A template's own article-body element when the page has one (exact), else trafilatura.
    """
    if soup is None:
        html = readable_html(html)
        soup = BeautifulSoup(html, "lxml")
    return _main_text(html, title, soup)


def _main_text(html: str, title: str, soup: BeautifulSoup) -> str:
    container = body_container(soup)
    if container is not None:
        text = strip_furniture_lines(soup_text(container), title)
        if text:
            return text
    block = main_block(soup)
    if block is not None:
        text = _without_header_lines(strip_furniture_lines(block), title)
        if text:
            return text
    extracted = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_precision=True,
        deduplicate=False,
    )
    return strip_furniture_lines(extracted or "", title)


def body_container(soup: BeautifulSoup) -> Tag | None:
    """The element WordPress or Joomla templates put the article body in, cleaned of the
    share bars and galleries plugins add inside it."""
    for selector in BODY_SELECTORS:
        found = soup.select(selector)
        if len(found) == 1:  # several: a listing page, not an article
            container = BeautifulSoup(str(found[0]), "lxml")
            prune(container, is_inner_furniture)
            prune(container, lambda tag: tag.name in _NOT_TEXT)
            return container
    return None


def main_block(soup: BeautifulSoup) -> str | None:
    """The text of the smallest element holding most of the page's text outside links and
    link boxes, without the link boxes and named furniture inside it; None when no element
    narrower than the whole page holds it (trafilatura reads such pages).

    Old table layouts have no article element: the article is a cell between a menu
    column and a latest-news column, and trafilatura took the whole layout table. Menus,
    news boxes and calendars are text in links (their dates aside), so the article's
    paragraphs are where the text outside them is. One walk counts it for every element.
    """
    root = soup.body or soup
    counts = _TextCounts(root)
    total = counts.content(root)
    if total < MIN_BLOCK_CHARS:
        return None
    block = root
    while True:  # at most one child holds more than half: descend to the smallest
        inner = next(
            (
                child
                for child in block.children
                if isinstance(child, Tag)
                and child.name in _CONTAINERS  # not into one long paragraph: its siblings count
                and counts.content(child) >= BLOCK_SHARE * total
            ),
            None,
        )
        if inner is None:
            break
        block = inner
    # Back up while the enclosing element adds much text of its own: a lead paragraph in
    # a box of its own beside the detail's box is the article's too.
    while block is not root and isinstance(block.parent, Tag) and block.parent is not root:
        added = counts.content(block.parent) - counts.content(block)
        if added < CLIMB_SHARE * counts.content(block):
            break
        block = block.parent
    if block is root:
        return None
    kept = counts.content(block)

    def furniture(tag: Tag) -> bool:
        if tag.name == "form":  # comment forms; ASP.NET's page-wide form holds the article
            return counts.content(tag) < kept / 2
        return counts.is_furniture(tag)

    return text_without(block, furniture)


def _without_header_lines(text: str, title: str) -> str:
    """`text` without the heading and byline lines before its first paragraph: the title
    once, and short lines with a date or an author ("โดย admin เมื่อ ...", "ลงวันที่
    12/05/67") that table layouts keep in the article's own cell."""
    lines = text.split("\n")
    start = 0
    titled = False
    while start < len(lines) - 1:
        line = lines[start]
        if line == title and not titled:
            titled = True
        elif not (len(line) <= MAX_HEADER_LINE and _HEADER.match(line) and find_date(line)):
            break
        start += 1
    return "\n".join(lines[start:])


class _TextCounts:
    """Characters of text outside links and inside links under each element of `root`,
    leaving out the furniture boxes under it; counted in one walk (each text node adds to
    its element, each element that is not furniture to its parent), keyed by id."""

    def __init__(self, root: Tag) -> None:
        self._content: dict[int, int] = {}
        self._links: dict[int, int] = {}
        self._longest: dict[int, int] = {}  # the longest text outside links under it
        self._furniture: set[int] = set()
        order: list[Tag] = []
        stack: list[tuple[Tag, bool]] = [(root, False)]
        while stack:
            tag, in_link = stack.pop()
            order.append(tag)
            in_link = in_link or tag.name == "a"
            for child in tag.children:
                if isinstance(child, Tag):
                    if child.name not in _SKIPPED:
                        stack.append((child, in_link))
                elif isinstance(child, NavigableString) and type(child) in _TEXT_NODES:
                    size = len(child.strip())
                    counts = self._links if in_link else self._content
                    counts[id(tag)] = counts.get(id(tag), 0) + size
                    if not in_link:
                        self._longest[id(tag)] = max(self._longest.get(id(tag), 0), size)
        for tag in reversed(order):  # children before their parents: each one complete
            parent = tag.parent
            if tag is root or parent is None:
                continue
            key, up = id(tag), id(parent)
            # Links stay links however deep they sit: a table of related news is a box of
            # links although each of its rows is one already.
            self._links[up] = self._links.get(up, 0) + self._links.get(key, 0)
            if self._is_furniture(tag):
                self._furniture.add(key)
                continue
            self._content[up] = self._content.get(up, 0) + self._content.get(key, 0)
            self._longest[up] = max(self._longest.get(up, 0), self._longest.get(key, 0))

    def content(self, tag: Tag) -> int:
        return self._content.get(id(tag), 0)

    def is_furniture(self, tag: Tag) -> bool:
        return id(tag) in self._furniture or tag.name in _SKIPPED

    def _is_furniture(self, tag: Tag) -> bool:
        """Named furniture, or a box whose text is mostly links (menus, news lists with
        their dates, calendars) and no paragraph: the article's own cell is not one for
        the related-news box inside it."""
        if is_block_furniture(tag):
            return True
        if tag.name not in _LINK_BOXES or self._longest.get(id(tag), 0) >= PARAGRAPH_CHARS:
            return False  # holds a paragraph: the article's box, with related links or not
        inside = self._links.get(id(tag), 0)
        return inside > 0 and inside >= self._content.get(id(tag), 0)


def strip_furniture_lines(text: str, title: str = "") -> str:
    lines = [line.strip() for line in text.splitlines()]
    kept = [line for line in lines if line and not _FURNITURE_LINE.match(line)]
    if kept and title and kept[0] == title:
        kept = kept[1:]  # themes repeat the heading inside the entry
    return "\n".join(kept)


def canonical_url(soup: BeautifulSoup, url: str) -> str | None:
    """The page's canonical link as a normalised absolute http(s) URL, or None (none, or
    javascript:, data:, mailto:, an unparseable or absurdly long address)."""
    link = soup.find("link", rel="canonical")
    href = link.get("href") if link else None
    if not isinstance(href, str) or not href.strip():
        return None
    try:
        canonical = join_url(url, href)  # the crawler's one URL parser
    except ValueError:  # BadUrl, and whatever urljoin raises on a broken IPv6 host
        return None
    return canonical if len(canonical) <= MAX_CANONICAL_LENGTH else None
