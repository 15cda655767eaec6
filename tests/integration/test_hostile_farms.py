"""The hostile farms (issue 10), crawled end to end into PostgreSQL in a child process whose
time and peak memory are its own: the first farms side by side (farm_http,
farm_pages, farm_faulty, a thief naming a victim's articles), and the red team's attacks.

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
from edunews.warehouse import connect
from edunews_sim.testsites import (
    farm_discovery,
    farm_faulty,
    farm_http,
    farm_pages,
    load_articles,
    serve,
)
from edunews_sim.testsites.childcrawl import crawl_in_child
from edunews_sim.testsites.news import NewsSite
from helpers.raw import latest_outcomes

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
    site = farm_discovery.HostileMoreSite(articles[:3], drip_limit=15.0)
    with serve(site) as served:
        base = served.url.rstrip("/")
        result = _crawl_in_child([_source("more", served.url)])

    assert result["max_rss_mb"] < MEMORY_CAP_MB, _figures(result)
    assert result["seconds"] < BUDGET_MINUTES * 60, _figures(result)
    outcomes = latest_outcomes("more")
    expected = {**farm_discovery.EXPECTED, **farm_discovery.SITEMAP_EXPECTED}
    wrong = {p: outcomes.get(base + p) for p, o in expected.items() if outcomes.get(base + p) != o}
    assert not wrong, wrong

    pages = _pages("more")
    for path in site.good_paths():
        assert base + path in pages, path
    for path, canonical in farm_discovery.CANONICAL.items():
        want = base + path if canonical == "self" else None
        assert pages[base + path][2] == want, (path, pages[base + path][2])
    article = articles[0]
    for path, expect in farm_discovery.EXPECTED.items():
        if expect != "stored" or not path.startswith("/p/"):
            continue
        title, body, _ = pages[base + path]
        assert len(title) <= farm_discovery.MAX_TITLE_CHARS, (path, len(title))
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


@pytest.mark.parametrize("mode", farm_discovery.ROBOTS_MODES)
def test_robots_txt_as_the_attack(empty_raw, mode):
    # Crawl-delay is honoured up to 30 s a request: one article is enough to see it.
    articles = load_articles(1 if mode == "crawl-delay" else 3)
    site = farm_discovery.RobotsSite(articles, mode)
    with serve(site) as served:
        base = served.url.rstrip("/")
        result = _crawl_in_child([_source(f"robots-{mode}", served.url)])
        private_hits = sum(n for t, n in served.hits.items() if t.startswith("/private/"))

    assert result["max_rss_mb"] < MEMORY_CAP_MB, _figures(result)
    assert result["seconds"] < BUDGET_MINUTES * 60, _figures(result)
    pages = _pages(f"robots-{mode}")
    for path in site.good_paths():
        assert base + path in pages, (mode, path, latest_outcomes(f"robots-{mode}"))
    if mode == "redirect-elsewhere":
        assert served.hits["/robots.txt"] <= 2  # asked for once, not before every page
    else:
        # What robots.txt forbids (its first lines say so) is still never asked for.
        assert private_hits == 0


def test_an_explored_site_of_traps(empty_raw):
    articles = load_articles(4)
    site = farm_discovery.ExploreTrapSite(articles)
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
    site = farm_discovery.ForeignFloodSite(articles)
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
    site = farm_discovery.FeedAttackSite(articles)
    with serve(site) as served:
        base = served.url.rstrip("/")
        result = _crawl_in_child([_source("feed", base + "/feed", kind="rss")])

    assert result["max_rss_mb"] < MEMORY_CAP_MB, _figures(result)
    assert set(_pages("feed")) == {base + p for p in site.good_paths()}
    assert result["summaries"][0]["complete"]


def test_dense_sitemaps_side_by_side(empty_raw):
    with ExitStack() as stack:
        served = [stack.enter_context(serve(farm_discovery.DenseSitemapSite())) for _ in range(6)]
        sources = [_source(f"dense-{i}", s.url, minutes=0.4) for i, s in enumerate(served)]
        result = _crawl_in_child(sources)

    assert result["max_rss_mb"] < MEMORY_CAP_MB, _figures(result)
    assert all(s["stopped"] for s in result["summaries"])  # the budget ended each run


def test_the_first_farms_at_once(empty_raw):
    """Every hostile site of the first farms (the HTTP layer's bombs, trickles and lying
    redirects; pages and REST posts with NUL bytes, surrogates, bad charsets and deep
    nesting; the faulty site's 5xx, loops and 50 MB bodies; a site naming another office's
    articles as its own) side by side with a well-behaved office site: all good pages land,
    every hostile path gets its verdict, and the victim keeps its articles."""
    articles = load_articles(12)
    http_site = farm_http.HostileHttpSite(articles[:4], trickle_limit=30.0)
    pages_site = farm_pages.HostilePagesSite(articles[4:9])
    faulty_site = farm_faulty.FaultySite(articles[9:11], slow_seconds=4.0)
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
                _source("farm-http", served["http"].url, "sitemap"),
                _source("farm-pages", served["pages"].url, "sitemap"),
                _source("farm-pages-rest", served["pages-rest"].url, "wordpress"),
                _source("farm-faulty", served["faulty"].url, "sitemap"),
                _source("farm-victim", served["victim"].url, "sitemap"),
                _source("farm-thief", served["thief"].url, "sitemap"),
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
    outcomes = latest_outcomes("farm-http")
    for path, outcome in farm_http.EXPECTED.items():
        assert outcomes.get(base["http"] + path) == outcome, path
    http_pages = _pages("farm-http")
    for path in http_site.good_paths():
        assert base["http"] + path in http_pages, path

    # Hostile pages through a sitemap and through REST: verdicts and the text they keep.
    expectations = pages_site.expectations()
    sitemap_outcomes = latest_outcomes("farm-pages")
    rest_outcomes = latest_outcomes("farm-pages-rest")
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
            _, body, _ = stored[f"{base[name]}/good/{article.post_id}"]
            assert body == article.body_text, source_id

    # The faulty site: 5xx, loops, private redirects, huge bodies, robots, 404s.
    outcomes = latest_outcomes("farm-faulty")
    for path, outcome in farm_faulty.EXPECTED.items():
        url = path if path.startswith("http") else base["faulty"] + path
        assert outcomes.get(url) == outcome, path
    faulty_pages = _pages("farm-faulty")
    for path in faulty_site.good_paths():
        assert base["faulty"] + path in faulty_pages, path

    # Identity: the victim's articles are the victim's; the thief's canonicals are dropped.
    victim_pages = _pages("farm-victim")
    assert sorted(victim_pages) == sorted(victim_urls)
    assert all(canonical in (None, url) for url, (_, _, canonical) in victim_pages.items())
    thief_pages = _pages("farm-thief")
    assert len(thief_pages) == len(thief.articles)
    assert all(
        canonical is None or canonical.startswith(base["thief"])
        for _, _, canonical in thief_pages.values()
    )
