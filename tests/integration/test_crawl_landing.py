"""Landing: conditional re-fetches, retries of failed fetches, no half pages on a crash."""

from __future__ import annotations

from datetime import UTC, datetime

import psycopg
import pytest

from edunews.crawl.http import HttpClient
from edunews.crawl.land import FetchedPage, Lander, LogRow
from edunews.crawl.run import crawl_source
from edunews.sources import Source
from edunews.testsites import load_articles, serve
from edunews.testsites.faulty import FaultySite
from edunews.testsites.wordpress import WordPressSite
from edunews.warehouse import connect

pytestmark = pytest.mark.integration


def client(source: Source, **overrides) -> HttpClient:
    options = dict(
        allowed_hosts=source.hosts,
        allow_private_network=True,
        interval=0.0,
        backoff=0.01,
        read_timeout=2.0,
    )
    return HttpClient(**{**options, **overrides})


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


def test_a_failing_batch_leaves_no_half_page(empty_raw):
    with connect("loader") as conn:
        lander = Lander(conn, "run-crash", "crash", batch_size=10)
        lander.add(LogRow("http://s.test/1", "", page=_page("http://s.test/1", "crash")))
        lander.add(LogRow("http://s.test/gone", "http_error", "HTTP 404", 404))
        # A page that breaks the insert (source_id is not null) in the same batch.
        lander.add(LogRow("http://s.test/2", "", page=_page("http://s.test/2", None)))
        with pytest.raises(psycopg.errors.NotNullViolation):
            lander.flush()
    with connect() as conn:
        assert conn.execute("select count(*) from raw.pages").fetchone()[0] == 0
        assert conn.execute("select count(*) from raw.fetch_log").fetchone()[0] == 0


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
