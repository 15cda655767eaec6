"""`edunews standalone`: a local Airflow (UI, scheduler, workers) on the embedded warehouse.

Everything the DAGs need is prepared first (the warehouse up and migrated, the dbt
manifest, Airflow's metadata), so the DAGs show up in the UI without import errors.
"""

from __future__ import annotations

import logging

from edunews.orchestration.airflow_env import airflow
from edunews.transform.dbt import dbt
from edunews.warehouse import embedded, migrate
from edunews.warehouse.connection import explicit_url

log = logging.getLogger(__name__)


class PrepareFailed(RuntimeError):
    pass


def prepare() -> None:
    if explicit_url() is None:
        embedded.start()
    migrate.migrate()
    if dbt(["parse", "--quiet"]) != 0:
        raise PrepareFailed("dbt parse failed: see the lines above")
    if airflow(["db", "migrate"], check=False).returncode != 0:
        raise PrepareFailed("airflow db migrate failed: see the lines above")


def standalone_env(host: str, port: int) -> dict[str, str]:
    return {
        "AIRFLOW__API__HOST": host,
        "AIRFLOW__API__PORT": str(port),
        "AIRFLOW__API__BASE_URL": f"http://{host}:{port}",
        # New DAG files show up within half a minute.
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "30",
    }


def run_standalone(host: str = "127.0.0.1", port: int = 8080) -> int:
    prepare()
    print(f"Airflow on http://{host}:{port} (user admin; its password is printed below)")
    return airflow(["standalone"], env=standalone_env(host, port), check=False).returncode
