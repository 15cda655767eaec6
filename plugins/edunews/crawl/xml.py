"""Forgiving XML parsing for feeds and sitemaps (government sites send broken XML)."""

from __future__ import annotations

from lxml import etree

from edunews.crawl.limits import GZIP_MAGIC, CorruptBody, TooLarge, Unsupported, gunzip_capped

MAX_XML_BYTES = 10 * 1024 * 1024  # the HTTP client's body cap: a sitemap may inflate to it


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
        root = etree.fromstring(body.strip(), parser)
    except etree.XMLSyntaxError:
        return None
    return root


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
