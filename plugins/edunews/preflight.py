"""Checks of a command's arguments before it runs: each problem is one line that says the fix.

A newcomer's first mistakes (a busy port, a local URL, a mistyped source id, the input
named as the output) must not end in a traceback or, worse, quietly do something else.
"""

from __future__ import annotations

import difflib
import errno
import os
import socket
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import urlsplit


def free_port_near(host: str, start: int, tries: int = 20) -> int | None:
    """The first port from `start` on that `host` can listen on now."""
    for port in range(max(start, 1), min(start + tries, 65536)):
        try:
            with socket.socket() as sock:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind((host, port))
        except OSError:
            continue
        return port
    return None


def port_problem(host: str, port: int, *, usual: int) -> str | None:
    """Why a server cannot listen on host:port, with the fix; None when it can. The port
    suggested is a free one from `usual`, the server's own default port."""

    def another() -> str:
        free = free_port_near(host, usual)
        return f" (e.g. --port {free}, free now)" if free else ""

    if not 1 <= port <= 65535:
        return f"--port {port} is not a port number: use one from 1 to 65535{another()}"
    try:
        with socket.socket() as sock:
            # As the servers bind (reusing an address in TIME_WAIT): a port someone just
            # stopped using is free.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
    except socket.gaierror:
        return f"--host {host} is not an address of this machine: try --host 127.0.0.1"
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return (
                f"port {port} on {host} is in use: stop what listens there,"
                f" or pick another with --port{another()}"
            )
        if exc.errno == errno.EACCES:
            return f"port {port} needs root: use one above 1023{another()}"
        if exc.errno == errno.EADDRNOTAVAIL:
            return f"--host {host} is not an address of this machine: try --host 127.0.0.1"
        return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
    return None


def private_url_problem(url: str, allow_private_network: bool) -> str | None:
    """A loopback, private or link-local site is refused unless the flag allows it: say so
    before the crawl, instead of a run that fails on every request."""
    from edunews.crawl.http import resolves_to_private

    host = urlsplit(url).hostname
    if not host:
        return f"{url!r} is not a URL: give one like https://example.go.th/"
    if allow_private_network or not resolves_to_private(host):
        return None
    return (
        f"{host} is a loopback or private address, which the crawler refuses:"
        " add --allow-private-network to reach it (for tests and the demo site)"
    )


def unknown_sources_problem(asked: Iterable[str], known: Sequence[str]) -> str | None:
    """Source ids not in the registry, each with the closest ids it has."""
    unknown = sorted(set(asked) - set(known))
    if not unknown:
        return None
    parts = []
    for source_id in unknown:
        close = difflib.get_close_matches(source_id, known, n=3, cutoff=0.6)
        parts.append(f"{source_id!r} (closest: {', '.join(close)})" if close else f"{source_id!r}")
    where = os.environ.get("EDUNEWS_SOURCES") or "sources.yml"
    return f"no source {', '.join(parts)} in the registry ({where}): check the --source id"


def same_file(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """True when two names reach one file (links, `./`, another spelling of the path)."""
    a, b = Path(first), Path(second)
    if a.exists() and b.exists():
        return os.path.samefile(a, b)
    return a.resolve() == b.resolve()


def warehouse_problem(timeout: float = 3.0) -> str | None:
    """The warehouse not answering on its port, with the fix; None when it does (or when
    the credentials come from Airflow's connections, which only a task can read).

    Checked before a command that needs the warehouse: without it, a stopped server shows
    as a traceback blamed on the crawled site or on dbt."""
    from edunews.warehouse.connection import (
        configured_credentials,
        explicit_url,
        reads_airflow_connections,
    )

    if reads_airflow_connections():
        return None
    credentials = configured_credentials("loader")
    try:
        with socket.create_connection((credentials.host, credentials.port), timeout=timeout):
            return None
    except OSError:
        pass
    where = f"{credentials.host}:{credentials.port}"
    if explicit_url():
        return (
            f"the warehouse at {where} (EDUNEWS_WAREHOUSE_URL) is not reachable: start it,"
            " or fix EDUNEWS_WAREHOUSE_URL"
        )
    return (
        f"the warehouse at {where} is not reachable: start it with `edunews db start`"
        " (or `make db-start`), or set EDUNEWS_WAREHOUSE_URL"
    )
