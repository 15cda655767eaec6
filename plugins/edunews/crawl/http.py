"""The one HTTP client every fetch goes through.

Timeouts, retries with backoff (connection errors, 429, 5xx; Retry-After honoured), a
per-host rate limit, robots.txt, conditional requests, a size cap, redirects followed by
hand and checked hop by hop (allowed hosts, private addresses after DNS resolution).
"""

from __future__ import annotations

import os
import re
import socket
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import requests

from edunews import __version__
from edunews.crawl.guard import MARKER, PublicOnlyAdapter, is_private_address
from edunews.crawl.ratelimit import DEFAULT_INTERVAL, LIMITER, HostLimiter
from edunews.crawl.robots import RobotsCache

# Site operators should be able to see who crawls them and where to complain.
USER_AGENT = (
    f"edunews/{__version__} "
    f"(+{os.environ.get('EDUNEWS_CONTACT_URL', 'https://edunews.example/crawler')})"
)
ROBOTS_AGENT = "edunews"
MAX_REDIRECTS = 5
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A request that produced no usable response; `outcome` is the fetch_log outcome."""

    def __init__(self, outcome: str, reason: str, status: int | None = None):
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class Validators:
    """What a server told us about a URL's last version, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


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
        return Validators(self.headers.get("ETag"), self.headers.get("Last-Modified"))

    def text(self) -> str:
        from edunews.crawl.encoding import decode_body

        return decode_body(self.body, self.headers.get("Content-Type"))[0]

    def json(self):
        import json

        return json.loads(self.body.decode(self.encoding or "utf-8-sig"))


