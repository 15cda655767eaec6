"""Test-wide setup: an embedded PostgreSQL and an Airflow home of the test session's own.

The environment is set before anything reads it, so tests never touch the demo's
database (.edunews/) and can run while it is up.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from helpers.servers import free_port

# Shared fixtures (tests/helpers/): every test may ask for them.
pytest_plugins = ["helpers.fixtures"]

_SESSION_HOME = Path(tempfile.mkdtemp(prefix="edunews-test-"))


os.environ["EDUNEWS_HOME"] = str(_SESSION_HOME)
os.environ["EDUNEWS_PG_PORT"] = str(free_port())
os.environ.pop("EDUNEWS_WAREHOUSE_URL", None)
os.environ.pop("EDUNEWS_SOURCES", None)

from edunews.orchestration.airflow_env import airflow_env  # noqa: E402

# Airflow reads its configuration when first imported: point it at the session's home.
for key, value in airflow_env().items():
    if key.startswith(("AIRFLOW", "DO_NOT_TRACK", "SCARF")):
        os.environ[key] = value


# A test's kind is its folder: `make test-fast` runs `-m unit`, so a test placed anywhere
# else would silently drop out of it; collection refuses one instead.
_KINDS = ("unit", "integration", "e2e")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    tests = Path(__file__).resolve().parent
    for item in items:
        path = item.path.resolve()
        parts = path.relative_to(tests).parts if path.is_relative_to(tests) else ()
        folder = parts[0] if len(parts) > 1 else ""
        if folder not in _KINDS:
            raise pytest.UsageError(f"{item.nodeid}: a test lives in tests/{{{','.join(_KINDS)}}}/")
        item.add_marker(folder)


@pytest.fixture(scope="session")
def warehouse():
    """The session's embedded PostgreSQL, migrated; stopped at the end."""
    from edunews.warehouse import embedded, migrate

    embedded.start()
    migrate.migrate()
    yield
    embedded.stop()


def reset_raw() -> None:
    """Empty every table of the raw schema (the tests' 'fresh database')."""
    from edunews.warehouse import connect

    with connect() as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "select format('%I.%I', schemaname, tablename) from pg_tables"
                " where schemaname = 'raw'"
            )
        ]
        conn.execute(f"truncate {', '.join(tables)} restart identity cascade")


def reset_models() -> None:
    """Drop every table and view dbt built, keeping the schemas and their grants."""
    from edunews.warehouse import connect

    with connect() as conn:
        drops = [
            row[0]
            for row in conn.execute(
                "select format('drop %s if exists %I.%I cascade',"
                " case c.relkind when 'v' then 'view' else 'table' end, n.nspname, c.relname)"
                " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                " where n.nspname in ('seeds', 'staging', 'intermediate', 'marts')"
                " and c.relkind in ('r', 'v', 'p')"
            )
        ]
        for drop in drops:
            conn.execute(drop)


@pytest.fixture(scope="session")
def fresh_warehouse_resetter(warehouse):
    """Empties raw and drops what dbt built: the next run starts on a fresh database."""

    def reset() -> None:
        reset_raw()
        reset_models()

    return reset


@pytest.fixture
def empty_raw(warehouse):
    """A warehouse whose raw tables are empty."""
    reset_raw()


@pytest.fixture(scope="session")
def dbt_manifest(warehouse):
    """dbt_project/target/manifest.json, which the transform DAG is rendered from."""
    from edunews.transform.dbt import dbt, manifest_path

    assert dbt(["parse", "--quiet"]) == 0
    return manifest_path()
