"""The HTTP client against hostile servers, for real on 127.0.0.1: decompression bombs,
trickling headers and bodies, the per-source budget, URLs two parsers read differently
(counted at a listening socket: no connection to a host the checks did not pass)."""

from __future__ import annotations

import contextlib
import gzip
import json
import socket
import subprocess
import sys
import threading
import time
import zlib
from collections import Counter
from http.server import BaseHTTPRequestHandler
from urllib.parse import unquote

import pytest
import requests

from edunews.crawl.guard import CheckedAdapter, is_private_address, watching
from edunews.crawl.http import FetchError, HttpClient, Response, Validators
from edunews.crawl.limits import BoundedDecoder, TooLarge, gunzip_capped
from edunews.crawl.ratelimit import HostLimiter
from edunews.crawl.urls import BadUrl, join_url, normalize_url, url_host
from edunews.crawl.xml import parse_xml
from edunews_sim.testsites import Reply, load_articles, serve
from edunews_sim.testsites.farm_http import EXPECTED, SITEMAPS, HostileHttpSite, _gzip_bomb
from helpers.crawling import site_client
from helpers.servers import handler_server

CAP = 10 * 1024 * 1024
DEADLINE = 1.5
MARGIN = 2.5  # loose: the test is that a request ends at all, not how fast


class Decoy:
    """A listening socket that only counts the connections made to it."""

    def __init__(self, host: str = "127.0.0.2") -> None:
        self.sock = socket.create_server((host, 0))
        self.sock.settimeout(0.2)
        self.address = f"{host}:{self.sock.getsockname()[1]}"
        self.accepted = 0
        self._stop = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def decoy():
    d = Decoy()
    yield d
    d.close()


@pytest.fixture
def hostile(decoy):
    site = HostileHttpSite(load_articles(2), decoy=decoy.address, trickle_limit=30.0)
    with serve(site) as served:
        yield site, served


def client(**kwargs) -> HttpClient:
    # The trickle tests set their deadline: elsewhere a slow machine is no failure.
    return site_client(**{"deadline": 30.0, **kwargs})


def fetch_error(url: str, **kwargs) -> FetchError:
    with pytest.raises(FetchError) as err:
        client(**kwargs).get(url)
    return err.value


# Decompression --------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/bomb-page", "/bomb-deflate", "/bomb-layers"])
def test_compressed_bombs_stop_at_the_cap_on_the_inflated_size(hostile, path):
    site, served = hostile
    error = fetch_error(served.url + path[1:])
    assert error.outcome == "too_large"
    coding = "deflate" if "deflate" in path else "gzip"
    assert error.reason == f"{coding} body inflates past the {CAP}-byte cap"


def test_decompression_is_bounded_by_the_cap_we_set(hostile):
    site, served = hostile
    # 2 GiB in 2 MB: with a 3 MB cap (the compressed body fits), the verdict is at 3 MB.
    error = fetch_error(served.url + "bomb-page", max_bytes=3_000_000)
    assert error.reason == "gzip body inflates past the 3000000-byte cap"


def test_sitemap_bomb_served_as_a_gzip_file_is_too_large():
    # 64 MiB here, so a regression costs this process little; the 2 GiB one runs in a
    # memory-limited process below.
    bomb = _gzip_bomb(b"<urlset>", 64 * 1024 * 1024)
    with pytest.raises(FetchError) as err:
        parse_xml(bomb)
    assert err.value.outcome == "too_large"
    assert err.value.reason == f"gzip sitemap inflates past the {CAP}-byte cap"
    with pytest.raises(FetchError):
        parse_xml(gzip.compress(bomb))  # gzip inside gzip


