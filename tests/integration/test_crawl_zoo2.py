"""`auto` on eight more office-site shapes written to red-team it (testsites/shapes_unseen.py): each
its own application (Maxsite, ASP.NET, Drupal, sub-folders, Bootstrap cards, iframes, a
WordPress with Thai post names and REST and feed closed, an English Joomla 4). Every
article found, nothing else landed, titles and dates right; the next night reads the
learned listings, not the site again; the read-only probe finds what the crawl finds."""

from __future__ import annotations

import pytest

from edunews.crawl.http import HttpClient
from edunews.crawl.probe import probe
from edunews.crawl.run import crawl_source
from edunews.sources import Source
from edunews.thai_calendar import BANGKOK
from edunews.warehouse import connect
from edunews_sim.testsites import serve
from edunews_sim.testsites.shapes_unseen import ZOO2, build
from helpers.crawling import site_client
from helpers.raw import landed_titles

SHAPES = list(ZOO2)


def client(hosts) -> HttpClient:
    return site_client(hosts, read_timeout=5.0)


def learned_listings(source_id: str) -> list[str]:
    with connect() as conn:
        row = conn.execute(
            "select learned from raw.source_learned where source_id = %s"
            " order by learned_id desc limit 1",
            (source_id,),
        ).fetchone()
    return row[0]["listings"] if row else []


@pytest.mark.parametrize("shape", SHAPES)
def test_every_article_and_nothing_else(empty_raw, shape):
    site = build(shape, 14)
    with serve(site) as served:
        source = Source(id=shape, name=shape, kind="auto", start_urls=(served.url,))
        first = crawl_source(source, client=client(source.hosts))
        first_requests = sum(served.hits.values())
        served.hits.clear()
        second = crawl_source(source, client=client(source.hosts))
        second_requests = sum(served.hits.values())
        truth = site.truth(served.url)
    pages = landed_titles(shape)
    missed = set(truth) - set(pages)
    extra = set(pages) - set(truth)
    assert not missed and not extra, (sorted(missed), sorted(extra))
    assert first.new == 14 and first.failed == 0 and first.complete
    assert second.new == second.changed == second.failed == 0 and second.complete
    assert second_requests < first_requests / 2, "the second night explored the site again"
    # The news listings (and the home page, when it lists news) are remembered, not every
    # page that shows a latest-news box.
    assert len(learned_listings(shape)) <= 3


@pytest.mark.parametrize("shape", SHAPES)
def test_titles_and_dates(empty_raw, shape):
    site = build(shape, 14)
    with serve(site) as served:
        source = Source(id=shape, name=shape, kind="auto", start_urls=(served.url,))
        crawl_source(source, client=client(source.hosts))
        truth = site.truth(served.url)
    pages = landed_titles(shape)
    wrong = {}
    for url, (title, day) in truth.items():
        if url not in pages:
            continue
        got_title, published = pages[url]
        got_day = published.astimezone(BANGKOK).date() if published else None
        if (got_title, got_day) != (title, day):
            wrong[url] = (got_title, got_day, title, day)
    assert not wrong and len(pages) == len(truth), wrong


@pytest.mark.parametrize("shape", SHAPES)
def test_the_probe_finds_every_article(shape):
    site = build(shape, 14)
    with serve(site) as served:
        result = probe(served.url, allow_private_network=True, client=client({"127.0.0.1"}))
        truth = site.truth(served.url)
    assert result.way == "explore" and result.articles == len(truth), result.failures
    assert all(sample.url in truth for sample in result.samples)


class _Holder:
    """One served address whose site can be swapped between nights."""

    def __init__(self, site) -> None:
        self.site = site

    def handle(self, request):
        return self.site.handle(request)


def test_a_listing_paged_by_postback_gives_the_new_ones_of_the_next_night(empty_raw):
    holder = _Holder(build("postback-paging", 14, oldest=9))
    with serve(holder) as served:
        source = Source(id="pb", name="pb", kind="auto", start_urls=(served.url,))
        first = crawl_source(source, client=client(source.hosts))
        holder.site = build("postback-paging", 14)  # five newer on top of the listings
        served.hits.clear()
        second = crawl_source(source, client=client(source.hosts))
        truth = holder.site.truth(served.url)
    assert first.new == 9 and second.new == 5 and second.failed == 0
    assert set(landed_titles("pb")) == set(truth)


@pytest.mark.parametrize("shape", ["codeigniter", "postback-paging", "related-box"])
def test_long_listings_are_read_to_their_end_and_remembered_by_their_first_page(shape):
    """120 articles: 15 pages a listing by a path offset, 60 articles a chain, or listings
    whose rows each article repeats as its related news."""
    site = build(shape, 120)
    with serve(site) as served:
        result = probe(served.url, allow_private_network=True, client=client({"127.0.0.1"}))
        truth = site.truth(served.url)
    assert result.articles == len(truth) == 120
    assert not any(url.rstrip("/").rsplit("/", 1)[-1].isdigit() for url in result.listings)
