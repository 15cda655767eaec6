"""A threaded HTTP server for one test site, on 127.0.0.1 and a free port."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Request:
    path: str  # without the query
    query: dict[str, str]
    headers: dict[str, str]
    target: str  # path and query as sent

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

    def do_GET(self):  # noqa: N802 (http.server's naming)
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        request = Request(
            parts.path, query, {k.lower(): v for k, v in self.headers.items()}, self.path
        )
        self.hits[self.path] += 1
        reply = self.site.handle(request)
        if reply.delay:
            time.sleep(reply.delay)
        # The crawler may hang up (size cap, timeout): that is its right.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._send(reply)

    def _send(self, reply: Reply) -> None:
        if reply.raw is not None:
            self.close_connection = True
            for chunk in reply.raw:
                self.wfile.write(chunk)
            return
        self.send_response(reply.status)
        body = reply.body
        if isinstance(body, bytes) and "Content-Length" not in reply.headers:
            reply.headers["Content-Length"] = str(len(body))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if isinstance(body, bytes):
            self.wfile.write(body)
        else:
            for chunk in body:
                self.wfile.write(chunk)

    def log_message(self, *args):
        pass


class Served:
    """A running site: its base URL and how often each target was asked for."""

    def __init__(self, server: ThreadingHTTPServer, hits: Counter) -> None:
        self._server = server
        self.hits = hits
        self.port = server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def start(site: Site, port: int = 0) -> Served:
    hits: Counter = Counter()
    handler = type("Handler", (_Handler,), {"site": site, "hits": hits})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return Served(server, hits)


@contextmanager
def serve(site: Site) -> Iterator[Served]:
    served = start(site)
    try:
        yield served
    finally:
        served.close()
