"""edunews_transform (Airflow): extract pending pages, then build the warehouse with dbt.

Runs whenever the ingest DAG updates the raw-pages Asset; dbt runs as a Cosmos task group
(one task per model, its tests right after it).
"""

import pendulum
from airflow.sdk import dag, task
from cosmos import DbtTaskGroup

from edunews.orchestration import tasks
from edunews.orchestration.assets import RAW_PAGES
from edunews.orchestration.dbt_group import dbt_task_group_kwargs


@dag(
    dag_id="edunews_transform",
    schedule=[RAW_PAGES],
    start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Bangkok"),
    catchup=False,
    max_active_runs=1,
    tags=["edunews"],
    default_args={"retries": 1, "retry_delay": pendulum.duration(minutes=2)},
)
def edunews_transform():
    @task
    def extract() -> dict:
        return tasks.extract_pending_pages()

    extract() >> DbtTaskGroup(group_id="dbt", **dbt_task_group_kwargs())


edunews_transform()
