"""Article identity belongs to its source: a hostile site naming another office's articles
as its canonical URLs (or its REST posts' links) cannot replace that office's events.

Both layers: landing drops a canonical link outside the source's hosts (and skips a REST post
whose link is off the source), and dbt keys articles by (source_id, article URL), so even raw
rows landed before that check cannot stand in for another source's article.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from edunews.crawl.run import crawl_source
from edunews.extract import EXTRACTOR_VERSION
from edunews.sources import Source
from edunews.transform.dbt import dbt
from edunews.warehouse import connect
from edunews_sim.testsites import load_articles, serve
from edunews_sim.testsites.news import NewsSite
from helpers.crawling import site_client

METADATA = "http://169.254.169.254/latest/meta-data/"


def _record(page_id: int) -> dict:
    return {
        "id": str(page_id),
        "extractor_version": EXTRACTOR_VERSION,
        "event": {
            "event_type": "meeting",
            "date_start": "2024-10-01",
            "date_end": None,
            "venue": f"ห้องประชุม {page_id}",
            "province": None,
            "organizer_office": None,
            "participant_count": None,
        },
        "persons": [],
        "schools": [],
        "offices": [],
        "initiatives": [],
    }


def _extract_all() -> None:
    """An event record for every page without one (what the extractor says is not tested
    here; that each source keeps its own articles is)."""
    with connect("loader") as conn:
        pending = conn.execute(
            "select page_id from raw.pages p where not exists"
            " (select 1 from raw.extractions e where e.page_id = p.page_id)"
        ).fetchall()
        for (page_id,) in pending:
            conn.execute(
                "insert into raw.extractions (page_id, extractor_version, record)"
                " values (%s, %s, %s)",
                (page_id, EXTRACTOR_VERSION, json.dumps(_record(page_id))),
            )
        conn.commit()


def _events() -> list[dict]:
    with connect("reader") as conn:
        cur = conn.execute(
            "select event_key, source_id, source_url, page_id, venue from marts.fct_events"
            " order by source_id, source_url"
        )
        names = [c.name for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur]


def _log(source_id: str) -> dict[str, tuple[str, str]]:
    with connect() as conn:
        rows = conn.execute(
            "select url, outcome, reason from raw.fetch_log"
            " where source_id = %s and outcome <> 'listed'",
            (source_id,),
        ).fetchall()
    return {url: (outcome, reason) for url, outcome, reason in rows}


@pytest.fixture
def fresh(fresh_warehouse_resetter):
    fresh_warehouse_resetter()
    yield
    fresh_warehouse_resetter()


def test_a_hostile_source_cannot_replace_another_sources_events(fresh):
    articles = load_articles(9)
    victim_site = NewsSite(articles[:4])
    hostile_site = NewsSite(articles[4:8])
    rest_site = NewsSite(articles[8:9] + articles[4:6])
    with serve(victim_site) as v, serve(hostile_site) as h, serve(rest_site) as r:
        # The victim by name, the others by address: two hosts on this one machine.
        victim_url = f"http://localhost:{v.port}/"
        victim = Source(id="victim", name="v", kind="sitemap", start_urls=(victim_url,))
        hostile = Source(id="hostile", name="h", kind="sitemap", start_urls=(h.url,))
        rest = Source(id="hostile-rest", name="r", kind="wordpress", start_urls=(r.url,))
        victim_page = [f"{victim_url}news/{i}" for i in range(4)]

        assert crawl_source(victim, client=site_client(victim.hosts)).new == 4
        _extract_all()
        assert dbt(["build", "--quiet"]) == 0
        before = [e for e in _events() if e["source_id"] == "victim"]
        assert [e["source_url"] for e in before] == victim_page

        # Every hostile page names a victim's article (or the cloud metadata address) as
        # its canonical URL; the REST posts link there too, but for one of their own.
        hostile_site.canonical_of = lambda i: victim_page[i] if i < 3 else METADATA
        rest_site.link_of = lambda i: r.url + "news/0" if i == 0 else victim_page[i]
        hostile_summary = crawl_source(hostile, client=site_client(hostile.hosts))
        rest_summary = crawl_source(rest, client=site_client(rest.hosts))

    assert hostile_summary.new == 4 and not hostile_summary.failures
    with connect() as conn:
        canonicals = conn.execute(
            "select canonical_url from raw.pages where source_id = 'hostile'"
        ).fetchall()
    assert canonicals == [(None,)] * 4
    reasons = {reason for _, reason in _log("hostile").values()}
    assert reasons == {
        f"new; canonical link to localhost:{v.port} ignored",
        "new; canonical link to 169.254.169.254 ignored",
    }
    assert rest_summary.new == 1
    assert _log("hostile-rest")[victim_page[1]] == (
        "off_site",
        f"REST post link to localhost:{v.port} is outside the source's hosts",
    )

    # A raw row landed before landing checked canonical links: dbt keeps it to its source.
    with connect("loader") as conn:
        conn.execute(
            "insert into raw.pages (source_id, url, canonical_url, fetched_at, title, body_text,"
            " content_sha256, http_status) values ('hostile', %s, %s, %s, 'old', 'old', 'x', 200)",
            (h.url + "old", victim_page[0], dt.datetime.now(dt.UTC)),
        )
        conn.commit()
    _extract_all()
    assert dbt(["build", "--quiet"]) == 0, "incremental build failed (a data test?)"
    incremental = _events()
    assert [e for e in incremental if e["source_id"] == "victim"] == before
    by_source = {}
    for event in incremental:
        by_source.setdefault(event["source_id"], []).append(event["source_url"])
    assert len(by_source["hostile"]) == 5  # its own four pages, and the old row as itself
    assert victim_page[0] in by_source["hostile"]  # the old row's claim, kept to itself
    assert by_source["hostile-rest"] == [r.url + "news/0"]
    assert dbt(["build", "--quiet", "--full-refresh"]) == 0
    assert _events() == incremental

    # A warehouse built before articles were keyed by source: its incremental tables hold
    # URL-only event_keys no new row matches. The next run rebuilds them in full.
    with connect() as conn:
        for table in ("intermediate.int_articles__newest", "marts.fct_events"):
            conn.execute(f"comment on table {table} is null")
        conn.execute(
            "update marts.fct_events set event_key = md5(coalesce(source_url, '_null_'))"
            " where source_id = 'victim'"
        )
        conn.commit()
    assert dbt(["run", "--quiet"]) == 0
    assert _events() == incremental


@pytest.mark.parametrize(
    ("url", "foreign"),
    [
        ("http://CMAREA3.go.th/news/1", None),
        ("https://www.cmarea3.go.th/news/1", None),
        ("http://0xA9FEA9FE/latest/meta-data/", "169.254.169.254"),  # another spelling
        ("http://evil.example\\@cmarea3.go.th/", "evil.example"),  # as a browser reads it
        ("http://other.go.th/news/1", "other.go.th"),
        ("javascript:alert(1)", "javascript:alert(1)"),
    ],
)
def test_a_foreign_host_is_read_as_a_request_would_read_it(url, foreign):
    from edunews.crawl.urls import foreign_host

    source = Source(id="s", name="s", kind="auto", start_urls=("https://cmarea3.go.th/",))
    assert foreign_host(url, source.hosts) == foreign
    assert foreign_host(url, source.sites) == foreign


@pytest.mark.parametrize(
    ("url", "foreign"),
    [
        ("http://127.0.0.1:8001/news/1", None),
        ("http://127.0.0.1:8002/news/1", "127.0.0.1:8002"),  # the office next door
        ("http://127.0.0.1/news/1", "127.0.0.1"),
        ("http://2130706433:8002/news/1", "127.0.0.1:8002"),
    ],
)
def test_two_sites_on_one_host_differ_by_port(url, foreign):
    """Sources sharing a host (test farms, one server with a site per port) are apart: a
    canonical link to the other's port is foreign, as a link to another host is."""
    from edunews.crawl.urls import foreign_host

    source = Source(id="s", name="s", kind="auto", start_urls=("http://127.0.0.1:8001/",))
    assert foreign_host(url, source.sites) == foreign


def test_a_canonical_link_to_the_home_page_names_no_article(empty_raw):
    """An SEO plugin set wrong gives every page the home page as canonical: kept, every
    article of the site would be one article, one event."""
    site = NewsSite(load_articles(4))
    with serve(site) as served:
        source = Source(id="home", name="h", kind="sitemap", start_urls=(served.url,))
        site.canonical_of = lambda i: served.url if i % 2 else served.url + "index.php"
        summary = crawl_source(source, client=site_client(source.hosts))
    assert summary.new == 4
    with connect() as conn:
        canonicals = conn.execute(
            "select count(*) from raw.pages where source_id = 'home' and canonical_url is null"
        ).fetchone()[0]
    assert canonicals == 4
    assert {reason for _, reason in _log("home").values()} == {
        "new; canonical link to the site's home page ignored"
    }
