"""The red team's farm (issue 10): attacks the first hostile farms did not make, crawled
end to end into PostgreSQL in a child process whose time and peak memory are its own.

XML entity expansion and external entities, sitemap indexes naming themselves or 10,000
children, 100,000 foreign links, 1xx without end, bodies shorter than their length, absurd
chunks, https on a plain port, pages with a 5 MB title, 9 MB of Thai without a space, a
million <p>, digit runs for the date finder, 5 MB JSON-LD, bidi and zero-width characters,
canonical links protocol-relative or uppercase with a fragment; and robots.txt as the
attack (over the body cap, 300,000 rules, Crawl-delay: 99999). Every hostile path gets its
verdict, every good page lands, the run ends by itself within its budget, under 600 MB.
"""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from edunews.crawl.explore import MAX_DISCOVERY_PAGES, MAX_LISTING_READS
from edunews.crawl.run import MAX_REFUSED_LOGGED
from edunews.sources import Source
from edunews.sources.registry import DEFAULT_MAX_ARTICLES
from edunews.testsites import hostile_more, load_articles, serve
from edunews.testsites.childcrawl import crawl_in_child
from edunews.warehouse import connect

pytestmark = pytest.mark.integration

BUDGET_MINUTES = 3.0
MEMORY_CAP_MB = 600


