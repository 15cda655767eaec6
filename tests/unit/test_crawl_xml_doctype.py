"""Feeds and sitemaps with a DOCTYPE as the attack (issue 10's red team): a use of a nested
entity (billion laughs) stopped libxml2's parse there, every later item lost with it."""

from __future__ import annotations

import time

from edunews.crawl.feeds import feed_entries
from edunews.crawl.xml import parse_xml, without_doctype
from edunews_sim.testsites.farm_discovery import LAUGHS

DTD = LAUGHS.split("<urlset")[0]


def _items(title: str) -> str:
    return "".join(
        f"<item><title>{title}{i}</title><link>http://office.example/news/{i}</link></item>"
        for i in range(3)
    )


def test_every_item_after_an_entity_bomb_is_read():
    feed = f"{DTD}<rss><channel>{_items('ข่าว &lol9; ')}</channel></rss>"
    entries = feed_entries(feed.encode(), "http://office.example/")
    assert [url for url, _ in entries] == [f"http://office.example/news/{i}" for i in range(3)]


def test_external_entities_are_never_read():
    feed = f"{DTD}<rss><channel><item><link>&xxe;</link></item>{_items('x')}</channel></rss>"
    root = parse_xml(feed.encode())
    text = "".join(root.itertext())
    assert "root:" not in text


def test_doctype_forms():
    body = b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "x.dtd"><rss/>'
    assert without_doctype(body) == b'<?xml version="1.0"?><rss/>'
    body = b'<!doctype r [<!ENTITY a "<b>">\n] ><r/>'
    assert without_doctype(body) == b"<r/>"
    assert without_doctype(b"<!DOCTYPE r [<!ENTITY a 'x'>") == b""  # never closed
    assert without_doctype(b"<urlset/>") == b"<urlset/>"


def test_an_unclosed_subset_of_megabytes_is_one_pass():
    body = b"<!DOCTYPE r [" + b"<!ENTITY a '>'>" * 500_000
    started = time.monotonic()
    assert parse_xml(body) is None
    assert time.monotonic() - started < 10  # linear: milliseconds
