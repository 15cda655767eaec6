"""Discovery parsing: feeds, sitemaps, listing links, REST endpoints; the registry file."""

from __future__ import annotations

import csv
import re
from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup

from edunews.config import shared_dir
from edunews.crawl.feeds import feed_entries
from edunews.crawl.listing import DEFAULT_LINK_PATTERN, article_links, next_page
from edunews.crawl.wordpress import posts_endpoints
from edunews.sources import load_sources


def test_rss_and_atom_entries():
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>a</title>'
        b"<link>/news/1</link><pubDate>Wed, 18 Oct 2023 02:00:00 GMT</pubDate></item>"
        b"</channel></rss>"
    )
    assert feed_entries(rss, "http://s.test/") == [
        ("http://s.test/news/1", datetime(2023, 10, 18, 2, tzinfo=UTC))
    ]
    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" '
        b'href="http://s.test/a"/><updated>2023-10-18T09:00:00+07:00</updated></entry></feed>'
    )
    [(url, when)] = feed_entries(atom, "http://s.test/")
    assert url == "http://s.test/a" and when.astimezone(UTC).hour == 2
    assert feed_entries(b"<html><body>no feed</body></html>", "http://s.test/") is None


def test_broken_feed_xml_is_read_as_far_as_it_goes():
    rss = b'<rss version="2.0"><channel><item><link>http://s.test/1</link></item><item><link>'
    assert [u for u, _ in feed_entries(rss, "http://s.test/")] == ["http://s.test/1"]


def test_listing_links_and_next_page():
    html = """
    <a href="/index.php?option=com_content&view=article&id=5&catid=9">ข่าว 5</a>
    <a href="/index.php?option=com_content&view=category&id=9&limitstart=5">ถัดไป</a>
    <a href="/2566/10/18/meeting/">ข่าว</a> <a href="/?p=12">p</a> <a href="/images/a.jpg">x</a>
    <a href="http://other.test/?p=3">off</a> <a href="/tag/news/">tag</a>
    """
    soup = BeautifulSoup(html, "lxml")
    links = article_links(soup, "http://s.test/", re.compile(DEFAULT_LINK_PATTERN), {"s.test"})
    assert links == [
        "http://s.test/index.php?option=com_content&view=article&id=5&catid=9",
        "http://s.test/2566/10/18/meeting/",
        "http://s.test/?p=12",
    ]
    assert next_page(soup, "http://s.test/").endswith("limitstart=5")


def test_rest_endpoints_pretty_and_plain():
    assert posts_endpoints("http://s.test/2567") == [
        "http://s.test/2567/wp-json/wp/v2/posts",
        "http://s.test/2567/?rest_route=/wp/v2/posts",
    ]
    assert posts_endpoints("http://s.test/", "http://s.test/?rest_route=/") == [
        "http://s.test/?rest_route=/wp/v2/posts"
    ]


def test_the_registry_file_lists_every_office_with_a_website():
    sources = load_sources()
    ids = [s.id for s in sources]
    assert len(ids) == len(set(ids)) >= 200
    assert "obec" in ids
    for source in sources:
        assert source.kind == "auto"
        assert all(u.startswith(("http://", "https://")) for u in source.start_urls)
        assert source.office.get("kind") in ("spp", "spm", "obec")
    by_id = {s.id: s for s in sources}
    # newer domain where one was seen, with its folder
    assert by_id["kan1"].start_urls == ("https://www.kan1.go.th/sppkan1/",)


def test_robots_rules_follow_rfc_9309():
    from edunews.crawl.robots import parse_robots, rules_for_status

    rules = parse_robots("User-agent: *\nDisallow: /private/\nCrawl-delay: 5\nSitemap: /s.xml\n")
    assert not rules.allowed("http://s.test/private/a", "edunews")
    assert rules.allowed("http://s.test/news/1", "edunews")
    assert rules.crawl_delay("edunews") == 5.0
    assert rules.sitemaps() == ["/s.xml"]
    assert rules_for_status(404, "").allowed("http://s.test/private/a", "edunews")
    unavailable = rules_for_status(503, "")
    assert not unavailable.allowed("http://s.test/news/1", "edunews")
    assert "503" in unavailable.why


ESA_OFFICES = shared_dir() / "reference" / "esa_offices.csv"


@pytest.mark.skipif(not ESA_OFFICES.exists(), reason="shared reference data absent")
def test_the_registry_holds_each_office_of_the_reference_list_that_has_a_website():
    with ESA_OFFICES.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with_site = {r["name"] for r in rows if r["website_2018"].strip() or r["domains_seen"].strip()}
    offices = {s.name for s in load_sources() if s.office.get("kind") != "obec"}
    assert offices == with_site
    assert len(load_sources()) == len(with_site) + 1  # and obec.go.th


def test_a_feed_or_listing_that_fails_is_reported_and_an_unchanged_one_is_quiet():
    """Feeds and HTML listings read their pages alike (discovery.fetch_listing): an error
    status is the listing's failure, named; a 304 is nothing new and no failure."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from edunews.crawl import feeds, listing
    from edunews.crawl.discovery import Context, ListingFailure
    from edunews.crawl.http import HttpClient, Validators

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            self.send_response(304 if self.headers.get("If-None-Match") else 404)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    client = HttpClient(allow_private_network=True, interval=0.0, respect_robots=False)
    try:
        for discover, name in ((feeds.discover, "feed"), (listing.discover, "listing")):
            [failure] = list(discover(Context(client), base))
            assert isinstance(failure, ListingFailure)
            assert failure.error.outcome == "http_error" and failure.error.status == 404
            assert failure.error.reason == f"{name} answered HTTP 404"
            known = Context(client, validators=lambda url: Validators(etag='"1"'))
            assert list(discover(known, base)) == []
    finally:
        server.shutdown()