@dataclass
class HttpClient:
    allowed_hosts: set[str] = field(default_factory=set)
    allow_private_network: bool = False
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    # A body that trickles in slower than this in total is abandoned (slow-drip servers).
    body_deadline: float = 120.0
    max_bytes: int = 10 * 1024 * 1024
    retries: int = 3
    backoff: float = 1.0  # first retry after this many seconds, doubling each time
    max_retry_after: float = 120.0  # a server asking for a longer pause is given up on
    interval: float = DEFAULT_INTERVAL  # seconds between requests to one host
    respect_robots: bool = True
    limiter: HostLimiter = field(default_factory=lambda: LIMITER)
    session: requests.Session = field(default_factory=requests.Session)

    def __post_init__(self) -> None:
        self.session.headers["User-Agent"] = USER_AGENT
        if not self.allow_private_network:
            adapter = PublicOnlyAdapter()
            self.session.mount("http://", adapter)
            self.session.mount("https://", adapter)
        self.allowed_hosts = {h.lower() for h in self.allowed_hosts}
        self.robots = RobotsCache(self._fetch_robots)

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
            url = requests.Request("GET", url, params=params).prepare().url or url
        headers = validators.headers() if validators else {}
        started = time.monotonic()
        attempt = 0
        while True:
            attempt += 1
            try:
                self._check_robots(url)  # inside: an unreachable robots.txt is retried too
                resp = self._get_following_redirects(url, headers)
            except FetchError as exc:
                if exc.outcome != "network_error" or attempt > self.retries:
                    if attempt > 1:
                        exc.reason += f" (after {attempt} attempts)"
                    raise
                self._sleep_before_retry(url, attempt, None)
                continue
            if resp.status in RETRY_STATUSES:
                if attempt > self.retries:
                    raise FetchError(
                        "http_error", f"HTTP {resp.status} after {attempt} attempts", resp.status
                    )
                self._sleep_before_retry(url, attempt, resp.headers.get("Retry-After"))
                continue
            resp.elapsed_ms = int((time.monotonic() - started) * 1000)
            resp.attempts = attempt
            return resp

    def host_key(self, url: str) -> str:
        return urlsplit(url).netloc.lower()

    def _sleep_before_retry(self, url: str, attempt: int, retry_after: str | None) -> None:
        wait = self.backoff * 2 ** (attempt - 1)
        asked = _retry_after_seconds(retry_after)
        if asked is not None:
            if asked > self.max_retry_after:
                raise FetchError(
                    "http_error", f"server asks to retry after {asked:.0f} s: given up", 429
                )
            wait = max(wait, asked)
            self.limiter.push_back(self.host_key(url), asked)
        time.sleep(wait)

    def _check_robots(self, url: str) -> None:
        if not self.respect_robots:
            return
        rules = self.robots.rules(url)
        if not rules.allowed(url, ROBOTS_AGENT):
            raise FetchError("robots_disallowed", rules.why)

    def _fetch_robots(self, robots_url: str) -> tuple[int, str]:
        try:
            resp = self._get_following_redirects(robots_url, {})
        except FetchError as exc:
            # An unreachable site is a network error, not a robots verdict: not cached.
            exc.reason = f"robots.txt: {exc.reason}"
            raise
        if resp.status == 200:
            from edunews.crawl.encoding import decode_body

            return 200, decode_body(resp.body, resp.headers.get("Content-Type"))[0]
        return resp.status, ""

    def _get_following_redirects(self, url: str, headers: dict[str, str]) -> Response:
        started = time.monotonic()
        seen = set()
        for _ in range(MAX_REDIRECTS + 1):
            self._check_target(url)
            if url in seen:
                raise FetchError("http_error", "redirects go round in a loop")
            seen.add(url)
            self._wait_for_host(url)
            try:
                resp = self.session.get(
                    url,
                    headers=headers,
                    allow_redirects=False,
                    stream=True,
                    timeout=(self.connect_timeout, self.read_timeout),
                )
            except requests.Timeout as exc:
                raise FetchError("network_error", f"timeout: {_short(exc)}") from exc
            except requests.RequestException as exc:
                if MARKER in str(exc):
                    raise FetchError("off_site", f"{_host(url)} {MARKER}") from exc
                raise FetchError("network_error", f"{type(exc).__name__}: {_short(exc)}") from exc
            if resp.is_redirect:
                url = urljoin(resp.url, resp.headers.get("Location", ""))
                resp.close()
                continue
            body = self._read_capped(resp)
            return Response(
                url=resp.url,
                status=resp.status_code,
                headers=dict(resp.headers),
                body=body,
                encoding=None,
                elapsed_ms=int((time.monotonic() - started) * 1000),
            )
        raise FetchError("http_error", f"more than {MAX_REDIRECTS} redirects")

    def _wait_for_host(self, url: str) -> None:
        interval = self.interval
        if self.respect_robots and not url.endswith("/robots.txt"):
            delay = self.robots.rules(url).crawl_delay(ROBOTS_AGENT)
            if delay:
                interval = max(interval, min(delay, 30.0))  # a Crawl-delay, within reason
        self.limiter.wait(self.host_key(url), interval)

    def _read_capped(self, resp: requests.Response) -> bytes:
        declared = resp.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            resp.close()
            raise FetchError(
                "too_large",
                f"body of {int(declared)} bytes is over the {self.max_bytes}-byte cap",
                resp.status_code,
            )
        chunks, size = [], 0
        deadline = time.monotonic() + self.body_deadline
        try:
            for chunk in resp.iter_content(64 * 1024):
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(
                        "too_large", f"body over the {self.max_bytes}-byte cap", resp.status_code
                    )
                if time.monotonic() > deadline:
                    raise FetchError(
                        "network_error",
                        f"body took longer than {self.body_deadline:.0f} s",
                        resp.status_code,
                    )
                chunks.append(chunk)
        except requests.RequestException as exc:
            raise FetchError(
                "network_error", f"body read failed (truncated?): {_short(exc)}", resp.status_code
            ) from exc
        finally:
            resp.close()
        return b"".join(chunks)

    def _check_target(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("off_site", f"not an http(s) URL: {url[:200]}")
        host = parts.hostname.lower()
        if self.allowed_hosts and host not in self.allowed_hosts:
            raise FetchError("off_site", f"host {host} is not one of the source's hosts")
        if not self.allow_private_network and _is_private(host):
            raise FetchError("off_site", f"{host} resolves to a private or loopback address")


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
        return cause.group(0).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


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


def _is_private(host: str) -> bool:
    """True when any address the name resolves to is not a public one."""
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        return False  # the request itself will fail with a clear network error
    return any(is_private_address(info[4][0]) for info in infos)
