"""The one HTTP client every fetch goes through.

Timeouts, retries with backoff (connection errors, 429, 5xx; Retry-After honoured), a
per-host rate limit, robots.txt, conditional requests, a size cap, redirects followed by
hand and checked hop by hop (allowed hosts, private addresses after DNS resolution).

Hostile servers meet: one URL parser for the checks and the request (crawl/urls.py), a
connection that refuses any host the checks did not pass (crawl/guard.py), a wall-clock
deadline per request enforced while reading, a per-source time budget, and bodies
decompressed by the client itself with a cap on the decompressed size (crawl/limits.py).
"""

from __future__ import annotations

import os
import re
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.client import HTTPException, IncompleteRead, RemoteDisconnected
from http.cookiejar import DefaultCookiePolicy
from typing import TypeGuard
from urllib.parse import urlsplit

import requests
import urllib3

from edunews import __version__
from edunews.crawl.guard import (
    HOST_MARKER,
    MARKER,
    CheckedAdapter,
    PublicOnlyAdapter,
    Watch,
    is_private_address,
    watching,
)
from edunews.crawl.limits import BoundedDecoder, CorruptBody, TooLarge, Unsupported, parse_codings
from edunews.crawl.outcome import FetchOutcome
from edunews.crawl.ratelimit import DEFAULT_INTERVAL, LIMITER, HostLimiter
from edunews.crawl.robots import RobotsCache
from edunews.crawl.urls import BadUrl, join_url, normalize_url, url_host

# Site operators should be able to see who crawls them and where to complain.
USER_AGENT = (
    f"edunews/{__version__} "
    f"(+{os.environ.get('EDUNEWS_CONTACT_URL', 'https://edunews.example/crawler')})"
)
ROBOTS_AGENT = "edunews"
MAX_REDIRECTS = 5
# RFC 9309: a crawler reads at least the first 500 KiB of a robots.txt; what comes after is
# ignored, never a reason to refuse the site (a 12 MB robots.txt of comments did).
MAX_ROBOTS_BYTES = 512 * 1024
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Only what the client decodes itself, under its cap: a server answering in br or zstd
# anyway gets a parse_error, not a body read by a decoder without limits.
ACCEPT_ENCODING = "gzip, deflate"
_READ_CHUNK = 64 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HEADER_JUNK = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
# Cookies are kept (some sites set one and redirect), but a server cannot make every later
# request carry megabytes of them (servers refuse header lines over 8 KB anyway).
MAX_COOKIES = 50
MAX_COOKIE_JAR_BYTES = 8192


class _BoundedCookies(DefaultCookiePolicy):
    def __init__(self, jar) -> None:
        super().__init__()
        self._jar = jar

    def set_ok(self, cookie, request) -> bool:
        size = sum(len(c.name or "") + len(c.value or "") for c in self._jar)
        size += len(cookie.name or "") + len(cookie.value or "")
        if size > MAX_COOKIE_JAR_BYTES or len(self._jar) >= MAX_COOKIES:
            return False
        return super().set_ok(cookie, request)


class FetchError(Exception):
    """A request that produced no usable response; `outcome` is the fetch_log outcome."""

    def __init__(
        self, outcome: FetchOutcome, reason: str, status: int | None = None, *, retry: bool = True
    ):
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason
        self.status = status
        # False for network errors another attempt cannot mend (a deadline, the budget).
        self.retry = retry


