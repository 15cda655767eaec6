"""The crawler's HTTP client against a real local server: safety rules and size cap."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from edunews.crawl.html_text import html_to_text, unescape_title
from edunews.crawl.http import FetchError, HttpClient


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
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


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
