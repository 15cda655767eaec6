"""A page's publication date: meta tags, JSON-LD, <time>, then the visible date line (in
Thai, English or ISO writing).

Never from elsewhere on the page: sidebars of "latest news" carry other articles' dates,
which is exactly what generic date finders pick up (and misread in Buddhist Era).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, time

from bs4 import BeautifulSoup, NavigableString, Tag

from edunews.crawl.attrs import attr
from edunews.crawl.date_line import find_date
from edunews.crawl.html_text import strings
from edunews.crawl.regions import inherited, is_banner, is_furniture, is_page_form
from edunews.thai_calendar import BANGKOK, gregorian

_META_NAMES = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.issued",
    "date",
)
# Where page templates put an article's own date line.
# "date" as a word of its own in custom templates' names too: txt_date, newsdate, dateNews;
# not update or candidate.
_DATE_HINT = re.compile(
    r"entry-meta|posted-on|entry-date|post-date|published|article-info|"
    r"create|post-meta|byline|submitted|"
    r"(?:^|[\s_-]|news|post|pub|txt|text|show|lbl)date(?:$|[\s_-]|time|news|post)",
    re.I,
)
_NOT_TEXT = frozenset({"aside", "nav", "footer", "script", "style", "form"})


# News of this century: a page saying year 1 or 9999 is wrong, and such a datetime cannot
# even be moved to UTC (OverflowError) when the page's fingerprint is made.
MIN_YEAR, MAX_YEAR = 1900, 2200


def parse_datetime(value: object) -> datetime | None:
    """ISO 8601 (with a Buddhist-Era year now and then); naive values are Bangkok time.
    None for anything else, whatever its type (JSON-LD and APIs send numbers and lists)."""
    if not isinstance(value, str) or not value:
        return None
    value = value.strip()
    match = re.match(r"(\d{4})(-\d{2}-\d{2}.*)", value)
    if not match or match.group(1).startswith("0"):  # "0001": no two-digit BE year here
        return None
    value = f"{gregorian(int(match.group(1))):04d}{match.group(2)}"
    try:
        parsed = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        try:
            parsed = datetime.fromisoformat(value[:10])
        except ValueError:
            return None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=BANGKOK)


def at_bangkok_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=BANGKOK)


def published_date(soup: BeautifulSoup, title: str) -> datetime | None:
    furniture = _Furniture()
    return (
        _from_meta(soup)
        or _from_json_ld(soup)
        or _from_time_tag(soup, furniture)
        or _from_visible_date(soup, title, furniture)
    )


def _from_meta(soup: BeautifulSoup) -> datetime | None:
    for tag in soup.find_all("meta"):
        key = (attr(tag, "property") or attr(tag, "name") or attr(tag, "itemprop")).lower()
        if key in _META_NAMES:
            found = parse_datetime(tag.get("content"))
            if found:
                return found
    return None


def _from_json_ld(soup: BeautifulSoup) -> datetime | None:
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (ValueError, RecursionError):  # RecursionError: [[[[... thousands deep
            continue
        for node in _walk(data):
            found = parse_datetime(node.get("datePublished"))
            if found:
                return found
    return None


def _walk(data: object) -> Iterator[dict]:
    """Every object in a JSON document, outer first; a loop, not recursion."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _from_time_tag(soup: BeautifulSoup, furniture: _Furniture) -> datetime | None:
    """A <time datetime>, a microdata datePublished (<span itemprop content>) or an hAtom
    <abbr class="published" title> (old Blogger), in the article or its date line."""
    for tag in soup.find_all(["time", "abbr", "span", "div", "p"]):
        value = _machine_date(tag)
        if value is None or furniture.holds(tag):
            continue
        microdata = tag.get("itemprop") == "datePublished"
        if microdata or furniture.in_article(tag) or _hinted(tag):
            found = parse_datetime(value)
            if found:
                return found
    return None


def _machine_date(tag: Tag) -> str | None:
    if tag.name == "time":
        return attr(tag, "datetime") or None
    if attr(tag, "itemprop") == "datePublished":
        return attr(tag, "content") or attr(tag, "datetime") or None
    if tag.name == "abbr" and "published" in _classes(tag):
        return attr(tag, "title") or None
    return None


