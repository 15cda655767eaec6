"""The Cosmos configuration of the dbt task group.

The manifest is built ahead (`edunews manifest`), so parsing a DAG file runs no dbt
command and needs no database: it stays fast. dbt connects as the transformer through its
Airflow connection: Cosmos writes each task's profile from it when the task runs.
"""

from __future__ import annotations

from typing import Any

from edunews.config import dbt_project_dir
from edunews.transform.dbt import dbt_executable, manifest_path
from edunews.warehouse.connection import AIRFLOW_CONN_IDS


class ManifestMissing(RuntimeError):
    pass


def dbt_task_group_kwargs() -> dict[str, Any]:
    from cosmos import ExecutionConfig, ProfileConfig, ProjectConfig, RenderConfig
    from cosmos.constants import ExecutionMode, InvocationMode, LoadMode, TestBehavior
    from cosmos.profiles import DbtProfileConfigVars, PostgresUserPasswordProfileMapping

    manifest = manifest_path()
    if not manifest.exists():
        raise ManifestMissing(f"{manifest} is missing: run `edunews manifest` (dbt parse)")
    project = dbt_project_dir()
    return {
        "project_config": ProjectConfig(
            dbt_project_path=project, manifest_path=manifest, install_dbt_deps=False
        ),
        "profile_config": ProfileConfig(
            profile_name="edunews",
            target_name="warehouse",
            profile_mapping=PostgresUserPasswordProfileMapping(
                conn_id=AIRFLOW_CONN_IDS["transformer"],
                # What dbt_project/profiles.yml gives the CLI's dbt.
                profile_args={"schema": "marts", "threads": 4},
                dbt_config_vars=DbtProfileConfigVars(send_anonymous_usage_stats=False),
            ),
        ),
        "execution_config": ExecutionConfig(
            execution_mode=ExecutionMode.LOCAL,
            # dbt in the worker's own interpreter: no process start per task.
            invocation_mode=InvocationMode.DBT_RUNNER,
            dbt_executable_path=dbt_executable(),
        ),
        "render_config": RenderConfig(
            load_method=LoadMode.DBT_MANIFEST,
            # `dbt build` per model: its tests run in the same task, right after it (one
            # dbt start instead of two: a node costs about 1.5 s of dbt start-up).
            test_behavior=TestBehavior.BUILD,
            emit_datasets=False,
            # A relationships test needs both models built: run it after both, not
            # inside one parent's task, or it fails on a fresh database.
            should_detach_multiple_parents_tests=True,
        ),
    }