def test_concatenated_and_nested_gzip_sitemaps_parse_whole():
    doc = b'<urlset xmlns="x"><url><loc>http://a.test/1</loc></url><url><loc>http://a.test/2</loc></url></urlset>'
    # Two members: the document is split across them, as `cat a.gz b.gz` makes it.
    two_members = gzip.compress(doc[:40]) + gzip.compress(doc[40:])
    for body in (two_members, gzip.compress(two_members), gzip.compress(doc) + b"\0" * 8):
        root = parse_xml(body)
        assert root is not None and [u[0].text for u in root] == [
            "http://a.test/1",
            "http://a.test/2",
        ]
    assert parse_xml(b"\x1f\x8b\x08\x00 not gzip") is None


def test_sitemap_discovery_reports_the_bombs_as_too_large_and_lists_the_rest(hostile):
    from edunews.crawl import sitemaps
    from edunews.crawl.discovery import Context, Found, ListingFailure

    site, served = hostile
    items = list(sitemaps.discover(Context(client(respect_robots=False)), served.url))
    failures = {
        i.url.rsplit("/", 1)[1]: i.error.outcome for i in items if isinstance(i, ListingFailure)
    }
    assert failures == {
        "gzip-bomb-sitemap.xml": "too_large",
        "nested-gzip-sitemap.xml": "too_large",
    }
    found = {i.url for i in items if isinstance(i, Found)}
    assert served.url + "good/1" in found and served.url + "bomb-page" in found


PEAK_SCRIPT = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))  # never 4 GB on a shared box
from edunews.crawl.http import FetchError, HttpClient
from edunews.crawl.xml import parse_xml
from edunews_sim.testsites.farm_http import _gzip_bomb
outcome = None
if sys.argv[1] == "xml":
    body = _gzip_bomb(b"<urlset>", 2 * 1024**3)
    try:
        parse_xml(body)
    except FetchError as exc:
        outcome = exc.outcome
