"""A crawler client for the local test sites, and a walk of one by the explorer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from edunews.crawl import explore
from edunews.crawl.discovery import Context, Found, ListingFailure
from edunews.crawl.http import HttpClient
from edunews.crawl.learned import Learned
from edunews_sim.testsites import serve


def site_client(hosts: Iterable[str] = ("127.0.0.1",), **overrides: Any) -> HttpClient:
    """The production client with the waits cut down (tests never sleep for politeness),
    allowed on loopback, and on `hosts` only; `overrides` are HttpClient's own settings."""
    options: dict[str, Any] = dict(
        allowed_hosts=set(hosts), allow_private_network=True, interval=0.0, backoff=0.01
    )
    return HttpClient(**{**options, **overrides})


def explore_walk(
    site: Any, *, read_timeout: float = 5.0, **settings: Any
) -> tuple[list[str], list[str], Learned, int]:
    """Explore a served site from its home page (`settings` as a source gives them):
    the articles found, the failures' reasons, what was learned, the requests made."""
    with serve(site) as served:
        learned = Learned()
        client = site_client(hosts=(), read_timeout=read_timeout)
        ctx = Context(client, settings={"learned": learned, **settings})
        items = list(explore.discover(ctx, served.url))
        requests = sum(served.hits.values())
    found = [i.url for i in items if isinstance(i, Found)]
    failures = [i.error.reason for i in items if isinstance(i, ListingFailure)]
    return found, failures, learned, requests
