"""`auto` on site shapes it was never told about: every article found, nothing else landed,
titles and dates right; the next night straight to the listings; a site without news fails
with a reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from edunews.cli import main
from edunews.crawl.http import HttpClient
from edunews.crawl.run import crawl_source
from edunews.sources import Source
from edunews.thai_calendar import BANGKOK
from edunews.warehouse import connect
from edunews_sim.testsites import Reply, serve
from edunews_sim.testsites.shapes_common import ZOO, ZooSite, build
from helpers.crawling import site_client
from helpers.raw import landed_titles

SHAPES = [name for name in ZOO if name != "no-news"]


def client(source: Source) -> HttpClient:
    return site_client(source.hosts, read_timeout=5.0)


def crawl(source: Source):
    return crawl_source(source, client=client(source))


def learned_rows(source_id: str) -> list[dict]:
    with connect() as conn:
        rows = conn.execute(
            "select learned from raw.source_learned where source_id = %s order by learned_id",
            (source_id,),
        ).fetchall()
    return [row[0] for row in rows]


@pytest.mark.parametrize("shape", SHAPES)
def test_every_article_and_nothing_else_then_straight_to_the_listings(empty_raw, shape):
    site = build(shape, 14)
    with serve(site) as served:
        source = Source(id=shape, name=shape, kind="auto", start_urls=(served.url,))
        first = crawl(source)
        first_requests = sum(served.hits.values())
        served.hits.clear()
        second = crawl(source)
        second_requests = sum(served.hits.values())
        truth = site.truth(served.url)
        second_targets = set(served.hits)
    pages = landed_titles(shape)
    assert set(pages) == set(truth), "all the articles, and no menu, album, listing or PDF"
    for url, (title, day) in truth.items():
        got_title, published = pages[url]
        assert got_title == title
        assert published.astimezone(BANGKOK).date() == day
    assert first.new == 14 and first.failed == 0 and first.complete
    assert second.new == second.changed == second.failed == 0 and second.complete
    # The second night reads the learned listings' first pages, not the site again.
    assert second_requests < first_requests / 2
    learned = learned_rows(shape)[-1]
    assert learned["shapes"] and learned["listings"]
    # A listing's first page is remembered, not each of its pages (nor a page per night).
    assert len(learned["listings"]) <= len(site.plan.sections) + 1
    if site.plan.feed:
        # The feed showed the newest three; the listings gave the rest on the first night,
        # and the feed is all a nightly increment needs.
        assert learned["way"] == "feed"
        assert {t.lstrip("/") for t in second_targets} <= {"", "feed/", "robots.txt"}
        return
    assert learned["way"] == "explore"
    read = {url.split("/", 3)[3] for url in learned["listings"]}
    extra = {t.lstrip("/") for t in second_targets} - read - {"robots.txt"}
    # The learned listings' first pages, and (nothing new there) one look at each one's
    # last page, where listings sorted oldest first put the new ones: no article, no menu,
    # album or sitemap.
    assert len(extra) <= len(read)
    truth_paths = {url.split("/", 3)[3] for url in truth}
    section_firsts = {site.plan.listing(s, 1).lstrip("/") for s in site.plan.sections}
    for target in extra:
        assert target not in truth_paths and target not in section_firsts
        assert any(page.lstrip("/") == target for page in site.pages), target
        assert not target.startswith(("gallery", "about", "sitemap", "webboard", "login"))


def test_new_articles_of_the_next_night_are_found_on_the_listings(empty_raw):
    holder = _Holder(build("joomla15", 14, oldest=10))
    with serve(holder) as served:
        source = Source(id="j", name="j", kind="auto", start_urls=(served.url,))
        crawl(source)
        holder.site = build("joomla15", 14)  # four newer articles on top of the listings
        served.hits.clear()
        second = crawl(source)
        truth = holder.site.truth(served.url)
    assert second.new == 4 and second.failed == 0
    assert set(landed_titles("j")) == set(truth)


def test_new_articles_on_the_last_page_of_an_oldest_first_listing(empty_raw):
    holder = _Holder(build("oldest-first", 14, oldest=10))
    with serve(holder) as served:
        source = Source(id="asc", name="asc", kind="auto", start_urls=(served.url,))
        crawl(source)
        holder.site = build("oldest-first", 14)  # page 1 unchanged, the new ones at the end
        second = crawl(source)
        truth = holder.site.truth(served.url)
    assert second.new == 4 and second.failed == 0
    assert set(landed_titles("asc")) == set(truth)


def test_a_site_that_moved_its_news_is_explored_again(empty_raw):
    holder = _Holder(build("php-news", 14, oldest=8))
    with serve(holder) as served:
        source = Source(id="moved", name="moved", kind="auto", start_urls=(served.url,))
        crawl(source)
        # The redesign: the listings live elsewhere now, the old addresses answer 404.
        moved = build("php-news", 14)
        moved.plan.listing = lambda section, number: (
            f"/news/list.php?t={len(section)}&page={number}"
        )
        holder.site = ZooSite(moved.plan, moved.articles)
        second = crawl(source)
        truth = holder.site.truth(served.url)
    assert second.new == 6 and second.failed == 0 and second.complete
    assert set(landed_titles("moved")) == set(truth)
    newest = learned_rows("moved")[-1]
    assert any("/news/list.php" in url for url in newest["listings"])
    assert not any("/news.php?type=" in url for url in newest["listings"])


def test_a_site_rebuilt_on_wordpress_is_read_by_its_rest_api(empty_raw):
    from edunews_sim.testsites import load_articles
    from edunews_sim.testsites.wordpress import WordPressSite

    holder = _Holder(build("php-news", 8))
    with serve(holder) as served:
        source = Source(id="rebuilt", name="rebuilt", kind="auto", start_urls=(served.url,))
        crawl(source)
        # The old addresses answer 404; the posts were written after the last night.
        fresh = [replace(a, modified=datetime.now(UTC)) for a in load_articles(5, offset=20)]
        holder.site = WordPressSite(fresh)
        second = crawl(source)
    assert second.new == 5 and second.failed == 0 and second.complete
    assert learned_rows("rebuilt")[-1]["way"] == "rest"


def test_a_site_without_news_fails_with_its_reason(empty_raw):
    with serve(build("no-news")) as served:
        source = Source(id="nonews", name="nonews", kind="auto", start_urls=(served.url,))
        summary = crawl(source)
    assert summary.new == 0 and not summary.complete
    assert summary.no_articles and "found no article" in summary.no_articles
    assert "try listing_url" in summary.no_articles
    assert "FAILED" in summary.line() and "found no article" in summary.line()
    with connect() as conn:
        complete, counts = conn.execute(
            "select complete, counts from raw.crawl_runs where source_id = 'nonews'"
        ).fetchone()
    assert complete is False
    assert any("found no article" in reason for reason in counts["failures"])


def test_the_command_exits_non_zero_on_a_site_without_news(empty_raw, capsys):
    with serve(build("no-news")) as served:
        argv = ["crawl", "--url", served.url, "--allow-private-network", "--rate", "100"]
        code = main(argv)
    out = capsys.readouterr().out
    assert code != 0
    assert "FAILED: looked at" in out and "found no article" in out


def test_the_measured_failure_joomla_news_one_click_away_by_the_command(empty_raw, capsys):
    """windows-874, Thai digits, the home page links ข่าวกิจกรรม: it used to end with
    'new 0, changed 0, unchanged 0, failed 0' and exit 0."""
    with serve(build("joomla15", 9)) as served:
        argv = ["crawl", "--url", served.url, "--allow-private-network", "--rate", "100"]
        assert main(argv) == 0
    assert ": new 9, changed 0, unchanged 0, failed 0" in capsys.readouterr().out


class _Holder:
    """One served address whose site can be swapped between nights."""

    def __init__(self, site) -> None:
        self.site = site

    def handle(self, request):
        return self.site.handle(request)


def test_a_source_without_articles_is_in_the_run_report_and_the_alert(empty_raw, monkeypatch):
    from edunews.orchestration.tasks import summarize_crawl
    from edunews_sim.testsites.webhook import webhook_receiver

    with serve(build("no-news")) as bare, serve(build("php-news", 6)) as good:
        sources = [
            Source(id="bare", name="bare", kind="auto", start_urls=(bare.url,)),
            Source(id="good", name="good", kind="auto", start_urls=(good.url,)),
        ]
        results = [crawl(source).as_dict() for source in sources]
    with webhook_receiver() as (hook, received):
        monkeypatch.setenv("AIRFLOW_CONN_EDUNEWS_ALERTS", hook)
        summarize_crawl(results, [s.to_dict() for s in sources], "edunews_crawl", "night-1")
    with connect() as conn:
        [figures] = [row[0] for row in conn.execute("select figures from raw.run_reports")]
    assert list(figures["sources_without_articles"]) == ["bare"]
    assert "found no article" in figures["sources_without_articles"]["bare"]
    assert "bare" in figures["failing_sources"] and "good" not in figures["failing_sources"]
    [alert] = received
    assert "bare (NO ARTICLE: looked at" in alert["text"]
    assert "found no article" in alert["sources_without_articles"]["bare"]


def test_any_kind_that_yields_no_article_on_a_first_crawl_fails(empty_raw):
    with serve(build("no-news")) as served:
        source = Source(
            id="html",
            name="html",
            kind="html",
            start_urls=(served.url,),
            settings={"listing_url": "/about.php"},
        )
        summary = crawl(source)
    assert not summary.complete and summary.no_articles
    assert "discovery found no article" in summary.no_articles


def test_a_run_out_of_time_keeps_what_was_learned(empty_raw):
    import time

    with serve(build("php-news", 8)) as served:
        source = Source(id="late", name="late", kind="auto", start_urls=(served.url,))
        crawl(source)
        [learned] = learned_rows("late")
        late = client(source)
        late.set_stop_at(time.monotonic() - 1)  # the budget is spent before the first request
        summary = crawl_source(source, client=late)
    assert summary.stopped and summary.failed == 0
    assert learned_rows("late") == [learned], "the listings were not gone: the time was"


class _Down:
    def handle(self, request):
        return Reply(503, b"maintenance", {"Content-Type": "text/plain"})


def test_a_site_down_for_a_night_keeps_its_learned_listings(empty_raw):
    site = build("php-news", 8)
    holder = _Holder(site)
    with serve(holder) as served:
        source = Source(id="down", name="down", kind="auto", start_urls=(served.url,))
        crawl(source)
        [learned] = learned_rows("down")
        holder.site = _Down()
        down = crawl(source)
        holder.site = site
        served.hits.clear()
        back = crawl(source)
        home_hits = served.hits["/"] - sum(  # the home page counts only as a listing
            1 for url in learned["listings"] if url.endswith(":" + str(served.port) + "/")
        )
    assert not down.complete and down.failed > 0 and not down.no_articles
    assert learned_rows("down") == [learned], "down is not gone: nothing to learn again"
    assert back.complete and back.failed == 0 and home_hits == 0
