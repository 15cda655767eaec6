"""The reprocess DAG's steps: a narrowed extraction, then a dbt build (maybe from scratch)."""

from __future__ import annotations

import logging
from datetime import date

from edunews.transform.dbt import dbt

log = logging.getLogger(__name__)


class RebuildFailed(RuntimeError):
    pass


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def extract(params: dict) -> dict:
    from edunews.extract.step import extract_pending

    if not params.get("reextract", True):
        return {"skipped": True}
    result = extract_pending(
        source_ids=params.get("sources") or None,
        published_from=_day(params.get("published_from")),
        published_to=_day(params.get("published_to")),
    )
    return result.as_dict()


def dbt_build_args(params: dict) -> list[str]:
    args = ["build"]
    if params.get("full_refresh"):
        args.append("--full-refresh")
    return args


def rebuild(params: dict, extracted: dict, dag_id: str, run_id: str) -> dict:
    """dbt build (from scratch when asked); the figures go to raw.run_reports."""
    from edunews.orchestration.tasks import transform_figures

    args = dbt_build_args(params)
    log.info("extraction: %s; running dbt %s", extracted, " ".join(args))
    code = dbt(args)
    if code != 0:
        raise RebuildFailed(f"dbt {' '.join(args)} exited with {code}: see the log above")
    return {"dbt": " ".join(args), **transform_figures(extracted, dag_id, run_id)}
