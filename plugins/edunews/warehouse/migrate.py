"""Numbered SQL migrations, applied once each, in order, under an advisory lock; and the
roles: created with their passwords, which later runs leave alone unless asked."""

from __future__ import annotations

import logging
import re
from importlib import resources

import psycopg
from psycopg import sql

from edunews.config import (
    PLACEHOLDER_PASSWORD,
    ROLES,
    development_password,
    reader_statement_timeout,
    role_password,
    role_password_variable,
)
from edunews.warehouse.connection import admin_url, explicit_url

log = logging.getLogger(__name__)

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
# Any constant: serialises concurrent `migrate` runs (two Airflow workers starting at once).
_LOCK_KEY = 7_201_901


class MigrateRefused(RuntimeError):
    """A role would get a password anyone can read in the repository."""


def available() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every migration shipped with the package, in order."""
    found = []
    for entry in resources.files("edunews.warehouse.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(url: str | None = None, reset_passwords: bool = False) -> list[str]:
    """Apply pending migrations; return the names applied.

    A role that does not exist yet is created with its configured password; an existing
    role's password is an operator's (rotated by hand, or by a secrets manager) and is set
    again only with `reset_passwords`. Outside the embedded server, the development
    passwords and the .env.example placeholder are refused before anything changes.
    """
    embedded = url is None and explicit_url() is None
    applied_now = []
    with psycopg.connect(url or admin_url(), autocommit=True) as conn:
        conn.execute("select pg_advisory_lock(%s)", (_LOCK_KEY,))
        try:
            existing = {
                row[0]
                for row in conn.execute(
                    "select rolname from pg_roles where rolname = any(%s)", (list(ROLES.values()),)
                )
            }
            missing = [role for role, name in ROLES.items() if name not in existing]
            to_set = list(ROLES) if reset_passwords else missing
            if not embedded:
                _refuse_public_passwords(to_set)
            for role in missing:
                conn.execute(
                    sql.SQL("create role {} login password {}").format(
                        sql.Identifier(ROLES[role]), sql.Literal(role_password(role))
                    )
                )
                log.info("created role %s", ROLES[role])
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
            if reset_passwords:
                for role in ROLES:
                    conn.execute(
                        sql.SQL("alter role {} with login password {}").format(
                            sql.Identifier(ROLES[role]), sql.Literal(role_password(role))
                        )
                    )
                log.info("reset the passwords of %s", ", ".join(ROLES.values()))
            _limit_reader(conn)
        finally:
            conn.execute("select pg_advisory_unlock(%s)", (_LOCK_KEY,))
    return applied_now


def _refuse_public_passwords(roles: list[str]) -> None:
    unset = [
        role_password_variable(role)
        for role in roles
        if role_password(role) in (development_password(role), PLACEHOLDER_PASSWORD)
    ]
    if unset:
        raise MigrateRefused(
            f"refusing to give {'roles' if len(unset) > 1 else 'a role'} a development or"
            f" placeholder password outside the embedded server: set {', '.join(unset)}"
        )


def _limit_reader(conn: psycopg.Connection) -> None:
    # A setting of the role, applied on every run: the configured value is the truth. It
    # holds for every new session of the reader (psql, BI tools), which may lower it.
    timeout = reader_statement_timeout()
    try:
        conn.execute(
            sql.SQL("alter role {} set statement_timeout = {}").format(
                sql.Identifier(ROLES["reader"]), sql.Literal(timeout)
            )
        )
    except psycopg.errors.InvalidParameterValue as exc:
        raise MigrateRefused(
            f"EDUNEWS_READER_STATEMENT_TIMEOUT={timeout!r} is not a PostgreSQL duration"
            " (e.g. 60s, 5min)"
        ) from exc
