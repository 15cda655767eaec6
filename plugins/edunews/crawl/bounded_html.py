"""HTML the readers can parse in time linear in its size, whatever a site sends.

Three things made one page cost minutes or everything: pages nested thousands deep (every
step that looks at an element's ancestors or descendants turns quadratic; lxml's tree
parser, which trafilatura uses, silently drops the whole document beyond 255 levels), pages
of many megabytes, and characters the parsers mangle (a lone surrogate makes lxml raise;
a NUL in a tag breaks the tag). `readable_html` caps the size, cleans the characters and,
only for a page nested deeper than any real template, rebuilds it with its nesting bounded:
wrappers beyond `MAX_DEPTH` are dropped (their text stays where it was), while the
elements the readers look for (paragraphs, headings, list items, anything with a class or
an id) keep their tags for `HEADROOM` levels more.
"""

from __future__ import annotations

import re
from html import escape

from lxml import etree

from edunews.crawl.storable import storable

# More than any real page needs (templates nest 20-60 deep) and well inside lxml's 255.
MAX_DEPTH = 100
HEADROOM = 60
# Article pages are tens of kilobytes; a page of 10 MB (the fetch cap) is an archive or a
# data dump, and its first 3 million characters are as much of it as a reader needs.
MAX_PARSE_CHARS = 3_000_000
# Likewise elements: article pages have a few thousand; bs4 needs ~50 µs for each (and
# a reader walks them several times), so 30,000 are seconds at worst, a million half an hour.
MAX_ELEMENTS = 30_000

# What `without_bulk` drops from a page over MAX_PARSE_CHARS.
MAX_KEPT_SCRIPT = 100_000  # a JSON-LD block this long or shorter stays (dates are read there)
_BULK_START = re.compile(r"<(?:(script|style)\b|!--)", re.I)
_CLOSE = {name: re.compile(rf"</{name}\s*>", re.I) for name in ("script", "style")}
_COMMENT_END = re.compile("-->")
# data: URIs run to a quote, a space or ">"; a run of 1,000 is no link a reader follows.
_DATA_URI = re.compile(r"data:[^\"'\s>]{1000,}", re.I)

_JUNK = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)")
_VOID_NAMES = "area base br col embed hr img input link meta param source track wbr basefont"
_VOID = frozenset([*_VOID_NAMES.split(), "frame", "keygen"])
_RAW_TEXT = frozenset({"script", "style"})
# Elements the readers look for: kept in HEADROOM where plain wrappers are dropped.
_STRUCTURE_NAMES = (
    "p h1 h2 h3 h4 h5 h6 li dt dd tr td th br hr article main section header footer aside nav"
    " time blockquote pre figure figcaption title meta link script style form"
)
_STRUCTURE = frozenset(_STRUCTURE_NAMES.split())
_LABELS = ("class", "id", "itemprop", "property", "rel", "datetime")
_TAG_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9:_.-]*$")
_ATTRIBUTE_NAME = re.compile(r"^[^\s\"'<>/=]+$")


def readable_html(html: str, keep: frozenset[str] = frozenset()) -> str:
    """`html` capped at MAX_PARSE_CHARS, without the characters parsers mangle, nested at
    most MAX_DEPTH + HEADROOM deep and with at most MAX_ELEMENTS elements; the page itself
    (same object) when it was all that. Elements named in `keep` stay at any depth (within
    MAX_ELEMENTS): links wrapped 20,000 deep are still links to the explorer."""
    if len(html) > MAX_PARSE_CHARS:
        html = without_bulk(html)
    html = storable(html[:MAX_PARSE_CHARS])
    deepest, elements = _scan(html)
    if deepest <= MAX_DEPTH * 0.7 and elements <= MAX_ELEMENTS:
        return html
    return flatten(html, keep)


def without_bulk(html: str) -> str:
    """An oversized page without what holds no text a reader shows: the contents of its
    scripts and styles (JSON-LD under MAX_KEPT_SCRIPT kept), its comments, and data: URIs.

    Megabytes of those before the article (a 5 MB JSON-LD or inline bundle in <head>, a
    pasted base64 image) pushed the article past MAX_PARSE_CHARS: the page was cut before
    its text began. One pass, each block's end searched once: linear in the page.
    """
    out: list[str] = []
    at = 0
    for start in _BULK_START.finditer(html):
        if start.start() < at:
            continue  # inside a block already passed over
        out.append(_DATA_URI.sub("data:,", html[at : start.start()]))
        name = (start.group(1) or "").lower()
        closing = _COMMENT_END if not name else _CLOSE[name]
        end = closing.search(html, start.end())
        if end is None:  # never closed: the rest is the block's, as parsers read it
            at = len(html)
            break
        tag_end = html.find(">", start.end(), end.start())
        if not name:
            at = end.end()
            continue
        opening = html[start.start() : tag_end + 1] if tag_end >= 0 else start.group(0) + ">"
        inner = html[tag_end + 1 : end.start()] if tag_end >= 0 else ""
        keep = "ld+json" in opening.lower() and len(inner) <= MAX_KEPT_SCRIPT
        out.append(opening + (inner if keep else "") + end.group(0))
        at = end.end()
    out.append(_DATA_URI.sub("data:,", html[at:]))
    return "".join(out)


