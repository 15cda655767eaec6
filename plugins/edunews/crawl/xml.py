"""Forgiving XML parsing for feeds and sitemaps (government sites send broken XML)."""

from __future__ import annotations

import re

from lxml import etree

from edunews.crawl.limits import GZIP_MAGIC, CorruptBody, TooLarge, Unsupported, gunzip_capped

MAX_XML_BYTES = 10 * 1024 * 1024  # the HTTP client's body cap: a sitemap may inflate to it
_DOCTYPE = re.compile(rb"<!doctype", re.I)
_SUBSET_END = re.compile(rb"\]\s*>")


def parse_xml(body: bytes, max_bytes: int = MAX_XML_BYTES) -> etree._Element | None:
    """The document's root, or None when `body` is not XML (or broken gzip).

    A gzip body (sitemap.xml.gz, served as application/gzip without Content-Encoding) is
    inflated here under `max_bytes`: past it, FetchError too_large (a gzip bomb).
    """
    if body[:2] == GZIP_MAGIC:
        try:
            body = gunzip_capped(body, max_bytes, "sitemap")
        except TooLarge as exc:
            from edunews.crawl.http import FetchError  # http imports nothing from here

            raise FetchError("too_large", exc.reason) from exc
        except (CorruptBody, Unsupported):
            return None
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(without_doctype(body.strip()), parser)
    except etree.XMLSyntaxError:
        return None
    return root


def without_doctype(body: bytes) -> bytes:
    """`body` without its DOCTYPE and the entities it declares: feeds and sitemaps need none.

    Entities are never expanded here, but libxml2 still measures their expansion: a use of
    a nested one (billion laughs) stopped the parse there, and every item after it was lost
    (a feed's good items with it). Undeclared, a reference is read as an unknown one (as
    `&nbsp;` in a feed is).
    """
    start = _DOCTYPE.search(body, 0, 4096)
    if start is None:
        return body
    close = body.find(b">", start.end())
    bracket = body.find(b"[", start.end(), close if close >= 0 else len(body))
    if bracket >= 0:  # an internal subset: it ends at "]>", whatever ">" it holds
        end = _SUBSET_END.search(body, bracket)
        close = end.end() - 1 if end else -1
    if close < 0:
        return body[: start.start()]  # the rest is all DOCTYPE: no document
    return body[: start.start()] + body[close + 1 :]


def local_name(element: etree._Element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1].lower()


def children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if local_name(child) == name]


def child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if local_name(child) == name:
            return (child.text or "").strip() or child.get("href")
    return None
