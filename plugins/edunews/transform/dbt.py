"""Running dbt against the warehouse as the transformer role."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from edunews.config import dbt_project_dir
from edunews.warehouse.connection import describe, role_url


def dbt_env() -> dict[str, str]:
    """The variables dbt_project/profiles.yml reads, for the transformer role."""
    conn = describe(role_url("transformer"))
    return {
        "EDUNEWS_DBT_HOST": conn["host"],
        "EDUNEWS_DBT_PORT": conn["port"],
        "EDUNEWS_DBT_USER": conn["user"],
        "EDUNEWS_DBT_PASSWORD": conn["password"],
        "EDUNEWS_DBT_DBNAME": conn["dbname"],
        "DBT_PROFILES_DIR": str(dbt_project_dir()),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DO_NOT_TRACK": "1",
    }


def dbt_executable() -> str:
    """dbt from this interpreter's environment (the venv), else from PATH."""
    beside = Path(sys.executable).with_name("dbt")
    return str(beside) if beside.exists() else (shutil.which("dbt") or "dbt")


def dbt(args: Sequence[str], check: bool = False) -> int:
    """Run a dbt command in the project folder; returns dbt's exit code."""
    proc = subprocess.run(
        [dbt_executable(), *args],
        cwd=dbt_project_dir(),
        env={**os.environ, **dbt_env()},
        check=check,
    )
    return proc.returncode


def manifest_path() -> Path:
    return dbt_project_dir() / "target" / "manifest.json"
