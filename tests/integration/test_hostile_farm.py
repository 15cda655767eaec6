"""The hostile farm crawled at once, as a night meets it (issue 10).

Every hostile test site (the HTTP layer's bombs, trickles and lying redirects; pages and REST
posts with NUL bytes, surrogates, bad charsets and deep nesting; the faulty site's 5xx,
loops and 50 MB bodies; a site naming another office's articles as its own) is crawled side
by side with a well-behaved office site, in a child process whose peak memory is its own.
All good pages land, every hostile path gets its verdict, the run ends by itself within its
budget, memory stays under 600 MB, and the victim keeps its articles.
"""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from edunews.sources import Source
from edunews.testsites import faulty, hostile_http, hostile_pages, load_articles, serve
from edunews.testsites.childcrawl import crawl_in_child
from edunews.testsites.news import NewsSite
from edunews.warehouse import connect

pytestmark = pytest.mark.integration

BUDGET_MINUTES = 3.0  # every source's; the farm needs well under a minute
MEMORY_CAP_MB = 600  # issue 10: the crawler under the whole farm


def _source(source_id: str, kind: str, url: str, **settings) -> dict:
    source = Source(
        id=source_id,
        name=source_id,
        kind=kind,
        start_urls=(url,),
        settings={"max_minutes": BUDGET_MINUTES, **settings},
    )
    return source.to_dict()


def _crawl_in_child(sources: list[dict]) -> dict:
    return crawl_in_child(sources, timeout=BUDGET_MINUTES * 60 + 120)


def _latest_outcomes(source_id: str) -> dict[str, str]:
    with connect() as conn:
        rows = conn.execute(
            "select distinct on (url) url, outcome from raw.fetch_log"
            " where source_id = %s order by url, fetch_id desc",
            (source_id,),
        ).fetchall()
    return dict(rows)


def _pages(source_id: str) -> dict[str, tuple[str, str | None]]:
    with connect() as conn:
        rows = conn.execute(
            "select url, body_text, canonical_url from raw.pages where source_id = %s",
            (source_id,),
        ).fetchall()
    return {url: (body, canonical) for url, body, canonical in rows}


def test_the_whole_farm_at_once(empty_raw):
    articles = load_articles(12)
    http_site = hostile_http.HostileHttpSite(articles[:4], trickle_limit=30.0)
    pages_site = hostile_pages.HostilePagesSite(articles[4:9])
    faulty_site = faulty.FaultySite(articles[9:11], slow_seconds=4.0)
    victim = NewsSite(articles[:6])
    thief = NewsSite(articles[6:12])
    with ExitStack() as stack:
        served = {
            name: stack.enter_context(serve(site))
            for name, site in {
                "http": http_site,
                "pages": pages_site,
                "pages-rest": pages_site,
                "faulty": faulty_site,
                "victim": victim,
                "thief": thief,
            }.items()
        }
        base = {name: s.url.rstrip("/") for name, s in served.items()}
        victim_urls = [base["victim"] + victim.path(i) for i in range(len(victim.articles))]
        # The thief's pages claim the victim's articles (and the cloud metadata address).
        thief.canonical_of = lambda i: (
            victim_urls[i] if i < 5 else "http://169.254.169.254/latest/meta-data/"
        )
        result = _crawl_in_child(
            [
                _source("farm-http", "sitemap", served["http"].url),
                _source("farm-pages", "sitemap", served["pages"].url),
                _source("farm-pages-rest", "wordpress", served["pages-rest"].url),
                _source("farm-faulty", "sitemap", served["faulty"].url),
                _source("farm-victim", "sitemap", served["victim"].url),
                _source("farm-thief", "sitemap", served["thief"].url),
            ]
        )

    assert result["max_rss_mb"] < MEMORY_CAP_MB, result["max_rss_mb"]
    assert result["seconds"] < BUDGET_MINUTES * 60, result["seconds"]
    summaries = {s["source_id"]: s for s in result["summaries"]}
    assert set(summaries) == {
        "farm-http",
        "farm-pages",
        "farm-pages-rest",
        "farm-faulty",
        "farm-victim",
        "farm-thief",
    }

    # The HTTP layer's attacks: each its verdict, the good pages between them stored.
    outcomes = _latest_outcomes("farm-http")
    for path, outcome in hostile_http.EXPECTED.items():
        assert outcomes.get(base["http"] + path) == outcome, path
    http_pages = _pages("farm-http")
    for path in http_site.good_paths():
        assert base["http"] + path in http_pages, path

    # Hostile pages through a sitemap and through REST: verdicts and the text they keep.
    expectations = pages_site.expectations()
    sitemap_outcomes = _latest_outcomes("farm-pages")
    rest_outcomes = _latest_outcomes("farm-pages-rest")
    for path, expect in expectations.items():
        # /hostile/ pages are the sitemap's; everything else is what the REST listing gave.
        via_sitemap = path.startswith("/hostile/")
        outcomes = sitemap_outcomes if via_sitemap else rest_outcomes
        url = (
            path
            if path.startswith("http")
            else base["pages" if via_sitemap else "pages-rest"] + path
        )
        assert outcomes.get(url) == expect.outcome, path
    for source_id, name in (("farm-pages", "pages"), ("farm-pages-rest", "pages-rest")):
        stored = _pages(source_id)
        for article in pages_site.articles:
            body, _ = stored[f"{base[name]}/good/{article.post_id}"]
            assert body == article.body_text, source_id

    # The faulty site: 5xx, loops, private redirects, huge bodies, robots, 404s.
    outcomes = _latest_outcomes("farm-faulty")
    for path, outcome in faulty.EXPECTED.items():
        url = path if path.startswith("http") else base["faulty"] + path
        assert outcomes.get(url) == outcome, path
    faulty_pages = _pages("farm-faulty")
    for path in faulty_site.good_paths():
        assert base["faulty"] + path in faulty_pages, path

    # Identity: the victim's articles are the victim's; the thief's canonicals are dropped.
    victim_pages = _pages("farm-victim")
    assert sorted(victim_pages) == sorted(victim_urls)
    assert all(canonical in (None, url) for url, (_, canonical) in victim_pages.items())
    thief_pages = _pages("farm-thief")
    assert len(thief_pages) == len(thief.articles)
    assert all(
        canonical is None or canonical.startswith(base["thief"])
        for _, canonical in thief_pages.values()
    )
