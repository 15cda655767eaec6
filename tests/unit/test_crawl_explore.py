"""Exploring: article URL shapes, paging links, what a page is, ways in, and walks that end."""

from __future__ import annotations

import time

import pytest
from bs4 import BeautifulSoup

from edunews.crawl import explore
from edunews.crawl.discovery import Context, Found
from edunews.crawl.explore import Explorer
from edunews.crawl.http import HttpClient
from edunews.crawl.learned import Learned
from edunews.crawl.links import is_paging
from edunews.crawl.shape import Shape
from edunews.crawl.verdict import verdict
from edunews_sim.testsites import Reply, serve
from edunews_sim.testsites.shapes_common import build
from helpers.crawling import explore_walk

J = "http://s.test/index.php?option=com_content&view="


@pytest.mark.parametrize(
    ("learned_from", "same", "different"),
    [
        (
            J + "article&id=57:meeting&catid=9&Itemid=59",
            [J + "article&id=8", J + "article&id=12:x-y&catid=3"],
            [J + "category&id=9", J + "category&id=9&limitstart=5", "http://s.test/index.php"],
        ),
        (
            "http://s.test/news.php?id=5",
            ["http://s.test/news.php?id=1234"],
            ["http://s.test/news.php?page=2", "http://s.test/news.php", "http://s.test/about.php"],
        ),
        (
            "http://s.test/2567/05/12/%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%8A%E0%B8%B8%E0%B8%A1/",
            ["http://s.test/2566/01/03/meeting/", "http://s.test/2567/12/31/a-b-c/"],
            ["http://s.test/2567/05/12/", "http://s.test/category/news/page/2/"],
        ),
        (
            "http://s.test/index.php/news/123-meeting",
            ["http://s.test/index.php/news/9-x"],
            ["http://s.test/index.php/news", "http://s.test/index.php/activities/9-x"],
        ),
        (
            "http://s.test/2024/05/blog-post_12.html",
            ["http://s.test/2023/11/meeting.html"],
            ["http://s.test/2024/05/", "http://s.test/search/label/ข่าว"],
        ),
        ("http://s.test/2567/?p=12", ["http://s.test/2563/?p=3"], ["http://s.test/2567/?cat=3"]),
    ],
)
def test_an_article_shape_matches_its_siblings_and_not_the_listings(learned_from, same, different):
    shape = Shape.of(learned_from)
    assert shape.has_variable
    assert all(shape.matches(url) for url in same)
    assert not any(shape.matches(url) for url in different)
    assert Shape.from_json(shape.as_json()) == shape


def test_a_home_page_or_a_menu_page_teaches_no_shape():
    learned = Learned()
    for url in ("http://s.test/", "http://s.test/about.php", "http://s.test/index.php"):
        learned.learn_shape(url)
    assert learned.shapes == [] and not learned.changed


def test_learned_state_survives_json_and_ignores_what_it_cannot_read():
    learned = Learned()
    learned.learn_shape("http://s.test/news.php?id=5")
    learned.learn_listing("http://s.test/news.php?page=1")
    learned.set_way("explore")
    again = Learned.from_json({**learned.as_json(), "shapes": [*learned.as_json()["shapes"], 7]})
    assert again.shapes == learned.shapes and again.listings == learned.listings
    assert again.way == "explore" and Learned.from_json(None).shapes == []


@pytest.mark.parametrize(
    ("url", "page", "text", "expected"),
    [
        ("http://s.test/x.php?cat=3&limitstart=10", "http://s.test/x.php?cat=3", "2", True),
        ("http://s.test/category/news/page/2/", "http://s.test/category/news/", "ถัดไป", True),
        ("http://s.test/list.php?cid=9&p=2", "http://s.test/list.php?cid=9", "๒", True),
        ("http://s.test/list.php?cid=9&p=3", "http://s.test/list.php?cid=9&p=2", "3", True),
        ("http://s.test/list.php?cid=9&p=2", "http://s.test/list.php?cid=9", "ข่าวเก่า", False),
        ("http://s.test/view.php?cid=9&p=2", "http://s.test/list.php?cid=9", "2", False),
        ("http://s.test/list.php?cid=9&page=3", "http://s.test/list.php?cid=9", "3", True),
        ("http://s.test/search?updated-max=2024", "http://s.test/", "บทความที่เก่ากว่า", True),
        ("http://s.test/about.php", "http://s.test/", "ถัดไป", False),
        ("http://s.test/list.php?cid=9&p=2", "http://s.test/list.php?cid=9", "ถัดไป »", True),
        ("http://s.test/list.php?cid=9&p=2", "http://s.test/list.php?cid=9", "[2]", True),
        ("http://s.test/list.php?cid=9&p=2", "http://s.test/list.php?cid=9", "« เรื่องเก่ากว่า", True),
        ("http://s.test/list.php?cid=9&p=2", "http://s.test/list.php?cid=9", "ข่าว 2 ฉบับ", False),
        ("http://s.test/news.php?id=4", "http://s.test/news.php?id=5", "next", False),
    ],
)
def test_paging_links(url, page, text, expected):
    assert is_paging(url, page, text) is expected


