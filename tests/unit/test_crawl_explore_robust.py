"""Exploring survives hostile pages: odd paging values, pages nested thousands deep with
hundreds of links, a learned state that only grew, and a probe of a site that breaks."""

from __future__ import annotations

import time

from edunews.crawl import explore, probe
from edunews.crawl.discovery import Context, Found
from edunews.crawl.http import HttpClient
from edunews.crawl.learned import MAX_LISTINGS, Learned
from edunews.crawl.links import last_page
from edunews_sim.testsites import Reply, serve
from edunews_sim.testsites.shapes_common import build
from helpers.crawling import explore_walk


def _paths(urls) -> set[str]:
    return {"/" + url.split("/", 3)[3] for url in urls}


# Item: paging values that are digits to str.isdigit() but not to int() ----------------------


def test_paging_numbers_that_are_not_ascii_digits_do_not_abort_discovery():
    page = "http://s.test/news.php?page=1"
    paging = [
        "http://s.test/news.php?page=%C2%B2",  # "²": isdigit(), int() raises
        "http://s.test/news.php?page=" + "9" * 5000,  # past int()'s digit limit
        "http://s.test/news.php?page=3",
    ]
    assert last_page(paging, page) == "http://s.test/news.php?page=3"


# Item: pages nested 20,000 deep with 500 anchors -------------------------------------------


class _DeepPages:
    """Every page of a zoo site wrapped in 20,000 nested <div>s, 500 more anchors inside
    (thumbnails: text in them would be read as the page's own text once flattened)."""

    DEPTH = 20_000

    def __init__(self) -> None:
        self.site = build("php-news", 8)
        anchors = "".join(
            f'<a href="#photo-{i}"><img src="/images/t{i}.jpg" alt=""></a>' for i in range(500)
        )
        self.open = ("<div>" * self.DEPTH + anchors).encode()
        self.close = ("</div>" * self.DEPTH).encode()

    def handle(self, request):
        reply = self.site.handle(request)
        if reply.status == 200 and b"<body>" in reply.body:
            body = reply.body.replace(b"<body>", b"<body>" + self.open, 1)
            reply.body = body.replace(b"</body>", self.close + b"</body>", 1)
            reply.headers.pop("Content-Length", None)
        return reply


def test_pages_nested_thousands_deep_with_hundreds_of_links_are_explored():
    site = _DeepPages()
    started = time.monotonic()
    found, failures, _, _ = explore_walk(site, read_timeout=10)
    took = time.monotonic() - started
    with serve(site) as served:
        truth = _paths(site.site.truth(served.url))
    assert failures == []
    # Every article; no listing page taken for one. (A photo album whose whole layout is
    # beyond the depth cap reads as a short article: its menu is text then, see report.)
    assert truth <= _paths(found)
    assert not [p for p in _paths(found) if "page=" in p or p in ("/", "/about.php")]
    assert took < 60  # "finishes at all": unbounded, it ran for many minutes


# Item: learned listings are capped, and reading them counts against the limit ------------


def test_learned_listings_are_capped_keeping_the_productive_ones():
    learned = Learned()
    for i in range(30):
        learned.learn_listing(f"http://s.test/list/{i}")
    assert len(learned.listings) == MAX_LISTINGS
    assert "http://s.test/list/29" in learned.listings  # the newest kept
    learned.listing_productive("http://s.test/list/10")
    for i in range(30, 49):
        learned.learn_listing(f"http://s.test/list/{i}")
    assert "http://s.test/list/10" in learned.listings  # productive: kept
    assert "http://s.test/list/11" not in learned.listings
    old = {"listings": [f"http://s.test/list/{i}" for i in range(500)], "shapes": []}
    assert len(Learned.from_json(old).listings) == MAX_LISTINGS


class _ManyListings:
    """Every /list/N lists five articles /news.php?id=..."""

    def handle(self, request):
        if request.path.startswith("/list/"):
            n = int(request.path.rsplit("/", 1)[1])
            rows = "".join(
                f'<li><a href="/news.php?id={n * 10 + i}">ข่าวประชาสัมพันธ์เรื่องที่ {n}-{i}</a>'
                for i in range(5)
            )
            return Reply.html(f"<html><body><h1>ข่าว</h1><ul>{rows}</ul></body></html>")
        return Reply.not_found()


def test_reading_learned_listings_counts_against_the_discovery_limit():
    with serve(_ManyListings()) as served:
        # A state saved by an older version: 300 listings, all read every night.
        learned = Learned.from_json(
            {"listings": [f"{served.url}list/{i}" for i in range(300)], "shapes": []}
        )
        learned.learn_shape(f"{served.url}news.php?id=6")
        ctx = Context(
            HttpClient(allow_private_network=True, interval=0.0, read_timeout=5),
            settings={"learned": learned, "max_discovery_pages": 8},
        )
        found = [i for i in explore.read_learned(ctx, served.url) if isinstance(i, Found)]
        roots_read = [t for t in served.hits if t.startswith("/list/")]
    assert len(roots_read) <= 8
    assert len(found) >= 5 * len(roots_read) > 0


# Item: the probe's hosts, time budget and unreadable samples -------------------------------


def test_the_probe_may_fetch_from_the_www_twin_like_a_crawl():
    client = probe.probe_client("http://office.example.test/news/")
    assert {"office.example.test", "www.office.example.test"} <= client.allowed_hosts


class _SlowMaze:
    """Every page answers after a second and links to ten new news-looking pages."""

    def handle(self, request):
        n = int(request.arg("n", "0") or 0)
        links = "".join(
            f'<li><a href="/news/list.php?n={n * 10 + i + 1}">ข่าวประชาสัมพันธ์ หมวดที่ {i}</a>'
            for i in range(10)
        )
        reply = Reply.html(f"<html><body><h1>ข่าว</h1><ul>{links}</ul></body></html>")
        reply.delay = 1.0
        return reply


def test_a_probe_of_a_slow_endless_site_stops_at_its_time_budget():
    with serve(_SlowMaze()) as served:
        started = time.monotonic()
        result = probe.probe(served.url, allow_private_network=True, rate=0, max_seconds=3)
        took = time.monotonic() - started
    assert not result.ok
    assert any(f.startswith("over_budget") for f in result.failures), result.failures
    assert took < 30  # "finishes at all": the budget, not the site, ends the probe
