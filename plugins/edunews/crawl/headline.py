"""The article's heading on a page template nobody described, never the banner's site name.

Old Thai office templates put the office's name in an <h1> of the banner and the news
heading in an <h2>, <h3>, td.title or .contentheading below; <title> reads "Article - Site"
or "Site - Article". So: named article headings first (itemprop=headline, .entry-title,
.contentheading ...), then og:title, then the heading nearest before the main text; never
one in the banner, menus or sidebars, nor one whose text is the site name; last <title>
without its site-name part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

from edunews.crawl.html_text import unescape_title
from edunews.crawl.regions import is_article, is_banner, is_furniture, is_page_form, label

# Class/id words of an article heading in WordPress themes, Joomla 1.5-4, Blogger.
_NAMED = re.compile(
    r"entry-title|contentheading|post-title|article-title|news-title|node-title|headline|"
    r"title-news|newstitle|news_title|topic-title|post-heading",
    re.I,
)
# Named less surely: Drupal's node title is h1.page-title, but WordPress themes put the
# category's name in a page-title band above the post's own .entry-title.
_NAMED_LATE = re.compile(r"page-title|item-title", re.I)
# Words of elements custom PHP and table layouts put the heading in.
_PLAIN = re.compile(r"^(?:title|topic|subject|head|heading|news-?head|newshead)$", re.I)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4"})
_SKIP = frozenset({"script", "style", "noscript", "form", "select", "button", "template"})
# Body elements: where the main text starts when the template names it.
_BODY_WORDS = re.compile(
    r"entry-content|post-content|article-content|td-post-content|post-body|article-body|"
    r"articlebody|news-detail|news-content|field-item|itemfulltext|content-detail",
    re.I,
)
MAIN_TEXT_CHARS = 60  # a run of text this long outside headings and links: the body starts
MAX_CANDIDATES = 300  # headings looked at; a page of thousands is a listing or a trap
_TITLE_SPLIT = re.compile(r"\s+[-–—|»·:]{1,2}\s+|\s*\|\s*|:\s+")
# A part of <title> that is only an office's name (the site), not a news heading naming
# the office: "สพป.เชียงใหม่ เขต 1", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง". A name
# runs to 20 letters (provinces do): more is a heading that begins with the name.
_OFFICE_NAME = re.compile(
    r"(?:สำนักงานเขตพื้นที่การศึกษา(?:ประถมศึกษา|มัธยมศึกษา)?|สพป\.?|สพม\.?|สพท\.?|สพฐ\.?|"
    r"โรงเรียน)\s*[\u0e00-\u0e7f.]{0,20}(?:\s*เขต\s*\d+)?",
)


@dataclass
class _Candidate:
    order: int
    text: str
    named: int  # 2: surely an article heading by its name, 1: likely, 0: just a heading


@dataclass
class _Page:
    candidates: list[_Candidate] = field(default_factory=list)
    banner_texts: set[str] = field(default_factory=set)
    main_start: int | None = None


def page_title(soup: BeautifulSoup) -> str:
    """The article's heading (see the module's notes), or ""."""
    page = _walk(soup)
    raw_title = unescape_title(soup.title.string) if soup.title and soup.title.string else ""
    site = _site_names(soup, page, raw_title)
    usable = [c for c in page.candidates if _key(c.text) not in site]
    for rank in (2, 1):
        named = [c for c in usable if c.named == rank]
        if named:
            return named[0].text
    og = _og_title(soup, site)
    if og:
        return og
    if usable:
        parts = [_key(p) for p in _title_parts(raw_title) if _key(p) not in site]
        in_title = [c for c in usable if _in_title(_key(c.text), [*parts, _key(raw_title)])]
        return _nearest_before_main(in_title or usable, page.main_start).text
    return _title_without_site(raw_title, site)


def _walk(soup: BeautifulSoup) -> _Page:
    """One walk down the page carrying each element's region: headings outside banners
    and furniture, the banner's texts, and where the main text starts."""
    page = _Page()
    root = soup.body or soup
    # (node, in banner, in furniture, in article, in a heading or link)
    stack: list[tuple[object, bool, bool, bool, bool]] = [
        (child, False, False, False, False) for child in reversed(root.contents)
    ]
    order = 0
    while stack:
        node, banner, furniture, article, quiet = stack.pop()
        order += 1
        if isinstance(node, NavigableString):
            outside = not (banner or furniture or quiet)
            if page.main_start is None and outside and len(node.strip()) >= MAIN_TEXT_CHARS:
                page.main_start = order
            continue
        if not isinstance(node, Tag) or (node.name in _SKIP and not is_page_form(node)):
            continue
        article = article or is_article(node)
        banner = banner or (not furniture and is_banner(node, article))
        furniture = furniture or is_furniture(node)
        words = label(node)
        heading = _is_heading(node, words)
        if heading and len(page.candidates) < MAX_CANDIDATES:
            text = _short_text(node)
            if text and (banner or _links_home(node)):
                page.banner_texts.add(_key(text))
            elif text and not furniture and len(text) <= 500:
                page.candidates.append(_Candidate(order, text, _named(node, words)))
        if banner and node.name == "img" and node.get("alt"):
            page.banner_texts.add(_key(str(node["alt"])))
        if page.main_start is None and not (banner or furniture) and _body_named(node, words):
            page.main_start = order
        inner = quiet or heading or node.name == "a"
        stack.extend((kid, banner, furniture, article, inner) for kid in reversed(node.contents))
    return page


