"""Forgiving XML parsing for feeds and sitemaps (government sites send broken XML)."""

from __future__ import annotations

import gzip

from lxml import etree


def parse_xml(body: bytes) -> etree._Element | None:
    if body[:2] == b"\x1f\x8b":
        body = gzip.decompress(body)  # sitemap.xml.gz
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
