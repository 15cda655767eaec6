"""A page's links as a person sees them: anchors and their texts, frames, redirects of
splash pages, rows that open the news by script; which of them page a listing; which are
only in menus."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from edunews.crawl.attrs import attr, attr_words
from edunews.crawl.regions import in_menu
from edunews.crawl.shape import PAGING_KEYS

# Real pages have hundreds of links; a link farm of 50,000 is read as far as this.
MAX_LINKS_PER_PAGE = 3000
_OPEN = re.compile(r"window\.open\(\s*['\"]([^'\"]+)['\"]")

# Words of a pager, arrows and brackets around them allowed ("ถัดไป »", "[2]", "← Older").
_PAGE_TEXT = re.compile(
    r"^[\W_]*(\d+|[๐-๙]+|ถัดไป|หน้าถัดไป|ต่อไป|ก่อนหน้า|ย้อนกลับ|หน้าที่\s*\d+|สุดท้าย|"
    r"หน้าสุดท้าย|next|prev(ious)?|older|newer|older (posts|entries)|newer (posts|entries)|"
    r"next page|last|first|เก่ากว่า|ใหม่กว่า|(บทความ|เรื่อง|ข่าว)(?:ที่)?(เก่า|ใหม่)กว่า|"
    r"[›»«‹>]{1,2}|>>|<<)[\W_]*$",
    re.I,
)
_SCRIPT_GO = re.compile(
    r"(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*=\s*['\"]([^'\"]+)['\"]|"
    r"location\.(?:replace|assign)\(\s*['\"]([^'\"]+)['\"]"
)
PAGE_PATH = re.compile(r"/page/\d+/?$|/p\d+/?$")
# A page address passed to a script of the site's own (popup('show.php?nid=5')): a quoted
# path from the root or the folder, or a script or page file name, or a query.
_QUOTED_PAGE = re.compile(
    r"['\"]((?:/|\.\.?/|\?|[\w./-]+\.(?:php\d?|aspx?|jsp|html?|cfm|asp)(?=[?'\"#]))[^'\"\s]*)['\"]",
    re.I,
)


def script_target(script: str) -> str:
    """The address a link's script goes to (location=..., window.open(...), a call
    with a page address), or "" (a postback, a menu toggle)."""
    match = _SCRIPT_GO.search(script) or _OPEN.search(script) or _QUOTED_PAGE.search(script)
    return next((g for g in match.groups() if g), "") if match else ""


def _anchor_text(tag: Tag) -> str:
    """What a link says: its text, else its title, else the alt of its image."""
    text = " ".join(tag.get_text(" ", strip=True).split()) or attr(tag, "title").strip()
    if not text:
        image = tag.find("img", alt=True)
        text = " ".join((attr(image, "alt") if isinstance(image, Tag) else "").split())
    return text[:300]


@dataclass
class PageLinks:
    """A page's links: (url, anchor text) in page order, in-site only."""

    url: str
    links: list[tuple[str, str]]  # (url, anchor text), in-site, walkable or not
    paging: list[str]
    in_menus: set[str] = field(default_factory=set)  # links found only in menus, header, footer
    # A pager that only a script works (ASP.NET's javascript:__doPostBack(..,'Page$2')):
    # the listing's further pages cannot be asked for by address.
    script_paging: bool = False
    steps: list[str] = field(default_factory=list)  # links named like a pager's steps
    # A web server's listing of a folder ("Index of /"): its sub-folders are the site's parts.
    folder_index: bool = False
    # Where on the page each link sits: its containers' names, ids and classes (digits
    # dropped), so a box repeated on every page (the latest news) is known by its place.
    places: dict[str, set[str]] = field(default_factory=dict)


_DIGITS = re.compile(r"\d+")


def place_of(tag: Tag) -> str:
    """The chain of a tag's containers, e.g. 'body>div#right>table>tr>td'."""
    parts = []
    for node in tag.parents:
        if not isinstance(node, Tag) or node.name in ("html", "[document]"):
            break
        label = node.name
        if node.get("id"):
            label += "#" + str(node["id"])
        if node.get("class"):
            label += "." + ".".join(node["class"])
        parts.append(_DIGITS.sub("", label))
    return ">".join(reversed(parts))


