"""The environment a local Airflow runs in: its home under .edunews/, our DAGs, no examples,
and one connection per warehouse role (made from edunews' settings: the embedded server, or
EDUNEWS_WAREHOUSE_URL)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from edunews.config import dags_dir, home_dir
from edunews.thai_calendar import TIMEZONE_NAME
from edunews.warehouse.connection import airflow_connections_env


def airflow_env(airflow_home: Path | None = None) -> dict[str, str]:
    home = airflow_home or home_dir() / "airflow"
    return {
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(dags_dir()),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__DEFAULT_TIMEZONE": TIMEZONE_NAME,
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}",
        # Cosmos: no calls home, and no dbt-ls cache Variables written while parsing.
        "AIRFLOW__COSMOS__ENABLE_TELEMETRY": "False",
        "AIRFLOW__COSMOS__ENABLE_CACHE_DBT_LS": "False",
        # Cosmos' partial-parse cache, by default in /tmp/cosmos: shared by every checkout
        # and test session on the machine, unless it lives in this home.
        "AIRFLOW__COSMOS__CACHE_DIR": str(home / "cosmos"),
        "DO_NOT_TRACK": "1",
        "SCARF_ANALYTICS": "false",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        # The Airflow processes find the same manifest and state as this one.
        "EDUNEWS_HOME": str(home_dir()),
        **airflow_connections_env(),
    }


def _command(args: Sequence[str], env: dict[str, str] | None) -> tuple[list[str], dict[str, str]]:
    executable = Path(sys.executable).with_name("airflow")
    full_env = {**os.environ, **airflow_env(), **(env or {})}
    # `airflow standalone` starts its components as `airflow ...` found on PATH.
    full_env["PATH"] = os.pathsep.join([str(executable.parent), full_env.get("PATH", "")])
    Path(full_env["AIRFLOW_HOME"]).mkdir(parents=True, exist_ok=True)
    return [str(executable), *args], full_env


def airflow(
    args: Sequence[str],
    env: dict[str, str] | None = None,
    check: bool = True,
    output: IO[str] | None = None,
) -> subprocess.CompletedProcess:
    """Run the `airflow` command of this environment with the local settings; its output
    (stdout and stderr) goes to `output` when given, else to ours."""
    command, full_env = _command(args, env)
    return subprocess.run(
        command,
        env=full_env,
        check=check,
        stdout=output,
        stderr=subprocess.STDOUT if output is not None else None,
    )


def airflow_process(
    args: Sequence[str], output: IO[str], env: dict[str, str] | None = None
) -> subprocess.Popen:
    """`airflow` started in the background, its output (stdout and stderr) into `output`."""
    command, full_env = _command(args, env)
    return subprocess.Popen(command, env=full_env, stdout=output, stderr=subprocess.STDOUT)
