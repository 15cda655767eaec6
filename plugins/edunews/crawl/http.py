"""The one HTTP client every fetch goes through: timeouts, size cap, safe redirects."""

from __future__ import annotations

import ipaddress
import os
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests

from edunews import __version__

# Site operators should be able to see who crawls them and where to complain.
USER_AGENT = (
    f"edunews/{__version__} "
    f"(+{os.environ.get('EDUNEWS_CONTACT_URL', 'https://edunews.example/crawler')})"
)
MAX_REDIRECTS = 5


class FetchError(Exception):
    """A request that produced no usable response; `outcome` is the fetch_log outcome."""

    def __init__(self, outcome: str, reason: str, status: int | None = None):
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason
        self.status = status


@dataclass
class Response:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    elapsed_ms: int
    encoding: str | None = None

    def text(self) -> str:
        return self.body.decode(self.encoding or "utf-8", errors="replace")

    def json(self):
        import json

        return json.loads(self.body.decode(self.encoding or "utf-8"))


@dataclass
class HttpClient:
    allowed_hosts: set[str] = field(default_factory=set)
    allow_private_network: bool = False
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    session: requests.Session = field(default_factory=requests.Session)

    def __post_init__(self) -> None:
        self.session.headers["User-Agent"] = USER_AGENT

    def get(self, url: str, params: dict | None = None) -> Response:
        """GET with redirects followed by hand, each hop checked against the allowed hosts."""
        started = time.monotonic()
        for _ in range(MAX_REDIRECTS + 1):
            self._check_target(url)
            try:
                resp = self.session.get(
                    url,
                    params=params,
                    allow_redirects=False,
                    stream=True,
                    timeout=(self.connect_timeout, self.read_timeout),
                )
            except requests.Timeout as exc:
                raise FetchError("network_error", f"timeout: {exc}") from exc
            except requests.RequestException as exc:
                raise FetchError("network_error", f"{type(exc).__name__}: {exc}") from exc
            params = None
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
                encoding=resp.encoding,
                elapsed_ms=int((time.monotonic() - started) * 1000),
            )
        raise FetchError("http_error", f"more than {MAX_REDIRECTS} redirects")

    def _read_capped(self, resp: requests.Response) -> bytes:
        chunks, size = [], 0
        try:
            for chunk in resp.iter_content(64 * 1024):
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(
                        "too_large", f"body larger than {self.max_bytes} bytes", resp.status_code
                    )
                chunks.append(chunk)
        except requests.RequestException as exc:
            raise FetchError("network_error", f"body read failed: {exc}", resp.status_code) from exc
        finally:
            resp.close()
        return b"".join(chunks)

    def _check_target(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("off_site", f"not an http(s) URL: {url}")
        host = parts.hostname.lower()
        if self.allowed_hosts and host not in self.allowed_hosts:
            raise FetchError("off_site", f"host {host} is not one of the source's hosts")
        if not self.allow_private_network and _is_private(host):
            raise FetchError("off_site", f"{host} resolves to a private or loopback address")


def _is_private(host: str) -> bool:
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        return False  # the request itself will fail with a clear network error
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if (
            address.is_private
            or address.is_loopback
            or address.is_link_local
            or address.is_reserved
        ):
            return True
    return False
