"""The embedded server, the migrations and the three roles, against a real PostgreSQL."""

from __future__ import annotations

import psycopg
import pytest

from edunews.warehouse import connect, embedded, migrate


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
