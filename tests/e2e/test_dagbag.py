"""The DAG files import cleanly and hold the DAGs, tasks, schedules and retries the pipeline needs.

How long parsing takes is measured by bench/dag_parse_bench.py, not asserted here.
"""

from __future__ import annotations

import pytest

from edunews.config import dags_dir

DAG_IDS = {"edunews_ingest", "edunews_transform", "edunews_reprocess"}


@pytest.fixture(scope="module")
def dagbag(dbt_manifest):
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(dags_dir()))


def test_no_import_errors_and_only_our_dags(dagbag):
    assert dagbag.import_errors == {}
    assert set(dagbag.dag_ids) == DAG_IDS


@pytest.mark.parametrize("dag_id", sorted(DAG_IDS))
def test_every_dag_runs_one_at_a_time_and_alerts_on_failure(dagbag, dag_id):
    from edunews.orchestration.alerts import on_failure

    dag = dagbag.dags[dag_id]
    assert dag.catchup is False
    assert dag.max_active_runs == 1
    assert "edunews" in dag.tags
    for task in dag.tasks:
        callbacks = task.on_failure_callback
        assert on_failure in (callbacks if isinstance(callbacks, list) else [callbacks])


def test_the_dags_share_owner_start_and_time_zone_from_one_module(dagbag):
    from edunews.orchestration.dag_defaults import OWNER, START_DATE, TIMEZONE

    for dag_id in DAG_IDS:
        dag = dagbag.dags[dag_id]
        assert dag.start_date == START_DATE, dag_id
        assert dag.timezone.name == TIMEZONE, dag_id
        assert {task.owner for task in dag.tasks} == {OWNER}, dag_id
    # What each DAG states for itself on top of the shared defaults.
    assert dagbag.dags["edunews_reprocess"].get_task("extract").retries == 0
    assert dagbag.dags["edunews_ingest"].get_task("crawl").retries == 2


def test_ingest_runs_nightly_at_one_in_bangkok(dagbag):
    dag = dagbag.dags["edunews_ingest"]
    # A cron string runs in the DAG's time zone, the start date's.
    assert dag.schedule == "0 1 * * *"
    assert dag.timezone.name == "Asia/Bangkok"


def test_ingest_crawls_each_source_in_its_own_retried_task(dagbag):
    dag = dagbag.dags["edunews_ingest"]
    assert set(dag.task_ids) == {"list_sources", "crawl", "summarize"}
    crawl = dag.get_task("crawl")
    assert type(crawl).__name__.endswith("MappedOperator")  # one task instance per source
    assert crawl.retries >= 1
    assert crawl.retry_exponential_backoff
    summarize = dag.get_task("summarize")
    # The summary runs whatever became of the crawls, and marks the raw pages updated.
    assert summarize.trigger_rule == "all_done"
    assert [outlet.name for outlet in summarize.outlets] == ["edunews_raw_pages"]
    assert summarize.upstream_task_ids == {"crawl", "list_sources"}


def test_transform_follows_the_raw_pages_asset(dagbag):
    dag = dagbag.dags["edunews_transform"]
    assert "edunews_raw_pages" in str(dag.timetable.asset_condition)
    assert dag.get_task("extract").retries >= 1


def test_transform_builds_every_model_between_extract_and_publish(dagbag, dbt_manifest):
    import json

    dag = dagbag.dags["edunews_transform"]
    manifest = json.loads(dbt_manifest.read_text())
    models = {
        node["name"] for node in manifest["nodes"].values() if node["resource_type"] == "model"
    }
    built = {
        t[len("dbt.") : -len("_model_build")] for t in dag.task_ids if t.endswith("_model_build")
    }
    assert models <= built, models - built
    publish = dag.get_task("publish")
    for task_id in (t for t in dag.task_ids if t.startswith("dbt.")):
        task = dag.get_task(task_id)
        assert "extract" in task.get_flat_relative_ids(upstream=True), task_id
        assert "publish" in task.get_flat_relative_ids(upstream=False), task_id
    assert publish.trigger_rule == "all_success"


def test_reprocess_is_manual_with_backfill_params(dagbag):
    dag = dagbag.dags["edunews_reprocess"]
    assert dag.schedule is None
    assert set(dag.params) == {
        "reextract",
        "full_refresh",
        "sources",
        "published_from",
        "published_to",
    }
    assert dag.params["reextract"] is True and dag.params["full_refresh"] is False
    assert dag.get_task("rebuild").upstream_task_ids == {"extract"}


def test_parse_statistics_cover_every_dag_file(dagbag):
    files = {stat.file.rsplit("/", 1)[-1] for stat in dagbag.dagbag_stats}
    assert files == {"edunews_ingest.py", "edunews_transform.py", "edunews_reprocess.py"}
    assert all(stat.dag_num == 1 for stat in dagbag.dagbag_stats)
