"""Plain text out of article HTML: paragraphs kept apart, markup and scripts dropped."""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup

_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "figcaption")
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment, one paragraph a line."""
    soup = BeautifulSoup(fragment or "", "lxml")
    for tag in soup(["script", "style", "noscript", "form"]):
        tag.decompose()
    for tag in soup.find_all(_BLOCKS):
        tag.insert_after("\n")
    lines = (_SPACES.sub(" ", line).strip() for line in soup.get_text().splitlines())
    return "\n".join(line for line in lines if line)


def unescape_title(rendered: str) -> str:
    return _SPACES.sub(" ", html.unescape(re.sub(r"<[^>]+>", "", rendered or ""))).strip()