def is_step_text(text: str) -> bool:
    """A link named like a pager's step: "ถัดไป", "<< ข่าวก่อนหน้า", "older", "»"."""
    return bool(_PAGE_TEXT.match(text) or _STEP_TEXT.search(text))


# An article's way to its neighbours: "ข่าวก่อนหน้า", "เรื่องถัดไป", "« Previous post".
_STEP_TEXT = re.compile(
    r"^[\W_]*(ข่าว|เรื่อง|บทความ|กิจกรรม)?\s*(ก่อนหน้า|ถัดไป|ย้อนหลัง|เก่ากว่า|ใหม่กว่า)|"
    r"^[\W_]*(previous|next|older|newer)\b",
    re.I,
)


def read_links(
    soup: BeautifulSoup, page_url: str, absolute: Callable[[str, str], str | None]
) -> PageLinks:
    """The page's in-site links with their texts, and which of them page a listing.

    One pass over the tags: frames and iframes of old templates hold the content, splash
    pages move on by meta refresh or script; <base href> sets what relative links resolve
    against. `absolute` resolves a link and keeps to the site (off-site frames, video and
    Facebook fall out there).
    """
    base = soup.find("base", href=True)
    reader = _LinkReader(absolute, page_url, page_url)
    if base:
        reader.base = absolute(page_url, attr(base, "href")) or page_url
    for tag in soup.find_all(True):
        reader.read(tag)
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    return reader.page_links(title.lower().startswith(("index of /", "directory listing for /")))


@dataclass
class _LinkReader:
    """What one pass over a page's tags has found so far."""

    absolute: Callable[[str, str], str | None]
    page_url: str  # the page's own address: what paging links are told apart from
    base: str  # what its relative links resolve against (<base href>, else the page)
    links: list[tuple[str, str]] = field(default_factory=list)
    paging: list[str] = field(default_factory=list)
    in_menus: set[str] = field(default_factory=set)
    elsewhere: set[str] = field(default_factory=set)  # links also found outside menus
    script_paging: bool = False
    steps: list[str] = field(default_factory=list)
    places: dict[str, set[str]] = field(default_factory=dict)
    anchors: int = 0  # read so far, up to MAX_LINKS_PER_PAGE

    def read(self, tag: Tag) -> None:
        """Take the link `tag` makes, if it makes one."""
        name = tag.name
        if name in ("a", "area") and tag.get("href") and self.anchors < MAX_LINKS_PER_PAGE:
            self._anchor(tag)
        elif name == "link" and tag.get("href"):
            if "next" in attr_words(tag, "rel"):
                url = self.absolute(self.base, attr(tag, "href"))
                if url:
                    self.paging.append(url)
        elif name in ("frame", "iframe") and tag.get("src"):
            self._enter(attr(tag, "src"))
        elif name == "meta" and attr(tag, "http-equiv").lower() == "refresh":
            content = attr(tag, "content")
            if "url=" in content.lower():
                target = re.split(r"url=", content, maxsplit=1, flags=re.I)[1]
                self._enter(target.strip(" '\""))  # a splash page's way in
        elif name == "body" and tag.get("onload"):
            # <body onload="window.location.href='index.php'">: a blank root's way in (only a
            # move of the page: onload also preloads images and starts slideshows)
            match = _SCRIPT_GO.search(attr(tag, "onload"))
            if match:
                self._enter(match.group(1) or match.group(2))
        elif tag.get("onclick") and self.anchors < MAX_LINKS_PER_PAGE:
            self._clickable(tag)
        elif name == "script" and not tag.get("src"):
            for match in list(_SCRIPT_GO.finditer(tag.string or ""))[:3]:
                self._enter(match.group(1) or match.group(2))

    def _anchor(self, tag: Tag) -> None:
        self.anchors += 1
        url = self.absolute(self.base, self._anchor_href(tag))
        if url is None:
            return
        text = _anchor_text(tag)
        if is_step_text(text):
            self.steps.append(url)
        self.places.setdefault(url, set()).add(place_of(tag))
        self.links.append((url, text))
        (self.in_menus if in_menu(tag) else self.elsewhere).add(url)
        if is_paging(url, self.page_url, text, attr(tag, "rel").lower()):
            self.paging.append(url)

    def _anchor_href(self, tag: Tag) -> str:
        """Where an anchor leads: its href or, for a popup (<a href="#"
        onclick="window.open('show.php?nid=5')">, <a href="javascript:popup('show.php?nid=5')">),
        the page its script names. A pager only a script works (ASP.NET's postback) is noted."""
        href = attr(tag, "href").strip()
        if not (href.startswith("#") or href.lower().startswith("javascript:")):
            return href
        target = script_target(attr(tag, "onclick")) or script_target(href)
        if not target and "postback" in href.lower():
            self.script_paging = self.script_paging or bool(_PAGE_TEXT.match(_anchor_text(tag)))
        return target or href

    def _clickable(self, tag: Tag) -> None:
        """<tr onclick="window.open('news.php?id=5')">: rows of custom PHP tables."""
        target = script_target(attr(tag, "onclick"))
        url = self.absolute(self.base, target) if target else None
        if url:
            self.anchors += 1
            self.links.append((url, _anchor_text(tag)))

    def _enter(self, href: str) -> None:
        """A way into the site that is no anchor: a frame, a refresh, a script's move."""
        url = self.absolute(self.base, href)
        if url:
            self.links.append((url, "enter"))

    def page_links(self, folder_index: bool) -> PageLinks:
        return PageLinks(
            self.page_url,
            self.links,
            list(dict.fromkeys(self.paging)),
            self.in_menus - self.elsewhere,
            self.script_paging,
            list(dict.fromkeys(self.steps)),
            folder_index,
            self.places,
        )


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
    if numbered and _path_number_apart(url, page_url):
        return True  # /news/index/4, /news/index/8: CodeIgniter's offset in the path
    # Blogger and friends: "Older posts" pointing at a search with updated-max.
    return bool(_PAGE_TEXT.match(text) and marked)


