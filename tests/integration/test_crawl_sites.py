"""Feed-only, sitemap-only, Joomla-like (windows-874) and faulty sites, crawled for real."""

from __future__ import annotations

import pytest

from edunews.crawl.http import HttpClient
from edunews.crawl.run import crawl_source
from edunews.sources import Source
from edunews.thai_calendar import BANGKOK
from edunews.warehouse import connect
from edunews_sim.testsites import load_articles, serve
from edunews_sim.testsites.farm_faulty import EXPECTED, FaultySite
from edunews_sim.testsites.joomla import CATEGORY, JoomlaSite
from edunews_sim.testsites.pages import FOOTER
from edunews_sim.testsites.plain import FeedSite, SitemapSite
from helpers.crawling import site_client
from helpers.raw import latest_log


def client(source: Source, **overrides) -> HttpClient:
    return site_client(source.hosts, **{"read_timeout": 2.0, **overrides})


def landed(source_id: str) -> dict[str, tuple]:
    with connect() as conn:
        rows = conn.execute(
            "select url, title, body_text, published_at, charset from raw.pages"
            " where source_id = %s",
            (source_id,),
        ).fetchall()
    return {row[0]: row[1:] for row in rows}


def assert_articles(site, articles, source_id, link):
    pages = landed(source_id)
    for article in articles:
        title, body, published, _ = pages[link(article)]
        assert title == article.title
        assert body == article.body_text, "the body is the article's paragraphs, nothing else"
        assert published.astimezone(BANGKOK).date() == article.published.date()
        assert "ใส่ความเห็น" not in body and "ร่วมแสดงความคิดเห็น" not in body
        assert FOOTER not in body and "ข่าวล่าสุด" not in body


@pytest.mark.parametrize("atom", [False, True], ids=["rss", "atom"])
def test_feed_only_site(empty_raw, atom):
    articles = load_articles(6)
    site = FeedSite(articles, atom=atom)
    with serve(site) as served:
        source = Source(id="feed", name="feed", kind="auto", start_urls=(served.url,))
        first = crawl_source(source, client=client(source))
        second = crawl_source(source, client=client(source))
    assert first.new == 6 and first.failed == 0
    assert second.new == second.changed == second.failed == 0
    assert_articles(site, articles, "feed", site.link)


def test_sitemap_only_site_reads_visible_thai_date_not_the_sidebars(empty_raw):
    articles = load_articles(7)
    site = SitemapSite(articles)
    with serve(site) as served:
        source = Source(id="smap", name="smap", kind="sitemap", start_urls=(served.url,))
        first = crawl_source(source, client=client(source))
        second = crawl_source(source, client=client(source))
        category_asked = any("taxonomies" in t for t in served.hits)
        article_requests = [n for t, n in served.hits.items() if "view.php" in t]
    assert first.new == 7 and first.failed == 0
    assert second.new == second.changed == second.failed == 0
    assert article_requests == [1] * 7, "lastmod unchanged: the increment asks for no page"
    assert not category_asked
    assert_articles(site, articles, "smap", site.link)


@pytest.mark.parametrize("undeclared", [False, True], ids=["meta-charset", "detected"])
def test_joomla_listing_in_windows_874(empty_raw, undeclared):
    articles = load_articles(12)
    site = JoomlaSite(articles, undeclared=undeclared)
    with serve(site) as served:
        host = served.url.rstrip("/")
        source = Source(
            id="joomla",
            name="joomla",
            kind="html",
            start_urls=(served.url,),
            settings={"listing_url": "/" + CATEGORY, "link_pattern": r"view=article"},
        )
        first = crawl_source(source, client=client(source))
        listings_before = sum(n for t, n in served.hits.items() if "view=category" in t)
        second = crawl_source(source, client=client(source))
        listings = sum(n for t, n in served.hits.items() if "view=category" in t)
    assert first.new == 12 and first.failed == 0
    assert second.new == second.changed == 0
    assert listings - listings_before == 1, "an increment stops at a listing page with nothing new"
    assert_articles(site, articles, "joomla", lambda a: site.link(a, host))
    assert {row[3] for row in landed("joomla").values()} == {"cp874"}


def test_faulty_site_never_crashes_and_accounts_for_every_url(empty_raw):
    articles = load_articles(3)
    site = FaultySite(articles, slow_seconds=1.0)
    with serve(site) as served:
        source = Source(id="faulty", name="faulty", kind="sitemap", start_urls=(served.url,))
        fast = client(source, read_timeout=0.3, retries=2, max_bytes=5 * 1024 * 1024)
        summary = crawl_source(source, client=fast)
        host = served.url.rstrip("/")
    outcomes = latest_log("faulty")
    for path, expected in EXPECTED.items():
        url = path if path.startswith("http") else host + path
        assert url in outcomes, f"{path} is not accounted for"
        outcome, reason = outcomes[url]
        assert outcome == expected, f"{path}: {outcome} ({reason})"
        assert reason, f"{path} has no reason"
    for path in site.good_paths():
        assert outcomes[host + path][0] == "stored"
    assert summary.complete
    assert site.calls["/burst"] == 3 and site.calls["/busy"] == 2
    assert site.calls["/private/minutes"] == 0, "robots.txt is honoured"