def _verdict(site, target: str):
    html = site.pages[target]().body.decode("cp874" if site.plan.charset != "utf-8" else "utf-8")
    url = "http://s.test" + target
    return verdict(html, url, BeautifulSoup(html, "lxml"))


def test_what_a_page_is_decided_from_the_page():
    site = build("joomla3-blog", 10)
    for article in site.articles:  # one quotes another's title: still an article
        assert _verdict(site, site.path_of(article)).article
    blog = site.plan.listing(site.plan.sections[0], 1)
    assert not _verdict(site, blog).article, "a blog view with intros is no article"
    table = build("table-of-links", 10)
    assert not _verdict(table, table.plan.listing(table.plan.sections[0], 1)).article
    album = _verdict(site, "/gallery.php?album=1")
    assert not album.article and "characters" in album.why, "a photo album is no article"
    assert not _verdict(site, "/about.php").article


class _Maze:
    """Every page links to twenty new news-looking pages with title-like anchors, none an
    article: an endless site."""

    def handle(self, request):
        n = int(request.arg("n", "0") or 0)
        links = "".join(
            f'<li><a href="/news/list.php?n={n * 20 + i + 1}">ข่าวประชาสัมพันธ์ หมวดที่ {n * 20 + i}</a>'
            for i in range(20)
        )
        return Reply.html(f"<html><body><h1>ข่าว</h1><ul>{links}</ul></body></html>")


def test_an_endless_site_is_walked_within_the_budget_and_fails_with_its_reason():
    found, failures, _, requests = explore_walk(_Maze(), max_discovery_pages=25)
    assert found == []
    assert len(failures) == 1 and "found no article" in failures[0]
    assert requests <= 25 + 2  # the budget, the start page and robots.txt


class _EndlessListing:
    """A listing whose 'next' never ends, each page listing new article-shaped links."""

    def __init__(self) -> None:
        self.site = build("php-news", 4)

    def handle(self, request):
        if request.path == "/news.php" and request.arg("page"):
            page = int(request.arg("page"))
            rows = "".join(
                f'<tr><td><a href="/news.php?id={1000 + page * 5 + i}">'
                f"ข่าวที่ {page}-{i} การประชุมครู</a>"
                for i in range(5)
            )
            nav = f'<a href="/news.php?type=9&page={page + 1}">ถัดไป</a>'
            return Reply.html(f"<html><body><table>{rows}</table>{nav}</body></html>")
        return self.site.handle(request)


def test_an_endless_listing_is_read_no_further_than_its_cap():
    found, _, learned, requests = explore_walk(_EndlessListing())
    assert learned.shapes and len(found) > 4
    assert requests <= explore.MAX_DISCOVERY_PAGES + explore.MAX_LISTING_PAGES * 2 + 5


class _OldSite:
    """A frameset home, a content frame behind a script redirect, links relative to <base>."""

    def __init__(self) -> None:
        self.site = build("php-news", 6)

    def handle(self, request):
        if request.target == "/":
            return Reply.html('<frameset><frame src="/go.html"></frameset>')
        if request.target == "/go.html":
            return Reply.html("<script>window.location.href = '/portal/home.php';</script>")
        if request.target == "/portal/home.php":
            listing = self.site.plan.listing(self.site.plan.sections[0], 1).lstrip("/")
            return Reply.html(
                '<html><head><base href="/"></head><body>'
                f'<a href="{listing}">ข่าวประชาสัมพันธ์</a></body></html>'
            )
        return self.site.handle(request)


