"""What a page is: one article (a title, a date, enough main text), or not, and why.

Decided from the page, not its address: a listing or a blog view carries other pages'
headlines, linked headings or "อ่านต่อ" links; a photo album has no text; a page about the
office has no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from edunews.crawl.article import parse_article
from edunews.crawl.attrs import attr
from edunews.crawl.bounded_html import readable_html
from edunews.crawl.date_line import find_date
from edunews.crawl.encoding import decode_body
from edunews.crawl.http import Response
from edunews.crawl.links import PAGE_PATH
from edunews.crawl.regions import in_loose_furniture
from edunews.crawl.shape import PAGING_KEYS

MIN_BODY_CHARS = 200
MAX_ARTICLE_LINKS = 1500
NO_DATE = "no date"
TITLE_LIKE = 12  # characters of anchor text that read like a headline, not a menu word


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
    if set(dict(parse_qsl(urlsplit(url).query)).keys()) & PAGING_KEYS or PAGE_PATH.search(
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
    column = title_column(soup, article.title)
    furniture: dict[int, bool] = {}
    for anchor in soup.find_all("a", href=True):
        text = " ".join(anchor.get_text(" ", strip=True).split())
        if len(text) < TITLE_LIKE or text == article.title or text not in body:
            continue
        if urldefrag(urljoin(url, attr(anchor, "href").strip()))[0] == url:
            continue
        if column is not None and column not in anchor.parents:
            continue  # another column of the page's layout: its menu or latest news
        if text in lines or not in_loose_furniture(anchor, furniture):
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


def own_date(soup: BeautifulSoup, title: str) -> str | None:
    """A date the page gives itself where published.py reads none (English or ISO date
    lines, a <time> without a hinted class): for telling an article, not for storing. Only
    a <time> outside sidebars, or a date line just after the title."""
    for tag in soup.find_all("time", datetime=True, limit=20):
        day = find_date(attr(tag, "datetime"))
        if day and not in_loose_furniture(tag):
            return day.isoformat()
    text = " ".join(soup.get_text(" ", strip=True).split())
    at = text.find(title[:60]) if title else -1
    if at < 0:
        return None
    day = find_date(text[at + len(title) : at + len(title) + 200])
    return day.isoformat() if day else None


def page_verdict(resp: Response) -> Verdict:
    """`verdict` of a fetched page."""
    html = readable_html(decode_body(resp.body, resp.headers.get("Content-Type"))[0])
    return verdict(html, resp.url, BeautifulSoup(html, "lxml"))


_COLUMNS = ("td", "div", "section", "article", "main")
_COLUMN_TEXT = MIN_BODY_CHARS  # own text, outside links, that makes a column the text's


def title_column(soup: BeautifulSoup, title: str) -> Tag | None:
    """The layout column holding the page's title and its text, on pages that name none
    (old table layouts: <td>s without a class, the latest news in the next <td>): the
    nearest block around the title with long text of its own, where links are the lesser
    part. None when the title is a link (an item of a listing) or no such block exists."""
    if len(title) < TITLE_LIKE:
        return None
    probe = title[:40]
    for node in soup.find_all(string=lambda s: probe in s, limit=10):
        if node.find_parent(["title", "a", "script", "style", "head"]) is not None:
            continue
        for block in node.find_parents(_COLUMNS):
            text = len(block.get_text(" ", strip=True))
            linked = sum(len(a.get_text(" ", strip=True)) for a in block.find_all("a"))
            if text - linked >= _COLUMN_TEXT:
                return block if linked * 3 < text else None
        return None
    return None


READ_MORE = re.compile(r"^\s*(อ่านต่อ|อ่านเพิ่มเติม|อ่านรายละเอียด|รายละเอียด|read more|more)\W*$", re.I)


def _linked_headings(soup: BeautifulSoup, url: str) -> int:
    """Headings that link to other pages, and "read more" links: a blog view's items."""
    targets = set()
    furniture: dict[int, bool] = {}
    for anchor in soup.find_all("a", href=True):
        target = urldefrag(urljoin(url, attr(anchor, "href")))[0]
        if target == url:
            continue
        text = anchor.get_text(" ", strip=True)
        # Related-posts boxes put headings in sidebars too: only the page's own part counts.
        in_heading = anchor.find_parent(["h1", "h2", "h3", "h4"]) is not None
        if in_loose_furniture(anchor, furniture):
            continue
        if (in_heading and len(text) >= TITLE_LIKE) or READ_MORE.match(text):
            targets.add(target)
    return len(targets)
