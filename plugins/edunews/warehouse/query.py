"""Small reads shared by the steps' reports."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, LiteralString

import psycopg


def scalar(conn: psycopg.Connection, query: LiteralString, params: Sequence | None = None) -> Any:
    """The first value of a query's one row (a count, an aggregate)."""
    row = conn.execute(query, params).fetchone()
    if row is None:
        raise LookupError(f"the query returned no row: {query}")
    return row[0]
