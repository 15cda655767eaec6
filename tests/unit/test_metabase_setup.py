"""deploy/metabase/setup_metabase.py against a small fake of Metabase's API."""

from __future__ import annotations

import importlib.util
import json
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from helpers.servers import handler_server

SCRIPT = Path(__file__).resolve().parents[2] / "deploy" / "metabase" / "setup_metabase.py"


def load_script():
    spec = importlib.util.spec_from_file_location("setup_metabase", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


setup_metabase = load_script()


class FakeMetabase:
    """The endpoints the script calls, with Metabase's rules: one setup, sessions required."""

    def __init__(self, wrap_database_list: bool = True):
        self.users: dict[str, str] = {}
        self.sessions: set[str] = set()
        self.databases: list[dict] = []
        self.calls: list[tuple[str, str]] = []
        self.wrap = wrap_database_list

    def handle(self, method: str, path: str, body: dict | None, session: str | None):
        self.calls.append((method, path))
        if (method, path) == ("GET", "/api/health"):
            return 200, {"status": "ok"}
        if (method, path) == ("GET", "/api/session/properties"):
            has_user = bool(self.users)
            return 200, {"has-user-setup": has_user, "setup-token": None if has_user else "tok"}
        if (method, path) == ("POST", "/api/setup"):
            if self.users or body.get("token") != "tok":
                return 403, {"message": "setup already done"}
            self.users[body["user"]["email"]] = body["user"]["password"]
            return 200, {"id": "setup-session"}
        if (method, path) == ("POST", "/api/session"):
            if self.users.get(body["username"]) != body["password"]:
                return 401, {"errors": {"password": "did not match"}}
            self.sessions.add(f"s{len(self.sessions)}")
            return 200, {"id": f"s{len(self.sessions) - 1}"}
        if session not in self.sessions:
            return 401, "Unauthenticated"
        if (method, path) == ("GET", "/api/database"):
            listed = [{"id": i, "name": db["name"]} for i, db in enumerate(self.databases)]
            return 200, ({"data": listed, "total": len(listed)} if self.wrap else listed)
        if (method, path) == ("POST", "/api/database"):
            self.databases.append(body)
            return 200, {"id": len(self.databases) - 1, **body}
        return 404, "Not found"


@pytest.fixture
def fake():
    state = FakeMetabase()

    class Handler(BaseHTTPRequestHandler):
        def _serve(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            status, payload = state.handle(
                self.command, self.path, body, self.headers.get("X-Metabase-Session")
            )
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _serve

        def log_message(self, *args):
            pass

    with handler_server(Handler) as url:
        state.url = url
        yield state


def settings(url: str) -> dict[str, str]:
    return setup_metabase.settings_from_env(
        {
            "METABASE_URL": url,
            "METABASE_ADMIN_EMAIL": "admin@example.org",
            "METABASE_ADMIN_PASSWORD": "s3cret-admin",
            "WAREHOUSE_NAME": "edunews marts",
            "WAREHOUSE_HOST": "postgres",
            "WAREHOUSE_PORT": "5432",
            "WAREHOUSE_DB": "edunews",
            "WAREHOUSE_SCHEMA": "marts",
            "WAREHOUSE_USER": "edunews_reader",
            "WAREHOUSE_PASSWORD": "reader-pw",
        }
    )


def test_first_run_creates_the_admin_and_connects_the_marts_as_the_reader(fake):
    s = settings(fake.url)
    mb = setup_metabase.Metabase(fake.url)
    mb.wait_healthy(attempts=1)
    summary = setup_metabase.setup(mb, s, log=lambda _: None)
    assert fake.users == {"admin@example.org": "s3cret-admin"}
    assert len(fake.databases) == 1
    db = fake.databases[0]
    assert (db["engine"], db["name"]) == ("postgres", "edunews marts")
    details = db["details"]
    assert (details["host"], details["port"], details["dbname"]) == ("postgres", 5432, "edunews")
    assert (details["user"], details["password"]) == ("edunews_reader", "reader-pw")
    assert details["schema-filters-type"] == "inclusion"
    assert details["schema-filters-patterns"] == "marts"
    assert "admin created" in summary and "connected as edunews_reader" in summary


def test_a_second_run_changes_nothing(fake):
    s = settings(fake.url)
    setup_metabase.setup(setup_metabase.Metabase(fake.url), s, log=lambda _: None)
    fake.calls.clear()
    summary = setup_metabase.setup(setup_metabase.Metabase(fake.url), s, log=lambda _: None)
    assert ("POST", "/api/setup") not in fake.calls
    assert ("POST", "/api/database") not in fake.calls
    assert len(fake.databases) == 1
    assert "already connected" in summary


def test_a_plain_database_list_is_read_too(fake):
    fake.wrap = False
    s = settings(fake.url)
    setup_metabase.setup(setup_metabase.Metabase(fake.url), s, log=lambda _: None)
    setup_metabase.setup(setup_metabase.Metabase(fake.url), s, log=lambda _: None)
    assert len(fake.databases) == 1


def test_a_wrong_admin_password_is_a_clear_error(fake):
    s = settings(fake.url)
    setup_metabase.setup(setup_metabase.Metabase(fake.url), s, log=lambda _: None)
    wrong = {**s, "password": "not-it"}
    with pytest.raises(setup_metabase.SetupError, match="/api/session: HTTP 401"):
        setup_metabase.setup(setup_metabase.Metabase(fake.url), wrong, log=lambda _: None)


def test_missing_settings_are_named():
    with pytest.raises(setup_metabase.SetupError, match="WAREHOUSE_PASSWORD"):
        setup_metabase.settings_from_env(
            {
                "METABASE_ADMIN_EMAIL": "a@example.org",
                "METABASE_ADMIN_PASSWORD": "x",
                "WAREHOUSE_HOST": "postgres",
                "WAREHOUSE_DB": "edunews",
                "WAREHOUSE_USER": "edunews_reader",
            }
        )
