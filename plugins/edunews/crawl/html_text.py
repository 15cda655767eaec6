"""Plain text out of article HTML: paragraphs kept apart, markup and scripts dropped."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from bs4 import BeautifulSoup, CData, NavigableString, PageElement, Tag

from edunews.crawl.bounded_html import readable_html
from edunews.crawl.storable import storable

_BLOCKS = frozenset(
    ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "figcaption")
)
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")
_TAGS = re.compile(r"<[^>]+>")
MAX_TITLE_CHARS = 1000  # Thai news titles run to 300
_NOT_TEXT = frozenset({"script", "style", "noscript", "form"})
_TEXT_TYPES = (NavigableString, CData)


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment, one paragraph a line; storable, and in time
    linear in the fragment however it nests (a REST post's content is any HTML too)."""
    return soup_text(BeautifulSoup(readable_html(fragment or ""), "lxml"))


def soup_text(soup: Tag) -> str:
    """`html_to_text` of a parsed fragment (which loses its scripts, styles and forms)."""
    prune(soup, lambda tag: tag.name in _NOT_TEXT)
    lines = (_SPACES.sub(" ", line).strip() for line in _text_with_breaks(soup).splitlines())
    return storable("\n".join(line for line in lines if line))


def text_without(root: Tag, skip: Callable[[Tag], bool]) -> str:
    """`soup_text` of `root` leaving out the elements `skip` picks, without copying or
    changing the soup (other readers still look at the whole page after this one)."""
    text = _text_with_breaks(root, skip)
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return storable("\n".join(line for line in lines if line))


def _text_with_breaks(root: Tag, skip: Callable[[Tag], bool] | None = None) -> str:
    """`root.get_text()` with a line break after every block element, in one walk.

    (Inserting the breaks into the soup, `tag.insert_after("\\n")`, looks the tag up in
    its parent's list each time: 40,000 sibling paragraphs took 70 s.)
    """
    out: list[str] = []
    stack: list[PageElement | None] = list(reversed(root.contents))
    while stack:
        node = stack.pop()
        if node is None:  # the end of a block element
            out.append("\n")
        elif isinstance(node, Tag):
            if skip is not None and skip(node):
                continue
            if node.name in _BLOCKS:  # a break before and after: "date<div>text" is 2 lines
                out.append("\n")
                stack.append(None)
            stack.extend(reversed(node.contents))
        # What get_text() reads: no comments, no doctype (subclasses of NavigableString).
        elif isinstance(node, NavigableString) and type(node) in _TEXT_TYPES:
            out.append(node)
    return "".join(out)


def unescape_title(rendered: str) -> str:
    """A title as text: tags dropped, entities read, spaces collapsed, storable, and at
    most MAX_TITLE_CHARS long (a page's "title" of megabytes is no title)."""
    text = html.unescape(_TAGS.sub("", (rendered or "")[: MAX_TITLE_CHARS * 20]))
    return storable(_SPACES.sub(" ", text).strip()[:MAX_TITLE_CHARS])


def strings(root: Tag, skip: Callable[[Tag], bool]) -> list[str]:
    """The text nodes under `root` that `get_text()` would read, in order, leaving out the
    elements `skip` picks and all inside them; one walk, nothing copied or changed."""
    found: list[str] = []
    stack: list[PageElement] = list(reversed(root.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, Tag):
            if not skip(node):
                stack.extend(reversed(node.contents))
        elif isinstance(node, NavigableString) and type(node) in _TEXT_TYPES:
            found.append(node)
    return found


def prune(root: Tag, doomed: Callable[[Tag], bool]) -> None:
    """Decompose the outermost elements under `root` that `doomed` picks.

    Each element is looked at once and removed subtrees are not entered: bs4's own
    `tag.decomposed`, asked of every element, searches the element's descendants (it falls
    through to `find`) and made 8,000 nested divs cost a minute.
    """
    chosen: list[Tag] = []
    stack = list(reversed(root.contents))
    while stack:
        node = stack.pop()
        if not isinstance(node, Tag):
            continue
        if doomed(node):
            chosen.append(node)
        else:
            stack.extend(reversed(node.contents))
    for tag in chosen:
        tag.decompose()
