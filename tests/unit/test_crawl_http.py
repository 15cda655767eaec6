"""The crawler's HTTP client against real local servers: safety rules, size cap, retries,
Retry-After, robots.txt, conditional requests, the per-host limit."""

from __future__ import annotations

from collections import Counter
from http.server import BaseHTTPRequestHandler

import pytest

from edunews.crawl.guard import PublicOnlyAdapter, is_private_address
from edunews.crawl.html_text import html_to_text, unescape_title
from edunews.crawl.http import FetchError, HttpClient, Validators
from edunews.crawl.ratelimit import HostLimiter
from edunews_sim.testsites import Reply, serve
from helpers.crawling import site_client
from helpers.servers import handler_server


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self.path == "/to-private":
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.1/admin")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/big":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"x" * 200_000)
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write("<p>สวัสดี</p>".encode())

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    with handler_server(Handler) as url:
        yield url


def test_loopback_refused_unless_allowed(site):
    with pytest.raises(FetchError) as err:
        HttpClient().get(site + "/")
    assert err.value.outcome == "off_site"
    assert "private or loopback" in err.value.reason
    assert (
        HttpClient(allow_private_network=True, interval=0.0).get(site + "/").text() == "<p>สวัสดี</p>"
    )


def test_redirect_to_another_host_is_refused(site):
    client = HttpClient(allowed_hosts={"127.0.0.1"}, allow_private_network=True, interval=0.0)
    with pytest.raises(FetchError) as err:
        client.get(site + "/to-private")
    assert err.value.outcome == "off_site"
    assert "10.0.0.1" in err.value.reason


def test_redirect_loop_ends(site):
    with pytest.raises(FetchError, match="redirects"):
        HttpClient(allow_private_network=True, interval=0.0).get(site + "/loop")


def test_body_over_the_cap_is_refused(site):
    client = HttpClient(allow_private_network=True, interval=0.0, max_bytes=100_000)
    with pytest.raises(FetchError) as err:
        client.get(site + "/big")
    assert err.value.outcome == "too_large"


def test_html_to_text_keeps_paragraphs_drops_scripts():
    text = html_to_text("<p>หนึ่ง</p><script>alert(1)</script><p>สอง&nbsp; สาม</p>")
    assert text == "หนึ่ง\nสอง สาม"


def test_unescape_title():
    assert unescape_title("ประชุม &#8220;PLC&#8221; <b>สพป.</b>") == "ประชุม “PLC” สพป."


# Retries, Retry-After, robots.txt, conditional requests, the per-host limit -----------------


class Flaky:
    """/flaky fails twice, /limited asks to wait once, /page knows its ETag."""

    def __init__(self):
        self.calls = Counter()

    def handle(self, request):
        self.calls[request.path] += 1
        n = self.calls[request.path]
        if request.path == "/robots.txt":
            return Reply(200, b"User-agent: *\nDisallow: /private/\n")
        if request.path == "/flaky":
            return Reply(502, b"bad gateway") if n <= 2 else Reply.html("<p>ok</p>")
        if request.path == "/limited":
            if n == 1:
                return Reply(429, b"", {"Retry-After": "0"})
            return Reply.html("<p>ok</p>")
        if request.path == "/page":
            if request.headers.get("if-none-match") == '"v1"':
                return Reply(304, b"", {"ETag": '"v1"'})
            return Reply.html("<p>v1</p>", ETag='"v1"')
        if request.path == "/far-future":
            return Reply(503, b"", {"Retry-After": "86400"})
        return Reply.html("<p>private</p>")


@pytest.fixture
def flaky():
    site = Flaky()
    with serve(site) as served:
        yield site, served.url.rstrip("/")


def quick(**kwargs) -> HttpClient:
    return site_client(hosts=(), **kwargs)  # any host


def test_5xx_is_retried_with_backoff(flaky):
    site, url = flaky
    resp = quick().get(url + "/flaky")
    assert resp.status == 200 and resp.attempts == 3
    assert site.calls["/flaky"] == 3


def test_retries_run_out_into_an_http_error(flaky):
    site, url = flaky
    with pytest.raises(FetchError) as err:
        quick(retries=1).get(url + "/flaky")
    assert err.value.outcome == "http_error" and "502" in err.value.reason
    assert site.calls["/flaky"] == 2


def test_429_honours_retry_after_and_gives_up_on_absurd_waits(flaky):
    site, url = flaky
    assert quick().get(url + "/limited").status == 200
    assert site.calls["/limited"] == 2
    with pytest.raises(FetchError, match="retry after"):
        quick().get(url + "/far-future")
    assert site.calls["/far-future"] == 1


def test_robots_txt_is_honoured(flaky):
    site, url = flaky
    with pytest.raises(FetchError) as err:
        quick().get(url + "/private/minutes")
    assert err.value.outcome == "robots_disallowed"
    assert site.calls["/private/minutes"] == 0


def test_conditional_request_gets_304(flaky):
    _, url = flaky
    client = quick()
    first = client.get(url + "/page")
    assert first.validators == Validators('"v1"', None)
    again = client.get(url + "/page", validators=first.validators)
    assert again.not_modified


def test_declared_size_over_the_cap_is_refused_before_reading(site):
    client = HttpClient(allow_private_network=True, interval=0.0, max_bytes=1000)
    with pytest.raises(FetchError) as err:
        client.get(site + "/big")
    assert err.value.outcome == "too_large"


def test_host_limiter_spaces_requests_per_host():
    limiter = HostLimiter()
    assert limiter.wait("a.test", 0.05) == 0
    assert limiter.wait("a.test", 0.05) > 0  # the same host waits its turn
    assert limiter.wait("b.test", 0.05) == 0  # another host does not


@pytest.mark.parametrize(
    ("address", "private"),
    [
        ("10.0.0.1", True),
        ("127.0.0.1", True),
        ("169.254.169.254", True),
        ("192.168.1.1", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("fe80::1", True),
        ("0.0.0.0", True),
        ("203.150.0.1", False),
        ("2001:4860:4860::8888", False),
    ],
)
def test_private_addresses(address, private):
    assert is_private_address(address) is private


def test_connections_to_private_peers_are_refused_at_connect_time(site):
    """What DNS rebinding would slip past a check made before the request."""
    import requests

    session = requests.Session()
    session.mount("http://", PublicOnlyAdapter())
    with pytest.raises(requests.ConnectionError, match="private address"):
        session.get(site + "/", timeout=5)
