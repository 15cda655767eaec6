"""WordPress sites crawled for real: local servers, the embedded PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from edunews.crawl.http import HttpClient
from edunews.crawl.run import crawl_source
from edunews.sources import Source
from edunews.warehouse import connect
from edunews_sim.testsites import load_articles, serve
from edunews_sim.testsites.wordpress import WordPressSite, YearlyInstalls
from helpers.crawling import site_client


def fast_client(source: Source) -> HttpClient:
    return site_client(source.hosts, read_timeout=2.0)


def crawl(source: Source, **kwargs):
    return crawl_source(source, client=fast_client(source), **kwargs)


def pages(source_id: str) -> dict[str, tuple]:
    with connect() as conn:
        rows = conn.execute(
            "select url, title, body_text, published_at from raw.pages where source_id = %s",
            (source_id,),
        ).fetchall()
    return {url: (title, body, published) for url, title, body, published in rows}


@pytest.mark.parametrize("links", ["pretty", "plain"])
def test_every_article_lands_with_title_text_and_date(empty_raw, links):
    articles = load_articles(12)
    site = WordPressSite(articles, links=links)
    with serve(site) as served:
        source = Source(id=f"wp-{links}", name="wp", kind="auto", start_urls=(served.url,))
        summary = crawl(source)
        landed = pages(source.id)
    assert summary.new == 12 and summary.failed == 0
    for article in articles:
        title, body, published = landed[site.link(article)]
        assert title == article.title
        assert body == article.body_text
        assert published == article.published
    if links == "plain":
        assert all("?p=" in url for url in landed)


def test_second_run_stores_nothing_and_asks_only_for_changes(empty_raw):
    articles = load_articles(8)
    site = WordPressSite(articles)
    with serve(site) as served:
        source = Source(id="wp-twice", name="wp", kind="wordpress", start_urls=(served.url,))
        first = crawl(source)
        second = crawl(source)
        listing = [t for t in served.hits if "wp/v2/posts" in t]
    assert first.new == 8
    assert second.new == 0 and second.changed == 0 and second.failed == 0
    assert "modified_after=" in listing[-1]
    assert len(pages("wp-twice")) == 8


def test_edited_article_is_a_new_row(empty_raw):
    articles = load_articles(5)
    site = WordPressSite(articles)
    with serve(site) as served:
        source = Source(id="wp-edit", name="wp", kind="wordpress", start_urls=(served.url,))
        crawl(source)
        edited = articles[2]
        site.articles = [
            a
            if a is not edited
            else type(a)(
                a.post_id,
                a.slug,
                a.title + " (แก้ไข)",
                a.paragraphs,
                a.published,
                a.modified + timedelta(days=3650),
            )
            for a in site.articles
        ]
        summary = crawl(source)
    assert (summary.new, summary.changed) == (0, 1)
    with connect() as conn:
        count = conn.execute(
            "select count(*) from raw.pages where source_id = 'wp-edit'"
        ).fetchone()[0]
    assert count == 6


def test_yearly_installs_are_one_source_with_several_bases(empty_raw):
    old, new = load_articles(4), load_articles(3, offset=4)
    site = YearlyInstalls(
        {
            "/2563/": WordPressSite(old, prefix="/2563/"),
            "/2567/": WordPressSite(new, prefix="/2567/", links="plain"),
        }
    )
    with serve(site) as served:
        source = Source(
            id="wp-years",
            name="wp",
            kind="auto",
            start_urls=(served.url + "2563/", served.url + "2567/"),
        )
        summary = crawl(source)
    assert summary.new == 7
    urls = set(pages("wp-years"))
    assert sum("/2563/" in u for u in urls) == 4 and sum("/2567/?p=" in u for u in urls) == 3


def test_pages_read_from_html_say_what_the_rest_api_says(empty_raw):
    """The demo site's themed pages, read without the API (sitemap, then each page), give
    the same title, body and date as its REST API: a second run through REST stores
    nothing."""
    from edunews_sim.demosite import DemoSite, generate_articles

    with DemoSite(generate_articles(10, seed=5)) as site:
        from_pages = Source(id="demo", name="demo", kind="sitemap", start_urls=(site.url,))
        by_pages = crawl(from_pages)
        from_rest = Source(id="demo", name="demo", kind="wordpress", start_urls=(site.url,))
        everything = datetime(2000, 1, 1, tzinfo=UTC)
        by_rest = crawl_source(from_rest, client=fast_client(from_rest), since=everything)
    assert by_pages.new == 10 and by_pages.failed == 0
    assert by_rest.outcomes["unchanged"] == 10 and by_rest.new == by_rest.changed == 0


def test_content_hash_does_not_depend_on_the_time_zone():
    from edunews.crawl.land import FetchedPage
    from edunews.thai_calendar import BANGKOK

    when = load_articles(1)[0].published

    def page(published):
        return FetchedPage("s", "u", None, 200, "utf-8", "", "t", "b", published, None, None)

    assert page(when).content_sha256 == page(when.astimezone(BANGKOK)).content_sha256


def test_closed_rest_api_falls_back_to_the_feed(empty_raw):
    articles = load_articles(6)
    site = WordPressSite(articles, rest_open=False)
    with serve(site) as served:
        source = Source(id="wp-closed", name="wp", kind="auto", start_urls=(served.url,))
        summary = crawl(source)
        landed = pages(source.id)
    assert summary.new == 6 and summary.failed == 0 and summary.complete
    for article in articles:
        title, body, published = landed[site.link(article)]
        assert (title, body, published) == (article.title, article.body_text, article.published)


def test_a_feed_as_the_start_url(empty_raw):
    site = WordPressSite(load_articles(3))
    with serve(site) as served:
        source = Source(id="feed-url", name="f", kind="auto", start_urls=(served.url + "feed/",))
        assert crawl(source).new == 3