def _from_visible_date(soup: BeautifulSoup, title: str, furniture: _Furniture) -> datetime | None:
    """A date in the article's own date line: a date-hinted element, or a short line
    right above or below the title."""
    for tag in _named_date_lines(soup, title, furniture):
        day = find_date(_text_start(tag, 200))
        if day:
            return at_bangkok_midnight(day)
    lines = [line.strip() for line in _text_without_furniture(soup).splitlines() if line.strip()]
    heading = _title_line(lines, title)
    if heading is None:
        return None
    # Below the title first: what is above it may be the end of a left column's other news.
    above = lines[max(0, heading - 3) : heading][::-1]
    for line in lines[heading + 1 : heading + 4] + above:
        if len(line) < 100:
            day = find_date(line)
            if day:
                return at_bangkok_midnight(day)
    return None


class _Furniture:
    """Whether an element sits in page furniture or in the article, remembered for every
    ancestor on the way: asking it of each candidate costs a walk up to the nearest
    element already known, so a page's worth of candidates is linear, not depth times
    candidates."""

    def __init__(self) -> None:
        self._furniture: dict[int, bool] = {}
        self._article: dict[int, bool] = {}

    def holds(self, tag: Tag) -> bool:
        return inherited(tag, self._furniture, _is_furniture)

    def in_article(self, tag: Tag) -> bool:
        parent = tag.parent
        return parent is not None and inherited(parent, self._article, _is_article)


def _is_furniture(node: Tag) -> bool:
    # A banner is furniture for dates: it shows today's date on many office sites.
    return is_furniture(node) or _named_banner(node)


def _named_banner(node: Tag) -> bool:
    # Only a banner named so: a bare <header> may be the article's own (a walk up cannot
    # tell cheaply whether it sits in the article, and missing a date is the lesser harm).
    return is_banner(node, in_article=True)


def _named_date_lines(soup: BeautifulSoup, title: str, furniture: _Furniture) -> list[Tag]:
    """The named date lines outside furniture, those after the title's heading first (in
    page order), then those before it (nearest first): a column of other news, each with
    its span.date, may come before the article in a layout that names it nothing."""
    root = soup.body or soup
    title_at: int | None = None
    found: list[tuple[int, Tag]] = []
    for order, node in enumerate(root.descendants):
        if isinstance(node, Tag):
            if _named_date_line(node) and not furniture.holds(node):
                found.append((order, node))
        elif title_at is None and title and type(node) is NavigableString:
            text = node.strip()
            if (
                text
                and _title_line([text], title) == 0
                and node.parent is not None
                and not furniture.holds(node.parent)
            ):
                title_at = order
    if title_at is None:
        return [tag for _, tag in found]
    after = [tag for order, tag in found if order > title_at]
    return after + [tag for order, tag in reversed(found) if order < title_at]


def _named_date_line(tag: Tag) -> bool:
    """Named a date line by a class word, or by its id (ASP.NET's span#..._lblDate)."""
    return bool(_DATE_HINT.search(_classes(tag)) or _DATE_HINT.search(attr(tag, "id")))


def _hinted(tag: Tag) -> bool:
    """The element, its parent or grandparent is named as a date line: Joomla 4 puts its
    <time> in dd.published, themes put theirs in span.posted-on."""
    node: Tag | None = tag
    for _ in range(3):
        if not isinstance(node, Tag):
            return False
        if _DATE_HINT.search(_classes(node)):
            return True
        node = node.parent
    return False


def _is_article(node: Tag) -> bool:
    return node.name in ("article", "main")


def _classes(tag: Tag) -> str:
    return attr(tag, "class")


def _text_start(tag: Tag, limit: int) -> str:
    """`tag.get_text(" ", strip=True)[:limit]`, without reading a whole page's text when
    the tag holds one (a date-hinted wrapper around everything)."""
    parts: list[str] = []
    size = 0
    for text in tag.stripped_strings:
        parts.append(text)
        size += len(text) + 1
        if size > limit:
            break
    return " ".join(parts)[:limit]


def _text_without_furniture(soup: BeautifulSoup) -> str:
    # Read around the furniture rather than copying the soup to cut it out: a page's worth
    # of parsing and serialising less.
    skip = lambda tag: _not_text(tag) or is_furniture(tag) or _named_banner(tag)  # noqa: E731
    return "\n".join(strings(soup.body or soup, skip))


def _not_text(tag: Tag) -> bool:
    return tag.name in _NOT_TEXT and not is_page_form(tag)


def _title_line(lines: list[str], title: str) -> int | None:
    if not title:
        return None
    for index, line in enumerate(lines):
        if line == title or (len(title) > 20 and title[:40] in line and len(line) < 2 * len(title)):
            return index
    return None
