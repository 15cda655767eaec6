"""edunews_ingest (Airflow): crawl every registered source into raw.pages, nightly.

One mapped task per source, so a failing site never stops the others; the summary task
records the run's figures (raw.run_reports) and marks the raw-pages Asset updated, which
starts edunews_transform even when some sources failed.
"""

from datetime import timedelta

from airflow.sdk import dag, get_current_context, task

from edunews.orchestration import tasks
from edunews.orchestration.assets import RAW_PAGES
from edunews.orchestration.dag_defaults import DAG_DEFAULTS, default_args


@dag(
    dag_id="edunews_ingest",
    schedule="0 1 * * *",
    # A site that fails at 1 a.m. often answers a little later.
    default_args=default_args(
        retries=2, retry_delay=timedelta(minutes=5), retry_exponential_backoff=True
    ),
    **DAG_DEFAULTS,
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
        # results[:] reads every mapped crawl's result in one request; iterating asks for
        # one past the last, which Airflow logs as "[error] XCom not found" on every run.
        return tasks.summarize_crawl(
            results[:], sources, dag_id=context["dag"].dag_id, run_id=context["run_id"]
        )

    sources = list_sources()
    summarize(crawl.expand(source=sources), sources)


edunews_ingest()
