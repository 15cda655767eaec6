"""Landing: conditional re-fetches, retries of failed fetches, no half pages on a crash,
text PostgreSQL refuses, one run per source at a time, resuming after a kill."""

from __future__ import annotations

import os
import random
import signal
import string
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from edunews.crawl.http import HttpClient
from edunews.crawl.land import FetchedPage, Lander, LogRow
from edunews.crawl.run import crawl_source
from edunews.sources import Source
from edunews.warehouse import connect
from edunews_sim.testsites import load_articles, serve
from edunews_sim.testsites.farm_faulty import FaultySite
from edunews_sim.testsites.news import NewsSite
from edunews_sim.testsites.wordpress import WordPressSite
from helpers.crawling import site_client


def client(source: Source, **overrides) -> HttpClient:
    return site_client(source.hosts, **{"read_timeout": 2.0, **overrides})


def test_explicit_since_asks_again_conditionally(empty_raw):
    site = WordPressSite(load_articles(4))
    with serve(site) as served:
        source = Source(id="wp-pages", name="wp", kind="sitemap", start_urls=(served.url,))
        first = crawl_source(source, client=client(source))
        again = crawl_source(source, client=client(source), since=datetime(2001, 1, 1, tzinfo=UTC))
    assert first.new == 4
    assert again.outcomes["not_modified"] == 4 and again.new == 0


def test_failed_fetches_are_retried_next_run(empty_raw):
    site = FaultySite(load_articles(2), slow_seconds=1.0)
    with serve(site) as served:
        source = Source(id="retry", name="retry", kind="sitemap", start_urls=(served.url,))
        fast = dict(read_timeout=0.3, retries=0, max_bytes=5 * 1024 * 1024)
        crawl_source(source, client=client(source, **fast))
        site.slow_seconds = 0.0  # the site recovered overnight
        slow_calls = site.calls["/slow"]
        crawl_source(source, client=client(source, **fast))
    assert site.calls["/slow"] == slow_calls + 1
    assert site.calls["/down"] == 2, "a 503 is asked again on the next run"
    assert site.calls["/gone"] == 1, "a 404 is not"
    assert site.calls["/private/minutes"] == 0
    with connect() as conn:
        outcome = conn.execute(
            "select outcome from raw.fetch_log where source_id = 'retry' and url like '%%/slow'"
            " order by fetch_id desc limit 1"
        ).fetchone()[0]
    assert outcome == "parse_error"  # reached this time; "late" is no article, and says so


def _page(url: str, source_id) -> FetchedPage:
    return FetchedPage(source_id, url, None, 200, "utf-8", "<p>x</p>", "t", "x", None, None, None)


def test_a_row_the_database_refuses_fails_alone_and_leaves_no_half_page(empty_raw):
    """The batch is landed again row by row: the good rows land, the bad one is logged alone
    with its reason; a row never lands as a page without its log, or a log pointing nowhere."""
    landed = []
    with connect("loader", autocommit=True) as conn:
        lander = Lander(
            conn,
            "run-crash",
            "crash",
            on_landed=landed.append,
            batch_size=10,
            hosts=frozenset({"s.test"}),
        )
        lander.add(LogRow("http://s.test/1", None, page=_page("http://s.test/1", "crash")))
        lander.add(LogRow("http://s.test/gone", "http_error", "HTTP 404", 404))
        # A page that breaks the insert (source_id is not null) in the same batch.
        lander.add(LogRow("http://s.test/2", None, page=_page("http://s.test/2", None)))
        lander.add(LogRow("http://s.test/3", None, page=_page("http://s.test/3", "crash")))
        lander.flush()
    with connect() as conn:
        pages = conn.execute("select url from raw.pages order by url").fetchall()
        log = dict(
            conn.execute(
                "select url, outcome || ': ' || coalesce(reason, '') from raw.fetch_log"
                " where source_id = 'crash'"
            ).fetchall()
        )
        orphans = conn.execute(
            "select count(*) from raw.pages p where not exists"
            " (select 1 from raw.fetch_log f where f.page_id = p.page_id)"
        ).fetchone()[0]
    assert [u for (u,) in pages] == ["http://s.test/1", "http://s.test/3"]
    assert orphans == 0
    assert log["http://s.test/1"] == "stored: new"
    assert log["http://s.test/gone"] == "http_error: HTTP 404"
    assert log["http://s.test/2"].startswith("parse_error: could not be stored: NotNullViolation")
    assert [r.outcome for r in landed] == ["stored", "http_error", "parse_error", "stored"]


