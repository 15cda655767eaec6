"""One function resolves a role's credentials: from its Airflow connection inside a task,
from edunews' settings everywhere else; and the local Airflow's connections are made from
those settings, so both ways agree."""

from __future__ import annotations

import pytest

from edunews.config import ROLES, dbt_target_dir, embedded_settings
from edunews.warehouse.connection import (
    ConnectionMissing,
    airflow_connections_env,
    configured_credentials,
    role_credentials,
)


@pytest.fixture
def outside_airflow(monkeypatch):
    monkeypatch.delenv("AIRFLOW_CTX_DAG_ID", raising=False)
    monkeypatch.delenv("EDUNEWS_WAREHOUSE_URL", raising=False)
    for role in ROLES:
        monkeypatch.delenv(f"EDUNEWS_{role.upper()}_PASSWORD", raising=False)
        monkeypatch.delenv(f"AIRFLOW_CONN_{ROLES[role].upper()}", raising=False)


def test_outside_airflow_the_embedded_server_with_development_passwords(outside_airflow):
    settings = embedded_settings()
    creds = role_credentials("reader")
    assert (creds.host, creds.port, creds.dbname) == ("127.0.0.1", settings.port, "edunews")
    assert (creds.user, creds.password) == ("edunews_reader", "edunews_reader_dev")


def test_outside_airflow_the_warehouse_url_and_the_role_password(outside_airflow, monkeypatch):
    monkeypatch.setenv("EDUNEWS_WAREHOUSE_URL", "postgres://owner:secret@db.internal:6543/news")
    monkeypatch.setenv("EDUNEWS_LOADER_PASSWORD", "loader-secret")
    # A connection variable is Airflow's business: the CLI does not read it.
    monkeypatch.setenv("AIRFLOW_CONN_EDUNEWS_LOADER", "postgres://x:y@elsewhere:1/other")
    creds = role_credentials("loader")
    assert (creds.host, creds.port, creds.dbname) == ("db.internal", 6543, "news")
    assert (creds.user, creds.password) == ("edunews_loader", "loader-secret")
    assert creds.url() == "postgresql://edunews_loader:loader-secret@db.internal:6543/news"


def test_inside_an_airflow_task_the_role_is_its_airflow_connection(outside_airflow, monkeypatch):
    monkeypatch.setenv("EDUNEWS_WAREHOUSE_URL", "postgresql://owner:secret@ignored:5432/edunews")
    monkeypatch.setenv(
        "AIRFLOW_CONN_EDUNEWS_TRANSFORMER",
        '{"conn_type": "postgres", "host": "warehouse.internal", "port": 5433,'
        ' "schema": "dw", "login": "dbt_user", "password": "from-a-secrets-backend"}',
    )
    monkeypatch.setenv("AIRFLOW_CTX_DAG_ID", "edunews_transform")
    creds = role_credentials("transformer")
    assert (creds.host, creds.port, creds.dbname) == ("warehouse.internal", 5433, "dw")
    assert (creds.user, creds.password) == ("dbt_user", "from-a-secrets-backend")
    # dbt run by a task (the reprocess DAG's build) gets the same credentials.
    from edunews.transform.dbt import dbt_env

    env = dbt_env()
    assert (env["EDUNEWS_DBT_HOST"], env["EDUNEWS_DBT_PASSWORD"]) == (
        "warehouse.internal",
        "from-a-secrets-backend",
    )


def test_a_missing_connection_names_the_variable_to_set(outside_airflow, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CTX_DAG_ID", "edunews_ingest")
    with pytest.raises(ConnectionMissing, match="AIRFLOW_CONN_EDUNEWS_LOADER"):
        role_credentials("loader")


def test_the_local_airflow_connections_are_the_configured_credentials(outside_airflow, monkeypatch):
    from airflow.sdk import Connection

    # Characters a URL must escape survive the round trip through Airflow's parser.
    monkeypatch.setenv("EDUNEWS_READER_PASSWORD", "p@ss/w:rd%")
    env = airflow_connections_env()
    assert set(env) == {f"AIRFLOW_CONN_{name.upper()}" for name in ROLES.values()}
    for role, name in ROLES.items():
        conn = Connection.from_uri(env[f"AIRFLOW_CONN_{name.upper()}"], conn_id=name)
        expected = configured_credentials(role)
        assert conn.conn_type == "postgres"
        assert (conn.host, conn.port, conn.schema) == (
            expected.host,
            expected.port,
            expected.dbname,
        )
        assert (conn.login, conn.password) == (expected.user, expected.password)
    assert configured_credentials("reader").password == "p@ss/w:rd%"


def test_dbt_writes_under_the_home_of_its_run(outside_airflow, monkeypatch, tmp_path):
    from edunews.transform.dbt import dbt_env, manifest_path

    monkeypatch.setenv("EDUNEWS_HOME", str(tmp_path))
    monkeypatch.delenv("EDUNEWS_DBT_TARGET_DIR", raising=False)
    env = dbt_env()
    assert env["DBT_TARGET_PATH"] == str(tmp_path / "dbt" / "target")
    assert env["DBT_LOG_PATH"] == str(tmp_path / "dbt" / "logs")
    assert manifest_path() == tmp_path / "dbt" / "target" / "manifest.json"
    # The Docker image builds its manifest into the project and says so.
    monkeypatch.setenv("EDUNEWS_DBT_TARGET_DIR", "/opt/edunews/dbt_project/target")
    assert str(dbt_target_dir()) == "/opt/edunews/dbt_project/target"
