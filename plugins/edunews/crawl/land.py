"""Writing what the crawler saw into raw.pages and raw.fetch_log (append-only), in batches.

A batch is one transaction: each page lands together with its fetch_log row, so a crash
leaves either both or neither, never half a page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime

import psycopg

BATCH_SIZE = 50


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
        # The article, not the page: sidebars and counters change on every visit. The date
        # in UTC: the REST API and the page give the same instant in different zones.
        published = self.published_at.astimezone(UTC).isoformat() if self.published_at else ""
        content = f"{self.title}\n{published}\n{self.body_text}"
        return hashlib.sha256(content.encode("utf-8")).hexdigest()


@dataclass
class LogRow:
    url: str
    outcome: str
    reason: str | None = None
    http_status: int | None = None
    elapsed_ms: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    page: FetchedPage | None = None  # set when the fetch produced an article to store
    page_id: int | None = None


def store_page(conn: psycopg.Connection, page: FetchedPage) -> tuple[str, int]:
    """Insert the page unless its URL's newest row has the same content.

    Returns ("stored", new page_id) or ("unchanged", existing page_id).
    """
    outcome, page_id, _ = _store(conn, page, _newest(conn, [page.url]).get(page.url))
    return outcome, page_id


@dataclass
class Lander:
    """Buffers fetch results of one source and run; `flush` writes them in one transaction.

    Calls `on_landed(row)` after each commit, with row.outcome settled ("stored" or
    "unchanged" for pages) and row.reason saying "new" or "changed" for stored ones.
    """

    conn: psycopg.Connection
    run_id: str
    source_id: str
    on_landed: object = None
    batch_size: int = BATCH_SIZE
    pending: list[LogRow] = field(default_factory=list)

    def add(self, row: LogRow) -> None:
        self.pending.append(row)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        rows, self.pending = self.pending, []
        with self.conn.transaction():
            newest = _newest(self.conn, [r.page.url for r in rows if r.page])
            for row in rows:
                if row.page is not None:
                    row.outcome, row.page_id, row.reason = _store(
                        self.conn, row.page, newest.get(row.page.url)
                    )
                    newest[row.page.url] = (row.page_id, row.page.content_sha256)
            with self.conn.cursor() as cur:
                cur.executemany(
                    "insert into raw.fetch_log (run_id, source_id, url, outcome, http_status,"
                    " reason, elapsed_ms, page_id, etag, last_modified)"
                    " values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    [
                        (
                            self.run_id,
                            self.source_id,
                            r.url,
                            r.outcome,
                            r.http_status,
                            r.reason,
                            r.elapsed_ms,
                            r.page_id,
                            r.etag,
                            r.last_modified,
                        )
                        for r in rows
                    ],
                )
        if callable(self.on_landed):
            for row in rows:
                self.on_landed(row)


def _newest(conn: psycopg.Connection, urls: list[str]) -> dict[str, tuple[int, str]]:
    """url -> (page_id, content_sha256) of the URL's newest stored row."""
    if not urls:
        return {}
    rows = conn.execute(
        "select distinct on (url) url, page_id, content_sha256 from raw.pages"
        " where url = any(%s) order by url, fetched_at desc, page_id desc",
        (list(set(urls)),),
    ).fetchall()
    return {url: (page_id, sha) for url, page_id, sha in rows}


def _store(
    conn: psycopg.Connection, page: FetchedPage, newest: tuple[int, str] | None
) -> tuple[str, int, str]:
    sha = page.content_sha256
    if newest and newest[1] == sha:
        return "unchanged", newest[0], "same content as the stored page"
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
    return "stored", row[0], ("content changed" if newest else "new")