def test_a_crash_late_in_a_run_keeps_the_batches_already_written(empty_raw, monkeypatch):
    """Each batch commits as it lands: a run that dies after writing some keeps them."""

    def killed(*_args, **_kwargs):
        raise RuntimeError("killed before the run was recorded")

    monkeypatch.setattr("edunews.crawl.run.record_run", killed)
    site = WordPressSite(load_articles(3))
    with serve(site) as served:
        source = Source(id="crash-late", name="c", kind="sitemap", start_urls=(served.url,))
        with pytest.raises(RuntimeError, match="killed"):
            crawl_source(source, client=client(source))
    with connect() as conn:
        stored = conn.execute(
            "select count(*) from raw.pages where source_id = 'crash-late'"
        ).fetchone()[0]
        logged = conn.execute(
            "select count(*) from raw.fetch_log where source_id = 'crash-late'"
        ).fetchone()[0]
    assert stored == 3
    assert logged >= 3


def _pages_of(source_id: str) -> dict[str, str]:
    with connect() as conn:
        return dict(
            conn.execute(
                "select url, title from raw.pages where source_id = %s", (source_id,)
            ).fetchall()
        )


@pytest.mark.parametrize("kind", ["sitemap", "wordpress"])
def test_nul_bytes_and_lone_surrogates_do_not_lose_a_batch(empty_raw, kind):
    """Before: psycopg refused the one dirty page, the whole batch (every page with it) was
    lost, discovery stopped and the source landed nothing, every night the same."""
    articles = load_articles(6)
    site = NewsSite(articles, dirty={1, 4})
    with serve(site) as served:
        source = Source(id=f"dirty-{kind}", name="d", kind=kind, start_urls=(served.url,))
        summary = crawl_source(source, client=client(source))
    assert summary.failures == {}, summary.failures
    assert summary.new == 6 and summary.complete
    titles = _pages_of(source.id)
    assert len(titles) == 6
    cleaned = titles[served.url + "news/1"]
    assert "\x00" not in cleaned and articles[1].title in cleaned


def _crawl_in_thread(source: Source, results: dict, key: str) -> threading.Thread:
    def run() -> None:
        results[key] = crawl_source(source, client=client(source), run_id=f"run-{key}")

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_a_second_run_of_a_source_at_once_yields_and_lands_nothing(empty_raw):
    """Before: two runs of one source landed every page twice (2,000 rows for 1,000 URLs)."""
    site = NewsSite(load_articles(8), block_from=0)
    results: dict = {}
    with serve(site) as served:
        source = Source(id="twice", name="t", kind="sitemap", start_urls=(served.url,))
        first = _crawl_in_thread(source, results, "first")
        assert site.asked.wait(60), "the first run never asked for a page"
        second = _crawl_in_thread(source, results, "second")
        second.join(60)  # a run that yields ends at once; one that crawls waits for release
        site.release.set()
        first.join(120)
        second.join(120)
    with connect() as conn:
        duplicates = conn.execute(
            "select count(*) - count(distinct url) from raw.pages where source_id = 'twice'"
        ).fetchone()[0]
        second_log = conn.execute(
            "select count(*) from raw.fetch_log where run_id = 'run-second'"
        ).fetchone()[0]
        runs = dict(
            conn.execute(
                "select run_id, counts ->> 'skipped' from raw.crawl_runs where source_id = 'twice'"
            ).fetchall()
        )
    assert duplicates == 0
    assert second_log == 0
    assert results["second"].skipped == "another run is crawling this source"
    assert results["second"].line() == "twice: skipped: another run is crawling this source"
    assert not results["second"].failures  # visible, but no alarm
    assert results["first"].new == 8
    assert runs == {"run-first": None, "run-second": "another run is crawling this source"}
    # The lock went with the run: the next one crawls.
    assert crawl_source(source, client=client(source)).skipped is None


_KILLED_CRAWL = """
import sys
from edunews.crawl.http import HttpClient
from edunews.crawl.run import crawl_source
from edunews.sources import Source

source = Source(id=sys.argv[1], name="k", kind="sitemap", start_urls=(sys.argv[2],))
client = HttpClient(allowed_hosts=source.hosts, allow_private_network=True, interval=0.0)
crawl_source(source, client=client)
"""


