"""What the warehouse remembers of a source between runs: where the last complete run
started, which URLs are stored, their HTTP validators, and which fetches should be retried."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

import psycopg

from edunews.crawl.http import Validators

# Failures worth another try on the next runs (network errors, 429, 5xx), for a week; the
# rest (404, off-site, robots, too large) stand until the site lists the URL as changed.
RETRY_FOR = "7 days"


@dataclass
class SourceState:
    last_complete_start: datetime | None = None
    known: set[str] = field(default_factory=set)
    validators: dict[str, Validators] = field(default_factory=dict)
    retry: list[str] = field(default_factory=list)


def load_state(conn: psycopg.Connection, source_id: str) -> SourceState:
    state = SourceState()
    row = conn.execute(
        "select max(started_at) from raw.crawl_runs where source_id = %s and complete",
        (source_id,),
    ).fetchone()
    state.last_complete_start = row[0] if row else None
    state.known = {
        url
        for (url,) in conn.execute(
            "select distinct url from raw.pages where source_id = %s", (source_id,)
        )
    }
    for url, etag, last_modified in conn.execute(
        "select distinct on (url) url, etag, last_modified from raw.fetch_log"
        " where source_id = %s and (etag is not null or last_modified is not null)"
        " order by url, fetch_id desc",
        (source_id,),
    ):
        state.validators[url] = Validators(etag, last_modified)
    # Article fetches whose latest attempt failed for a reason that may pass.
    state.retry = [
        url
        for (url,) in conn.execute(
            "select url from (select distinct on (url) url, outcome, reason, http_status,"
            " requested_at from raw.fetch_log where source_id = %s"
            " order by url, fetch_id desc) latest"
            " where requested_at > now() - %s::interval and reason not like 'listing%%'"
            " and (outcome = 'network_error' or (outcome = 'http_error'"
            " and (http_status is null or http_status = 429 or http_status >= 500)))",
            (source_id, RETRY_FOR),
        )
        if url not in state.known
    ]
    return state


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
