"""Budgets: a run of a source fetches at most max_articles and spends at most max_minutes,
ends cleanly when one runs out ("stopped: budget of ..."), is recorded incomplete, and the
next night resumes where it stopped, so a backlog is worked through night by night."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from edunews.crawl.all_sources import RunTotals
from edunews.crawl.run import crawl_source
from edunews.orchestration import tasks
from edunews.sources import Source, load_sources
from edunews.sources.registry import (
    DEFAULT_MAX_ARTICLES,
    DEFAULT_MAX_MINUTES,
    RegistryError,
    largest_budget_minutes_in,
)
from edunews.warehouse import connect
from edunews_sim.testsites import load_articles, serve
from edunews_sim.testsites.news import NewsSite
from helpers.crawling import site_client


def _runs(source_id: str) -> list[tuple[bool, str | None]]:
    with connect() as conn:
        return conn.execute(
            "select complete, counts ->> 'stopped' from raw.crawl_runs where source_id = %s"
            " order by crawl_run_id",
            (source_id,),
        ).fetchall()


def _stored(source_id: str) -> int:
    with connect() as conn:
        return conn.execute(
            "select count(*) from raw.pages where source_id = %s", (source_id,)
        ).fetchone()[0]


@pytest.mark.parametrize("kind", ["sitemap", "wordpress"])
def test_an_article_budget_stops_the_run_and_the_next_nights_resume(empty_raw, kind):
    """12 articles, 5 a night: 5, 5, 2, then nothing; no page is fetched twice."""
    site = NewsSite(load_articles(12))
    with serve(site) as served:
        source = Source(
            id=f"budget-{kind}",
            name="b",
            kind=kind,
            start_urls=(served.url,),
            settings={"max_articles": 5},
        )
        nights = [crawl_source(source, client=site_client(source.hosts)) for _ in range(4)]
        article_hits = [n for path, n in served.hits.items() if path.startswith("/news/")]
    assert [n.new for n in nights] == [5, 5, 2, 0]
    assert [n.stopped for n in nights] == ["budget of 5 articles reached"] * 2 + [None, None]
    assert nights[0].line().endswith("(stopped: budget of 5 articles reached)")
    assert not nights[0].failures  # a budget reached is no failure of the site
    # Incomplete while stopped: the next night must not skip what this one never saw.
    assert _runs(source.id) == [
        (False, "budget of 5 articles reached"),
        (False, "budget of 5 articles reached"),
        (True, None),
        (True, None),
    ]
    assert _stored(source.id) == 12
    assert all(n == 1 for n in article_hits)  # REST posts: no page fetched at all
    totals = RunTotals()
    totals.add(nights[0])
    assert totals.lines()[-1] == (
        f"stopped by their budget, to resume next run: {source.id} (budget of 5 articles reached)"
    )
    assert totals.incomplete == []  # the command does not exit as failed


def test_max_pages_overrides_the_sources_budget(empty_raw):
    site = NewsSite(load_articles(6))
    with serve(site) as served:
        source = Source(
            id="override",
            name="o",
            kind="sitemap",
            start_urls=(served.url,),
            settings={"max_articles": 5},
        )
        summary = crawl_source(source, client=site_client(source.hosts), max_pages=2)
    assert summary.new == 2
    assert summary.stopped == "budget of 2 articles reached"


def test_a_minutes_budget_ends_each_run_and_the_runs_work_through_the_backlog(empty_raw):
    """Pages answer slowly; a run may spend 1.2 s: it stops when its time is up, and the runs
    that follow take what is left, each page landed once."""
    total = 12
    site = NewsSite(load_articles(total), delay=0.3)
    with serve(site) as served:
        source = Source(
            id="minutes",
            name="m",
            kind="sitemap",
            start_urls=(served.url,),
            settings={"max_minutes": 0.02},
        )
        summaries = []
        while len(summaries) < 3 * total and (not summaries or summaries[-1].stopped):
            summaries.append(crawl_source(source, client=site_client(source.hosts)))
        article_hits = [n for path, n in served.hits.items() if path.startswith("/news/")]
    assert summaries[0].stopped == "budget of 0.02 min reached"
    assert summaries[0].new < total
    assert summaries[-1].complete and summaries[-1].stopped is None
    assert sum(s.new for s in summaries) == total == _stored(source.id)
    # A page landed is never asked again; the one request in flight at a run's deadline is
    # cut (nothing landed of it) and asked again by the next run.
    assert len(article_hits) == total
    assert sum(article_hits) <= total + len(summaries) - 1


def test_a_time_budget_stops_discovery_too(empty_raw):
    """A listing that would take minutes to answer: the run ends at its budget, cleanly."""
    site = NewsSite(load_articles(3))
    site.listing_delay = 60.0
    with serve(site) as served:
        source = Source(
            id="slow-listing",
            name="s",
            kind="sitemap",
            start_urls=(served.url,),
            settings={"max_minutes": 0.01},
        )
        started = time.monotonic()
        summary = crawl_source(source, client=site_client(source.hosts))
        took = time.monotonic() - started
    assert took < 30  # loose: the listing alone would take 60 s
    assert summary.stopped is not None and "min" in summary.stopped
    assert not summary.failures
    assert _runs(source.id)[0][0] is False


def test_a_budget_spent_in_exploring_is_no_failure_of_the_site(empty_raw):
    """kind auto tries one way after another and may swallow a refused request: a run whose
    time ran out before it found an article stopped, it did not find a site without news."""
    site = NewsSite(load_articles(3))
    site.listing_delay = 60.0
    with serve(site) as served:
        source = Source(
            id="slow-explore",
            name="s",
            kind="auto",
            start_urls=(served.url,),
            settings={"max_minutes": 0.01},
        )
        summary = crawl_source(source, client=site_client(source.hosts))
    assert summary.stopped is not None and "min" in summary.stopped
    assert not summary.failures, summary.failures


ONE_SOURCE = "sources:\n  - id: a\n    start_urls: [https://a.example/]\n"


@pytest.mark.parametrize(
    "extra",
    [
        "    max_articles: 0\n",
        "    max_articles: 1.5\n",
        "    max_minutes: -1\n",
        "    max_minutes: x\n",
    ],
)
def test_the_registry_refuses_a_budget_that_is_not_a_positive_number(sources_registry, extra):
    with pytest.raises(RegistryError, match="max_(articles|minutes) must be a positive"):
        load_sources(sources_registry(ONE_SOURCE + extra))


def test_budgets_come_from_the_registry_or_the_defaults(sources_registry):
    path = sources_registry(ONE_SOURCE + "    max_articles: 300\n    max_minutes: 90\n")
    (source,) = load_sources(path)
    assert (source.max_articles, source.max_minutes) == (300, 90.0)
    plain = Source(id="p", name="p", kind="auto", start_urls=("https://p.example/",))
    assert (plain.max_articles, plain.max_minutes) == (DEFAULT_MAX_ARTICLES, DEFAULT_MAX_MINUTES)
    assert largest_budget_minutes_in(path) == 90.0
    assert largest_budget_minutes_in(sources_registry(ONE_SOURCE)) == DEFAULT_MAX_MINUTES


def test_the_crawl_tasks_time_out_a_bit_above_the_largest_budget(sources_registry, monkeypatch):
    sources_registry(ONE_SOURCE + "    max_minutes: 150\n")
    assert tasks.crawl_timeout().total_seconds() / 60 == 150 + 15
    monkeypatch.delenv("EDUNEWS_SOURCES")
    assert tasks.crawl_timeout().total_seconds() / 60 == DEFAULT_MAX_MINUTES + 15


def test_the_ingest_dags_crawl_task_has_that_timeout():
    from airflow.dag_processing.dagbag import DagBag

    from edunews.config import dags_dir

    bag = DagBag(dag_folder=str(dags_dir() / "edunews_ingest.py"))
    assert bag.import_errors == {}
    crawl = bag.dags["edunews_ingest"].get_task("crawl")
    assert crawl.execution_timeout == tasks.crawl_timeout()


def test_the_nights_report_shows_stopped_and_skipped_sources_without_alarm(empty_raw):
    results = [
        {"source_id": "big", "outcomes": {"stored": 5}, "failures": {}, "new": 5, "changed": 0,
         "complete": False, "stopped": "budget of 5 articles reached", "skipped": None},
        {"source_id": "busy", "outcomes": {}, "failures": {}, "new": 0, "changed": 0,
         "complete": False, "stopped": None, "skipped": "another run is crawling this source"},
    ]  # fmt: skip
    figures = tasks.summarize_crawl(
        results, [{"id": "big"}, {"id": "busy"}], dag_id="edunews_ingest", run_id="r-budget"
    )
    assert figures["failing_sources"] == {}
    assert figures["stopped_sources"] == {"big": "budget of 5 articles reached"}
    assert figures["skipped_sources"] == {"busy": "another run is crawling this source"}


def test_a_client_serving_several_runs_keeps_no_earlier_runs_deadline(empty_raw):
    site = NewsSite(load_articles(3))
    site.listing_delay = 60.0
    quick = NewsSite(load_articles(3))
    with serve(site) as slow_served, serve(quick) as quick_served:
        shared = site_client(hosts=())  # any host: it serves several sources
        slow = Source(
            id="slow", name="s", kind="sitemap", start_urls=(slow_served.url,),
            settings={"max_minutes": 0.01},
        )  # fmt: skip
        other = Source(id="other", name="o", kind="sitemap", start_urls=(quick_served.url,))
        assert crawl_source(slow, client=shared).stopped is not None
        summary = crawl_source(other, client=shared)
    assert summary.stopped is None and summary.new == 3


def test_a_sitemap_that_stamps_every_url_as_changed_does_not_eat_the_budget(empty_raw):
    """Every known page's lastmod says 'changed now': after 20 re-fetches that came back
    unchanged the run stops believing it, and the budget goes to pages never seen. Before:
    all 30 known pages were fetched again and only 10 new ones fitted in the budget."""
    articles = load_articles(60)
    site = NewsSite(articles[:30])
    with serve(site) as served:
        source = Source(
            id="stamps", name="s", kind="sitemap", start_urls=(served.url,),
            settings={"max_articles": 40},
        )  # fmt: skip
        assert crawl_source(source, client=site_client(source.hosts)).new == 30
        site.articles = articles  # 30 new pages, listed after the old ones
        site.lastmod = {i: datetime.now(UTC) for i in range(60)}
        second = crawl_source(source, client=site_client(source.hosts))
        refetched = [p for p in served.hits if p.startswith("/news/") and served.hits[p] == 2]
    assert len(refetched) == 20
    assert second.new == 20 and second.stopped == "budget of 40 articles reached"


def test_links_to_other_hosts_are_not_fetched_and_do_not_spend_the_budget(empty_raw):
    site = NewsSite(load_articles(5))
    with serve(site) as served:
        source = Source(
            id="foreign", name="f", kind="sitemap", start_urls=(served.url,),
            settings={"max_articles": 5},
        )  # fmt: skip
        # The sitemap lists 30 links elsewhere before the site's own articles.
        foreign = [f"http://elsewhere.example/news/{i}" for i in range(30)]
        site.listed_first = foreign
        summary = crawl_source(source, client=site_client(source.hosts))
    assert summary.new == 5 and summary.stopped is None
    reason = "off_site: host elsewhere.example is not one of the source's hosts"
    assert summary.failures == {reason: 30}