def _path_number_apart(url: str, page_url: str) -> bool:
    """The same address but for its last path segment, a number (or one numeric segment
    added): /news/index -> /news/index/4 -> /news/index/8."""
    a, b = urlsplit(url), urlsplit(page_url)
    if (a.netloc.lower(), a.query) != (b.netloc.lower(), b.query):
        return False
    sa, sb = a.path.rstrip("/").split("/"), b.path.rstrip("/").split("/")
    if len(sa) == len(sb):
        return sa[:-1] == sb[:-1] and sa[-1].isdigit() and sb[-1].isdigit()
    longer, shorter = (sa, sb) if len(sa) > len(sb) else (sb, sa)
    return len(longer) == len(shorter) + 1 and longer[:-1] == shorter and longer[-1].isdigit()


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


def last_page(paging: list[str], page_url: str) -> str | None:
    """The paging link with the highest page number (limitstart, page, /page/N, ...)."""
    best, best_number = None, 0
    for url in paging:
        number = _page_number(url, page_url)
        if number > best_number:
            best, best_number = url, number
    return best


_ASCII_NUMBER = re.compile(r"[0-9]{1,9}")


def _page_number(url: str, page_url: str) -> int:
    parts, base = urlsplit(url), dict(parse_qsl(urlsplit(page_url).query))
    # ASCII digits only: str.isdigit() takes "²" or Thai digits, and int("²") raises.
    numbers = [
        int(value)
        for key, value in parse_qsl(parts.query)
        if _ASCII_NUMBER.fullmatch(value) and (key.lower() in PAGING_KEYS or base.get(key) != value)
    ]
    numbers += [int(n) for n in re.findall(r"/(?:page/|p)([0-9]{1,9})/?$", parts.path)]
    return max(numbers, default=0)


def _has_paging(url: str) -> bool:
    parts = urlsplit(url)
    keys = {k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    return bool(keys & PAGING_KEYS) or bool(PAGE_PATH.search(parts.path))


def _without_paging(url: str) -> str:
    parts = urlsplit(url)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in PAGING_KEYS
    ]
    path = PAGE_PATH.sub("/", parts.path)
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, urlencode(sorted(query)), ""))
