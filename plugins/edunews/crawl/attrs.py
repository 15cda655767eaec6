"""A parsed tag's attributes as plain strings.

BeautifulSoup gives the multi-valued attributes (class, rel, headers ...) as lists and the
others as strings, and types every value as either; the crawler reads both kinds as text.
"""

from __future__ import annotations

from bs4 import Tag


def attr(tag: Tag, name: str) -> str:
    """The attribute's value, a list's items joined by spaces; "" when the tag has none."""
    value = tag.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def attr_words(tag: Tag, name: str) -> list[str]:
    """The attribute's space-separated words (a class or rel list), lower-cased."""
    return attr(tag, name).lower().split()
