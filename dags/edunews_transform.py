"""edunews_transform (Airflow): extract pending pages, build the warehouse, publish figures.

Runs whenever edunews_ingest updates the raw-pages Asset. dbt runs as a Cosmos task group
rendered from the prebuilt manifest: one task per model, its tests right after it.
"""

import pendulum
from airflow.sdk import dag, get_current_context, task
from cosmos import DbtTaskGroup

from edunews.orchestration import tasks
from edunews.orchestration.alerts import on_failure
from edunews.orchestration.assets import RAW_PAGES
from edunews.orchestration.dbt_group import dbt_task_group_kwargs


@dag(
    dag_id="edunews_transform",
    schedule=[RAW_PAGES],
    start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Bangkok"),
    catchup=False,
    max_active_runs=1,
    tags=["edunews"],
    default_args={
        "retries": 1,
        "retry_delay": pendulum.duration(minutes=2),
        "on_failure_callback": on_failure,
    },
)
def edunews_transform():
    @task
    def extract() -> dict:
        return tasks.extract_pending_pages()

    @task
    def publish(extracted: dict) -> dict:
        context = get_current_context()
        return tasks.transform_figures(
            extracted, dag_id=context["dag"].dag_id, run_id=context["run_id"]
        )

    extracted = extract()
    dbt = DbtTaskGroup(group_id="dbt", **dbt_task_group_kwargs())
    extracted >> dbt >> publish(extracted)


edunews_transform()
