"""The Cosmos configuration of the dbt task group.

The manifest is built ahead (`edunews manifest`), so parsing a DAG file runs no dbt
command and needs no database: it stays fast.
"""

from __future__ import annotations

from typing import Any

from edunews.config import dbt_project_dir
from edunews.transform.dbt import dbt_executable, manifest_path


class ManifestMissing(RuntimeError):
    pass


def dbt_task_group_kwargs() -> dict[str, Any]:
    from cosmos import ExecutionConfig, ProfileConfig, ProjectConfig, RenderConfig
    from cosmos.constants import ExecutionMode, InvocationMode, LoadMode, TestBehavior

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
            profiles_yml_filepath=project / "profiles.yml",
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