def _source(
    source_id: str, url: str, kind: str = "sitemap", minutes: float = BUDGET_MINUTES
) -> dict:
    source = Source(
        id=source_id,
        name=source_id,
        kind=kind,
        start_urls=(url,),
        settings={"max_minutes": minutes},
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


def _figures(result: dict) -> str:
    """The child crawl's measures, said when a bound on them fails."""
    return f"{result['seconds']:.1f} s, peak {result['max_rss_mb']:.0f} MB"


def _pages(source_id: str) -> dict[str, tuple[str, str, str | None]]:
    with connect() as conn:
        rows = conn.execute(
            "select url, title, body_text, canonical_url from raw.pages where source_id = %s",
            (source_id,),
        ).fetchall()
    return {url: (title, body, canonical) for url, title, body, canonical in rows}


def test_the_red_team_farm(empty_raw):
    articles = load_articles(4)
    site = hostile_more.HostileMoreSite(articles[:3], drip_limit=15.0)
    with serve(site) as served:
        base = served.url.rstrip("/")
        result = _crawl_in_child([_source("more", served.url)])

    assert result["max_rss_mb"] < MEMORY_CAP_MB, _figures(result)
    assert result["seconds"] < BUDGET_MINUTES * 60, _figures(result)
    outcomes = _latest_outcomes("more")
    expected = {**hostile_more.EXPECTED, **hostile_more.SITEMAP_EXPECTED}
    wrong = {p: outcomes.get(base + p) for p, o in expected.items() if outcomes.get(base + p) != o}
    assert not wrong, wrong

    pages = _pages("more")
    for path in site.good_paths():
        assert base + path in pages, path
    for path, canonical in hostile_more.CANONICAL.items():
        want = base + path if canonical == "self" else None
        assert pages[base + path][2] == want, (path, pages[base + path][2])
    article = articles[0]
    for path, expect in hostile_more.EXPECTED.items():
        if expect != "stored" or not path.startswith("/p/"):
            continue
        title, body, _ = pages[base + path]
        assert len(title) <= hostile_more.MAX_TITLE_CHARS, (path, len(title))
        # The article's own text is there, whatever was heaped around it.
        assert article.paragraphs[0][:40] in body, path

    # One page however its address is spelled: stored once, asked for once.
    second = site.articles[1].post_id
    assert [u for u in pages if f"/good/{second}" in u] == [f"{base}/good/{second}"]
    assert site.calls[f"/good/{second}"] == 1

    # Entities were never expanded, external ones never read; the self-naming index was
    # read once; the 10,000-child index was cut; foreign links were never asked for.
    with connect() as conn:
        logged = [u for (u,) in conn.execute("select url from raw.fetch_log").fetchall()]
    assert not any("lollol" in u or "root:" in u for u in logged)
    assert site.calls["/sm-self.xml"] <= 2  # itself, and its twin by query
    children = sum(n for p, n in site.calls.items() if p.startswith("/sm-child-"))
    assert children <= 200, children
    assert not any(p.startswith("/news/") for p in site.calls)


@pytest.mark.parametrize("mode", hostile_more.ROBOTS_MODES)
def test_robots_txt_as_the_attack(empty_raw, mode):
    # Crawl-delay is honoured up to 30 s a request: one article is enough to see it.
    articles = load_articles(1 if mode == "crawl-delay" else 3)
    site = hostile_more.RobotsSite(articles, mode)
    with serve(site) as served:
        base = served.url.rstrip("/")
        result = _crawl_in_child([_source(f"robots-{mode}", served.url)])
        private_hits = sum(n for t, n in served.hits.items() if t.startswith("/private/"))

    assert result["max_rss_mb"] < MEMORY_CAP_MB, _figures(result)
    assert result["seconds"] < BUDGET_MINUTES * 60, _figures(result)
    pages = _pages(f"robots-{mode}")
    for path in site.good_paths():
        assert base + path in pages, (mode, path, _latest_outcomes(f"robots-{mode}"))
    if mode == "redirect-elsewhere":
        assert served.hits["/robots.txt"] <= 2  # asked for once, not before every page
    else:
        # What robots.txt forbids (its first lines say so) is still never asked for.
        assert private_hits == 0


def test_an_explored_site_of_traps(empty_raw):
    articles = load_articles(4)
    site = hostile_more.ExploreTrapSite(articles)
    with serve(site) as served:
        base = served.url.rstrip("/")
        result = _crawl_in_child([_source("traps", served.url, kind="auto")])
        requests = sum(served.hits.values())

    assert result["max_rss_mb"] < MEMORY_CAP_MB, _figures(result)
    assert result["seconds"] < BUDGET_MINUTES * 60, _figures(result)
    pages = _pages("traps")
    # Each article once, under its own address: no session id made it a second article.
    assert sorted(pages) == sorted(base + p for p in site.good_paths()), sorted(pages)
    # Read to learn what an article is, then fetched: never once per session id.
    assert all(site.calls[p] <= 3 for p in site.good_paths()), site.calls
    # The calendar, the growing path and the dead links were walked a bounded way.
    # Bounded by the budget: each dead link of the article shape is one article of it.
    bound = DEFAULT_MAX_ARTICLES + MAX_DISCOVERY_PAGES + MAX_LISTING_READS + 50
    assert requests < bound, (requests, _figures(result))


def test_a_flood_of_foreign_links(empty_raw):
    articles = load_articles(3)
    site = hostile_more.ForeignFloodSite(articles)
    with serve(site) as served:
        base = served.url.rstrip("/")
        result = _crawl_in_child([_source("flood", served.url, minutes=1.0)])

    with connect() as conn:
        (off_site,) = conn.execute(
            "select count(*) from raw.fetch_log where source_id = 'flood' and outcome = 'off_site'"
        ).fetchone()
    summary = result["summaries"][0]
    assert result["max_rss_mb"] < MEMORY_CAP_MB, _figures(result)
    assert result["seconds"] < 60 + 30, _figures(result)
    assert set(_pages("flood")) == {base + p for p in site.good_paths()}
    # The first links refused are logged, one row each; the rest are counted, not logged.
    assert off_site <= MAX_REFUSED_LOGGED, (off_site, summary["outcomes"])


def test_a_hostile_feed(empty_raw):
    articles = load_articles(3)
    site = hostile_more.FeedAttackSite(articles)
    with serve(site) as served:
        base = served.url.rstrip("/")
        result = _crawl_in_child([_source("feed", base + "/feed", kind="rss")])

    assert result["max_rss_mb"] < MEMORY_CAP_MB, _figures(result)
    assert set(_pages("feed")) == {base + p for p in site.good_paths()}
    assert result["summaries"][0]["complete"]


def test_dense_sitemaps_side_by_side(empty_raw):
    with ExitStack() as stack:
        served = [stack.enter_context(serve(hostile_more.DenseSitemapSite())) for _ in range(6)]
        sources = [_source(f"dense-{i}", s.url, minutes=0.4) for i, s in enumerate(served)]
        result = _crawl_in_child(sources)

    assert result["max_rss_mb"] < MEMORY_CAP_MB, _figures(result)
    assert all(s["stopped"] for s in result["summaries"])  # the budget ended each run
