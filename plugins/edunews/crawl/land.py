"""Writing what the crawler saw into raw.pages and raw.fetch_log (append-only)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

import psycopg


@dataclass(frozen=True)
class FetchedPage:
    source_id: str
    url: str
    canonical_url: str | None
    http_status: int
    charset: str | None
    html: str
    title: str
    body_text: str
    published_at: datetime | None
    etag: str | None
    last_modified: str | None

    @property
    def content_sha256(self) -> str:
        # The article, not the page: sidebars and counters change on every visit.
        content = f"{self.title}\n{self.published_at}\n{self.body_text}"
        return hashlib.sha256(content.encode("utf-8")).hexdigest()


def store_page(conn: psycopg.Connection, page: FetchedPage) -> tuple[str, int]:
    """Insert the page unless its URL's newest row has the same content.

    Returns ("stored", new page_id) or ("unchanged", existing page_id).
    """
    sha = page.content_sha256
    newest = conn.execute(
        "select page_id, content_sha256 from raw.pages where url = %s"
        " order by fetched_at desc, page_id desc limit 1",
        (page.url,),
    ).fetchone()
    if newest and newest[1] == sha:
        return "unchanged", newest[0]
    row = conn.execute(
        "insert into raw.pages (source_id, url, canonical_url, http_status, charset, html, title,"
        " body_text, published_at, content_sha256, etag, last_modified)"
        " values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) returning page_id",
        (
            page.source_id,
            page.url,
            page.canonical_url,
            page.http_status,
            page.charset,
            page.html,
            page.title,
            page.body_text,
            page.published_at,
            sha,
            page.etag,
            page.last_modified,
        ),
    ).fetchone()
    return "stored", row[0]


def log_fetch(
    conn: psycopg.Connection,
    run_id: str,
    source_id: str,
    url: str,
    outcome: str,
    reason: str | None = None,
    http_status: int | None = None,
    elapsed_ms: int | None = None,
    page_id: int | None = None,
) -> None:
    conn.execute(
        "insert into raw.fetch_log (run_id, source_id, url, outcome, http_status, reason,"
        " elapsed_ms, page_id) values (%s, %s, %s, %s, %s, %s, %s, %s)",
        (run_id, source_id, url, outcome, http_status, reason, elapsed_ms, page_id),
    )
