"""Writing what the crawler saw into raw.pages and raw.fetch_log (append-only), in batches.

A batch is one transaction: each page lands together with its fetch_log row, so a crash
leaves either both or neither, never half a page. A batch the database refuses is landed
again row by row, each row its own transaction: only the row that cannot be stored fails
(logged alone, with the reason), the rest of the batch lands.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache

import psycopg

from edunews.crawl.outcome import FetchOutcome
from edunews.crawl.storable import storable, storable_or_none
from edunews.crawl.urls import BadUrl, foreign_host, normalize_url

log = logging.getLogger(__name__)

BATCH_SIZE = 50
_REASON_CHARS = 300
# The url indexes of raw.pages and raw.fetch_log take rows of ~2,700 bytes at most (btree);
# a longer URL failed its whole batch, and then its own log row. No article has one: it is a
# trap, or junk. Such a URL is logged under a shortened form (see loggable_url).
MAX_URL_CHARS = 2000


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
    outcome: FetchOutcome | None  # None for a page to store: landing settles it
    reason: str | None = None
    http_status: int | None = None
    elapsed_ms: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    page: FetchedPage | None = None  # set when the fetch produced an article to store
    page_id: int | None = None
    note: str | None = None  # said in fetch_log after the reason ("canonical link ... ignored")

    @property
    def settled(self) -> FetchOutcome:
        """The outcome, once there is one (a page's is set when it lands)."""
        if self.outcome is None:
            raise ValueError(f"{self.url[:200]}: a page not landed yet has no outcome")
        return self.outcome

    @property
    def logged_reason(self) -> str | None:
        return "; ".join(part for part in (self.reason, self.note) if part) or None


def store_page(conn: psycopg.Connection, page: FetchedPage) -> tuple[str, int]:
    """Insert the page unless its URL's newest row has the same content.

    Returns (STORED, new page_id) or (UNCHANGED, existing page_id).
    """
    page = storable_page(page)
    outcome, page_id, _ = _store(
        conn, page, _newest(conn, page.source_id, [page.url]).get(page.url)
    )
    return outcome, page_id


def loggable_url(url: str) -> str:
    """`url` as raw keeps it: itself, or past MAX_URL_CHARS its start and a digest of the
    whole, after "#" (URLs the crawler keeps have no fragment), so the row fits the indexes
    and the same URL is recognised as known the next night."""
    if len(url) <= MAX_URL_CHARS:
        return url
    digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{url[: MAX_URL_CHARS - 80]}#cut-sha256={digest}"


def storable_page(page: FetchedPage) -> FetchedPage:
    """The page with every text PostgreSQL would refuse cleaned (NUL, lone surrogates)."""
    return replace(
        page,
        url=storable(page.url),
        canonical_url=_opt(page.canonical_url),
        charset=_opt(page.charset),
        html=storable(page.html),
        title=storable(page.title),
        body_text=storable(page.body_text),
        etag=_opt(page.etag),
        last_modified=_opt(page.last_modified),
    )


def is_home(url: str, homes: Iterable[str] = ()) -> bool:
    """True when `url` is a site's root or one of `homes` (the source's start URLs): a page
    whose canonical link says so (a common SEO-plugin misconfiguration) names no article,
    and every article of the site would be one."""
    try:
        normal = normalize_url(url)
    except BadUrl:
        return False
    path = "".join(normal.split("/", 3)[3:]).rstrip("?")
    if path in _HOME_PATHS:
        return True
    return normal in _normal_urls(frozenset(homes))


_HOME_PATHS = frozenset({"", "index.php", "index.html", "index.htm", "default.aspx"})


@lru_cache(maxsize=1024)
def _normal_urls(urls: frozenset[str]) -> frozenset[str]:
    normal = set()
    for url in urls:
        try:
            normal.add(normalize_url(url))
        except BadUrl:
            continue
    return frozenset(normal)


@dataclass
class Lander:
    """Buffers fetch results of one source and run; `flush` writes them in one transaction.

    Calls `on_landed(row)` after each commit, with row.outcome settled ("stored" or
    "unchanged" for pages) and row.reason saying "new" or "content changed" for stored ones.
    `hosts` are the source's: a page's canonical link elsewhere is not its identity, nor
    one to the site's home page (or one of `homes`, the source's start URLs). Required: a
    lander that forgot them would take every canonical link for the source's own.
    """

    conn: psycopg.Connection
    run_id: str
    source_id: str
    on_landed: Callable[[LogRow], None] | None = None
    batch_size: int = BATCH_SIZE
    hosts: frozenset[str] = field(kw_only=True)
    homes: frozenset[str] = frozenset()
    pending: list[LogRow] = field(default_factory=list)

    def add(self, row: LogRow) -> None:
        self.pending.append(row)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        rows, self.pending = self.pending, []
        for row in rows:
            self._prepare(row)
        try:
            self._write(rows)
        except (psycopg.Error, UnicodeError, ValueError) as exc:
            if self.conn.closed or self.conn.broken:
                raise  # the database is gone: one by one would fail the same way
            log.warning(
                "%s: a batch of %d could not be stored (%s): landing it row by row",
                self.source_id,
                len(rows),
                _why(exc),
            )
            for row in rows:
                self._write_alone(row)
        if callable(self.on_landed):
            for row in rows:
                self.on_landed(row)

    def _prepare(self, row: LogRow) -> None:
        row.url = loggable_url(storable(row.url))
        row.reason = _opt(row.reason)
        row.etag, row.last_modified = _opt(row.etag), _opt(row.last_modified)
        if row.page is None:
            return
        row.page = storable_page(row.page)
        if len(row.page.url) > MAX_URL_CHARS:
            row.page = replace(row.page, url=loggable_url(row.page.url))
        host = foreign_host(row.page.canonical_url, self.hosts)
        if host is not None:
            # Identity belongs to the source: a canonical link to another site (or to a
            # metadata address) would let this page stand in for someone else's article.
            row.page = replace(row.page, canonical_url=None)
            row.note = f"canonical link to {host} ignored"
        elif (
            row.page.canonical_url
            and is_home(row.page.canonical_url, self.homes)
            and not is_home(row.page.url, self.homes)  # the home page may name itself
        ):
            row.page = replace(row.page, canonical_url=None)
            row.note = "canonical link to the site's home page ignored"

    def _write(self, rows: list[LogRow]) -> None:
        with self.conn.transaction():
            urls = [r.page.url for r in rows if r.page]
            newest = _newest(self.conn, self.source_id, urls)
            for row in rows:
                if row.page is not None:
                    row.outcome, row.page_id, row.reason = _store(
                        self.conn, row.page, newest.get(row.page.url)
                    )
                    newest[row.page.url] = (row.page_id, row.page.content_sha256)
            with self.conn.cursor() as cur:
                cur.executemany(_INSERT_LOG, [self._log_values(r) for r in rows])

    def _write_alone(self, row: LogRow) -> None:
        """One row in its own transaction; a row that still fails is logged as unstorable."""
        page = row.page
        try:
            self._write([row])
            return
        except (psycopg.Error, UnicodeError, ValueError) as exc:
            if self.conn.closed or self.conn.broken:
                raise
            failure = exc
        row.page, row.page_id = None, None
        row.outcome = FetchOutcome.PARSE_ERROR
        row.reason = f"could not be stored: {_why(failure)}"[:_REASON_CHARS]
        log.warning("%s: %s %s", self.source_id, page.url if page else row.url, row.reason)
        try:
            with self.conn.transaction():
                self.conn.execute(_INSERT_LOG, self._log_values(row))
        except (psycopg.Error, UnicodeError, ValueError):
            if self.conn.closed or self.conn.broken:
                raise
            # Not even its log row goes in: the task log keeps it, the source goes on.
            log.exception("%s: %s could not be logged either", self.source_id, row.url[:200])

    def _log_values(self, r: LogRow) -> tuple:
        return (
            self.run_id,
            self.source_id,
            r.url,
            r.outcome,
            r.http_status,
            r.logged_reason,
            r.elapsed_ms,
            r.page_id,
            r.etag,
            r.last_modified,
        )


_INSERT_LOG = (
    "insert into raw.fetch_log (run_id, source_id, url, outcome, http_status,"
    " reason, elapsed_ms, page_id, etag, last_modified)"
    " values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)


_opt = storable_or_none


def _why(exc: BaseException) -> str:
    first = (str(exc).splitlines() or [""])[0]
    return storable(f"{type(exc).__name__}: {first}")


def _newest(
    conn: psycopg.Connection, source_id: str, urls: list[str]
) -> dict[str, tuple[int, str]]:
    """url -> (page_id, content_sha256) of the URL's newest row stored for this source."""
    if not urls:
        return {}
    rows = conn.execute(
        "select distinct on (url) url, page_id, content_sha256 from raw.pages"
        " where url = any(%s) and source_id = %s order by url, fetched_at desc, page_id desc",
        (list(set(urls)), source_id),
    ).fetchall()
    return {url: (page_id, sha) for url, page_id, sha in rows}


def _store(
    conn: psycopg.Connection, page: FetchedPage, newest: tuple[int, str] | None
) -> tuple[FetchOutcome, int, str]:
    sha = page.content_sha256
    if newest and newest[1] == sha:
        return FetchOutcome.UNCHANGED, newest[0], "same content as the stored page"
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
    assert row is not None  # an insert ... returning gives its row or raises
    return FetchOutcome.STORED, row[0], ("content changed" if newest else "new")
