"""edunews_ingest (Airflow): crawl every registered source into raw.pages, nightly.

One mapped task per source, so a failing site never stops the others; the summary task
records the run's figures (raw.run_reports) and marks the raw-pages Asset updated, which
starts edunews_transform even when some sources failed.
"""

import pendulum
from airflow.sdk import dag, get_current_context, task

from edunews.orchestration import tasks
from edunews.orchestration.alerts import on_failure
from edunews.orchestration.assets import RAW_PAGES


@dag(
    dag_id="edunews_ingest",
    schedule="0 1 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Bangkok"),
    catchup=False,
    max_active_runs=1,
    tags=["edunews"],
    default_args={
        "retries": 2,
        "retry_delay": pendulum.duration(minutes=5),
        "retry_exponential_backoff": True,
        "on_failure_callback": on_failure,
    },
)
def edunews_ingest():
    @task
    def list_sources() -> list[dict]:
        return tasks.list_sources()

    @task(max_active_tis_per_dagrun=8, execution_timeout=tasks.crawl_timeout())
    def crawl(source: dict) -> dict:
        return tasks.crawl_one(source, run_id=get_current_context()["run_id"])

    @task(outlets=[RAW_PAGES], trigger_rule="all_done", retries=0)
    def summarize(results: list[dict], sources: list[dict]) -> dict:
        context = get_current_context()
        return tasks.summarize_crawl(
            list(results), sources, dag_id=context["dag"].dag_id, run_id=context["run_id"]
        )

    sources = list_sources()
    summarize(crawl.expand(source=sources), sources)


edunews_ingest()
