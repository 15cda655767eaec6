"""One reading of "is this URL on the source's site" (urls.on_site, foreign_host, sites_of),
as the run, the lander, the explorer and the HTML listings all ask it: what is compared is
what a request would reach."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from edunews.crawl.explore import Explorer
from edunews.crawl.learned import Learned
from edunews.crawl.listing import DEFAULT_LINK_PATTERN, article_links
from edunews.crawl.urls import foreign_host, on_site, sites_of, www_twin
from edunews.sources import Source

SITES = sites_of("https://cmarea3.go.th/")


@pytest.mark.parametrize(
    ("url", "on"),
    [
        # Scheme: http and https of one host are one site; nothing else is a web page.
        ("http://cmarea3.go.th/news/1", True),
        ("https://cmarea3.go.th/news/1", True),
        ("ftp://cmarea3.go.th/news/1", False),
        ("javascript:alert(1)", False),
        ("mailto:office@cmarea3.go.th", False),
        ("//cmarea3.go.th/news/1", False),  # not absolute: resolve it first
        # www.: the twin both ways; a subdomain is another site.
        ("https://www.cmarea3.go.th/news/1", True),
        ("https://www.www.cmarea3.go.th/news/1", False),
        ("https://news.cmarea3.go.th/1", False),
        ("https://cmarea3.go.th.evil.example/1", False),
        # Ports: the default one is no port; another one is another site.
        ("https://cmarea3.go.th:443/news/1", True),
        ("http://cmarea3.go.th:80/news/1", True),
        ("http://cmarea3.go.th:8080/news/1", False),
        ("http://cmarea3.go.th:99999/", False),  # refused by the parser: foreign
        # Spellings of one host: case, a trailing dot, percent-escapes.
        ("HTTP://CMAREA3.GO.TH/news/1", True),
        ("http://cmarea3.go.th./news/1", True),
        ("http://cmarea%33.go.th/news/1", True),
        # Read as a browser reads it: the host is evil.example, not the office.
        ("http://evil.example\\@cmarea3.go.th/", False),
        ("http://user@cmarea3.go.th/", False),  # userinfo is refused outright
        ("", False),
    ],
)
def test_on_site_reads_a_url_as_a_request_would(url, on):
    assert on_site(url, SITES) is on


def test_idn_hosts_are_one_site_however_written():
    unicode_sites = sites_of("http://สพป.ไทย/")
    assert unicode_sites == {"xn--s3cf9a.xn--o3cw4h", "www.xn--s3cf9a.xn--o3cw4h"}
    assert on_site("http://xn--s3cf9a.xn--o3cw4h/ข่าว/1", unicode_sites)
    assert on_site("http://www.สพป.ไทย/ข่าว/1", sites_of("http://xn--s3cf9a.xn--o3cw4h/"))


def test_ip_addresses_have_no_twin_and_are_read_in_any_spelling():
    sites = sites_of("http://127.0.0.1:8001/")
    assert sites == {"127.0.0.1:8001"}
    assert on_site("http://2130706433:8001/a", sites)
    assert on_site("http://0x7f.0.0.1:8001/a", sites)
    assert not on_site("http://www.127.0.0.1:8001/a", sites)
    assert foreign_host("http://127.0.0.1:8002/a", sites) == "127.0.0.1:8002"
    assert sites_of("http://[::1]:8080/") == {"[::1]:8080"}
    assert sites_of("http://[::1]/") == {"[::1]"}


def test_the_www_twin():
    assert www_twin("cmarea3.go.th") == "www.cmarea3.go.th"
    assert www_twin("www.cmarea3.go.th") == "cmarea3.go.th"
    assert www_twin("localhost") is None  # one label: no twin (www.localhost is elsewhere)
    assert www_twin("10.0.0.1") is None
    assert sites_of("http://www.x.test:8080/") == {"www.x.test:8080", "x.test:8080"}


def test_no_sites_means_every_url_is_foreign_and_no_url_is_none():
    assert foreign_host("http://cmarea3.go.th/", ()) == "cmarea3.go.th"
    assert foreign_host(None, SITES) is None  # nothing to judge (no canonical link)
    assert not on_site("http://cmarea3.go.th/", ())
    assert sites_of("not a url") == frozenset()


def test_site_entries_are_read_like_urls():
    """Source.sites and extra_hosts name sites as "host" or "host:port", in any spelling."""
    assert on_site("http://xn--s3cf9a.xn--o3cw4h/", {"สพป.ไทย"})
    assert on_site("http://cdn.cmarea3.go.th/", {"CDN.cmarea3.go.th"})
    assert not on_site("http://x.test/", {"x.test:notaport"})


def test_the_registry_and_the_url_reader_agree_on_a_sources_sites():
    source = Source(
        id="s",
        name="s",
        kind="auto",
        start_urls=("https://www.cmarea3.go.th/", "http://a.test:81/"),
    )
    for url in ("https://cmarea3.go.th/1", "https://www.cmarea3.go.th/1", "http://www.a.test:81/"):
        assert on_site(url, source.sites)
    assert not on_site("http://a.test/", source.sites)
    assert {"cmarea3.go.th", "www.cmarea3.go.th", "a.test", "www.a.test"} == source.hosts


def _explorer(base: str) -> Explorer:
    return Explorer(ctx=None, base_url=base, learned=Learned())  # type: ignore[arg-type]


def test_the_explorer_keeps_to_the_same_site():
    explorer = _explorer("http://s.test:8001/")
    assert explorer.in_site("http://www.s.test:8001/news.php")
    # Another port of the host was walked once; its articles were then refused as another
    # site's by the run. The explorer now stops where the run would.
    assert not explorer.in_site("http://s.test:8002/news.php")
    # urlsplit read this host as s.test; a request goes to evil.example.
    assert not explorer.in_site("http://evil.example\\@s.test:8001/")


def test_an_html_listing_takes_the_articles_of_its_www_twin():
    html = '<a href="http://www.s.test/?p=1">a</a> <a href="http://other.test/?p=2">b</a>'
    links = article_links(
        BeautifulSoup(html, "lxml"),
        "http://s.test/",
        re.compile(DEFAULT_LINK_PATTERN),
        sites_of("http://s.test/"),
    )
    assert links == ["http://www.s.test/?p=1"]
