"""What the warehouse remembers of a source between runs: where the last complete run
started, which URLs are stored (and when each was last looked at), their HTTP validators,
and which fetches should be retried. Also the lock that lets one run at a time crawl a
source."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

import psycopg

from edunews.crawl.http import Validators
from edunews.crawl.outcome import FetchOutcome

# Failures worth another try on the next runs (network errors, 429, 5xx), for a week; the
# rest (404, off-site, robots, too large) stand until the site lists the URL as changed.
RETRY_FOR = "7 days"


@dataclass
class SourceState:
    last_complete_start: datetime | None = None
    known: set[str] = field(default_factory=set)  # stored, or settled by a final failure
    # url -> when this source last landed a verdict on it (stored, unchanged, a failure): a
    # known page is asked for again only when the site says it changed after that.
    checked: dict[str, datetime] = field(default_factory=dict)
    newest_sha: dict[str, str] = field(default_factory=dict)  # url -> its newest content's
    validators: dict[str, Validators] = field(default_factory=dict)
    retry: list[str] = field(default_factory=list)


def load_state(conn: psycopg.Connection, source_id: str) -> SourceState:
    state = SourceState()
    row = conn.execute(
        "select max(started_at) from raw.crawl_runs where source_id = %s and complete",
        (source_id,),
    ).fetchone()
    state.last_complete_start = row[0] if row else None
    for url, fetched_at, sha in conn.execute(
        "select distinct on (url) url, fetched_at, content_sha256 from raw.pages"
        " where source_id = %s order by url, fetched_at desc, page_id desc",
        (source_id,),
    ):
        state.known.add(url)
        state.checked[url] = fetched_at
        state.newest_sha[url] = sha
    for url, etag, last_modified in conn.execute(
        "select distinct on (url) url, etag, last_modified from raw.fetch_log"
        " where source_id = %s and (etag is not null or last_modified is not null)"
        " order by url, fetch_id desc",
        (source_id,),
    ):
        state.validators[url] = Validators(etag, last_modified)
    # The latest verdict on each article URL: failures that may pass are retried for a
    # while; any other verdict (a 404, off-site, robots, too large) settles the URL like a
    # stored page, until the site says it changed or a run asks again with --since.
    for url, outcome, status, requested_at, recent in conn.execute(
        "select url, outcome, http_status, requested_at, requested_at > now() - %s::interval"
        " from (select distinct on (url) url, outcome, http_status, requested_at"
        " from raw.fetch_log where source_id = %s and outcome <> %s"
        " and reason not like 'listing%%' order by url, fetch_id desc) latest",
        (RETRY_FOR, source_id, FetchOutcome.LISTED),
    ):
        if url in state.known:
            state.checked[url] = max(state.checked[url], requested_at)
            continue
        if recent and _may_pass(outcome, status):
            state.retry.append(url)
        else:
            state.known.add(url)
            state.checked[url] = requested_at
    return state


def _may_pass(outcome: FetchOutcome, status: int | None) -> bool:
    if outcome == FetchOutcome.NETWORK_ERROR:
        return True
    return outcome == FetchOutcome.HTTP_ERROR and (status is None or status == 429 or status >= 500)


def record_run(
    conn: psycopg.Connection,
    run_id: str,
    source_id: str,
    started_at: datetime,
    since: datetime | None,
    complete: bool,
    counts: dict,
) -> None:
    with conn.transaction():
        conn.execute(
            "insert into raw.crawl_runs (run_id, source_id, started_at, since, complete, counts)"
            " values (%s, %s, %s, %s, %s, %s)",
            (run_id, source_id, started_at, since, complete, json.dumps(counts)),
        )


def lock_key(source_id: str) -> int:
    """A stable bigint for the source's advisory lock (Python's hash() changes per process)."""
    digest = hashlib.sha256(f"edunews.crawl:{source_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def try_lock_source(conn: psycopg.Connection, source_id: str) -> bool:
    """Take the source's crawl lock on this connection's session, or say another run has it.

    A session lock: it outlives the batches' transactions and dies with the connection, so a
    killed crawl never leaves its source locked.
    """
    row = conn.execute("select pg_try_advisory_lock(%s)", (lock_key(source_id),)).fetchone()
    return bool(row and row[0])


def unlock_source(conn: psycopg.Connection, source_id: str) -> None:
    conn.execute("select pg_advisory_unlock(%s)", (lock_key(source_id),))


@contextmanager
def source_lock(conn: psycopg.Connection, source_id: str) -> Iterator[bool]:
    """The source's crawl lock for the block: True when taken, False when another run has it."""
    locked = try_lock_source(conn, source_id)
    try:
        yield locked
    finally:
        if locked and not conn.closed and not conn.broken:
            unlock_source(conn, source_id)
