"""Connect Metabase to the edunews marts as the read-only reader; safe to run again.

Run by the one-shot `metabase-setup` service of docker-compose.yml once Metabase is healthy:

1. On a Metabase that has no user yet, creates the admin (`POST /api/setup` with the setup
   token from `GET /api/session/properties`).
2. Logs in as that admin (`POST /api/session`).
3. Adds the warehouse (`POST /api/database`, engine postgres, only the `marts` schema) with
   the reader role's credentials, unless a database of that name is already there.

Only the Python standard library: it runs in the edunews image. Settings come from the
environment: METABASE_URL, METABASE_ADMIN_EMAIL, METABASE_ADMIN_PASSWORD, WAREHOUSE_NAME,
WAREHOUSE_HOST, WAREHOUSE_PORT, WAREHOUSE_DB, WAREHOUSE_SCHEMA, WAREHOUSE_USER,
WAREHOUSE_PASSWORD.
"""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import Any


class SetupError(RuntimeError):
    pass


class Metabase:
    def __init__(self, base_url: str, timeout: float = 30.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session: str | None = None

    def call(self, method: str, path: str, body: Mapping[str, Any] | None = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if self.session:
            request.add_header("X-Metabase-Session", self.session)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                text = response.read().decode()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode(errors="replace")[:500]
            raise SetupError(f"{method} {path}: HTTP {exc.code}: {detail}") from exc
        return json.loads(text) if text.strip() else None

    def wait_healthy(self, attempts: int = 60, delay: float = 5.0) -> None:
        for attempt in range(attempts):
            try:
                if (self.call("GET", "/api/health") or {}).get("status") == "ok":
                    return
            except (OSError, SetupError, ValueError):
                pass
            if attempt + 1 < attempts:
                time.sleep(delay)
        raise SetupError(f"Metabase at {self.base_url} did not become healthy")


def settings_from_env(env: Mapping[str, str]) -> dict[str, str]:
    required = [
        "METABASE_ADMIN_EMAIL",
        "METABASE_ADMIN_PASSWORD",
        "WAREHOUSE_HOST",
        "WAREHOUSE_DB",
        "WAREHOUSE_USER",
        "WAREHOUSE_PASSWORD",
    ]
    missing = [name for name in required if not env.get(name)]
    if missing:
        raise SetupError("missing settings: " + ", ".join(missing))
    return {
        "url": env.get("METABASE_URL", "http://metabase:3000"),
        "email": env["METABASE_ADMIN_EMAIL"],
        "password": env["METABASE_ADMIN_PASSWORD"],
        "name": env.get("WAREHOUSE_NAME", "edunews marts"),
        "host": env["WAREHOUSE_HOST"],
        "port": env.get("WAREHOUSE_PORT", "5432"),
        "dbname": env["WAREHOUSE_DB"],
        "schema": env.get("WAREHOUSE_SCHEMA", "marts"),
        "user": env["WAREHOUSE_USER"],
        "db_password": env["WAREHOUSE_PASSWORD"],
    }


def warehouse_payload(s: Mapping[str, str]) -> dict[str, Any]:
    """The database as Metabase stores it: PostgreSQL, the reader role, the marts only."""
    return {
        "engine": "postgres",
        "name": s["name"],
        "details": {
            "host": s["host"],
            "port": int(s["port"]),
            "dbname": s["dbname"],
            "user": s["user"],
            "password": s["db_password"],
            "ssl": False,
            "tunnel-enabled": False,
            "schema-filters-type": "inclusion",
            "schema-filters-patterns": s["schema"],
        },
        "is_full_sync": True,
        "auto_run_queries": True,
    }


def setup(mb: Metabase, s: Mapping[str, str], log=print) -> str:
    """Bring Metabase to the wanted state; returns what was done (for the log and tests)."""
    done = []
    properties = mb.call("GET", "/api/session/properties") or {}
    if not properties.get("has-user-setup"):
        token = properties.get("setup-token")
        if not token:
            raise SetupError("Metabase has no user and offers no setup token")
        mb.call(
            "POST",
            "/api/setup",
            {
                "token": token,
                "user": {
                    "email": s["email"],
                    "password": s["password"],
                    "first_name": "edunews",
                    "last_name": "admin",
                    "site_name": "edunews",
                },
                "prefs": {"site_name": "edunews", "site_locale": "en", "allow_tracking": False},
            },
        )
        done.append("admin created")
    login = mb.call("POST", "/api/session", {"username": s["email"], "password": s["password"]})
    mb.session = (login or {}).get("id")
    if not mb.session:
        raise SetupError("logging in to Metabase returned no session")
    listed = mb.call("GET", "/api/database") or []
    databases = listed.get("data", []) if isinstance(listed, dict) else listed
    if any(db.get("name") == s["name"] for db in databases):
        done.append(f"database {s['name']!r} already connected")
    else:
        mb.call("POST", "/api/database", warehouse_payload(s))
        done.append(f"database {s['name']!r} connected as {s['user']}")
    summary = "; ".join(done)
    log(f"metabase-setup: {summary}")
    return summary


def main() -> int:
    try:
        s = settings_from_env(os.environ)
        mb = Metabase(s["url"])
        mb.wait_healthy()
        setup(mb, s)
    except SetupError as exc:
        print(f"metabase-setup: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
