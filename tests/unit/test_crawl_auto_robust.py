"""auto.discover against hostile home pages and big REST listings, over real local HTTP."""

from __future__ import annotations

import itertools
import json

import pytest

from edunews.crawl import auto
from edunews.crawl.discovery import Context, Found
from edunews.crawl.http import FetchError, HttpClient
from edunews_sim.server import Reply, Request, serve

PAGES = 40


def _client() -> HttpClient:
    return HttpClient(allowed_hosts={"127.0.0.1"}, allow_private_network=True, interval=0.0)


class _BigRest:
    """A WordPress site with PAGES pages of 100 posts each."""

    def handle(self, request: Request) -> Reply:
        if request.path == "/":
            return Reply.html('<html><head><link rel="https://api.w.org/" href="/wp-json/">')
        if request.path == "/wp-json/wp/v2/posts":
            page = int(request.arg("page", "1"))
            posts = [
                {
                    "id": page * 1000 + i,
                    "link": f"/news/{page}-{i}",
                    "title": {"rendered": f"ข่าว {page}-{i}"},
                    "content": {"rendered": "<p>" + "เนื้อข่าว " * 40 + "</p>"},
                    "date_gmt": "2026-01-02T03:04:05",
                    "modified_gmt": "2026-01-02T03:04:05",
                }
                for i in range(100)
            ]
            return Reply(
                200,
                json.dumps(posts).encode(),
                {"Content-Type": "application/json", "X-WP-TotalPages": str(PAGES)},
            )
        return Reply.not_found()


def test_a_consumer_that_stops_early_reads_only_the_first_rest_page():
    # Items must stream: listing every REST page before the first item is taken holds the
    # whole site in memory and spends the budget max_articles was meant to save.
    with serve(_BigRest()) as site:
        ctx = Context(_client())
        taken = list(itertools.islice(auto.discover(ctx, site.url), 150))
        assert len(taken) == 150 and all(isinstance(i, Found) and i.article for i in taken)
        pages = {t for t in site.hits if t.startswith("/wp-json/wp/v2/posts")}
        assert len(pages) == 2  # page 1 and page 2 (items 101-150), not all 40


_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>a</title><link>{base}news/1</link>
<pubDate>Fri, 02 Jan 2026 10:00:00 +0700</pubDate></item>
<item><title>b</title><link>{base}news/2</link>
<pubDate>Thu, 01 Jan 2026 10:00:00 +0700</pubDate></item>
</channel></rss>"""

HOSTILE = ["http://[::1/", "http://x:99999/", "http://[::1]x/", "http://127.0.0.1:0x50/"]


class _HostileLinks:
    def __init__(self, bad: str) -> None:
        self.bad = bad
        self.base = ""

    def handle(self, request: Request) -> Reply:
        if request.path == "/":
            return Reply.html(
                f'<html><head><link rel="https://api.w.org/" href="{self.bad}">'
                f'<link rel="alternate" type="application/rss+xml" href="{self.bad}feed">'
                '<link rel="alternate" type="application/rss+xml" href="/feed"></head>'
            )
        if request.path == "/feed":
            return Reply(200, _FEED.format(base=self.base).encode(), {"Content-Type": "text/xml"})
        return Reply.not_found()


@pytest.mark.parametrize("bad", HOSTILE)
def test_hostile_rest_and_feed_links_give_way_to_the_next_way(bad):
    site_def = _HostileLinks(bad)
    with serve(site_def) as site:
        site_def.base = site.url
        items = list(auto.discover(Context(_client()), site.url))
    assert [i.url for i in items if isinstance(i, Found)][:2] == [
        site.url + "news/1",
        site.url + "news/2",
    ]


@pytest.mark.parametrize("bad", HOSTILE)
def test_context_fetch_turns_a_bad_url_with_params_into_a_fetch_error(bad):
    ctx = Context(_client())
    with pytest.raises(FetchError):
        ctx.fetch(bad + "wp/v2/posts", {"page": 1})


def test_each_rest_page_is_parsed_once(monkeypatch):
    # A 100-post page of rendered content is megabytes of JSON: parsing it twice (once to
    # check it is a list, once to read it) doubled the CPU and peak memory of every page.
    from edunews.crawl import wordpress

    parsed: list[int] = []
    real = wordpress._json

    def counting(resp):
        parsed.append(1)
        return real(resp)

    monkeypatch.setattr(wordpress, "_json", counting)
    with serve(_BigRest()) as site:
        ctx = Context(_client(), settings={"api_root": site.url + "wp-json/"})
        taken = list(itertools.islice(wordpress.discover(ctx, site.url), 250))
    assert len(taken) == 250 and all(isinstance(i, Found) and i.article for i in taken)
    assert len(parsed) == 3  # pages 1, 2 and 3, each once
