"""edunews_transform (Airflow): extract pending pages, build the warehouse, publish figures.

Runs whenever edunews_ingest updates the raw-pages Asset. dbt runs as a Cosmos task group
rendered from the prebuilt manifest: one task per model, its tests right after it.
"""

from airflow.sdk import dag, get_current_context, task
from cosmos import DbtTaskGroup

from edunews.orchestration import tasks
from edunews.orchestration.assets import RAW_PAGES
from edunews.orchestration.dag_defaults import DAG_DEFAULTS, default_args
from edunews.orchestration.dbt_group import dbt_task_group_kwargs


@dag(
    dag_id="edunews_transform",
    schedule=[RAW_PAGES],
    default_args=default_args(),
    **DAG_DEFAULTS,
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