def test_frames_script_redirects_and_base_href_lead_to_the_news():
    found, failures, _, _ = explore_walk(_OldSite())
    assert failures == [] and len(found) >= 3
    assert all("/news.php?id=" in url for url in found)


def test_the_operators_listing_url_is_read_first():
    site = build("no-news")
    news = build("php-news", 6)
    site.pages.update(news.pages)  # news exists, but no link leads to it
    with serve(site) as served:
        truth = news.truth(served.url)
    found, failures, _, _ = explore_walk(
        site, listing_url=news.plan.listing(news.plan.sections[0], 1)
    )
    assert failures == []
    assert {url.split("/", 3)[3] for url in found} == {url.split("/", 3)[3] for url in truth}


def test_explorer_stays_on_the_site():
    explorer = Explorer(Context(HttpClient()), "http://www.s.test/", Learned())
    assert explorer.in_site("http://s.test/news.php") and explorer.in_site("https://s.test/")
    assert not explorer.in_site("http://other.test/") and not explorer.in_site("ftp://s.test/")


@pytest.mark.parametrize("shape", ["joomla15", "php-news", "wordpress-closed"])
def test_discovery_reads_one_article_to_learn_the_shape_and_no_more(shape):
    site = build(shape, 14)
    with serve(site) as served:
        ctx = Context(
            HttpClient(allow_private_network=True, interval=0.0, read_timeout=5),
            settings={"learned": Learned()},
        )
        found = [i.url for i in explore.discover(ctx, served.url) if isinstance(i, Found)]
        truth = site.truth(served.url)
        read = [url for url in truth if served.hits["/" + url.split("/", 3)[3]]]
    assert set(found) == set(truth)
    assert len(read) == 1, "articles queued before the shape was known are not read later"
    assert served.hits["/gallery.php?album=3"] == 0, "two albums were enough to give up on them"


class _HostileHome:
    """News behind a home page that also links to a page nested 20,000 deep, a farm of
    50,000 links to more farms, a page of broken bytes in a codec that is no text, and
    addresses no parser agrees on."""

    def __init__(self) -> None:
        self.site = build("php-news", 10)

    def handle(self, request):
        if request.target == "/":
            home = self.site.pages["/"]().body.decode("cp874")
            traps = (
                '<a href="/deep">ข่าว deep</a><a href="/farm">ข่าว farm</a>'
                '<a href="/weird">ข่าว weird</a><a href="http://[::1">bad</a>'
                '<a href="http://a\\@b/x">bs</a><a href="/%ZZ">pct</a>'
                f'<a href="/{"x" * 5000}">long</a><a href="javascript:alert(1)">js</a>'
                '<a href="/nul\x00">nul</a><a href="//evil.example/ข่าว">ext</a>'
            )
            return Reply.html(home.replace("<body>", "<body>" + traps), charset="cp874")
        if request.target == "/deep":
            nested = "<div>" * 20000 + "<a href='/news.php?id=1'>x</a>" + "</div>" * 20000
            return Reply.html(f"<html><body>{nested}</body></html>")
        if request.path == "/farm":
            links = "".join(f'<a href="/farm?n={i}">ข่าวกิจกรรมหมายเลข {i}</a>' for i in range(50000))
            return Reply.html(f"<html><body>{links}</body></html>")
        if request.target == "/weird":
            body = (
                b"<html><body>\x00\xff\xfe<a href='/news.php?id=2'>\xed\xa0\x80</a>" + b"<" * 10**5
            )
            return Reply(200, body, {"Content-Type": "text/html; charset=utf-7"})
        return self.site.handle(request)


def test_traps_on_the_way_do_not_stop_the_walk():
    site = _HostileHome()
    started = time.monotonic()
    found, failures, _, requests = explore_walk(site)
    with serve(site) as served:
        truth = {"/" + url.split("/", 3)[3] for url in site.site.truth(served.url)}
    assert failures == []
    assert {"/" + url.split("/", 3)[3] for url in found} == truth
    assert requests <= explore.MAX_DISCOVERY_PAGES + 10
    assert time.monotonic() - started < 120  # finishes at all (~3 s here)


