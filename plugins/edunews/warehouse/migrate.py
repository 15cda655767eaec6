"""Numbered SQL migrations, applied once each, in order, under an advisory lock."""

from __future__ import annotations

import logging
import re
from importlib import resources

import psycopg
from psycopg import sql

from edunews.config import ROLES, role_password
from edunews.warehouse.connection import admin_url

log = logging.getLogger(__name__)

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
# Any constant: serialises concurrent `migrate` runs (two Airflow workers starting at once).
_LOCK_KEY = 7_201_901


def available() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every migration shipped with the package, in order."""
    found = []
    for entry in resources.files("edunews.warehouse.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(url: str | None = None) -> list[str]:
    """Apply pending migrations and set the roles' passwords; return the names applied."""
    applied_now = []
    with psycopg.connect(url or admin_url(), autocommit=True) as conn:
        conn.execute("select pg_advisory_lock(%s)", (_LOCK_KEY,))
        try:
            conn.execute("create schema if not exists meta")
            conn.execute(
                "create table if not exists meta.schema_migrations ("
                " version integer primary key, name text not null,"
                " applied_at timestamptz not null default now())"
            )
            done = {row[0] for row in conn.execute("select version from meta.schema_migrations")}
            for version, name, body in available():
                if version in done:
                    continue
                with conn.transaction():
                    conn.execute(body)
                    conn.execute(
                        "insert into meta.schema_migrations (version, name) values (%s, %s)",
                        (version, name),
                    )
                log.info("applied migration %s", name)
                applied_now.append(name)
            _set_role_passwords(conn)
        finally:
            conn.execute("select pg_advisory_unlock(%s)", (_LOCK_KEY,))
    return applied_now


def _set_role_passwords(conn: psycopg.Connection) -> None:
    # Passwords live in the environment, not in migrations, so that they can change.
    for role, name in ROLES.items():
        conn.execute(
            sql.SQL("alter role {} with login password {}").format(
                sql.Identifier(name), sql.Literal(role_password(role))
            )
        )
