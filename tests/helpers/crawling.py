"""A crawler client for the local test sites."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from edunews.crawl.http import HttpClient


def site_client(hosts: Iterable[str] = ("127.0.0.1",), **overrides: Any) -> HttpClient:
    """The production client with the waits cut down (tests never sleep for politeness),
    allowed on loopback, and on `hosts` only; `overrides` are HttpClient's own settings."""
    options: dict[str, Any] = dict(
        allowed_hosts=set(hosts), allow_private_network=True, interval=0.0, backoff=0.01
    )
    return HttpClient(**{**options, **overrides})