def test_a_killed_run_resumes_without_fetching_landed_pages_again(empty_raw):
    """A crawl killed with SIGKILL after its first batch: the rerun (no complete run behind it,
    so no `since`) fetches only what was not landed. Before: it fetched every page again."""
    total = 64
    site = NewsSite(load_articles(total), block_from=55)  # after the first batch of 50
    with serve(site) as served:
        source = Source(id="killed", name="k", kind="sitemap", start_urls=(served.url,))
        proc = subprocess.Popen(
            [sys.executable, "-c", _KILLED_CRAWL, source.id, served.url], env=dict(os.environ)
        )
        try:
            deadline = time.monotonic() + 120
            while not _pages_of(source.id) and time.monotonic() < deadline:
                assert proc.poll() is None, "the crawl ended before it was killed"
                time.sleep(0.1)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(30)
        landed = set(_pages_of(source.id))
        assert 0 < len(landed) < total
        site.release.set()
        rerun = crawl_source(source, client=client(source))
        assert rerun.new == total - len(landed)
        assert rerun.complete
        paths = [u.removeprefix(served.url.rstrip("/")) for u in landed]
        assert all(served.hits[p] == 1 for p in paths), "a landed page was fetched again"
        # A page the site says changed after it was landed is asked again; the others not.
        site.lastmod[3] = datetime.now(UTC) + timedelta(days=1)
        site.lastmod[4] = datetime(2001, 1, 1, tzinfo=UTC)
        before = dict(served.hits)
        crawl_source(source, client=client(source))
        fetched = {p for p in served.hits if served.hits[p] > before.get(p, 0)}
    assert {p for p in fetched if p.startswith("/news/")} == {"/news/3"}
    assert len(_pages_of(source.id)) == total


def _incompressible(length: int) -> str:
    return "".join(random.Random(length).choices(string.ascii_letters + string.digits, k=length))


def test_a_url_too_long_for_the_indexes_is_logged_once_and_never_fetched(empty_raw):
    """PostgreSQL's btree takes ~2,700 bytes a row: a 5,000-character URL in a sitemap failed
    its batch and then its own log row, and the source stopped."""
    site = NewsSite(load_articles(4))
    trap = "/news/0?a=" + _incompressible(5000)  # PostgreSQL compresses "xxxx..." to fit
    site.extra_paths = [trap]
    with serve(site) as served:
        source = Source(id="long-url", name="l", kind="sitemap", start_urls=(served.url,))
        first = crawl_source(source, client=client(source))
        second = crawl_source(source, client=client(source))
        trap_hits = served.hits[trap]
    reason = f"URL of {len(served.url) - 1 + len(trap)} characters: too long for an article's"
    assert first.new == 4
    assert dict(first.failures) == {f"parse_error: {reason}": 1}
    assert second.failures == {}  # settled: not logged again
    assert trap_hits == 0
    with connect() as conn:
        (logged,) = conn.execute(
            "select url from raw.fetch_log where source_id = 'long-url' and outcome = 'parse_error'"
        ).fetchone()
    assert len(logged) <= 2000 and "#cut-sha256=" in logged


def test_any_row_with_a_url_too_long_for_the_indexes_lands_shortened(empty_raw):
    long_url = "http://s.test/" + _incompressible(6000)
    with connect("loader", autocommit=True) as conn:
        lander = Lander(conn, "run-long", "long", hosts=frozenset({"s.test"}))
        lander.add(LogRow(long_url, "listed", "listing: HTTP 200", 200))
        lander.add(LogRow(long_url, None, page=_page(long_url, "long")))
        lander.flush()
    with connect() as conn:
        pages = conn.execute("select url from raw.pages").fetchall()
        logged = conn.execute("select outcome, url from raw.fetch_log").fetchall()
    assert len(pages) == 1 and pages[0][0].startswith(long_url[:1000])
    assert sorted(o for o, _ in logged) == ["listed", "stored"]
    assert all(url == pages[0][0] for _, url in logged)


def test_malformed_rest_posts_are_logged_alone_and_the_rest_land(empty_raw):
    site = NewsSite(load_articles(3))
    with serve(site) as served:
        site.odd_posts = [
            "not a post",
            {"id": 9, "link": 12345},
            {"id": 10, "link": served.url + "news/10", "title": ["no"], "content": 7},
        ]
        source = Source(id="odd-rest", name="o", kind="wordpress", start_urls=(served.url,))
        summary = crawl_source(source, client=client(source))
    assert summary.new == 3
    assert summary.outcomes["parse_error"] == 3
    assert all(reason.startswith("parse_error: ") for reason in summary.failures)
    assert summary.complete
