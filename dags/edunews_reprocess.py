"""edunews_reprocess (Airflow, manual): backfills after a new extractor or a model change.

Extracts, with the current extractor, every page of the chosen sources and date range that
has no record of this version yet, then rebuilds the marts (optionally from scratch).
"""

from airflow.sdk import Param, dag, get_current_context, task

from edunews.orchestration import reprocess
from edunews.orchestration.dag_defaults import DAG_DEFAULTS, default_args


@dag(
    dag_id="edunews_reprocess",
    schedule=None,
    # Started by hand, watched: a failure is looked at, not retried.
    default_args=default_args(retries=0),
    params={
        "reextract": Param(
            True, type="boolean", description="extract pages again with the current extractor"
        ),
        "full_refresh": Param(
            False, type="boolean", description="rebuild incremental marts from scratch"
        ),
        "sources": Param([], type="array", description="source ids; empty: all sources"),
        "published_from": Param(
            None, type=["null", "string"], format="date", description="first publishing day"
        ),
        "published_to": Param(
            None, type=["null", "string"], format="date", description="last publishing day"
        ),
    },
    **DAG_DEFAULTS,
)
def edunews_reprocess():
    @task
    def extract() -> dict:
        params = get_current_context()["params"]
        return reprocess.extract(params)

    @task
    def rebuild(extracted: dict) -> dict:
        context = get_current_context()
        return reprocess.rebuild(
            context["params"], extracted, dag_id=context["dag"].dag_id, run_id=context["run_id"]
        )

    rebuild(extract())


edunews_reprocess()
