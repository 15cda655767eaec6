"""One article out of one page: title, main text without page furniture, date, canonical URL."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime

import trafilatura
from bs4 import BeautifulSoup, Tag

from edunews.crawl.headline import page_title
from edunews.crawl.html_text import prune, soup_text
from edunews.crawl.published import published_date
from edunews.crawl.shallow import looks_binary, readable_html
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
    r"like this|ชอบสิ่งนี้|ที่อยู่อีเมลของคุณจะไม่แสดง|คุณต้องเข้าสู่ระบบ)",
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
_INNER_FURNITURE = re.compile(
    r"share|sharing|social|gallery|related|comment|addtoany|a2a|likes|sd-|print|pagination|"
    r"post-navigation|tags-links|cat-links",
    re.I,
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
    """The article of any page, in time linear in its size (see shallow.py); its text
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
    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_precision=True,
        deduplicate=False,
    )
    return strip_furniture_lines(text or "", title)


def body_container(soup: BeautifulSoup) -> Tag | None:
    """The element WordPress or Joomla templates put the article body in, cleaned of the
    share bars and galleries plugins add inside it."""
    for selector in BODY_SELECTORS:
        found = soup.select(selector)
        if len(found) == 1:  # several: a listing page, not an article
            container = BeautifulSoup(str(found[0]), "lxml")
            prune(container, lambda tag: bool(_INNER_FURNITURE.search(_label(tag))))
            prune(container, lambda tag: tag.name in _NOT_TEXT)
            return container
    return None


def _label(tag: Tag) -> str:
    return " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")


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
