"""The embedded server, the migrations and the three roles, against a real PostgreSQL."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import psycopg
import pytest

from edunews.cli import main
from edunews.config import (
    DEFAULT_PG_PORT,
    ROLES,
    EmbeddedSettings,
    development_password,
    embedded_settings,
    role_password_variable,
)
from edunews.warehouse import connect, embedded, migrate
from edunews.warehouse.query import scalar
from helpers.servers import free_port


def test_embedded_server_listens_on_loopback_tcp(warehouse):
    state = embedded.status()
    assert state.running
    with connect() as conn:
        row = conn.execute("select inet_server_addr()::text, inet_server_port()").fetchone()
    assert row == ("127.0.0.1/32", state.port)


def test_start_is_idempotent(warehouse):
    before = embedded.status().pid
    assert embedded.start().pid == before


def test_migrations_apply_once(warehouse):
    assert migrate.migrate() == []
    with connect() as conn:
        versions = [r[0] for r in conn.execute("select version from meta.schema_migrations")]
    assert versions == [v for v, _, _ in migrate.available()]


def test_raw_tables_exist(warehouse):
    with connect() as conn:
        tables = {
            r[0]
            for r in conn.execute(
                "select table_name from information_schema.tables where table_schema = 'raw'"
            )
        }
    assert {"pages", "fetch_log", "extractions"} <= tables


def test_loader_writes_raw_but_cannot_delete(empty_raw):
    with connect("loader") as conn:
        conn.execute(
            "insert into raw.pages (source_id, url, content_sha256) values ('s', 'u', 'h')"
        )
        conn.commit()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("delete from raw.pages")


def test_reader_cannot_see_raw(warehouse):
    with connect("reader") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("select count(*) from raw.pages")


def test_reader_selects_from_marts(warehouse):
    with connect() as conn:
        conn.execute("set role edunews_transformer")
        conn.execute("create table if not exists marts.reader_probe as select 1 as x")
        conn.commit()
    try:
        with connect("reader") as conn:
            assert conn.execute("select x from marts.reader_probe").fetchone() == (1,)
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("insert into marts.reader_probe values (2)")
    finally:
        with connect() as conn:
            conn.execute("drop table marts.reader_probe")


# --- roles: passwords, and what the reader may do --------------------------------------------


def _can_log_in(role: str, password: str) -> bool:
    try:
        with psycopg.connect(embedded.url(user=ROLES[role], password=password)):
            return True
    except psycopg.OperationalError:
        return False


def _passwords_are_defaults(monkeypatch) -> None:
    for role in ROLES:
        monkeypatch.delenv(role_password_variable(role), raising=False)


def test_migrate_keeps_a_changed_password_until_asked_to_reset(warehouse, monkeypatch, capsys):
    _passwords_are_defaults(monkeypatch)
    with connect() as conn:
        conn.execute("alter role edunews_reader password 'rotated-by-hand'")
    try:
        migrate.migrate()
        migrate.migrate()
        assert _can_log_in("reader", "rotated-by-hand")
        assert not _can_log_in("reader", development_password("reader"))
    finally:
        assert main(["db", "migrate", "--reset-passwords"]) == 0
    assert _can_log_in("reader", development_password("reader"))
    assert not _can_log_in("reader", "rotated-by-hand")


def test_the_reader_cannot_create_temporary_tables_but_dbt_can(warehouse):
    with connect("reader") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("create temporary table scratch (x int)")
    # dbt-postgres builds incremental models through temporary tables.
    with connect("transformer") as conn:
        conn.execute("create temporary table scratch (x int)")


def test_the_reader_has_a_statement_timeout(warehouse, monkeypatch):
    monkeypatch.delenv("EDUNEWS_READER_STATEMENT_TIMEOUT", raising=False)
    with connect("reader") as conn:
        assert conn.execute("show statement_timeout").fetchone() == ("1min",)
    monkeypatch.setenv("EDUNEWS_READER_STATEMENT_TIMEOUT", "300ms")
    try:
        migrate.migrate()
        with connect("reader") as conn, pytest.raises(psycopg.errors.QueryCanceled):
            conn.execute("select pg_sleep(2)")
        # The loader and dbt are not limited: a full rebuild takes as long as it takes.
        with connect("transformer") as conn:
            assert conn.execute("show statement_timeout").fetchone() == ("0",)
        monkeypatch.setenv("EDUNEWS_READER_STATEMENT_TIMEOUT", "a while")
        with pytest.raises(migrate.MigrateRefused, match="EDUNEWS_READER_STATEMENT_TIMEOUT"):
            migrate.migrate()
    finally:
        monkeypatch.delenv("EDUNEWS_READER_STATEMENT_TIMEOUT")
        migrate.migrate()
    with connect("reader") as conn:
        assert conn.execute("show statement_timeout").fetchone() == ("1min",)


def test_outside_the_embedded_server_development_passwords_are_refused(
    warehouse, monkeypatch, capsys
):
    # The session's server through EDUNEWS_WAREHOUSE_URL counts as any other PostgreSQL.
    monkeypatch.setenv("EDUNEWS_WAREHOUSE_URL", embedded.url())
    _passwords_are_defaults(monkeypatch)
    # Existing roles keep their passwords: a nightly migrate needs none of the variables.
    assert migrate.migrate() == []

    capsys.readouterr()
    assert main(["db", "migrate", "--reset-passwords"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    for role in ROLES:
        assert role_password_variable(role) in err

    monkeypatch.setenv("EDUNEWS_LOADER_PASSWORD", "loader-secret")
    monkeypatch.setenv("EDUNEWS_TRANSFORMER_PASSWORD", "transformer-secret")
    monkeypatch.setenv("EDUNEWS_READER_PASSWORD", "change-me")
    with pytest.raises(migrate.MigrateRefused) as refused:
        migrate.migrate(reset_passwords=True)
    assert "EDUNEWS_READER_PASSWORD" in str(refused.value)
    assert "EDUNEWS_LOADER_PASSWORD" not in str(refused.value)
    # Refused before anything changed.
    assert _can_log_in("loader", development_password("loader"))


@pytest.fixture
def another_server():
    """A second, empty PostgreSQL: no roles, no migrations."""
    # Not under pytest's tmp_path: other pytest sessions reset /tmp/pytest-of-<user> to
    # 0700, which locks out the server's system user when the tests run as root.
    folder = Path(tempfile.mkdtemp(prefix="edunews-test-another-"))
    settings = EmbeddedSettings(
        data_dir=folder / "pgdata",
        host="127.0.0.1",
        port=free_port(),
        database="edunews",
        superuser="edunews",
    )
    try:
        embedded.start(settings)
        yield settings
    finally:
        embedded.stop(settings)
        shutil.rmtree(folder, ignore_errors=True)


def test_outside_the_embedded_server_roles_are_created_only_with_real_passwords(
    another_server, monkeypatch
):
    owner = embedded.url(another_server)
    monkeypatch.setenv("EDUNEWS_WAREHOUSE_URL", owner)
    _passwords_are_defaults(monkeypatch)
    monkeypatch.setenv("EDUNEWS_READER_PASSWORD", "reader-secret")
    with pytest.raises(migrate.MigrateRefused) as refused:
        migrate.migrate()
    assert "EDUNEWS_LOADER_PASSWORD, EDUNEWS_TRANSFORMER_PASSWORD" in str(refused.value)
    with psycopg.connect(owner) as conn:
        assert conn.execute(
            "select count(*) from pg_roles where rolname like 'edunews_%'"
        ).fetchone() == (0,)
        assert conn.execute("select to_regclass('meta.schema_migrations')").fetchone() == (None,)

    monkeypatch.setenv("EDUNEWS_LOADER_PASSWORD", "loader-secret")
    monkeypatch.setenv("EDUNEWS_TRANSFORMER_PASSWORD", "transformer-secret")
    assert migrate.migrate() == [name for _, name, _ in migrate.available()]
    reader = embedded.url(another_server, user=ROLES["reader"], password="reader-secret")
    with psycopg.connect(reader) as conn:
        assert conn.execute("show statement_timeout").fetchone() == ("1min",)


def test_scalar_reads_the_one_value_and_refuses_no_row(warehouse):
    with connect() as conn:
        assert scalar(conn, "select count(*) from raw.pages where false") == 0
        with pytest.raises(LookupError, match="no row"):
            scalar(conn, "select 1 where false")


def test_a_checkout_remembers_the_port_its_server_started_on(warehouse, monkeypatch, capsys):
    # The session's server runs on a free port, as one started with EDUNEWS_PG_PORT=54339
    # beside another checkout's server on 54329.
    port = embedded.status().port
    assert port != DEFAULT_PG_PORT
    monkeypatch.delenv("EDUNEWS_PG_PORT")
    assert embedded_settings().port == port
    with connect() as conn:
        assert conn.execute("select inet_server_port()").fetchone() == (port,)
    assert main(["db", "status"]) == 0
    assert f"running on 127.0.0.1:{port} " in capsys.readouterr().out

    # The variable still wins; status reports the port the server listens on, and start
    # refuses to pretend it moved.
    monkeypatch.setenv("EDUNEWS_PG_PORT", str(port + 1))
    assert embedded_settings().port == port + 1
    assert main(["db", "status"]) == 0
    assert f"running on 127.0.0.1:{port} " in capsys.readouterr().out
    with pytest.raises(embedded.EmbeddedError, match=f"already runs on 127.0.0.1:{port}"):
        embedded.start()


def test_status_of_a_checkout_without_a_server_says_not_running(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EDUNEWS_HOME", str(tmp_path))
    monkeypatch.delenv("EDUNEWS_PG_PORT")
    assert main(["db", "status"]) == 3
    out = capsys.readouterr().out
    assert out.startswith(f"not running (starts on 127.0.0.1:{DEFAULT_PG_PORT})"), out
