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
    known: set[str] = field(default_factory=set)  # stored, or settled by a final failure
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
    # The latest verdict on each article URL: failures that may pass are retried for a
    # while; any other verdict (a 404, off-site, robots, too large) settles the URL like a
    # stored page, until the site says it changed or a run asks again with --since.
    for url, outcome, status, recent in conn.execute(
        "select url, outcome, http_status, requested_at > now() - %s::interval from ("
        " select distinct on (url) url, outcome, http_status, requested_at from raw.fetch_log"
        " where source_id = %s and outcome <> 'listed' and reason not like 'listing%%'"
        " order by url, fetch_id desc) latest",
        (RETRY_FOR, source_id),
    ):
        if url in state.known:
            continue
        if recent and _may_pass(outcome, status):
            state.retry.append(url)
        else:
            state.known.add(url)
    return state


def _may_pass(outcome: str, status: int | None) -> bool:
    if outcome == "network_error":
        return True
    return outcome == "http_error" and (status is None or status == 429 or status >= 500)


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
