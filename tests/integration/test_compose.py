"""docker-compose.yml, checked without a Docker engine: `docker-compose config` renders it
with an env file made from .env.example, and the rendered stack is read back.

Works with the `docker compose` plugin or Debian's `docker-compose` (1.29), whichever is
installed (.ci/run installs the latter); their outputs differ in form (short or long port
and volume syntax), which the helpers below read both ways.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from edunews.config import ROLES

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"

LONG_RUNNING = {
    "postgres",
    "redis",
    "airflow-api-server",
    "airflow-scheduler",
    "airflow-dag-processor",
    "airflow-triggerer",
    "airflow-worker",
    "metabase",
}
ONE_SHOT = {"airflow-init", "metabase-setup"}
AIRFLOW_SERVICES = {name for name in LONG_RUNNING | ONE_SHOT if name.startswith("airflow-")}
RESTART_POLICIES = {"always", "unless-stopped", "on-failure"}


def compose_command() -> list[str] | None:
    if shutil.which("docker"):
        probe = subprocess.run(["docker", "compose", "version"], capture_output=True, timeout=60)
        if probe.returncode == 0:
            return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


COMPOSE = compose_command()
pytestmark = pytest.mark.skipif(
    COMPOSE is None,
    reason="neither `docker compose` nor `docker-compose` is installed"
    " (apt-get install docker-compose; .ci/run does)",
)


def example_env() -> dict[str, str]:
    """The variables .env.example sets (commented-out optional ones excluded)."""
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        match = re.match(r"^([A-Z][A-Z0-9_]*)=(.*)$", line)
        if match:
            values[match.group(1)] = match.group(2)
    return values


def secret_names() -> list[str]:
    """Variables of .env.example that hold a secret (the placeholder change-me)."""
    return [name for name, value in example_env().items() if value == "change-me"]


def generated_env() -> dict[str, str]:
    """.env.example with every placeholder replaced by a value of its own, so that the
    rendered file shows which secret went where."""
    return {
        name: (f"test-{name.lower().replace('_', '-')}" if value == "change-me" else value)
        for name, value in example_env().items()
    }


def render(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    env_file = tmp_path / "compose.env"
    env_file.write_text("".join(f"{name}={value}\n" for name, value in env.items()))
    # A clean environment: a variable set in the caller's shell must not fill a gap.
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path)}
    return subprocess.run(
        [
            *COMPOSE,
            "--project-directory",
            str(ROOT),
            "-f",
            str(COMPOSE_FILE),
            "--env-file",
            str(env_file),
            "config",
        ],
        capture_output=True,
        text=True,
        env=clean,
        cwd=tmp_path,
        timeout=300,
    )


@pytest.fixture(scope="module")
def env_values() -> dict[str, str]:
    return generated_env()


@pytest.fixture(scope="module")
def stack(tmp_path_factory, env_values) -> dict:
    result = render(tmp_path_factory.mktemp("compose"), env_values)
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)


@pytest.fixture(scope="module")
def services(stack) -> dict[str, dict]:
    return stack["services"]


def environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {key: "" if value is None else str(value) for key, value in env.items()}


def published_ports(service: dict) -> list[tuple[str, str]]:
    """(host address, host port) of every port published on the host."""
    found = []
    for port in service.get("ports") or []:
        if isinstance(port, dict):
            if port.get("published"):
                found.append((port.get("host_ip", ""), str(port["published"])))
            continue
        parts = str(port).split("/")[0].split(":")
        if len(parts) == 3:
            found.append((parts[0], parts[1]))
        elif len(parts) == 2:
            found.append(("", parts[0]))
    return found


def mounts(service: dict) -> list[tuple[str, str, str]]:
    """(type, source, target) of every volume of a service: type volume or bind."""
    found = []
    for volume in service.get("volumes") or []:
        if isinstance(volume, dict):
            found.append((volume["type"], str(volume.get("source", "")), volume["target"]))
            continue
        parts = str(volume).split(":")
        if len(parts) == 1:
            found.append(("volume", "", parts[0]))
            continue
        source, target = parts[0], parts[1]
        kind = "bind" if source.startswith(("/", ".", "~")) else "volume"
        found.append((kind, source, target))
    return found


def image_tag(image: str) -> str:
    """The tag of an image reference ('' when there is none)."""
    name = image.split("@", 1)[0]
    last = name.rsplit("/", 1)[-1]
    return last.rsplit(":", 1)[1] if ":" in last else ""


def assert_pinned(image: str) -> None:
    tag = image_tag(image)
    assert tag, f"{image} has no tag"
    assert tag != "latest", f"{image} is not pinned"
    assert re.match(r"^v?\d+(\.\d+)+", tag), f"{image}: the tag does not name a version"


# --- the services -------------------------------------------------------------------------


def test_the_stack_has_the_expected_services(services):
    assert set(services) == LONG_RUNNING | ONE_SHOT


def test_every_long_running_service_has_a_healthcheck_and_a_restart_policy(services):
    for name in LONG_RUNNING:
        service = services[name]
        check = service.get("healthcheck") or {}
        assert check.get("test"), f"{name} has no healthcheck"
        assert not check.get("disable"), f"{name} disables its healthcheck"
        assert check["test"][0] != "NONE", f"{name} disables its healthcheck"
        restart = str(service.get("restart", "no")).split(":")[0]
        assert restart in RESTART_POLICIES, f"{name}: restart {service.get('restart')!r}"


def test_one_shot_services_run_once(services):
    for name in ONE_SHOT:
        assert str(services[name].get("restart", "no")) == "no", name


def test_airflow_waits_for_its_init_and_the_databases(services):
    for name in AIRFLOW_SERVICES - {"airflow-init"}:
        needs = services[name]["depends_on"]
        assert needs["airflow-init"]["condition"] == "service_completed_successfully", name
        assert needs["postgres"]["condition"] == "service_healthy", name
        assert needs["redis"]["condition"] == "service_healthy", name
    assert services["airflow-init"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    setup_needs = services["metabase-setup"]["depends_on"]
    assert setup_needs["metabase"]["condition"] == "service_healthy"
    assert setup_needs["airflow-init"]["condition"] == "service_completed_successfully"


def test_every_image_is_pinned_to_a_version(services):
    for name, service in services.items():
        assert service.get("image"), f"{name} names no image"
        assert_pinned(service["image"])


def test_the_dockerfile_builds_on_the_pinned_airflow_of_pyproject():
    froms = re.findall(r"^FROM\s+(\S+)", (ROOT / "Dockerfile").read_text(), re.MULTILINE)
    assert froms, "Dockerfile has no FROM"
    for image in froms:
        assert_pinned(image)
    pins = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    airflow_pin = next(p for p in pins if p.startswith("apache-airflow=="))
    version = airflow_pin.split("==")[1]
    assert froms[-1] == f"apache/airflow:{version}-python3.11"


def test_no_secret_goes_into_the_image():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert not re.search(r"^COPY\s+(--\S+\s+)*\.\s", dockerfile, re.MULTILINE), (
        "COPY . would take .env along"
    )
    copies = re.findall(r"^(?:COPY|ADD)\s.*$", dockerfile, re.MULTILINE)
    assert copies and not any(".env" in line for line in copies)
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert ".env" in ignored


def test_volumes_are_named(stack, services):
    declared = set(stack.get("volumes") or {})
    assert {"pgdata", "airflow-logs"} <= declared
    assert ("volume", "pgdata", "/var/lib/postgresql") in mounts(services["postgres"])
    for name in AIRFLOW_SERVICES:
        assert ("volume", "airflow-logs", "/opt/airflow/logs") in mounts(services[name]), name
    for name, service in services.items():
        for kind, source, target in mounts(service):
            if kind == "volume":
                assert source in declared, f"{name}: anonymous or undeclared volume at {target}"


def test_workers_scale(services):
    for name, service in services.items():
        assert "container_name" not in service, f"{name} has a fixed container name"
    worker = services["airflow-worker"]
    assert "hostname" not in worker
    assert published_ports(worker) == []
    assert "celery worker" in " ".join(worker["command"])
    env = environment(worker)
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://redis:")


def test_host_ports_are_on_loopback(services):
    for name, service in services.items():
        for host_ip, _ in published_ports(service):
            assert host_ip == "127.0.0.1", f"{name} publishes a port on every interface"


# --- the databases ------------------------------------------------------------------------


def test_postgres_init_creates_the_airflow_and_metabase_databases(services):
    postgres = services["postgres"]
    assert environment(postgres)["POSTGRES_DB"] == "edunews"
    init_dirs = [
        Path(source)
        for kind, source, target in mounts(postgres)
        if kind == "bind" and target == "/docker-entrypoint-initdb.d"
    ]
    assert init_dirs == [ROOT / "deploy" / "postgres-init"]
    scripts = sorted(init_dirs[0].glob("*.sh"))
    assert scripts, "no init script"
    sql = "\n".join(script.read_text() for script in scripts).lower()
    for database in ("airflow", "metabase"):
        assert re.search(rf"create database {database} owner {database}\b", sql), database
    for script in scripts:
        assert os.access(script, os.X_OK), f"{script.name} is not executable"
        check = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr


def test_airflow_and_the_warehouse_use_separate_databases(services, env_values):
    for name in AIRFLOW_SERVICES:
        env = environment(services[name])
        metadata = urlsplit(env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"])
        assert (metadata.hostname, metadata.path, metadata.username) == (
            "postgres",
            "/airflow",
            "airflow",
        )
        assert metadata.password == env_values["AIRFLOW_DB_PASSWORD"]
        for user in ROLES.values():
            warehouse = urlsplit(env[f"AIRFLOW_CONN_{user.upper()}"])
            assert (warehouse.hostname, warehouse.path) == ("postgres", "/edunews")
    metabase = environment(services["metabase"])
    assert (metabase["MB_DB_TYPE"], metabase["MB_DB_DBNAME"]) == ("postgres", "metabase")


# --- configuration the package reads --------------------------------------------------------


def test_airflow_settings(services):
    jwt_secrets = set()
    for name in AIRFLOW_SERVICES:
        env = environment(services[name])
        assert env["AIRFLOW__CORE__DEFAULT_TIMEZONE"] == "Asia/Bangkok", name
        assert env["AIRFLOW__CORE__LOAD_EXAMPLES"] == "False", name
        assert env["AIRFLOW__COSMOS__ENABLE_TELEMETRY"] == "False", name
        assert env["DO_NOT_TRACK"] == "1", name
        assert env["AIRFLOW__CORE__DAGS_FOLDER"] == "/opt/edunews/dags", name
        jwt_secrets.add(env["AIRFLOW__API_AUTH__JWT_SECRET"])
    assert len(jwt_secrets) == 1, "every Airflow component needs the same JWT secret"


@pytest.mark.parametrize("name", sorted(AIRFLOW_SERVICES - {"airflow-init"}))
def test_tasks_reach_the_warehouse_as_each_role_through_airflow_connections(
    name, services, env_values, monkeypatch
):
    from edunews.warehouse.connection import role_credentials

    env = environment(services[name])
    for key in [
        k for k in os.environ if k.startswith(("EDUNEWS_", "AIRFLOW_CONN_", "AIRFLOW_CTX_"))
    ]:
        monkeypatch.delenv(key)
    for key, value in env.items():
        if key.startswith(("EDUNEWS_", "AIRFLOW_CONN_")):
            monkeypatch.setenv(key, value)
    assert "EDUNEWS_WAREHOUSE_URL" not in env, "only airflow-init gets the owner's URL"
    assert not [k for k in env if k.endswith("_PASSWORD") and k.startswith("EDUNEWS_")], (
        "a role's password reaches the tasks in its Airflow connection only"
    )
    # The CLI in the container (docker compose exec), then a task (Airflow's task runner
    # exports AIRFLOW_CTX_*): both read the roles through BaseHook, as from a secrets backend.
    for in_a_task in (False, True):
        if in_a_task:
            monkeypatch.setenv("AIRFLOW_CTX_DAG_ID", "edunews_ingest")
        for role, user in ROLES.items():
            creds = role_credentials(role)
            assert (creds.host, creds.port, creds.dbname) == ("postgres", 5432, "edunews")
            assert creds.user == user
            assert creds.password == env_values[f"EDUNEWS_{role.upper()}_PASSWORD"]


def test_airflow_init_migrates_as_the_owner(services, env_values, monkeypatch):
    from edunews.warehouse.connection import admin_url, describe

    init = services["airflow-init"]
    env = environment(init)
    monkeypatch.setenv("EDUNEWS_WAREHOUSE_URL", env["EDUNEWS_WAREHOUSE_URL"])
    owner = describe(admin_url())
    assert (owner["user"], owner["password"]) == ("edunews", env_values["EDUNEWS_DB_PASSWORD"])
    for role in ROLES:
        variable = f"EDUNEWS_{role.upper()}_PASSWORD"
        assert env[variable] == env_values[variable], "migrate sets every role's password"
    script = " ".join(init["command"])
    assert "airflow db migrate" in script
    assert "edunews db migrate" in script


def test_the_owner_password_stays_with_postgres_and_airflow_init(services, env_values):
    owner_password = env_values["EDUNEWS_DB_PASSWORD"]
    for name, service in services.items():
        if any(owner_password in value for value in environment(service).values()):
            assert name in {"postgres", "airflow-init"}, f"{name} gets the owner's password"


def test_the_admin_login_comes_from_env(services, env_values):
    env = environment(services["airflow-api-server"])
    assert env["AIRFLOW_ADMIN_PASSWORD"] == env_values["AIRFLOW_ADMIN_PASSWORD"]
    assert env["AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS"] == "admin:admin"
    assert "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE" in " ".join(
        services["airflow-api-server"]["command"]
    )


def test_the_bi_service_connects_as_the_reader(services, env_values):
    setup = environment(services["metabase-setup"])
    assert setup["WAREHOUSE_USER"] == ROLES["reader"]
    assert setup["WAREHOUSE_PASSWORD"] == env_values["EDUNEWS_READER_PASSWORD"]
    assert (setup["WAREHOUSE_HOST"], setup["WAREHOUSE_DB"]) == ("postgres", "edunews")
    assert setup["WAREHOUSE_SCHEMA"] == "marts"
    assert setup["METABASE_URL"] == "http://metabase:3000"
    writers = [env_values[f"EDUNEWS_{role.upper()}_PASSWORD"] for role in ("loader", "transformer")]
    for name in ("metabase", "metabase-setup"):
        for value in environment(services[name]).values():
            assert not any(secret in value for secret in writers), f"{name} gets a writer role"
    entrypoint = " ".join(services["metabase-setup"]["entrypoint"])
    assert entrypoint.endswith("/opt/edunews/deploy/metabase/setup_metabase.py")
    assert (ROOT / "deploy" / "metabase" / "setup_metabase.py").is_file()


# --- secrets --------------------------------------------------------------------------------


def test_env_example_holds_only_placeholders_and_env_is_ignored():
    values = example_env()
    assert secret_names(), ".env.example names no secret"
    for name, value in values.items():
        if re.search(r"PASSWORD|SECRET|KEY", name):
            assert value == "change-me", f"{name} in .env.example is not a placeholder"
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", ".env"], cwd=ROOT, capture_output=True, timeout=60
    )
    assert ignored.returncode == 0, ".env is not gitignored"


def test_every_secret_is_required_with_a_message():
    text = COMPOSE_FILE.read_text()
    # ${VAR} is read from .env; $${VAR} is left to the container's shell.
    referenced = set(re.findall(r"(?<!\$)\$\{([A-Z][A-Z0-9_]*)", text))
    assert referenced <= set(example_env()) | {
        "EDUNEWS_CONTACT_URL",
        "EDUNEWS_PG_HOST_PORT",
        "AIRFLOW_HOST_PORT",
        "METABASE_HOST_PORT",
        "AIRFLOW_ADMIN_USER",
    }, "a variable the compose file reads is missing from .env.example"
    for name in secret_names():
        uses = re.findall(rf"\$\{{{name}(:?[?-]?)", text)
        assert uses, f"{name} is in .env.example but not used"
        assert set(uses) == {":?"}, f"{name} is not always required (${{{name}:?message}})"


@pytest.mark.parametrize("missing", ["EDUNEWS_READER_PASSWORD", "AIRFLOW_FERNET_KEY"])
def test_a_missing_secret_stops_compose_with_its_name(missing, tmp_path, env_values):
    env = {name: value for name, value in env_values.items() if name != missing}
    result = render(tmp_path, env)
    assert result.returncode != 0
    assert f"{missing} is not set" in result.stderr + result.stdout
