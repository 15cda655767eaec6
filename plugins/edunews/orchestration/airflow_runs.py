"""What a local DAG run's tasks are doing, read from Airflow's SQLite metadata database.

`airflow dags test` records its run and task instances there as it goes; reading them (read
only) lets `edunews demo` show progress without reading Airflow's log. With another
metadata database (production's PostgreSQL) there is nothing to show: empty answers.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from types import TracebackType
from typing import IO

from edunews.orchestration.airflow_env import airflow_env, airflow_process
from edunews.progress import StageFailed

_SQLITE = "sqlite:///"


def _database() -> Path | None:
    url = airflow_env()["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
    path = Path(url[len(_SQLITE) :]) if url.startswith(_SQLITE) else None
    return path if path and path.exists() else None


def _query(sql: str, params: tuple) -> list[tuple]:
    path = _database()
    if path is None:
        return []
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2) as conn:
            return conn.execute(sql, params).fetchall()
    except sqlite3.Error:
        # busy, or the tables not made yet: no progress this time
        return []


def last_dag_run_id(dag_id: str) -> int:
    """The newest run's row id (0 when none): runs after it are the next ones."""
    rows = _query("select max(id) from dag_run where dag_id = ?", (dag_id,))
    return (rows[0][0] or 0) if rows else 0


def dag_run_tasks(dag_id: str, after: int) -> dict[str, str | None]:
    """Task id -> state of the first run of `dag_id` after row id `after`; a mapped task
    is done when all its instances are, failed when any failed."""
    rows = _query(
        "select ti.task_id, ti.state from task_instance ti"
        " join dag_run dr on dr.dag_id = ti.dag_id and dr.run_id = ti.run_id"
        " where dr.id = (select min(id) from dag_run where dag_id = ? and id > ?)",
        (dag_id, after),
    )
    states: dict[str, str | None] = {}
    for task_id, state in rows:
        states[task_id] = max(states.get(task_id, state), state, key=_weight)
    return states


def _weight(state: str | None) -> int:
    """Which of a mapped task's states stands for it: failed, else unfinished, else done."""
    return 2 if state == "failed" else 0 if state == "success" else 1


def mark_log(log: IO[str], text: str) -> None:
    """A header in a log shared with the commands run: where each one starts."""
    log.write(f"\n===== {time.strftime('%H:%M:%S')} {text}\n")
    log.flush()


_FINISHED = ("success", "failed", "upstream_failed", "skipped")


class DagTestRun:
    """`airflow dags test DAG` in the background, its output into `log`; what its tasks have
    done, from the metadata database. Leaving the block stops a run still going (a stage
    failed, or Ctrl-C)."""

    def __init__(self, dag_id: str, env: dict[str, str], log: IO[str]) -> None:
        self.dag_id = dag_id
        self.previous = last_dag_run_id(dag_id)
        mark_log(log, f"airflow dags test {dag_id}")
        self.proc = airflow_process(["dags", "test", dag_id], output=log, env=env)

    def __enter__(self) -> DagTestRun:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait()

    def tasks(self) -> dict[str, str | None]:
        return dag_run_tasks(self.dag_id, after=self.previous)

    def wait_for(self, task_id: str) -> None:
        """Until `task_id` has succeeded; StageFailed if it, or the whole run, failed."""
        while self.proc.poll() is None and self.tasks().get(task_id) not in _FINISHED:
            time.sleep(0.5)
        state = self.tasks().get(task_id)
        if state == "success":
            return
        if state is not None and state in _FINISHED:
            raise StageFailed(f"{self.dag_id}: task {task_id} {state}")
        raise StageFailed(self._failure())

    def wait(self) -> None:
        if self.proc.wait() != 0:
            raise StageFailed(self._failure())

    def _failure(self) -> str:
        failed = sorted(t for t, s in self.tasks().items() if s == "failed")
        if failed:
            more = f" and {len(failed) - 2} more" if len(failed) > 2 else ""
            return f"{self.dag_id}: task {', '.join(failed[:2])}{more} failed"
        return f"airflow dags test {self.dag_id} exited with {self.proc.returncode}"

    def dbt_progress(self) -> str:
        """Models built, tests passed and seeds loaded of the Cosmos dbt task group's tasks
        (named dbt.<node>_model_build, _test, _seed_build)."""
        states = [(t, s) for t, s in self.tasks().items() if t.startswith("dbt.")]
        parts = []
        for suffix, noun in (
            ("_model_build", "models"),
            ("_test", "tests"),
            ("_seed_build", "seeds"),
        ):
            kind = [s for t, s in states if t.endswith(suffix)]
            if kind:
                parts.append(f"{sum(s == 'success' for s in kind)}/{len(kind)} {noun}")
        return ", ".join(parts) + " done" if parts else "starting"
