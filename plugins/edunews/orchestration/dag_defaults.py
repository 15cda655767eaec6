"""What the three DAGs share: owner, start date and time zone, tags, one run at a time,
the failure callback and the retry policy. A DAG file states only what is its own.

Imported whenever a DAG file is parsed: nothing heavier than pendulum here.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pendulum

from edunews.orchestration.alerts import on_failure
from edunews.thai_calendar import TIMEZONE_NAME as TIMEZONE

OWNER = "edunews"
TAGS = ["edunews"]

# The DAGs' schedules are Bangkok wall-clock times: a cron string runs in the start date's
# time zone. Never in the future, and no catch-up: a missed night is not replayed.
START_DATE = pendulum.datetime(2026, 1, 1, tz=TIMEZONE)

DAG_DEFAULTS: dict[str, Any] = {
    "start_date": START_DATE,
    "catchup": False,
    # Runs of one DAG never overlap: two crawls of a source, or two dbt builds, would race.
    "max_active_runs": 1,
    "tags": TAGS,
}


def default_args(**overrides: Any) -> dict[str, Any]:
    """Every task's defaults: one retry two minutes later, and the failure alert."""
    return {
        "owner": OWNER,
        "retries": 1,
        "retry_delay": timedelta(minutes=2),
        "on_failure_callback": on_failure,
        **overrides,
    }