@dataclass(frozen=True)
class Validators:
    """What a server told us about a URL's last version, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        if _sendable(self.etag):
            headers["If-None-Match"] = self.etag
        if _sendable(self.last_modified):
            headers["If-Modified-Since"] = self.last_modified
        return headers


def _sendable(value: str | None) -> TypeGuard[str]:
    """A validator a server gave that can go back in a header: requests refuses control
    characters (a folded or NUL-laden ETag failed every later request of its URL)."""
    if not value:
        return False
    return len(value) <= 1024 and not _HEADER_JUNK.search(value)


@dataclass
class Response:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    elapsed_ms: int
    encoding: str | None = None
    attempts: int = 1

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    @property
    def validators(self) -> Validators:
        etag, modified = self.headers.get("ETag"), self.headers.get("Last-Modified")
        return Validators(
            etag if _sendable(etag) else None, modified if _sendable(modified) else None
        )

    def text(self) -> str:
        from edunews.crawl.encoding import decode_body

        return decode_body(self.body, self.headers.get("Content-Type"))[0]

    def json(self):
        import json

        try:
            return json.loads(self.body.decode(self.encoding or "utf-8-sig"))
        except RecursionError as exc:  # [[[[... thousands deep: not JSON we can use
            raise ValueError("JSON nested too deep") from exc


@dataclass
class HttpClient:
    """The crawler's HTTP client; one per source and run.

    Knobs against hostile servers:
    - `deadline`: seconds one request may take in all (connect, headers, body, and its
      redirects), enforced while reading: at the deadline the socket is shut down and the
      request ends as network_error "deadline: no complete answer within N s", not retried.
    - `stop_at`: a time.monotonic() value, the end of the source's time budget (or
      `budget`: its length in seconds from now). No request starts after it, a request in
      flight is cut at it, a retry that would wait past it is not made: FetchError outcome
      "over_budget", "the source's time budget of N min ran out", never retried. Set it
      later with `set_stop_at`, or for a while with `stopping_at` (never by assignment:
      the reason's N counts from when it was set).
    - `max_bytes`: the cap on a body's size AFTER decompression (and on the bytes read).
      The client asks only for gzip and deflate and inflates them itself, a step at a
      time; a body that passes the cap is too_large ("gzip body inflates past the
      10485760-byte cap"), a coding it did not ask for or a corrupt one is parse_error.
    """

    allowed_hosts: set[str] = field(default_factory=set)
    allow_private_network: bool = False
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # the longest silence between two reads
    deadline: float = 60.0
    stop_at: float | None = None
    budget: float | None = None
    max_bytes: int = 10 * 1024 * 1024
    retries: int = 3
    backoff: float = 1.0  # first retry after this many seconds, doubling each time
    max_retry_after: float = 120.0  # a server asking for a longer pause is given up on
    interval: float = DEFAULT_INTERVAL  # seconds between requests to one host
    respect_robots: bool = True
    limiter: HostLimiter = field(default_factory=lambda: LIMITER)
    session: requests.Session = field(default_factory=requests.Session)
    _stop_set_at: float = field(init=False, repr=False, default=0.0)

    def __post_init__(self) -> None:
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.headers["Accept-Encoding"] = ACCEPT_ENCODING
        # No proxies or .netrc from the environment: through a proxy the guarded
        # connections are never used (the checks would guard the proxy, not the site), and
        # .netrc credentials would go to whatever host a redirect names. A custom CA
        # bundle is still honoured.
        self.session.trust_env = False
        ca_bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
        if ca_bundle:
            self.session.verify = ca_bundle
        self.session.cookies.set_policy(_BoundedCookies(self.session.cookies))
        # Always a checking adapter: even on a private network, only checked hosts.
        adapter = CheckedAdapter() if self.allow_private_network else PublicOnlyAdapter()
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.allowed_hosts = {_allowed_host(h) for h in self.allowed_hosts}
        if self.stop_at is None and self.budget is not None:
            self.stop_at = time.monotonic() + self.budget
        self._stop_set_at = time.monotonic()
        self.robots = RobotsCache(self._fetch_robots)

    def set_stop_at(self, stop_at: float | None) -> None:
        """End the source's time budget at `stop_at` (time.monotonic(); None: no end). The
        budget's length in the reason ("of 30 min") counts from now: a crawl run sets it
        on a client that may be older than the run."""
        self.stop_at = stop_at
        self._stop_set_at = time.monotonic()

    @contextmanager
    def stopping_at(self, deadline: float) -> Iterator[None]:
        """Requests stop at `deadline` inside the block (or at the earlier end already
        set); the end before is restored after it, since a client given by the caller may
        serve several runs."""
        previous, previous_set_at = self.stop_at, self._stop_set_at
        self.set_stop_at(deadline if previous is None else min(previous, deadline))
        try:
            yield
        finally:
            self.stop_at, self._stop_set_at = previous, previous_set_at

    def get(
        self,
        url: str,
        params: dict | None = None,
        validators: Validators | None = None,
    ) -> Response:
        """GET with robots, rate limit and retries; 304 comes back as a Response.

        Raises FetchError for anything that gave no usable answer, including a 429/5xx
        that outlived the retries.
        """
        if params:
            try:
                url = requests.Request("GET", _normalized(url), params=params).prepare().url or url
            except (requests.RequestException, ValueError) as exc:
                raise FetchError(FetchOutcome.OFF_SITE, f"refused URL: {_short(exc)}") from exc
        url = _normalized(url)
        headers = validators.headers() if validators else {}
        started = time.monotonic()
        attempt = 0
        while True:
            attempt += 1
            try:
                self._check_budget()
                self._check_robots(url)  # inside: an unreachable robots.txt is retried too
                resp = self._get_following_redirects(url, headers)
            except FetchError as exc:
                if (
                    exc.outcome != FetchOutcome.NETWORK_ERROR
                    or not exc.retry
                    or attempt > self.retries
                ):
                    if attempt > 1:
                        exc.reason += f" (after {attempt} attempts)"
                    raise
                self._sleep_before_retry(url, attempt, None, None)
                continue
            if resp.status in RETRY_STATUSES:
                if attempt > self.retries:
                    raise FetchError(
                        FetchOutcome.HTTP_ERROR,
                        f"HTTP {resp.status} after {attempt} attempts",
                        resp.status,
                    )
                self._sleep_before_retry(url, attempt, resp.headers.get("Retry-After"), resp.status)
                continue
            resp.elapsed_ms = int((time.monotonic() - started) * 1000)
            resp.attempts = attempt
            return resp

    def host_key(self, url: str) -> str:
        return urlsplit(url).netloc.lower()

    def _sleep_before_retry(
        self, url: str, attempt: int, retry_after: str | None, status: int | None
    ) -> None:
        wait = self.backoff * 2 ** (attempt - 1)
        asked = _retry_after_seconds(retry_after)
        if asked is not None:
            if asked > self.max_retry_after:
                # The status the server gave (a 503 for maintenance is no 429 rate limit).
                raise FetchError(
                    FetchOutcome.HTTP_ERROR,
                    f"server asks to retry after {asked:.0f} s: given up",
                    status,
                )
            wait = max(wait, asked)
            self.limiter.push_back(self.host_key(url), asked)
        if self.stop_at is not None and time.monotonic() + wait >= self.stop_at:
            raise self._over_budget()
        time.sleep(wait)

    def _check_budget(self) -> None:
        if self.stop_at is not None and time.monotonic() >= self.stop_at:
            raise self._over_budget()

    def _over_budget(self) -> FetchError:
        minutes = max(0.0, ((self.stop_at or 0.0) - self._stop_set_at) / 60)
        return FetchError(
            FetchOutcome.OVER_BUDGET,
            f"the source's time budget of {minutes:.3g} min ran out",
            retry=False,
        )

    def _check_robots(self, url: str) -> None:
        if not self.respect_robots:
            return
        rules = self.robots.rules(url)
        if not rules.allowed(url, ROBOTS_AGENT):
            raise FetchError(FetchOutcome.ROBOTS_DISALLOWED, rules.why)

    def _fetch_robots(self, robots_url: str) -> tuple[int, str]:
        try:
            resp = self._get_following_redirects(
                robots_url, {}, truncate_at=MAX_ROBOTS_BYTES, for_robots=True
            )
        except FetchError as exc:
            if exc.outcome in (FetchOutcome.TOO_LARGE, FetchOutcome.PARSE_ERROR) or (
                exc.outcome == FetchOutcome.NETWORK_ERROR and not exc.retry
            ):
                # It answered, but never a usable robots.txt (a trickle cut at the deadline,
                # a bomb, not HTTP): a failing robots.txt (RFC 9309), decided once per run
                # instead of costing every page of the site the deadline again.
                return 0, ""
            if exc.outcome in (FetchOutcome.OFF_SITE, FetchOutcome.HTTP_ERROR):
                # Redirected to a host the crawler may not ask: no robots.txt it can read,
                # which RFC 9309 takes as none (4xx), not as a failing site (every page of
                # a site whose robots.txt moved to another host was refused). Redirects
                # that loop or run past five: "unavailable" too (RFC 9309 2.3.1.2), decided
                # once per run rather than every page failing on them again.
                return 404, ""
            # An unreachable site is a network error, not a robots verdict: not cached.
            exc.reason = f"robots.txt: {exc.reason}"
            raise
        if resp.status == 200:
            from edunews.crawl.encoding import decode_body

            body = resp.body
            if len(body) >= MAX_ROBOTS_BYTES:
                body = body[: body.rfind(b"\n") + 1]  # a rule cut in half is no rule
            return 200, decode_body(body, resp.headers.get("Content-Type"))[0]
        return resp.status, ""

    def _get_following_redirects(
        self,
        url: str,
        headers: dict[str, str],
        truncate_at: int | None = None,
        for_robots: bool = False,
    ) -> Response:
        """`truncate_at`: read the body only this far (robots.txt), instead of too_large.

        `for_robots`: this is the robots.txt fetch itself, so no hop asks for robots rules
        (a robots.txt redirected to "/" would look up the rules it is fetching, for ever).
        """
        started = time.monotonic()
        ends_at = started + self.deadline
        if self.stop_at is not None:
            ends_at = min(ends_at, self.stop_at)
        seen = set()
        for _ in range(MAX_REDIRECTS + 1):
            host = self._check_target(url)
            if url in seen:
                raise FetchError(FetchOutcome.HTTP_ERROR, "redirects go round in a loop")
            seen.add(url)
            # Our own politeness (a Crawl-delay, the host's queue) is no slowness of the
            # server's: it does not eat the deadline (a Crawl-delay longer than the deadline
            # failed every page). The budget still bounds it.
            ends_at += self._wait_for_host(url, for_robots)
            if self.stop_at is not None:
                ends_at = min(ends_at, self.stop_at)
            with watching(host, ends_at) as watch:
                resp = self._send(url, headers, watch)
                if resp.is_redirect:
                    resp.close()
                    try:
                        url = join_url(url, _header_text(resp.headers.get("Location", "")))
                    except BadUrl as exc:
                        raise FetchError(
                            FetchOutcome.OFF_SITE, f"redirect refused: {exc.reason}"
                        ) from exc
                    continue
                body = self._read_capped(resp, watch, truncate_at)
            return Response(
                url=url,
                status=resp.status_code,
                headers=dict(resp.headers),
                body=body,
                encoding=None,
                elapsed_ms=int((time.monotonic() - started) * 1000),
            )
        raise FetchError(FetchOutcome.HTTP_ERROR, f"more than {MAX_REDIRECTS} redirects")

    def _send(
        self, url: str, headers: dict[str, str], watch: Watch, fresh: bool = False
    ) -> requests.Response:
        try:
            return self.session.get(
                url,
                headers=headers,
                allow_redirects=False,
                stream=True,
                timeout=(self.connect_timeout, self.read_timeout),
            )
        except requests.RequestException as exc:
            if watch.over:
                raise self._cut(watch) from exc
            if isinstance(exc, requests.Timeout):
                raise FetchError(FetchOutcome.NETWORK_ERROR, f"timeout: {_short(exc)}") from exc
            if MARKER in str(exc):
                raise FetchError(FetchOutcome.OFF_SITE, f"{_host(url)} {MARKER}") from exc
            if HOST_MARKER in str(exc):
                raise FetchError(FetchOutcome.OFF_SITE, f"{_host(url)}: {HOST_MARKER}") from exc
            broken = _broken_answer(exc)
            if broken and not fresh:
                # Junk left on a kept-alive connection by the answer before (a body longer
                # than its Content-Length) reads as a broken answer too: once more, on a
                # new connection.
                self.session.close()
                return self._send(url, headers, watch, fresh=True)
            if broken:
                # The server spoke, and not HTTP, twice: asking again gets the same answer.
                raise FetchError(
                    FetchOutcome.NETWORK_ERROR, f"not an HTTP answer: {broken}", retry=False
                ) from exc
            raise FetchError(
                FetchOutcome.NETWORK_ERROR, f"{type(exc).__name__}: {_short(exc)}"
            ) from exc

    def _cut(self, watch: Watch, status: int | None = None) -> FetchError:
        """Why a request the watch shut down ended: the budget, or its own deadline."""
        if self.stop_at is not None and watch.ends_at is not None and watch.ends_at >= self.stop_at:
            return self._over_budget()
        return FetchError(
            FetchOutcome.NETWORK_ERROR,
            f"deadline: no complete answer within {self.deadline:g} s",
            status,
            retry=False,
        )

    def _wait_for_host(self, url: str, for_robots: bool = False) -> float:
        """Seconds waited for the host's turn."""
        interval = self.interval
        if self.respect_robots and not for_robots and not url.endswith("/robots.txt"):
            delay = self.robots.rules(url).crawl_delay(ROBOTS_AGENT)
            if delay:
                interval = max(interval, min(delay, 30.0))  # a Crawl-delay, within reason
        waited = self.limiter.wait(self.host_key(url), interval, until=self.stop_at)
        if waited is None:
            raise self._over_budget()  # the host's turn comes after the budget: no sleep
        return max(0.0, waited)

    def _read_capped(
        self, resp: requests.Response, watch: Watch, truncate_at: int | None = None
    ) -> bytes:
        status = resp.status_code
        declared = resp.headers.get("Content-Length", "")
        if truncate_at is None and declared.isdigit() and int(declared) > self.max_bytes:
            resp.close()
            raise FetchError(
                FetchOutcome.TOO_LARGE,
                f"body of {int(declared)} bytes is over the {self.max_bytes}-byte cap",
                status,
            )
        try:
            decoder = BoundedDecoder(
                parse_codings(resp.headers.get("Content-Encoding")), self.max_bytes
            )
        except Unsupported as exc:
            resp.close()
            if not 200 <= status < 300:
                return b""  # an error page: its status is the answer, its body no matter
            raise FetchError(FetchOutcome.PARSE_ERROR, f"body not readable: {exc}", status) from exc
        chunks, read, kept = [], 0, 0
        try:
            # Raw bytes, decoded here under the cap: urllib3's own decoding has had no
            # limit in some versions, and a 64 KB chunk of gzip can be gigabytes.
            for chunk in resp.raw.stream(_READ_CHUNK, decode_content=False):
                read += len(chunk)
                if read > self.max_bytes:
                    raise FetchError(
                        FetchOutcome.TOO_LARGE, f"body over the {self.max_bytes}-byte cap", status
                    )
                chunks.append(decoder.feed(chunk))
                kept += len(chunks[-1])
                if truncate_at is not None and kept >= truncate_at:
                    return b"".join(chunks)[:truncate_at]  # enough: the rest is not read
        except TooLarge as exc:
            raise FetchError(FetchOutcome.TOO_LARGE, exc.reason, status) from exc
        except CorruptBody as exc:
            if not 200 <= status < 300:
                return b""
            raise FetchError(FetchOutcome.PARSE_ERROR, str(exc), status) from exc
        except (urllib3.exceptions.HTTPError, OSError, HTTPException) as exc:
            if watch.over:
                raise self._cut(watch, status) from exc
            raise FetchError(
                FetchOutcome.NETWORK_ERROR, f"body read failed (truncated?): {_short(exc)}", status
            ) from exc
        finally:
            resp.close()
        if watch.expired:
            # A body without a length just stops when the socket is shut: not a whole page.
            raise self._cut(watch, status)
        return b"".join(chunks)

    def _check_target(self, url: str) -> str:
        """The host `url` (normalised) may be fetched from; FetchError off_site if none."""
        host = url_host(url)
        if self.allowed_hosts and host not in self.allowed_hosts:
            raise FetchError(FetchOutcome.OFF_SITE, f"host {host} is not one of the source's hosts")
        if not self.allow_private_network and resolves_to_private(host):
            raise FetchError(
                FetchOutcome.OFF_SITE, f"{host} resolves to a private or loopback address"
            )
        return host


_CAUSE = re.compile(
    r"\[Errno -?\d+\] [^'\")]+|Read timed out|Connect(?:ion)? timed out|timed out|"
    r"IncompleteRead\([^)]*\)|Connection aborted|Connection broken|Connection reset by peer"
)


def _short(exc: Exception) -> str:
    """The cause, without the URL and pool urllib3 wrap it in: reasons are counted by text,
    so "[Errno 111] Connection refused" must read the same for every page of a site."""
    text = str(exc)
    cause = _CAUSE.search(text)
    if cause:
        return _printable(cause.group(0).strip())
    return _printable(text.splitlines()[0][:200]) if text.strip() else type(exc).__name__


def _printable(text: str) -> str:
    """Server-made text in a reason without control characters (PostgreSQL refuses NUL)."""
    return _CONTROL.sub("?", text)


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _broken_answer(exc: BaseException) -> str | None:
    """What http.client found wrong with the answer (over 100 headers, a line over 64 KB, a
    bad status line), or None when the connection itself failed (closed, reset, refused)."""
    pending: list[object] = [exc]
    for _ in range(8):
        if not pending:
            return None
        item = pending.pop()
        if isinstance(item, RemoteDisconnected | IncompleteRead):
            return None
        if isinstance(item, HTTPException):
            return f"{type(item).__name__}: {_printable(str(item).strip()[:100])}".rstrip(": ")
        if isinstance(item, BaseException):
            pending += [*item.args, item.__cause__, item.__context__]
    return None


def _header_text(value: str) -> str:
    """A header as the server wrote it: http.client reads header bytes as Latin-1, but a
    Location with raw UTF-8 in it (a Thai slug) means UTF-8, as browsers read it."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def _normalized(url: str) -> str:
    try:
        return normalize_url(url)
    except BadUrl as exc:
        raise FetchError(FetchOutcome.OFF_SITE, f"refused URL: {exc.reason}") from exc


def _allowed_host(host: str) -> str:
    """A source's host as normalize_url writes it (IDNA, canonical IP), port dropped."""
    try:
        return url_host(f"http://{host.strip()}/")
    except BadUrl:
        return host.strip().lower()


def _retry_after_seconds(value: str | None) -> float | None:
    """Retry-After is either seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def resolves_to_private(host: str) -> bool:
    """True when any address the name resolves to is not a public one."""
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        return False  # the request itself will fail with a clear network error
    return any(is_private_address(str(info[4][0])) for info in infos)