else:
    try:
        HttpClient(allow_private_network=True, interval=0, respect_robots=False).get(sys.argv[1])
    except FetchError as exc:
        outcome = exc.outcome
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent (pytest) at fork.
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) // 1024
print(json.dumps({"outcome": outcome, "peak_mb": peak}))
"""


@pytest.mark.parametrize("target", ["xml", "bomb-page", "bomb-layers"])
def test_a_2_gib_bomb_never_costs_more_than_a_few_times_the_cap_in_memory(hostile, target):
    site, served = hostile
    arg = target if target == "xml" else served.url + target
    # A fresh process, whose high-water mark is this fetch's alone.
    run = subprocess.run(
        [sys.executable, "-c", PEAK_SCRIPT, arg], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["outcome"] == "too_large"
    assert result["peak_mb"] < 300  # measured ~60 MB; unbounded, 4 GB or MemoryError


def test_only_gzip_and_deflate_are_asked_for_and_others_are_refused(hostile):
    site, served = hostile
    seen = []

    class Echo:
        def handle(self, request):
            seen.append(request.headers.get("accept-encoding"))
            if request.path == "/raw-deflate":  # deflate without the zlib header, as IIS sends
                compressor = zlib.compressobj(wbits=-15)
                body = compressor.compress("<p>ดี</p>".encode()) + compressor.flush()
                return Reply(200, body, {"Content-Encoding": "deflate"})
            body = gzip.compress("<p>ดี</p>".encode())
            return Reply(200, body, {"Content-Encoding": "GZIP", "Content-Type": "text/html"})

    with serve(Echo()) as echo:
        assert client(respect_robots=False).get(echo.url + "page").body == "<p>ดี</p>".encode()
        assert client(respect_robots=False).get(echo.url + "raw-deflate").body == (
            "<p>ดี</p>".encode()
        )
    assert seen == ["gzip, deflate", "gzip, deflate"]
    error = fetch_error(served.url + "unasked-coding")
    assert error.outcome == "parse_error" and "'br'" in error.reason
    error = fetch_error(served.url + "corrupt-gzip")
    assert error.outcome == "parse_error" and "corrupt" in error.reason
    assert site.calls["/corrupt-gzip"] == 1  # a corrupt body is not a network error to retry


def test_an_error_page_in_an_unreadable_coding_is_still_its_status():
    class Broken:
        def handle(self, request):
            return Reply(404, b"\x8b\x02junk", {"Content-Encoding": "br"})

    with serve(Broken()) as served:
        resp = client(respect_robots=False).get(served.url + "gone")
    assert resp.status == 404 and resp.body == b""


@pytest.mark.parametrize("step", [1, 777, 65536, 10**7])
def test_bounded_decoder_gives_back_exactly_what_was_compressed(step):
    data = b"".join(bytes([i % 251]) * (i * 37 % 5000) + "ข่าว".encode() * 50 for i in range(400))
    bodies = {
        "gzip": gzip.compress(data[:5000]) + gzip.compress(data[5000:]),  # two members
        "deflate": zlib.compress(data),
        "gzip, deflate": zlib.compress(gzip.compress(data)),
    }
    for coding, body in bodies.items():
        decoder = BoundedDecoder([c.strip() for c in coding.split(",")], cap=len(data))
        out = b"".join(decoder.feed(body[i : i + step]) for i in range(0, len(body), step))
        assert out == data, coding
        assert decoder.size == len(data)


def test_bounded_decoder_counts_every_layer():
    inner = zlib.compress(b" " * (5 * 1024 * 1024))
    decoder = BoundedDecoder(["deflate"], cap=1024 * 1024)
    with pytest.raises(TooLarge):
        decoder.feed(inner)
    assert gunzip_capped(b"<xml/>", 10) == b"<xml/>"  # not gzip: as it is


# Trickling servers ----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/trickle-headers", "/trickle-body"])
def test_a_trickling_server_is_cut_at_the_deadline_and_not_retried(hostile, path):
    site, served = hostile
    started = time.monotonic()
    error = fetch_error(served.url + path[1:], retries=3, deadline=DEADLINE)
    elapsed = time.monotonic() - started
    assert error.outcome == "network_error"
    assert error.reason == f"deadline: no complete answer within {DEADLINE:g} s"
    assert elapsed < DEADLINE + MARGIN
    assert site.calls[path] == 1


def test_a_tls_handshake_that_trickles_is_cut_at_the_deadline_too():
    server = socket.create_server(("127.0.0.1", 0))
    accepted = []

    def trickle() -> None:
        conn, _ = server.accept()
        accepted.append(conn)
        # A handshake record announcing 16 KB, sent a byte at a time: OpenSSL waits for all.
        with contextlib.suppress(OSError):
            conn.sendall(b"\x16\x03\x03\x40\x00")
            for _ in range(150):
                conn.sendall(b"\x00")
                time.sleep(0.2)
        conn.close()

    threading.Thread(target=trickle, daemon=True).start()
    url = f"https://127.0.0.1:{server.getsockname()[1]}/"
    started = time.monotonic()
    error = fetch_error(url, respect_robots=False, deadline=DEADLINE, retries=3)
    assert error.reason == f"deadline: no complete answer within {DEADLINE:g} s"
    assert time.monotonic() - started < DEADLINE + MARGIN
    assert len(accepted) == 1
    server.close()


def test_a_trickling_robots_txt_costs_the_deadline_once_not_per_page():
    calls = Counter()

    def drip():
        for _ in range(100):  # 20 s at most, then the server lets go by itself
            time.sleep(0.2)
            yield b"U"

    class Site:
        def handle(self, request):
            calls[request.path] += 1
            if request.path == "/robots.txt":
                return Reply(200, drip())
            return Reply.html("<p>ok</p>")

    with serve(Site()) as served:
        c = client(deadline=DEADLINE)
        started = time.monotonic()
        for page in ("a", "b", "c"):
            with pytest.raises(FetchError) as err:
                c.get(served.url + page)
            assert err.value.outcome == "robots_disallowed"
    assert time.monotonic() - started < DEADLINE + MARGIN
    assert calls["/robots.txt"] == 1 and calls["/a"] == 0


class KeepAlive(BaseHTTPRequestHandler):
    """HTTP/1.1 with persistent connections (the test sites speak 1.0): /ok, /junk (two
    bytes more than its Content-Length, a moment later), /trickle (a byte per 0.2 s)."""

    protocol_version = "HTTP/1.1"
    connections = 0

    def setup(self):
        type(self).connections += 1
        super().setup()

    def handle(self):
        with contextlib.suppress(OSError):  # the client hangs up mid-trickle: its right
            super().handle()

    def do_GET(self):  # noqa: N802 (http.server's naming)
        body = b"ok"
        self.send_response(200)
        self.send_header("Content-Length", "2" if self.path != "/trickle" else "1000")
        self.end_headers()
        with contextlib.suppress(OSError):
            if self.path == "/trickle":
                for _ in range(100):
                    self.wfile.write(b"x")
                    time.sleep(0.2)
                return
            self.wfile.write(body)
            if self.path == "/junk":
                time.sleep(0.05)
                self.wfile.write(b"NOT HTTP\r\n")

    def log_message(self, *args):
        pass


@pytest.fixture
def keep_alive():
    handler = type("Handler", (KeepAlive,), {"connections": 0})
    with handler_server(handler) as url:
        yield handler, url + "/"


def test_a_connect_that_hangs_ends_at_the_deadline_not_the_connect_timeout():
    # A listener whose backlog is full and never accepts: the kernel drops further SYNs.
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = server.getsockname()[1]
    fillers = []
    for _ in range(8):
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(("127.0.0.1", port))
        fillers.append(filler)
    time.sleep(0.2)
    started = time.monotonic()
    error = fetch_error(
        f"http://127.0.0.1:{port}/", respect_robots=False, connect_timeout=20, deadline=DEADLINE
    )
    elapsed = time.monotonic() - started
    for sock in [server, *fillers]:
        sock.close()
    assert error.reason == f"deadline: no complete answer within {DEADLINE:g} s"
    assert elapsed < DEADLINE + MARGIN


def test_the_deadline_holds_on_a_reused_keep_alive_connection(keep_alive):
    handler, url = keep_alive
    c = client(respect_robots=False, deadline=DEADLINE)
    assert c.get(url + "ok").body == b"ok"  # leaves a pooled connection
    started = time.monotonic()
    with pytest.raises(FetchError, match="deadline"):
        c.get(url + "trickle")
    assert time.monotonic() - started < DEADLINE + MARGIN
    assert handler.connections == 1  # the trickle came on the reused connection
    assert c.get(url + "ok").body == b"ok"  # and the client is fine afterwards


def test_junk_left_on_a_kept_alive_connection_costs_no_page(keep_alive):
    handler, url = keep_alive
    c = client(respect_robots=False, retries=0)
    for _ in range(5):
        assert c.get(url + "junk").body == b"ok"


def test_a_server_cannot_fill_the_cookie_jar():
    class Cookies:
        def handle(self, request):
            n = len(request.headers.get("cookie", ""))
            reply = Reply.html(f"<p>{n}</p>")
            reply.headers["Set-Cookie"] = f"c{request.path[1:]}={'x' * int(request.arg('n'))}"
            return reply

    c = client(respect_robots=False)
    with serve(Cookies()) as served:
        big = [int(c.get(served.url + f"{i}?n=3000").text()[3:-4]) for i in range(10)]
        small = [int(c.get(served.url + f"s{i}?n=10").text()[3:-4]) for i in range(80)]
    # Without a bound the 10th request carried 27 KB of cookies, the 90th 30 KB and more.
    assert max(big + small) <= 8192 + 50 * 4
    assert len(c.session.cookies) == 50


def test_answers_that_are_not_http_are_not_asked_again(hostile):
    site, served = hostile
    error = fetch_error(served.url + "many-headers", retries=3)
    assert error.reason == "not an HTTP answer: HTTPException: got more than 100 headers"
    error = fetch_error(served.url + "bad-status", retries=3)
    assert error.outcome == "network_error" and "BadStatusLine" in error.reason
    # Once more on a new connection (junk on a kept-alive one looks the same), then no more.
    assert site.calls["/many-headers"] == site.calls["/bad-status"] == 2

    class Nul:
        def handle(self, request):
            return Reply(raw=[b"HTTP/1.1 2\x000 \x01\r\nContent-Length: 2\r\n\r\nok"])

    with serve(Nul()) as nul:
        error = fetch_error(nul.url + "x", respect_robots=False)
    # The reason lands in PostgreSQL, which refuses NUL: no control characters in it.
    assert error.outcome == "network_error" and not any(ord(c) < 32 for c in error.reason)


def test_validators_a_request_cannot_carry_are_not_sent():
    asked = []

    class Site:
        def handle(self, request):
            asked.append(request.headers.get("if-none-match"))
            return Reply.html("<p>ok</p>", ETag='"v2"')

    c = client(respect_robots=False)
    with serve(Site()) as served:
        # Validators stored from an answer with a NUL or a line break in them (read raw by
        # some other path): dropped from the request, not an error on every later visit.
        stored = Validators(etag='"v1"\r\nX-Injected: 1', last_modified="x\x00")
        resp = c.get(served.url + "page", validators=stored)
    assert resp.status == 200 and asked == [None]
    assert resp.validators.etag == '"v2"'
    assert Response("u", 200, {"ETag": "a\x00b"}, b"", 1).validators.etag is None


def test_json_nested_thousands_deep_is_a_value_error():
    resp = Response("http://a.test/", 200, {}, b"[" * 100_000, 1)
    with pytest.raises(ValueError, match="too deep"):
        resp.json()


# The per-source budget ------------------------------------------------------------------


def test_no_request_starts_after_the_budget(hostile):
    site, served = hostile
    error = fetch_error(served.url + "good/1", stop_at=time.monotonic() - 1)
    assert error.outcome == "over_budget" and "time budget" in error.reason
    assert sum(site.calls.values()) == 0


def test_a_request_in_flight_is_cut_at_the_budget(hostile):
    site, served = hostile
    started = time.monotonic()
    error = fetch_error(served.url + "trickle-body", deadline=60, budget=1.0)
    assert error.outcome == "over_budget"
    assert error.reason.startswith("the source's time budget of ") and "min ran out" in error.reason
    assert time.monotonic() - started < 1.0 + MARGIN
    assert site.calls["/trickle-body"] == 1


def test_the_budget_reason_gives_the_budget_set_not_the_clients_age():
    c = client(respect_robots=False)
    time.sleep(0.3)  # a client made before the run that sets its budget
    c.set_stop_at(time.monotonic() + 0.6)  # 0.01 min
    time.sleep(0.7)
    with pytest.raises(FetchError) as err:
        c.get("http://127.0.0.1:9/")
    assert err.value.reason == "the source's time budget of 0.01 min ran out"


def test_a_run_stops_the_client_at_the_earlier_end_and_gives_its_own_back():
    c = client(respect_robots=False, budget=0.6)  # the caller's own budget: 0.01 min
    own_end = c.stop_at
    with c.stopping_at(time.monotonic() - 1):  # a run whose budget is spent already
        with pytest.raises(FetchError) as err:
            c.get("http://127.0.0.1:9/")
        assert err.value.outcome == "over_budget"
    with c.stopping_at(time.monotonic() + 3600):  # a later end does not lengthen it
        assert c.stop_at == own_end
        time.sleep(0.3)
    assert c.stop_at == own_end
    time.sleep(0.4)
    with pytest.raises(FetchError) as err:
        c.get("http://127.0.0.1:9/")
    assert err.value.reason == "the source's time budget of 0.01 min ran out"


def test_a_retry_that_would_wait_past_the_budget_is_not_made():
    calls = Counter()

    class Busy:
        def handle(self, request):
            calls[request.path] += 1
            return Reply(503, b"busy", {"Retry-After": "30"})

    with serve(Busy()) as served:
        started = time.monotonic()
        error = fetch_error(served.url + "x", respect_robots=False, budget=3.0)
    assert error.outcome == "over_budget"
    assert time.monotonic() - started < 3.0
    assert calls["/x"] == 1


def test_a_turn_at_the_host_after_the_budget_is_not_waited_for():
    limiter = HostLimiter()
    calls = Counter()

    class Site:
        def handle(self, request):
            calls[request.path] += 1
            return Reply.html("<p>ok</p>")

    with serve(Site()) as served:
        c = client(respect_robots=False, limiter=limiter, budget=1.0)
        limiter.push_back(c.host_key(served.url), 60)  # a Retry-After: 60 from before
        started = time.monotonic()
        error = fetch_error(served.url + "x", respect_robots=False, limiter=limiter, budget=1.0)
    assert error.outcome == "over_budget"
    assert time.monotonic() - started < 1.0
    assert calls["/x"] == 0
    assert limiter.wait("other", 1.0, until=time.monotonic() + 5) == 0.0


# URLs: one parser for the checks and the connection -------------------------------------


@pytest.mark.parametrize(
    "path", ["/redirect-backslash", "/redirect-userinfo", "/redirect-odd-ip", "/redirect-nul"]
)
def test_lying_redirects_never_reach_another_host(hostile, decoy, path):
    site, served = hostile
    error = fetch_error(served.url + path[1:])
    assert error.outcome == "off_site"
    assert decoy.accepted == 0


def test_a_location_in_raw_utf8_is_read_as_utf8():
    paths = []

    class Thai:
        def handle(self, request):
            paths.append(request.path)
            if request.path == "/old":
                location = "/ข่าว/1".encode()
                return Reply(raw=[b"HTTP/1.1 301 Moved\r\nLocation: " + location + b"\r\n\r\n"])
            return Reply.html("<p>ok</p>")

    with serve(Thai()) as served:
        resp = client(respect_robots=False).get(served.url + "old")
    assert resp.status == 200
    assert resp.url == served.url + "%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/1"
    assert [unquote(p) for p in paths] == ["/old", "/ข่าว/1"]


def test_a_start_url_with_backslash_userinfo_connects_to_no_one(hostile, decoy):
    site, served = hostile
    error = fetch_error(f"http://{decoy.address}\\@127.0.0.1:{served.port}/good/1")
    assert error.outcome == "off_site" and "127.0.0.2" in error.reason
    assert decoy.accepted == 0


def test_odd_ip_spellings_are_checked_as_the_address_they_are(decoy):
    port = decoy.address.split(":")[1]
    for spelling in ("2130706434", "0x7f.0.0.2", "0177.0.0.2", "127.2", "[::ffff:127.0.0.2]"):
        error = fetch_error(f"http://{spelling}:{port}/")
        assert error.outcome == "off_site"
        assert "127.0.0.2" in error.reason, spelling
        # Public-only mode (the default) sees the loopback address too.
        with pytest.raises(FetchError) as err:
            HttpClient(interval=0.0).get(f"http://{spelling}:{port}/")
        assert err.value.outcome == "off_site" and "127.0.0.2" in err.value.reason
    assert decoy.accepted == 0


def test_a_proxy_in_the_environment_is_not_used(hostile, decoy, monkeypatch):
    site, served = hostile
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, f"http://{decoy.address}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    assert client().get(served.url + "good/1").status == 200
    assert decoy.accepted == 0  # through a proxy, no check would see the real host


def test_connections_refuse_a_host_the_checks_did_not_pass(decoy):
    session = requests.Session()
    session.mount("http://", CheckedAdapter())
    with watching("127.0.0.1", None), pytest.raises(requests.ConnectionError, match="refused"):
        session.get(f"http://{decoy.address}/", timeout=5)
    assert decoy.accepted == 0
    with watching("127.0.0.2", None), pytest.raises(requests.RequestException):
        session.get(f"http://{decoy.address}/", timeout=2)  # the checked host: connects
    assert decoy.accepted == 1


def test_every_path_of_the_hostile_site_gets_its_expected_outcome(hostile, decoy):
    site, served = hostile
    c = client(retries=1, deadline=DEADLINE)
    for path, expected in EXPECTED.items():
        try:
            resp = c.get(served.url + path[1:])
            outcome = "http_error" if resp.status >= 300 else "stored"
            if path in SITEMAPS:
                outcome = "stored" if parse_xml(resp.body) is not None else "parse_error"
        except FetchError as exc:
            outcome = exc.outcome
        assert outcome == expected, path
    assert c.get(served.url + "good/1").status == 200
    assert decoy.accepted == 0


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8080\\@news.test/", "http://127.0.0.1:8080/@news.test/"),
        (
            "HTTP://News.Test:80/a/../b c?q=ไทย#frag",
            "http://news.test/b%20c?q=%E0%B9%84%E0%B8%97%E0%B8%A2",
        ),
        ("http://2130706433/", "http://127.0.0.1/"),
        ("http://0x7f.0.0.1/", "http://127.0.0.1/"),
        ("http://0177.0.0.1/", "http://127.0.0.1/"),
        ("http://127.1/", "http://127.0.0.1/"),
        ("http://010.1/", "http://8.0.0.1/"),
        ("http://0/", "http://0.0.0.0/"),
        ("http://[::ffff:7f00:1]/", "http://127.0.0.1/"),
        ("http://%31%32%37.0.0.1/", "http://127.0.0.1/"),
        ("http://１２７．０．０．１/", "http://127.0.0.1/"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        (" http://a.test/\tx\n ", "http://a.test/x"),
        ("http:\\\\a.test\\x", "http://a.test/x"),
        ("http:///a.test", "http://a.test/"),
        ("http://a.test./", "http://a.test/"),
        ("http://สพป.test/ข่าว", "http://xn--s3cf9a.test/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7"),
        ("https://a.test:443/?a=%20b", "https://a.test/?a=%20b"),
    ],
)
def test_normalize_url(url, expected):
    assert normalize_url(url) == expected
    assert normalize_url(expected) == expected  # a fixed point: normalising twice is once


@pytest.mark.parametrize(
    "url",
    [
        "http://user:pass@a.test/",
        "http://a.test@b.test/",
        "http://a.test:99999/",
        "http://a.test:0/",
        "http://a.test:8o/",
        "http://a.test/x\x00y",
        "http://a\x01b.test/",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "//a.test/",
        "http://example.123/",
        "http://256.0.0.1/",
        "http://1_0.0.0.1/",  # int() reads 10; inet_aton and browsers do not
        "http://08.0.0.1/",
        "http:///",
        "http://a..b/",
        "http://[::1/",
        "http://a b.test/",
        "http://a.test/" + "x" * 9000,
    ],
)
def test_normalize_url_refuses(url):
    with pytest.raises(BadUrl):
        normalize_url(url)


def test_join_url_reads_links_as_browsers_do():
    base = "http://a.test/news/2567/"
    assert join_url(base, "../2566/1.html#top") == "http://a.test/news/2566/1.html"
    assert join_url(base, "\\\\evil.test\\x") == "http://evil.test/x"
    assert join_url(base, "?p=5") == "http://a.test/news/2567/?p=5"
    assert url_host("http://[::1]:81/") == "::1"
    with pytest.raises(BadUrl):
        join_url(base, "mailto:x@a.test")
    with pytest.raises(BadUrl):  # urljoin's own ValueError, as BadUrl like every refusal
        join_url(base, "http://[::1/")


def test_ipv6_spellings_of_private_ipv4_addresses_are_private():
    assert is_private_address("::ffff:10.0.0.1")
    assert is_private_address("2002:7f00:1::")  # 6to4 of 127.0.0.1
    assert is_private_address("64:ff9b::a00:1")  # NAT64 of 10.0.0.1
    assert not is_private_address("64:ff9b::808:808")  # NAT64 of 8.8.8.8
    assert is_private_address("100.64.0.1")  # carrier-grade NAT: someone's internal network
    assert not is_private_address("203.113.0.1")
