"""Which PostgreSQL to talk to, and as whom.

`EDUNEWS_WAREHOUSE_URL` (an owner or superuser of the database) points every command at any
PostgreSQL; without it the embedded server is used. The pipeline's steps connect as the
role that matches their job (loader, transformer), derived from that URL.
"""

from __future__ import annotations

import os
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import psycopg

from edunews.config import ROLES, role_password


def explicit_url() -> str | None:
    """The configured warehouse, if any: our variable, else Airflow's connection variable.

    `AIRFLOW_CONN_EDUNEWS_WAREHOUSE` lets a deployment configure the warehouse the way it
    configures any Airflow connection (postgres://user:password@host:5432/db).
    """
    url = os.environ.get("EDUNEWS_WAREHOUSE_URL") or os.environ.get(
        "AIRFLOW_CONN_EDUNEWS_WAREHOUSE"
    )
    if url and url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    return url or None


def admin_url() -> str:
    """The owner's URL: migrations and administration."""
    explicit = explicit_url()
    if explicit:
        return explicit
    from edunews.warehouse import embedded

    return embedded.url()


def role_url(role: str) -> str:
    """The warehouse's URL with the credentials of one of the pipeline's roles."""
    explicit = explicit_url()
    if not explicit:
        from edunews.warehouse import embedded

        return embedded.url(user=ROLES[role], password=role_password(role))
    parts = urlsplit(explicit)
    netloc = f"{quote(ROLES[role])}:{quote(role_password(role))}@{parts.hostname or '127.0.0.1'}"
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def connect(role: str | None = None, **kwargs) -> psycopg.Connection:
    """A new connection, as `role` (loader, transformer, reader) or as the owner."""
    return psycopg.connect(role_url(role) if role else admin_url(), **kwargs)


def describe(url: str) -> dict[str, str]:
    """Host, port, database and user of a URL, for dbt profiles and psql lines."""
    parts = urlsplit(url)
    return {
        "host": parts.hostname or "127.0.0.1",
        "port": str(parts.port or 5432),
        "dbname": parts.path.lstrip("/"),
        "user": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
    }
