"""Reads of the raw schema that tests assert on."""

from __future__ import annotations

from edunews.warehouse import connect


def latest_log(source_id: str) -> dict[str, tuple[str, str | None]]:
    """Each URL's latest fetch_log row of the source: url -> (outcome, reason)."""
    with connect() as conn:
        rows = conn.execute(
            "select distinct on (url) url, outcome, reason from raw.fetch_log"
            " where source_id = %s order by url, fetch_id desc",
            (source_id,),
        ).fetchall()
    return {url: (outcome, reason) for url, outcome, reason in rows}


def latest_outcomes(source_id: str) -> dict[str, str]:
    """Each URL's latest outcome in the source's fetch_log."""
    return {url: outcome for url, (outcome, _) in latest_log(source_id).items()}


def landed_titles(source_id: str) -> dict[str, tuple]:
    """The source's pages: url -> (title, published_at)."""
    with connect() as conn:
        rows = conn.execute(
            "select url, title, published_at from raw.pages where source_id = %s", (source_id,)
        ).fetchall()
    return {url: (title, published) for url, title, published in rows}
