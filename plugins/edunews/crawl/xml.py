"""Forgiving XML parsing for feeds and sitemaps (government sites send broken XML)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from lxml import etree

from edunews.crawl.limits import GZIP_MAGIC, CorruptBody, TooLarge, Unsupported, gunzip_capped
from edunews.crawl.outcome import FetchOutcome

MAX_XML_BYTES = 10 * 1024 * 1024  # the HTTP client's body cap: a sitemap may inflate to it
_DOCTYPE = re.compile(rb"<!doctype", re.I)
_SUBSET_END = re.compile(rb"\]\s*>")


def parse_xml(body: bytes, max_bytes: int = MAX_XML_BYTES) -> etree._Element | None:
    """The document's root, or None when `body` is not XML (or broken gzip).

    A gzip body (sitemap.xml.gz, served as application/gzip without Content-Encoding) is
    inflated here under `max_bytes`: past it, FetchError too_large (a gzip bomb).
    """
    inflated = _inflated(body, max_bytes)
    if inflated is None:
        return None
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(without_doctype(inflated.strip()), parser)
    except etree.XMLSyntaxError:
        return None
    return root


class XmlStream:
    """A document read one child of the root at a time, each forgotten once passed.

    A parsed tree is ten times the URLs it holds (a 9 MB sitemap of 340,000 URLs is 160
    MB), and sources crawl side by side: six such sitemaps held 1.2 GB. Streamed, a sitemap
    costs its body. Same forgiving parser as `parse_xml`; FetchError too_large likewise.
    """

    def __init__(self, body: bytes, max_bytes: int = MAX_XML_BYTES) -> None:
        self.root_name = ""
        inflated = _inflated(body, max_bytes)
        if inflated is None:
            self._events: Iterator = iter(())
            return
        self._events = etree.iterparse(
            io.BytesIO(without_doctype(inflated.strip())),
            events=("start", "end"),
            recover=True,
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
        )
        try:
            for _, element in self._events:
                self.root_name = local_name(element)
                break
        except etree.XMLSyntaxError:
            self._events = iter(())

    def children(self) -> Iterator[etree._Element]:
        """The root's children, complete; each is emptied after the next is asked for."""
        depth = 1
        try:
            for event, element in self._events:
                if event == "start":
                    depth += 1
                    continue
                depth -= 1
                if depth == 1:
                    yield element
                    element.clear()
                    while element.getprevious() is not None:
                        del element.getparent()[0]
        except etree.XMLSyntaxError:
            return  # recovering parser: what was read so far is the document


def _inflated(body: bytes, max_bytes: int) -> bytes | None:
    """`body`, inflated when it is gzip (under `max_bytes`); None when broken gzip."""
    if body[:2] != GZIP_MAGIC:
        return body
    try:
        return gunzip_capped(body, max_bytes, "sitemap")
    except TooLarge as exc:
        from edunews.crawl.http import FetchError  # http imports nothing from here

        raise FetchError(FetchOutcome.TOO_LARGE, exc.reason) from exc
    except (CorruptBody, Unsupported):
        return None


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
