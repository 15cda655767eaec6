"""A page's publication date: meta tags, JSON-LD, <time>, then the visible Thai date line.

Never from elsewhere on the page: sidebars of "latest news" carry other articles' dates,
which is exactly what generic date finders pick up (and misread in Buddhist Era).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta, timezone

from bs4 import BeautifulSoup, Tag

from edunews.crawl.thai_date import find_thai_date, gregorian

BANGKOK = timezone(timedelta(hours=7), "Asia/Bangkok")
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
_DATE_HINT = re.compile(
    r"entry-meta|posted-on|entry-date|post-date|published|article-info|"
    r"create|post-meta|byline|news-date|\bdate\b",
    re.I,
)
_FURNITURE = re.compile(
    r"sidebar|widget|related|recent|menu|comment|share|footer|breadcrumb|"
    r"navigation|\bnav\b",
    re.I,
)


def parse_datetime(value: str | None) -> datetime | None:
    """ISO 8601 (with a Buddhist-Era year now and then); naive values are Bangkok time."""
    if not value:
        return None
    value = value.strip()
    match = re.match(r"(\d{4})(-\d{2}-\d{2}.*)", value)
    if not match:
        return None
    value = f"{gregorian(int(match.group(1))):04d}{match.group(2)}"
    try:
        parsed = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        try:
            parsed = datetime.fromisoformat(value[:10])
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=BANGKOK)


def at_bangkok_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=BANGKOK)


def published_date(soup: BeautifulSoup, title: str) -> datetime | None:
    return (
        _from_meta(soup)
        or _from_json_ld(soup)
        or _from_time_tag(soup)
        or _from_visible_date(soup, title)
    )


def _from_meta(soup: BeautifulSoup) -> datetime | None:
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        if key in _META_NAMES:
            found = parse_datetime(tag.get("content"))
            if found:
                return found
    return None


def _from_json_ld(soup: BeautifulSoup) -> datetime | None:
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        for node in _walk(data):
            found = parse_datetime(node.get("datePublished"))
            if found:
                return found
    return None


def _walk(data):
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _walk(value)
    elif isinstance(data, list):
        for value in data:
            yield from _walk(value)


def _from_time_tag(soup: BeautifulSoup) -> datetime | None:
    for tag in soup.find_all("time"):
        if _in_furniture(tag):
            continue
        in_article = tag.find_parent(["article", "main"]) is not None
        if in_article or _DATE_HINT.search(" ".join(tag.get("class") or [])):
            found = parse_datetime(tag.get("datetime"))
            if found:
                return found
    return None


def _from_visible_date(soup: BeautifulSoup, title: str) -> datetime | None:
    """A date in the article's own date line: a date-hinted element, or a short line
    right above or below the title."""
    for tag in soup.find_all(class_=_DATE_HINT):
        if isinstance(tag, Tag) and not _in_furniture(tag):
            day = find_thai_date(tag.get_text(" ", strip=True)[:200])
            if day:
                return at_bangkok_midnight(day)
    lines = [line.strip() for line in _text_without_furniture(soup).splitlines() if line.strip()]
    heading = _title_line(lines, title)
    if heading is None:
        return None
    for line in lines[max(0, heading - 3) : heading] + lines[heading + 1 : heading + 4]:
        if len(line) < 100:
            day = find_thai_date(line)
            if day:
                return at_bangkok_midnight(day)
    return None


def _in_furniture(tag: Tag) -> bool:
    for node in [tag, *tag.parents]:
        if not isinstance(node, Tag):
            continue
        if node.name in ("aside", "nav", "footer"):
            return True
        label = " ".join(node.get("class") or []) + " " + (node.get("id") or "")
        if _FURNITURE.search(label):
            return True
    return False


def _text_without_furniture(soup: BeautifulSoup) -> str:
    copy = BeautifulSoup(str(soup), "lxml")
    for tag in copy.find_all(["aside", "nav", "footer", "script", "style", "form"]):
        tag.decompose()
    for tag in copy.find_all(True):
        if tag.decomposed:
            continue
        label = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
        if _FURNITURE.search(label):
            tag.decompose()
    body = copy.body or copy
    return body.get_text("\n")


def _title_line(lines: list[str], title: str) -> int | None:
    if not title:
        return None
    for index, line in enumerate(lines):
        if line == title or (len(title) > 20 and title[:40] in line and len(line) < 2 * len(title)):
            return index
    return None
