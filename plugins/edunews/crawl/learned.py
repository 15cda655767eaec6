"""What discovery learned about a source, kept between runs in raw.source_learned."""

from __future__ import annotations

import psycopg
from psycopg.types.json import Jsonb

from edunews.crawl.explore import Learned


def load_learned(conn: psycopg.Connection, source_id: str) -> Learned:
    row = conn.execute(
        "select learned from raw.source_learned where source_id = %s"
        " order by learned_id desc limit 1",
        (source_id,),
    ).fetchone()
    return Learned.from_json(row[0] if row else None)


def save_learned(conn: psycopg.Connection, source_id: str, run_id: str, learned: Learned) -> None:
    """A new row when something changed (append-only: the history shows when a site moved)."""
    if not learned.changed:
        return
    with conn.transaction():
        conn.execute(
            "insert into raw.source_learned (source_id, run_id, learned) values (%s, %s, %s)",
            (source_id, run_id, Jsonb(learned.as_json())),
        )
    learned.changed = False
