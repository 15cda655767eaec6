"""The one HTTP server of the simulated sites: a threaded server on a free port that hands
each request to a site object (`handle(request) -> Reply`) and writes its reply.

Every simulated site (the demo site, the test sites, the hostile farms, the webhook
receiver) is such an object; none runs a server of its own.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Request:
    path: str  # without the query
    query: dict[str, str]
    headers: dict[str, str]  # names lower-cased
    target: str  # path and query as sent
    method: str = "GET"
    body: bytes = b""

    def arg(self, name: str, default: str = "") -> str:
        return self.query.get(name, default)


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line (slow servers)
    # The whole answer as bytes on the wire (status line and headers too), for what
    # http.server cannot say: trickled headers, broken status lines. Connection closes after.
    raw: Iterable[bytes] | None = None

    @classmethod
    def html(cls, text: str, charset: str = "utf-8", **headers: str) -> Reply:
        content_type = f"text/html; charset={charset}" if charset else "text/html"
        return cls(200, text.encode(charset or "utf-8"), {"Content-Type": content_type, **headers})

    @classmethod
    def xml(cls, text: str) -> Reply:
        return cls(200, text.encode(), {"Content-Type": "application/xml; charset=utf-8"})

    @classmethod
    def redirect(cls, location: str, status: int = 302) -> Reply:
        return cls(status, b"", {"Location": location})

    @classmethod
    def not_found(cls) -> Reply:
        return cls(404, b"<h1>404</h1>", {"Content-Type": "text/html; charset=utf-8"})


class Site(Protocol):
    def handle(self, request: Request) -> Reply: ...


class _Handler(BaseHTTPRequestHandler):
    site: Site
    hits: Counter
    server_version = "Apache"

    def version_string(self) -> str:
        return self.server_version

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._answer(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(send_body=False)

    def do_POST(self) -> None:  # noqa: N802
        self._answer(send_body=True)

    def _answer(self, send_body: bool) -> None:
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        length = int(self.headers.get("Content-Length") or 0)
        request = Request(
            parts.path,
            query,
            {k.lower(): v for k, v in self.headers.items()},
            self.path,
            self.command,
            self.rfile.read(length) if length else b"",
        )
        if self.command != "POST":
            self.hits[self.path] += 1
        try:
            reply = self.site.handle(request)
        except Exception:
            log.exception("simulated site failed on %s", self.path)
            reply = Reply(500, b"internal error", {"Content-Type": "text/plain; charset=utf-8"})
        if reply.delay:
            time.sleep(reply.delay)
        # The crawler may hang up (size cap, timeout): that is its right.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._send(reply, send_body)

    def _send(self, reply: Reply, send_body: bool) -> None:
        if reply.raw is not None:
            self.close_connection = True
            for chunk in reply.raw:
                self.wfile.write(chunk)
            return
        self.send_response(reply.status)
        body = reply.body
        headers = dict(reply.headers)
        if isinstance(body, bytes) and "Content-Length" not in headers and reply.status != 304:
            headers["Content-Length"] = str(len(body))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not send_body:
            return
        if isinstance(body, bytes):
            self.wfile.write(body)
        else:
            for chunk in body:
                self.wfile.write(chunk)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Quiet: no request lines on stderr."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that hang up are normal for a crawler target; stay quiet about them."""


class Served:
    """A running site: its base URL and how often each target was asked for."""

    def __init__(self, server: ThreadingHTTPServer, hits: Counter, host: str) -> None:
        self._server = server
        self.hits = hits
        self.port = server.server_address[1]
        public = "127.0.0.1" if host in ("", "0.0.0.0") else host
        self.url = f"http://{public}:{self.port}/"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def start(site: Site, port: int = 0, host: str = "127.0.0.1", keep_alive: bool = False) -> Served:
    """Serve `site` from a daemon thread. `keep_alive` speaks HTTP/1.1 with persistent
    connections, as a real WordPress host does; without it each answer closes its
    connection (HTTP/1.0), which the hostile replies' unframed bodies need."""
    hits: Counter = Counter()
    attributes = {
        "site": site,
        "hits": hits,
        "protocol_version": "HTTP/1.1" if keep_alive else "HTTP/1.0",
        # idle keep-alive connections give their thread back
        "timeout": 15 if keep_alive else None,
    }
    server = _Server((host, port), type("Handler", (_Handler,), attributes))
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
    ).start()
    return Served(server, hits, host)


@contextmanager
def serve(site: Site, **options: Any) -> Iterator[Served]:
    served = start(site, **options)
    try:
        yield served
    finally:
        served.close()
