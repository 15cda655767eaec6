"""Failure alerts: the summary an operator reads, and the webhook POST to a local receiver."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest

from edunews.orchestration import alerts
from edunews_sim.testsites.webhook import webhook_receiver


def _context() -> dict:
    ti = SimpleNamespace(
        dag_id="edunews_ingest", task_id="crawl", map_index=7, run_id="r1", try_number=3
    )
    return {"ti": ti, "run_id": "r1", "exception": ConnectionError("site down")}


def test_summary_names_the_task_the_run_and_the_error():
    assert alerts.failure_summary(_context()) == {
        "dag_id": "edunews_ingest",
        "task_id": "crawl",
        "map_index": 7,
        "run_id": "r1",
        "try_number": 3,
        "error": "ConnectionError: site down",
    }


def test_failure_is_logged_and_posted_to_the_alerts_connection(monkeypatch, caplog):
    with webhook_receiver() as (url, received):
        monkeypatch.setenv("AIRFLOW_CONN_EDUNEWS_ALERTS", url)
        with caplog.at_level(logging.ERROR, logger=alerts.__name__):
            alerts.on_failure(_context())
    assert "edunews_ingest.crawl (map 7) in run r1, try 3: ConnectionError: site down" in (
        caplog.text
    )
    assert len(received) == 1
    assert received[0]["text"] == "edunews: edunews_ingest.crawl failed: ConnectionError: site down"
    assert received[0]["map_index"] == 7


def test_without_the_connection_nothing_is_posted(monkeypatch, caplog):
    monkeypatch.delenv("AIRFLOW_CONN_EDUNEWS_ALERTS", raising=False)
    assert alerts.alert_url() is None
    with caplog.at_level(logging.ERROR, logger=alerts.__name__):
        alerts.on_failure(_context())
    assert "site down" in caplog.text


@pytest.mark.parametrize("status", [500, 404])
def test_a_failing_webhook_is_logged_not_raised(status, caplog):
    with (
        webhook_receiver(status) as (url, received),
        caplog.at_level(logging.WARNING, logger=alerts.__name__),
    ):
        assert alerts.notify(url, alerts.failure_summary(_context())) is False
    assert len(received) == 1
    assert "could not send the failure alert" in caplog.text


def test_an_unreachable_webhook_is_logged_not_raised(caplog):
    with webhook_receiver() as (url, _):
        pass  # the server is gone: nothing listens on that port now
    with caplog.at_level(logging.WARNING, logger=alerts.__name__):
        assert alerts.notify(url, alerts.failure_summary(_context())) is False
    assert "could not send the failure alert" in caplog.text


def test_failing_sources_are_posted_in_one_message(monkeypatch):
    failing = {"spm-b": {"network_error": 3}, "spm-a": {"http_error": 1, "parse_error": 2}}
    with webhook_receiver() as (url, received):
        monkeypatch.setenv("AIRFLOW_CONN_EDUNEWS_ALERTS", url)
        assert alerts.notify_failing_sources("r9", failing) is True
        assert alerts.notify_failing_sources("r9", {}) is False  # a good night is quiet
    assert len(received) == 1
    assert received[0]["text"] == (
        "edunews: 2 source(s) failed in r9: spm-a (http_error, parse_error), spm-b (network_error)"
    )
    assert received[0]["failing_sources"] == failing