def _in_title(heading: str, parts: list[str]) -> bool:
    """The heading is a part of <title>, or one is the other cut short ("..." or a
    length limit of the template's)."""
    for part in parts:
        short, long = sorted((heading.rstrip(". …"), part.rstrip(". …")), key=len)
        if short == long or (len(short) >= 20 and long.startswith(short)):
            return True
    return False


_HOME = re.compile(r"(?:https?://[^/?#]+)?(?:/|\./|/?index\.(?:php|html?|aspx?)|/?home)?")


def _links_home(node: Tag) -> bool:
    """A heading whose link goes to the home page names the site ("<h1><a href="/">...")."""
    if node.name not in _HEADINGS:
        return False
    link = node.find("a", href=True)
    return link is not None and bool(_HOME.fullmatch(str(link["href"]).strip()))


def _is_heading(node: Tag, words: str) -> bool:
    if node.name in _HEADINGS or _named(node, words):
        return True
    return any(_PLAIN.match(w) for w in words.split())


def _named(node: Tag, words: str) -> int:
    if node.get("itemprop") == "headline" or _NAMED.search(words):
        return 2
    return 1 if _NAMED_LATE.search(words) else 0


def _body_named(node: Tag, words: str) -> bool:
    return node.get("itemprop") == "articleBody" or bool(_BODY_WORDS.search(words))


def _short_text(node: Tag, limit: int = 1000, nodes: int = 500) -> str:
    """The element's text, "" past `limit` characters or `nodes` nodes: a "title" class on
    a wrapper of the whole page is no heading, and must not cost a walk of the page for
    each such wrapper nested in it."""
    parts: list[str] = []
    size = 0
    for count, child in enumerate(node.descendants):
        if count > nodes:
            return ""
        if type(child) is NavigableString and child.strip():
            parts.append(child.strip())
            size += len(parts[-1]) + 1
            if size > limit:
                return ""
    return unescape_title(" ".join(parts))


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _title_parts(title: str) -> list[str]:
    return [part.strip() for part in _TITLE_SPLIT.split(title) if part.strip()]


def _site_names(soup: BeautifulSoup, page: _Page, title: str) -> set[str]:
    """Texts that name the site, not an article: og:site_name, the banner's headings and
    logo text, a <title> part that is only an office's name, and with a two-part <title>
    whose other part is a heading of the page (and neither is known), the part that is
    not."""
    names = set(page.banner_texts)
    meta = soup.find("meta", property="og:site_name") or soup.find(
        "meta", attrs={"name": "application-name"}
    )
    if meta and str(meta.get("content") or "").strip():
        names.add(_key(str(meta["content"])))
    parts = _title_parts(title)
    for part in parts:
        if _OFFICE_NAME.fullmatch(part.strip()):
            names.add(_key(part))
    if len(parts) == 2 and not any(_key(p) in names for p in parts):
        headings = {_key(c.text) for c in page.candidates}
        first, second = (_key(p) for p in parts)
        if first in headings and second not in headings:
            names.add(second)
        elif second in headings and first not in headings:
            names.add(first)
    names.discard("")
    return names


def _og_title(soup: BeautifulSoup, site: set[str]) -> str:
    og = soup.find("meta", property="og:title")
    content = str(og.get("content") or "") if og else ""
    if not content.strip():
        return ""
    title = unescape_title(content)
    return "" if _key(title) in site else _title_without_site(title, site, cut_last=False)


def _nearest_before_main(candidates: list[_Candidate], main_start: int | None) -> _Candidate:
    if main_start is None:
        return candidates[0]
    before = [c for c in candidates if c.order < main_start]
    return before[-1] if before else candidates[0]


_LAST_PART = re.compile(r"\s+[–—|\-»]\s+[^–—|\-»]+$")


def _title_without_site(title: str, site: set[str], cut_last: bool = True) -> str:
    """`title` without the parts that name the site; with none known, without its last
    " - part" (the usual "Article - Site" order) when `cut_last`."""
    parts = _title_parts(title)
    if len(parts) > 1:
        kept = [p for p in parts if _key(p) not in site]
        if kept and len(kept) < len(parts):
            return title[title.find(kept[0]) : title.rfind(kept[-1]) + len(kept[-1])]
    if len(parts) == 1 and _key(title) in site:
        return title  # a page titled only with the site's name: nothing better is said
    return _LAST_PART.sub("", title) if cut_last else title
