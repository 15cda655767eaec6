"""Which PostgreSQL to talk to, and as whom: one function resolves a role's credentials.

Inside an Airflow task (and in the docker-compose containers), each role is an Airflow
connection (`edunews_loader`, `edunews_transformer`, `edunews_reader`), read with BaseHook,
so an environment variable (`AIRFLOW_CONN_EDUNEWS_LOADER`), the metadata database or any
secrets backend can supply it. Everywhere else (the CLI, tests, DAG parsing)
`EDUNEWS_WAREHOUSE_URL` (an owner or superuser of the database) names the server and
`EDUNEWS_<ROLE>_PASSWORD` the role's password; without the URL, the embedded server and its
development passwords are used.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

import psycopg

from edunews.config import ROLES, embedded_settings, role_password

# One Airflow connection per role, named as the role.
AIRFLOW_CONN_IDS = dict(ROLES)


class ConnectionMissing(RuntimeError):
    """A task needs a role whose Airflow connection is not defined anywhere."""


@dataclass(frozen=True)
class Credentials:
    host: str
    port: int
    dbname: str
    user: str
    password: str

    def url(self, scheme: str = "postgresql") -> str:
        return (
            f"{scheme}://{quote(self.user, safe='')}:{quote(self.password, safe='')}"
            f"@{self.host}:{self.port}/{quote(self.dbname, safe='')}"
        )


def explicit_url() -> str | None:
    """`EDUNEWS_WAREHOUSE_URL`, the owner's URL of a server other than the embedded one."""
    url = os.environ.get("EDUNEWS_WAREHOUSE_URL")
    if url and url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    return url or None


def admin_url() -> str:
    """The owner's URL: migrations and administration (never through Airflow)."""
    explicit = explicit_url()
    if explicit:
        return explicit
    from edunews.warehouse import embedded

    return embedded.url()


def reads_airflow_connections() -> bool:
    """Inside an Airflow task; or in a deployment's Airflow containers, where the CLI runs
    beside the workers and has the same connections (EDUNEWS_CONNECTIONS_FROM_AIRFLOW)."""
    # Airflow's task runner exports the running task's context (AIRFLOW_CTX_DAG_ID ...)
    # to the environment before the task runs, for operators and their subprocesses.
    if os.environ.get("AIRFLOW_CTX_DAG_ID"):
        return True
    return os.environ.get("EDUNEWS_CONNECTIONS_FROM_AIRFLOW", "").lower() in ("1", "true", "yes")


def role_credentials(role: str) -> Credentials:
    """Host, port, database, user and password of one of the pipeline's roles."""
    if role not in ROLES:
        raise ValueError(f"no role {role!r}: one of {', '.join(ROLES)}")
    if reads_airflow_connections():
        return _from_airflow(role)
    return configured_credentials(role)


def configured_credentials(role: str) -> Credentials:
    """A role's credentials from edunews' own settings: what the CLI and tests use, and
    what the local Airflow's connections are made of."""
    explicit = explicit_url()
    if explicit:
        parts = urlsplit(explicit)
        return Credentials(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            dbname=unquote(parts.path.lstrip("/")),
            user=ROLES[role],
            password=role_password(role),
        )
    settings = embedded_settings()
    return Credentials(
        host=settings.host,
        port=settings.port,
        dbname=settings.database,
        user=ROLES[role],
        password=role_password(role),
    )


def _from_airflow(role: str) -> Credentials:
    from airflow.sdk import BaseHook
    from airflow.sdk.exceptions import AirflowNotFoundException

    conn_id = AIRFLOW_CONN_IDS[role]
    try:
        conn = BaseHook.get_connection(conn_id)
    except AirflowNotFoundException as exc:
        raise ConnectionMissing(
            f"the Airflow connection {conn_id} is not defined: set"
            f" AIRFLOW_CONN_{conn_id.upper()}=postgres://{ROLES[role]}:PASSWORD@HOST:5432/DB"
            " or add it (airflow connections add, or a secrets backend)"
        ) from exc
    return Credentials(
        host=conn.host or "127.0.0.1",
        port=conn.port or 5432,
        # An Airflow postgres connection keeps the database name in its `schema` field.
        dbname=conn.schema or "edunews",
        user=conn.login or ROLES[role],
        password=conn.password or "",
    )


def airflow_connections_env() -> dict[str, str]:
    """`AIRFLOW_CONN_<ID>` for every role, from edunews' settings: the local Airflow's
    connections (`edunews standalone`, `airflow dags test`, the demo)."""
    return {
        f"AIRFLOW_CONN_{conn_id.upper()}": configured_credentials(role).url(scheme="postgres")
        for role, conn_id in AIRFLOW_CONN_IDS.items()
    }


def role_url(role: str) -> str:
    """The warehouse's URL with the credentials of one of the pipeline's roles."""
    return role_credentials(role).url()


def connect(role: str | None = None, **kwargs) -> psycopg.Connection:
    """A new connection, as `role` (loader, transformer, reader) or as the owner."""
    return psycopg.connect(role_url(role) if role else admin_url(), **kwargs)


def describe(url: str) -> dict[str, str]:
    """Host, port, database and user of a URL, for dbt profiles and psql lines."""
    parts = urlsplit(url)
    return {
        "host": parts.hostname or "127.0.0.1",
        "port": str(parts.port or 5432),
        "dbname": unquote(parts.path.lstrip("/")),
        "user": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
    }
