"""A crawler bug on one page or one source fails that page or source, never the run.

Real sites on 127.0.0.1 and a real PostgreSQL. No real input is known to make the page
reader raise (every one found has been fixed), so one test gives the reader a bug for one
page; the source whose crawl raises is a real one: a kind no discovery module serves.
"""

from __future__ import annotations

import pytest

from edunews.crawl import run
from edunews.crawl.all_sources import crawl_sources
from edunews.crawl.land import FetchedPage, Lander, LogRow
from edunews.crawl.run import crawl_source
from edunews.crawl.urls import foreign_host
from edunews.sources import Source
from edunews.warehouse import connect
from edunews_sim.testsites import load_articles, serve
from edunews_sim.testsites.news import NewsSite
from helpers.crawling import site_client


def _source(source_id: str, url: str, kind: str = "sitemap") -> Source:
    return Source(id=source_id, name=source_id, kind=kind, start_urls=(url,))


def _logged(source_id: str) -> dict[str, tuple[str, str | None]]:
    with connect() as conn:
        rows = conn.execute(
            "select url, outcome, reason from raw.fetch_log where source_id = %s",
            (source_id,),
        ).fetchall()
    return {url: (outcome, reason) for url, outcome, reason in rows}


def test_a_page_whose_reading_raises_fails_alone(empty_raw, monkeypatch):
    articles = load_articles(3)
    broken = articles[1].title.encode()
    real_decode = run.decode_body

    def decode_with_a_bug(body: bytes, content_type: str | None) -> tuple[str, str | None]:
        if broken in body:
            raise TypeError("a bug that only this page meets")
        return real_decode(body, content_type)

    monkeypatch.setattr(run, "decode_body", decode_with_a_bug)
    site = NewsSite(articles)
    with serve(site) as served:
        source = _source("bug-page", served.url)
        summary = crawl_source(source, client=site_client(source.hosts))
        base = served.url.rstrip("/")

    logged = _logged("bug-page")
    assert logged[base + "/news/1"] == (
        "parse_error",
        "crawler error: TypeError: a bug that only this page meets",
    )
    # Its neighbours, before and after it, land; the run is not cut short.
    assert logged[base + "/news/0"][0] == "stored"
    assert logged[base + "/news/2"][0] == "stored"
    assert summary.new == 2 and summary.complete and not summary.crashed


def test_a_source_whose_crawl_raises_is_failed_and_the_others_are_kept(empty_raw):
    articles = load_articles(3)
    with serve(NewsSite(articles)) as good, serve(NewsSite(articles)) as other:
        sources = [
            _source("good", good.url),
            _source("no-such-kind", other.url, kind="no-such-kind"),
        ]
        done = []
        totals = crawl_sources(
            sources, workers=2, on_done=done.append, allow_private_network=True, rate=1000
        )

    assert totals.sources == 2
    assert totals.new == 3  # the good source's totals are kept
    assert totals.crashed == ["no-such-kind (KeyError: 'no-such-kind')"]
    assert any(line.startswith("FAILED, the crawler raised") for line in totals.lines())
    crashed = next(s for s in done if s.source_id == "no-such-kind")
    assert not crashed.complete and crashed.failed == 1
    assert crashed.line() == "no-such-kind: CRASHED: KeyError: 'no-such-kind'"


def test_a_lander_must_be_told_the_sources_hosts():
    with pytest.raises(TypeError, match="hosts"):
        Lander(None, "run", "source")  # type: ignore[call-arg]


def test_no_hosts_given_means_every_host_is_foreign():
    assert foreign_host("http://elsewhere.test/a", ()) == "elsewhere.test"
    assert foreign_host("http://s.test/a", frozenset({"s.test"})) is None
    assert foreign_host(None, ()) is None


def test_a_lander_with_no_hosts_keeps_no_canonical_link(empty_raw):
    url = "http://s.test/news/1"
    page = FetchedPage("nohosts", url, url, 200, "utf-8", "<p>x</p>", "t", "x", None, None, None)
    with connect("loader", autocommit=True) as conn:
        lander = Lander(conn, "run-nohosts", "nohosts", hosts=frozenset())
        lander.add(LogRow(url, None, page=page))
        lander.flush()
    with connect() as conn:
        (canonical,) = conn.execute(
            "select canonical_url from raw.pages where source_id = 'nohosts'"
        ).fetchone()
    assert canonical is None
