"""`edunews demo` (what `make demo` runs), for real, on the test session's warehouse: one
short line per stage on the screen, the whole Airflow and dbt output in demo.log, and a
summary that ends with the next three things to try. A stage that fails says why in one
line and points at the log."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from edunews.config import home_dir

ARTICLES = 5
NOTICES = 3  # edunews.demo.DEMO_NOTICES
SCREEN_LINES = 40  # the budget for all `make demo` prints on a fresh clone
EDUNEWS = str(Path(sys.executable).with_name("edunews"))


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def demo(fresh_warehouse_resetter):
    fresh_warehouse_resetter()
    done = subprocess.run(
        [EDUNEWS, "demo", "--articles", str(ARTICLES)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    log = home_dir() / "demo.log"
    return {
        "code": done.returncode,
        "screen": (done.stdout + done.stderr).splitlines(),
        "log": log.read_text(encoding="utf-8") if log.exists() else "",
        "log_path": log,
    }


def test_the_demo_fits_on_a_screen(demo):
    assert demo["code"] == 0, "\n".join(demo["screen"])
    assert len(demo["screen"]) <= SCREEN_LINES, "\n".join(demo["screen"])
    assert not any("Traceback" in line or "[warning" in line for line in demo["screen"])


def test_one_line_per_stage_with_its_progress_and_time(demo):
    stages = {}
    for line in demo["screen"]:
        found = re.match(r"  (\w+) +(.*?) +(\d+ s|\d+ min \d+ s)$", line)
        if found:
            stages[found[1]] = found[2]
    assert list(stages) == ["warehouse", "airflow", "site", "crawl", "extract", "dbt"]
    pages = ARTICLES + NOTICES
    assert stages["crawl"].startswith(f"{pages} pages landed ({pages} new, 0 changed")
    assert stages["extract"] == f"{pages} records"
    counts = re.findall(r"(\d+)/(\d+) (models|tests|seeds)", stages["dbt"])
    assert [noun for *_, noun in counts] == ["models", "tests", "seeds"], stages["dbt"]
    assert all(done == total and int(total) > 0 for done, total, _ in counts), stages["dbt"]


def test_the_screen_names_the_log_which_holds_the_detail(demo):
    assert f"  full log: {demo['log_path']}" in demo["screen"]
    log = demo["log"]
    assert len(log.splitlines()) > 500  # what used to fill the screen
    assert "DagRun Finished: dag_id=edunews_transform" in log and "state=success" in log
    assert "===== " in log and "airflow dags test edunews_ingest" in log
    assert "XCom not found" not in log  # the ingest DAG reads its mapped results in one go


def test_the_summary_says_what_landed_and_ends_with_three_next_steps(demo):
    screen = "\n".join(demo["screen"])
    pages = ARTICLES + NOTICES
    assert f"This run landed {pages} new and 0 changed pages, and extracted {pages} records" in (
        screen
    )
    assert f"raw.pages                 {pages} pages from 1 source(s)" in screen
    assert f"marts.fct_events          {ARTICLES} events ({ARTICLES} with a date" in screen
    assert f"marts.fct_rejected_pages  no_event {NOTICES}" in screen
    steps = demo["screen"][demo["screen"].index("Next:") + 1 :]
    assert steps[0].startswith("  1. ") and "psql 'postgresql://edunews_reader:" in steps[0]
    assert steps[1].startswith("  2. ") and "analyses list" in steps[1]
    assert re.search(r"edunews analyses run \w+$", steps[2])
    assert steps[3].startswith("  3. ") and "dbt docs generate" in steps[3]
    assert len(steps) == 4


def test_the_analysis_it_suggests_runs(demo):
    """The second next step, as a newcomer would paste it."""
    suggested = next(line for line in demo["screen"] if " analyses run " in line)
    done = subprocess.run(
        [EDUNEWS, *suggested.split("edunews ", 1)[1].split()], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "row(s))" in done.stdout and len(done.stdout.splitlines()) > 3


def test_a_failing_stage_says_why_in_one_line_and_points_at_the_log(tmp_path):
    env = {
        **os.environ,
        "EDUNEWS_HOME": str(tmp_path),
        "EDUNEWS_WAREHOUSE_URL": f"postgresql://edunews@127.0.0.1:{_closed_port()}/edunews",
    }
    done = subprocess.run([EDUNEWS, "demo"], capture_output=True, text=True, env=env, timeout=300)
    screen = (done.stdout + done.stderr).splitlines()
    assert done.returncode == 1
    assert len(screen) == 4, screen  # the header, the log's path, the failed stage, the end
    assert re.match(r"  warehouse +FAILED: connection failed: .*refused", screen[2]), screen
    assert screen[3] == f"demo failed: the log says why, {tmp_path / 'demo.log'}"
    assert "Traceback" in (tmp_path / "demo.log").read_text(encoding="utf-8")
