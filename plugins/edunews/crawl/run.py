"""Crawl one source: discover its posts, fetch each page, land pages and the fetch log."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from edunews.crawl import wordpress
from edunews.crawl.http import FetchError, HttpClient
from edunews.crawl.land import FetchedPage, log_fetch, store_page
from edunews.sources import Source
from edunews.warehouse import connect

log = logging.getLogger(__name__)


@dataclass
class CrawlSummary:
    source_id: str
    outcomes: Counter = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)  # reason -> count

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    def line(self) -> str:
        parts = [f"{k} {v}" for k, v in sorted(self.outcomes.items())]
        return f"{self.source_id}: " + (", ".join(parts) or "nothing discovered")

    def as_dict(self) -> dict:
        return {
            "source_id": self.source_id,
            "outcomes": dict(self.outcomes),
            "failures": dict(self.failures),
        }


def new_run_id() -> str:
    return "manual__" + datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")


def crawl_source(
    source: Source,
    run_id: str | None = None,
    max_pages: int | None = None,
    allow_private_network: bool = False,
) -> CrawlSummary:
    run_id = run_id or new_run_id()
    summary = CrawlSummary(source.id)
    client = HttpClient(allowed_hosts=source.hosts, allow_private_network=allow_private_network)
    with connect("loader") as conn:
        for base in source.start_urls:
            for item in wordpress.discover(client, base, max_posts=max_pages):
                if isinstance(item, wordpress.ListingFailure):
                    _record(
                        conn,
                        summary,
                        run_id,
                        source.id,
                        item.url,
                        item.error.outcome,
                        reason=item.error.reason,
                        status=item.error.status,
                    )
                    continue
                _fetch_and_land(conn, client, summary, run_id, source.id, item)
    log.info(summary.line())
    return summary


def crawl_url(
    url: str,
    source_id: str | None = None,
    max_pages: int | None = None,
    allow_private_network: bool = False,
) -> CrawlSummary:
    """An ad-hoc crawl of one site that is not in the registry."""
    source = Source(
        id=source_id or urlsplit(url).netloc, name=url, kind="wordpress", start_urls=(url,)
    )
    return crawl_source(source, max_pages=max_pages, allow_private_network=allow_private_network)


def _fetch_and_land(
    conn,
    client: HttpClient,
    summary: CrawlSummary,
    run_id: str,
    source_id: str,
    post: wordpress.Post,
) -> None:
    try:
        resp = client.get(post.url)
        if resp.status != 200:
            raise FetchError("http_error", f"HTTP {resp.status}", resp.status)
    except FetchError as exc:
        _record(
            conn,
            summary,
            run_id,
            source_id,
            post.url,
            exc.outcome,
            reason=exc.reason,
            status=exc.status,
        )
        return
    page = FetchedPage(
        source_id=source_id,
        url=post.url,
        canonical_url=None,
        http_status=resp.status,
        charset=resp.encoding,
        html=resp.text(),
        title=post.title,
        body_text=post.body_text,
        published_at=post.published_at,
        etag=resp.headers.get("ETag"),
        last_modified=resp.headers.get("Last-Modified"),
    )
    # Page and log row commit together: a crash leaves neither, never half a page.
    with conn.transaction():
        outcome, page_id = store_page(conn, page)
        log_fetch(
            conn,
            run_id,
            source_id,
            post.url,
            outcome,
            http_status=resp.status,
            elapsed_ms=resp.elapsed_ms,
            page_id=page_id,
        )
    summary.outcomes[outcome] += 1


def _record(
    conn,
    summary: CrawlSummary,
    run_id: str,
    source_id: str,
    url: str,
    outcome: str,
    reason: str,
    status: int | None,
) -> None:
    log.warning("%s %s: %s (%s)", source_id, url, outcome, reason)
    with conn.transaction():
        log_fetch(conn, run_id, source_id, url, outcome, reason=reason, http_status=status)
    summary.outcomes[outcome] += 1
    summary.failures[reason] += 1
