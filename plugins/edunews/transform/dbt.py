"""Running dbt against the warehouse as the transformer role."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from edunews.config import dbt_log_dir, dbt_project_dir, dbt_target_dir
from edunews.warehouse.connection import role_credentials


def dbt_env() -> dict[str, str]:
    """What a dbt command of ours runs with: the transformer's credentials for
    dbt_project/profiles.yml, and its target and log folders under EDUNEWS_HOME.

    Not for the Cosmos task group, whose profile comes from the Airflow connection and
    whose tasks keep their target folders in temporary copies of the project.
    """
    creds = role_credentials("transformer")
    return {
        "EDUNEWS_DBT_HOST": creds.host,
        "EDUNEWS_DBT_PORT": str(creds.port),
        "EDUNEWS_DBT_USER": creds.user,
        "EDUNEWS_DBT_PASSWORD": creds.password,
        "EDUNEWS_DBT_DBNAME": creds.dbname,
        "DBT_PROFILES_DIR": str(dbt_project_dir()),
        "DBT_TARGET_PATH": str(dbt_target_dir()),
        "DBT_LOG_PATH": str(dbt_log_dir()),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DO_NOT_TRACK": "1",
    }


def dbt_executable() -> str:
    """dbt from this interpreter's environment (the venv), else from PATH."""
    beside = Path(sys.executable).with_name("dbt")
    return str(beside) if beside.exists() else (shutil.which("dbt") or "dbt")


def dbt(args: Sequence[str], check: bool = False, output: IO[str] | None = None) -> int:
    """Run a dbt command in the project folder; returns dbt's exit code. Its output goes to
    `output` when given, else to ours."""
    proc = subprocess.run(
        [dbt_executable(), *args],
        cwd=dbt_project_dir(),
        env={**os.environ, **dbt_env()},
        check=check,
        stdout=output,
        stderr=subprocess.STDOUT if output is not None else None,
    )
    return proc.returncode


# What dbt says, exiting 0, when a selection matches no node.
NOTHING_SELECTED = "Nothing to do."


def dbt_build(args: Sequence[str]) -> int:
    """`dbt build` with dbt's output shown as it comes; a selection that matches nothing is
    a failure (dbt exits 0 for it, and a typo in --select would pass for a build)."""
    proc = subprocess.Popen(
        [dbt_executable(), "build", *args],
        cwd=dbt_project_dir(),
        env={**os.environ, **dbt_env()},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    )
    nothing = False
    assert proc.stdout is not None
    for line in proc.stdout:
        sys.stdout.write(line)
        sys.stdout.flush()
        nothing = nothing or NOTHING_SELECTED in line
    code = proc.wait()
    if code == 0 and nothing:
        selection = " ".join(args) or "(none)"
        print(
            f"edunews transform: {selection} selects no model, seed or test: see the names"
            " with `edunews dbt ls` (a selection is a node name, path:, tag: ...)",
            file=sys.stderr,
        )
        return 1
    return code


def manifest_path() -> Path:
    """The manifest `edunews manifest` builds and the transform DAG is rendered from."""
    return dbt_target_dir() / "manifest.json"