def looks_binary(text: str) -> bool:
    """Whether decoded "HTML" is binary junk (an image or archive served as text/html): more
    than a tenth of its start is control characters and undecodable bytes. A page with a
    few NULs in it is a page."""
    sample = text[:65_536]
    return len(_JUNK.findall(sample)) > len(sample) / 10


def _scan(html: str) -> tuple[int, int]:
    """Roughly how deep the page nests, and how many elements it has, in one regex pass.

    The depth is open minus closed tags of each name. Implicitly closed tags (<p>, <li>)
    make it high, never low by much (the parser's own additions, like <tbody>, are a few
    levels a table): a high one is checked by `flatten`."""
    open_by_name: dict[str, int] = {}
    depth = deepest = elements = 0
    for match in _TAG.finditer(html):
        name = match.group(2).lower()
        elements += not match.group(1)
        if name in _VOID:
            continue
        if match.group(1):
            if open_by_name.get(name, 0) > 0:  # a stray close tag closes nothing
                open_by_name[name] -= 1
                depth -= 1
        else:
            open_by_name[name] = open_by_name.get(name, 0) + 1
            depth += 1
            deepest = max(deepest, depth)
    return deepest, elements


def flatten(html: str, keep: frozenset[str] = frozenset()) -> str:
    """The page as libxml2's HTML parser reads it, with nesting beyond MAX_DEPTH and
    elements beyond MAX_ELEMENTS dropped (their text stays; see the module's doc); the page
    itself when it is not that deep or large after all.

    An event parser, not a tree: libxml2 resolves the implied and misnested tags, this
    keeps a counter and a stack of flags, so time and memory are linear in the page.
    """
    target = _Flattener(keep)
    parser = etree.HTMLParser(target=target, huge_tree=True, recover=True)
    try:
        parser.feed(html)
        parser.close()
    except (etree.LxmlError, ValueError):
        pass  # recovering parser: what was read so far is the page
    if target.deepest <= MAX_DEPTH and target.elements <= MAX_ELEMENTS:
        return html
    return "".join(target.out)


class _Flattener:
    """lxml parser target writing the HTML back out, deep wrappers left out."""

    def __init__(self, keep: frozenset[str] = frozenset()) -> None:
        self.always = keep  # names kept at any depth
        self.out: list[str] = []
        self.kept: list[bool] = []
        self.names: list[str] = []
        self.depth = 0  # of the elements kept
        self.deepest = 0  # of the page as sent
        self.elements = self.kept_elements = 0
        self.raw = 0  # inside a kept script or style: text as it is
        self.hidden = 0  # inside a dropped one: no text (as text it could be markup)

    def start(self, tag: object, attrib: dict) -> None:
        name = tag if isinstance(tag, str) else "div"
        self.names.append(name)
        self.deepest = max(self.deepest, len(self.names))
        self.elements += 1
        keep = (
            bool(_TAG_NAME.match(name))
            and self.kept_elements < MAX_ELEMENTS
            and (
                self.depth < MAX_DEPTH
                # Bounded still: 20,000 <a>s nested in each other are no 20,000 kept.
                or (name in self.always and self.depth < MAX_DEPTH + 2 * HEADROOM)
                or (
                    self.depth < MAX_DEPTH + HEADROOM
                    and (name in _STRUCTURE or any(label in attrib for label in _LABELS))
                )
            )
        )
        self.kept_elements += keep
        self.kept.append(keep)
        if name in _RAW_TEXT:
            if keep:
                self.raw += 1
            else:
                self.hidden += 1
        if keep:
            self.depth += 1
            attributes = "".join(
                f' {key}="{escape(value)}"'
                for key, value in attrib.items()
                if isinstance(key, str) and _ATTRIBUTE_NAME.match(key)
            )
            self.out.append(f"<{name}{attributes}>")

    def end(self, tag: object) -> None:
        if not self.kept:
            return
        name, kept = self.names.pop(), self.kept.pop()
        if name in _RAW_TEXT:
            if kept:
                self.raw -= 1
            else:
                self.hidden -= 1
        if kept:
            self.depth -= 1
            if name not in _VOID:
                self.out.append(f"</{name}>")

    def data(self, text: str) -> None:
        if not self.hidden:
            self.out.append(text if self.raw else escape(text, quote=False))

    def comment(self, text: str) -> None:
        pass  # nothing a reader wants, and "-->" inside one would need care

    def close(self) -> None:
        return None
