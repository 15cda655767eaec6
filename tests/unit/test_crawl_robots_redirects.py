"""robots.txt that redirects somewhere odd, and retry verdicts: real HTTP on 127.0.0.1."""

from __future__ import annotations

from collections import Counter

import pytest

from edunews.crawl.http import FetchError, HttpClient
from edunews_sim.testsites import Reply, serve
from helpers.crawling import site_client


def client(**kwargs) -> HttpClient:
    return site_client(**{"retries": 1, "deadline": 30.0, **kwargs})


class UnknownToHome:
    """A site that sends every path it does not know to its home page (robots.txt too)."""

    def __init__(self) -> None:
        self.calls: Counter = Counter()

    def handle(self, request):
        self.calls[request.path] += 1
        if request.path in ("/", "/news/1"):
            return Reply.html("<html><body><p>ข่าว Disallow: /news</p></body></html>")
        return Reply.redirect("/")


@pytest.mark.parametrize("target", ["/", "/home.php?lang=th"])
def test_robots_txt_redirected_to_an_html_page_allows_all_and_is_asked_once(target):
    class Site(UnknownToHome):
        def handle(self, request):
            if request.path == "/robots.txt":
                self.calls[request.path] += 1
                return Reply.redirect(target)
            return super().handle(request)

    site = Site()
    with serve(site) as served:
        c = client()
        for _ in range(3):
            resp = c.get(served.url + "news/1")
            assert resp.status == 200 and "ข่าว".encode() in resp.body
    # The HTML page is read as a robots.txt with no rules for us (RFC 9309): fetched once.
    assert site.calls["/robots.txt"] == 1


def redirect_loop(request):
    return Reply.redirect("/robots.txt?again" if not request.query else "/robots.txt")


def redirect_chain(request):
    step = int(request.arg("n", "0"))
    return Reply.redirect(f"/robots.txt?n={step + 1}")


@pytest.mark.parametrize("robots", [redirect_loop, redirect_chain], ids=["loop", "chain"])
def test_robots_txt_that_never_settles_is_unavailable_allows_all_and_is_cached(robots):
    calls: Counter = Counter()

    class Site:
        def handle(self, request):
            calls[request.path] += 1
            if request.path == "/robots.txt":
                return robots(request)
            return Reply.html("<p>ok</p>")

    with serve(Site()) as served:
        c = client()
        for page in ("a", "b", "c"):
            assert c.get(served.url + page).status == 200
    # One run of redirects in all, at most MAX_REDIRECTS + 1 requests, not one per page.
    assert 1 <= calls["/robots.txt"] <= 6
    assert calls["/a"] == calls["/b"] == calls["/c"] == 1


def test_robots_txt_failing_with_5xx_still_disallows_for_the_run():
    calls: Counter = Counter()

    class Site:
        def handle(self, request):
            calls[request.path] += 1
            if request.path == "/robots.txt":
                return Reply(500, b"oops")
            return Reply.html("<p>ok</p>")

    with serve(Site()) as served:
        c = client(retries=0)
        for page in ("a", "b"):
            with pytest.raises(FetchError) as err:
                c.get(served.url + page)
            assert err.value.outcome == "robots_disallowed"
    assert calls["/robots.txt"] == 1 and calls["/a"] == 0


@pytest.mark.parametrize("status", [429, 503])
def test_a_retry_after_too_long_is_given_up_with_the_real_status(status):
    class Site:
        def handle(self, request):
            if request.path == "/robots.txt":
                return Reply.not_found()
            return Reply(status, b"busy", {"Retry-After": "86400"})

    with serve(Site()) as served, pytest.raises(FetchError) as err:
        client(max_retry_after=5.0).get(served.url + "page")
    assert err.value.outcome == "http_error"
    assert err.value.status == status
    assert "retry after 86400 s" in err.value.reason


def test_a_robots_fetch_that_asks_for_its_own_rules_gets_none_not_a_recursion():
    from edunews.crawl.robots import RobotsCache

    fetched: list[str] = []

    def fetch(url: str) -> tuple[int, str]:
        fetched.append(url)
        # What a redirect hop of the robots.txt fetch would do: ask for the host's rules.
        assert cache.rules(url).allowed(url, "edunews")
        return 200, "User-agent: *\nDisallow: /private\n"

    cache = RobotsCache(fetch)
    assert not cache.rules("http://a.example/private/x").allowed("http://a.example/private/x", "x")
    assert cache.rules("http://a.example/ok").allowed("http://a.example/ok", "x")
    assert fetched == ["http://a.example/robots.txt"]