class _ClickRows:
    """A custom PHP news table whose rows open the news by script, titles as images' alt."""

    def __init__(self) -> None:
        self.site = build("php-news", 8)

    def handle(self, request):
        if request.target == "/":
            return Reply.html('<a href="/list.php"><img src="/b.gif" alt="ข่าวประชาสัมพันธ์"></a>')
        if request.target == "/list.php":
            rows = "".join(
                f"<tr onclick=\"window.open('news.php?id={a.post_id}','_self')\">"
                f"<td>{a.title}</td></tr>"
                for a in self.site.articles
            )
            return Reply.html(f"<html><body><table>{rows}</table></body></html>")
        return self.site.handle(request)


def test_rows_that_open_the_news_by_script_and_image_links():
    site = _ClickRows()
    found, failures, _, _ = explore_walk(site)
    with serve(site) as served:
        truth = {"/" + url.split("/", 3)[3] for url in site.site.truth(served.url)}
    assert failures == []
    assert {"/" + url.split("/", 3)[3] for url in found} == truth


_J4 = (
    '<html><body><div class="item-page"><h2 itemprop="headline">{title}</h2>'
    '<dl class="article-info"><dd class="published">{date}</dd></dl>'
    '<div itemprop="articleBody"><p>{body}</p></div></div>'
    '<div class="sidebar"><time datetime="2020-01-01">1 Jan 2020</time></div></body></html>'
)


@pytest.mark.parametrize(
    ("date_line", "expected"),
    [
        ('<time datetime="2024-05-12T10:30:00+07:00">Published: 12 May 2024</time>', "2024-05-12"),
        ("Posted on May 12, 2024", "2024-05-12"),
        ("๑๒/๐๕/๒๕๖๗", "2024-05-12"),
        ("เผยแพร่เมื่อ 12 พ.ค. 67", "2024-05-12"),
        ("", None),  # the sidebar's <time> is another page's date
    ],
)
def test_a_date_line_published_py_does_not_read_still_makes_an_article(date_line, expected):
    title = "ประชุมครูผู้สอนภาษาไทยประจำปีการศึกษา 2567"
    html = _J4.format(title=title, date=date_line, body="ครูเข้าร่วมการประชุม " * 30)
    result = verdict(html, "http://s.test/index.php/news/12-x", BeautifulSoup(html, "lxml"))
    assert result.published == expected and result.article is (expected is not None)


class _PrivateCorner:
    """News, and a news-looking link robots.txt forbids."""

    def __init__(self) -> None:
        self.site = build("php-news", 6)

    def handle(self, request):
        if request.target == "/robots.txt":
            return Reply(200, b"User-agent: *\nDisallow: /private/\n")
        if request.target == "/":
            home = self.site.pages["/"]().body.decode("cp874")
            secret = '<a href="/private/news.html">ข่าวภายใน</a>'
            return Reply.html(home.replace("<body>", "<body>" + secret), charset="cp874")
        return self.site.handle(request)


def test_requests_refused_while_exploring_are_logged_with_their_reason():
    with serve(_PrivateCorner()) as served:
        ctx = Context(
            HttpClient(allow_private_network=True, interval=0.0, read_timeout=5),
            settings={"learned": Learned()},
        )
        found = [i for i in explore.discover(ctx, served.url) if isinstance(i, Found)]
    refused = [f for f in ctx.fetched if f.url.endswith("/private/news.html")]
    assert found and len(refused) == 1
    assert refused[0].reason.startswith("explore: robots_disallowed")


class _BulkyHead:
    """A zoo site whose every page carries 1.6 MB of inline script in <head> (a page builder's
    bundle): past the explorer's page cap, unless what holds no links goes first."""

    def __init__(self) -> None:
        self.site = build("php-news", 8)
        self.bundle = "<script>var state = " + "{'k': 1}, " * 160_000 + ";</script>"

    def handle(self, request):
        reply = self.site.handle(request)
        if reply.status == 200 and b"<head>" in reply.body:
            # The site's own charset: the bundle is ASCII, so it fits any of them.
            reply.body = reply.body.replace(b"<head>", b"<head>" + self.bundle.encode(), 1)
            reply.headers.pop("Content-Length", None)
        return reply


def test_megabytes_of_script_in_the_head_do_not_hide_the_links():
    site = _BulkyHead()
    found, failures, _, _ = explore_walk(site)
    with serve(site) as served:
        truth = {"/" + url.split("/", 3)[3] for url in site.site.truth(served.url)}
    assert failures == []
    assert {"/" + url.split("/", 3)[3] for url in found} == truth
