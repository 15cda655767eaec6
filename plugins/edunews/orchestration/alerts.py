"""Failure callbacks: a clear one-paragraph summary in the log, and optionally a webhook.

Notification goes through the Airflow connection `edunews_alerts` (e.g.
`AIRFLOW_CONN_EDUNEWS_ALERTS='https://hooks.example.org/T000/B000'`): its URL receives a
JSON POST. Without that connection the summary is only logged.
"""

from __future__ import annotations

import logging
import os
from typing import Any

log = logging.getLogger(__name__)

ALERT_CONN_ID = "edunews_alerts"


def failure_summary(context: dict[str, Any]) -> dict[str, Any]:
    """What an operator woken up at night needs first: what failed, where, and why."""
    ti = context.get("ti") or context.get("task_instance")
    exception = context.get("exception")
    return {
        "dag_id": getattr(ti, "dag_id", None) or context.get("dag_id"),
        "task_id": getattr(ti, "task_id", None),
        "map_index": getattr(ti, "map_index", None),
        "run_id": context.get("run_id") or getattr(ti, "run_id", None),
        "try_number": getattr(ti, "try_number", None),
        "error": f"{type(exception).__name__}: {exception}" if exception else None,
    }


def alert_url() -> str | None:
    """The webhook of the `edunews_alerts` connection, if one is configured."""
    try:
        from airflow.sdk import BaseHook

        conn = BaseHook.get_connection(ALERT_CONN_ID)
    except Exception:  # no connection, or no Airflow context (tests, the CLI)
        uri = os.environ.get(f"AIRFLOW_CONN_{ALERT_CONN_ID.upper()}")
        return uri or None
    return conn.get_uri() if conn.host else None


def on_failure(context: dict[str, Any]) -> None:
    summary = failure_summary(context)
    log.error(
        "edunews task failed: %(dag_id)s.%(task_id)s (map %(map_index)s) in run %(run_id)s,"
        " try %(try_number)s: %(error)s",
        summary,
    )
    url = alert_url()
    if url:
        notify(url, summary)


def notify(url: str, summary: dict[str, Any]) -> bool:
    """POST the summary; a failing webhook is logged, never raised (the task already failed)."""
    text = f"edunews: {summary['dag_id']}.{summary['task_id']} failed: {summary['error']}"
    return post(url, {"text": text, **summary})


def notify_failing_sources(run_id: str, failing: dict[str, dict]) -> bool:
    """One message a night naming the sources that could not be crawled, and why.

    Their tasks stay green (the crawler recorded every failure in raw.fetch_log), so
    this is how an operator hears of a site that is down or has changed.
    """
    url = alert_url()
    if not url or not failing:
        return False
    empty = without_articles(failing)
    # Sources that landed nothing at all come first: the site changed or its news was never
    # found (page failures of a source that works are routine).
    names = ", ".join(
        [f"{source_id} (NO ARTICLE: {why})" for source_id, why in sorted(empty.items())]
        + [
            f"{source_id} ({', '.join(sorted(reasons))})"
            for source_id, reasons in sorted(failing.items())
            if source_id not in empty
        ]
    )
    text = f"edunews: {len(failing)} source(s) failed in {run_id}: {names}"
    payload = {"text": text, "run_id": run_id, "failing_sources": failing}
    return post(url, {**payload, "sources_without_articles": empty})


def without_articles(failing: dict[str, dict]) -> dict[str, str]:
    """The failing sources that yielded no article at all, with the crawler's reason."""
    empty = {}
    for source_id, reasons in failing.items():
        for reason in reasons:
            if reason.startswith("no_articles: "):
                why = reason.removeprefix("no_articles: ").removeprefix("listing failed: ")
                empty[source_id] = why
                break
    return empty


def post(url: str, payload: dict[str, Any]) -> bool:
    import requests  # here, not at the top: DAG parsing imports this module

    try:
        resp = requests.post(url, json=payload, timeout=10)
        resp.raise_for_status()
    except requests.RequestException as exc:
        log.warning("could not send the failure alert to %s: %s", url, exc)
        return False
    return True
