"""Hostile pages into real PostgreSQL (issue 10): what the readers make storable is stored.

The hostile-pages site crawled through its sitemap lands every page with the verdict its
EXPECTED map gives, and the stored text holds what it must; text with a NUL or a lone
surrogate, as psycopg meets it, fails without `storable` and lands with it.
"""

from __future__ import annotations

import psycopg
import pytest

from edunews.crawl.http import HttpClient
from edunews.crawl.run import crawl_source
from edunews.crawl.storable import storable
from edunews.sources import Source
from edunews.warehouse import connect
from edunews_sim.testsites import load_articles, serve
from edunews_sim.testsites.farm_pages import EXPECTED, HostilePagesSite

DIRTY = ["ก่อน\x00หลัง", "ชื่อ\ud800เรื่อง", "\x1b[31mแดง\x0c", "\ud83d\ude00"]
# What PostgreSQL's UTF8 takes although it is no text either: kept as it is.
ODD_BUT_TAKEN = "\x7f\x85\ufeff\ufffe\uffff\U0010ffff\t\r\n"


def test_postgresql_takes_what_storable_gives(warehouse):
    with connect() as conn:
        conn.execute("create temporary table t (body text)")
        for text in DIRTY[:2]:
            with pytest.raises((psycopg.DataError, UnicodeEncodeError)), conn.transaction():
                conn.execute("insert into t values (%s)", (text,))
        for text in [*DIRTY, ODD_BUT_TAKEN]:
            conn.execute("insert into t values (%s)", (storable(text),))
        stored = [row[0] for row in conn.execute("select body from t")]
    assert stored == ["ก่อนหลัง", "ชื่อ\ufffdเรื่อง", "[31mแดง", "\U0001f600", ODD_BUT_TAKEN]


def test_the_hostile_pages_land_with_their_verdicts(empty_raw):
    site = HostilePagesSite(load_articles(5))
    with serve(site) as served:
        source = Source(id="hostile", name="hostile", kind="sitemap", start_urls=(served.url,))
        client = HttpClient(
            allowed_hosts=source.hosts,
            allow_private_network=True,
            interval=0.0,
            backoff=0.01,
            read_timeout=10.0,
        )
        summary = crawl_source(source, client=client)
        base = served.url.rstrip("/")
    with connect() as conn:
        outcomes = dict(
            conn.execute(
                "select url, outcome from raw.fetch_log where source_id = 'hostile'"
                " and outcome <> 'listed'"
            ).fetchall()
        )
        pages = {
            url: (body, charset, canonical)
            for url, body, charset, canonical in conn.execute(
                "select url, body_text, charset, canonical_url from raw.pages"
            )
        }
    expectations = site.expectations()
    for path in (p for p in EXPECTED if p.startswith("/hostile/")):
        expect = expectations[path]
        assert outcomes.get(base + path) == expect.outcome, (path, outcomes.get(base + path))
        if expect.outcome != "stored":
            continue
        body, charset, canonical = pages[base + path]
        for text in expect.contains:
            assert text in body, path
        if expect.charset:
            assert charset == expect.charset, path
        if expect.canonical is None:
            assert canonical is None, path
    for path in site.good_paths():
        assert outcomes[base + path] in ("stored", "unchanged"), path
    assert summary.complete


def test_the_hostile_rest_posts_land_with_their_verdicts(empty_raw):
    site = HostilePagesSite(load_articles(5))
    with serve(site) as served:
        source = Source(id="hostile-wp", name="wp", kind="wordpress", start_urls=(served.url,))
        client = HttpClient(
            allowed_hosts=source.hosts, allow_private_network=True, interval=0.0, backoff=0.01
        )
        summary = crawl_source(source, client=client)
        base = served.url.rstrip("/")
    with connect() as conn:
        logged = conn.execute(
            "select url, outcome, reason from raw.fetch_log where source_id = 'hostile-wp'"
            " and outcome <> 'listed'"
        ).fetchall()
        bodies = dict(conn.execute("select url, body_text from raw.pages").fetchall())
    outcomes = {url: outcome for url, outcome, _ in logged}
    for path, outcome in EXPECTED.items():
        if path.startswith("/hostile/"):
            continue
        url = path if path.startswith("http") else base + path
        assert outcomes.get(url) == outcome, (path, outcomes.get(url))
    reasons = {url: reason for url, _, reason in logged}
    assert "content is a str" in reasons[base + "/rest/content-string"]
    for path, expect in site.expectations().items():
        if path.startswith("/rest/") and expect.outcome == "stored":
            assert all(text in bodies[base + path] for text in expect.contains), path
    for article in site.articles:
        assert bodies[f"{base}/good/{article.post_id}"] == article.body_text
    assert summary.complete  # malformed posts are the posts' failures, not the listing's
