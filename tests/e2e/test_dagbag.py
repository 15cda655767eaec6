"""The DAG files import cleanly and hold the DAGs and tasks the pipeline needs."""

from __future__ import annotations

import pytest

from edunews.config import dags_dir


@pytest.fixture(scope="module")
def dagbag(dbt_manifest):
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(dags_dir()))


def test_no_import_errors(dagbag):
    assert dagbag.import_errors == {}


def test_ingest_dag(dagbag):
    dag = dagbag.dags["edunews_ingest"]
    assert {"list_sources", "crawl", "summarize"} <= set(dag.task_ids)
    assert dag.get_task("crawl").retries >= 1
    summarize = dag.get_task("summarize")
    assert [outlet.name for outlet in summarize.outlets] == ["edunews_raw_pages"]


def test_transform_dag_follows_the_raw_pages_asset(dagbag):
    dag = dagbag.dags["edunews_transform"]
    assert "extract" in dag.task_ids
    dbt_tasks = {t for t in dag.task_ids if t.startswith("dbt.")}
    assert {
        "dbt.fct_events.run",
        "dbt.fct_events.test",
        "dbt.dim_date.run",
        "dbt.dim_office.run",
    } <= dbt_tasks
    # dbt starts only after extraction
    for task_id in dbt_tasks:
        assert "extract" in dag.get_task(task_id).get_flat_relative_ids(upstream=True)
    assert "edunews_raw_pages" in str(dag.timetable.asset_condition)
