"""raw.fetch_log.outcome holds FetchOutcome's values and nothing else (migration 0007)."""

from __future__ import annotations

import psycopg
import pytest

from edunews.crawl.outcome import FetchOutcome
from edunews.warehouse import connect


def _log(conn: psycopg.Connection, outcome: str) -> None:
    conn.execute(
        "insert into raw.fetch_log (run_id, source_id, url, outcome)"
        " values ('outcomes', 'o', 'http://o.test/', %s)",
        (outcome,),
    )


def test_every_outcome_is_accepted(empty_raw):
    with connect("loader") as conn:
        for outcome in FetchOutcome:
            _log(conn, outcome)
        logged = sorted(row[0] for row in conn.execute("select outcome from raw.fetch_log"))
    assert logged == sorted(outcome.value for outcome in FetchOutcome)


# Misspellings and the words the design notes use loosely ("robots", "error").
@pytest.mark.parametrize("outcome", ["error", "robots", "Stored", "stored ", "", "not modified"])
def test_an_unknown_outcome_is_refused(empty_raw, outcome):
    with connect("loader") as conn, pytest.raises(psycopg.errors.CheckViolation):
        _log(conn, outcome)
