"""Failure alerts: the summary an operator reads, and the webhook POST to a local receiver."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest

from edunews.orchestration import alerts


@contextmanager
def webhook_receiver(status: int = 200) -> Iterator[tuple[str, list[dict]]]:
    """An HTTP server on 127.0.0.1 that keeps the JSON bodies POSTed to it."""
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            length = int(self.headers["Content-Length"])
            received.append(json.loads(self.rfile.read(length)))
            self.send_response(status)
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/hook", received
    finally:
        server.shutdown()
        server.server_close()


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
    with webhook_receiver(status) as (url, received):
        with caplog.at_level(logging.WARNING, logger=alerts.__name__):
            assert alerts.notify(url, alerts.failure_summary(_context())) is False
    assert len(received) == 1
    assert "could not send the failure alert" in caplog.text


def test_an_unreachable_webhook_is_logged_not_raised(caplog):
    with webhook_receiver() as (url, _):
        pass  # the server is gone: nothing listens on that port now
    with caplog.at_level(logging.WARNING, logger=alerts.__name__):
        assert alerts.notify(url, alerts.failure_summary(_context())) is False
    assert "could not send the failure alert" in caplog.text
