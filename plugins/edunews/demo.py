"""`edunews demo`: the whole pipeline, offline, on the embedded defaults.

Starts the embedded PostgreSQL and a generated WordPress-like site on 127.0.0.1, then runs
the two DAGs once each with `airflow dags test`, and prints what landed where.

The screen gets one line per stage (what it has done, how long it took); everything
Airflow, dbt and the pipeline log goes to `demo.log` under EDUNEWS_HOME, whose path is
printed first, and which a failing stage points at with its one-line reason.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, LiteralString, TextIO

import yaml

from edunews.config import DEMO_SITE_PORT, home_dir
from edunews.orchestration.airflow_env import airflow
from edunews.orchestration.airflow_runs import DagTestRun, mark_log
from edunews.preflight import free_port_near
from edunews.progress import StageFailed, stage
from edunews.transform.dbt import dbt
from edunews.warehouse import connect, embedded, migrate, role_url
from edunews.warehouse.connection import explicit_url
from edunews.warehouse.query import scalar

DEMO_NOTICES = 3
DEMO_SOURCE = "demo-site"
# analyses that show something on the demo's 40 articles
NEXT_ANALYSIS = "events_per_office_per_month"


def write_demo_registry(site_url: str, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    registry = {
        "sources": [
            {
                "id": DEMO_SOURCE,
                "name": "Generated demo news site",
                "kind": "wordpress",
                "start_urls": [site_url],
            }
        ]
    }
    path.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    return path


def demo_log_path() -> Path:
    return home_dir() / "demo.log"


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@contextmanager
def _logging_to(log: TextIO) -> Iterator[None]:
    """The pipeline's own logging (and Python warnings) into the log, not the screen."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    handler = logging.StreamHandler(log)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.handlers = [handler]
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    try:
        yield
    finally:
        logging.captureWarnings(False)
        root.handlers, level = saved
        root.setLevel(level)


def _count(sql: LiteralString) -> int:
    with connect() as conn:
        return scalar(conn, sql)


def run_demo(articles: int = 40, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    log_path = demo_log_path()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    print("edunews demo: a generated news site through Airflow and dbt (a few minutes)", file=out)
    print(f"  full log: {_shown(log_path)}", file=out, flush=True)
    with open(log_path, "w", encoding="utf-8") as log, _logging_to(log):
        try:
            landed = _run(articles, log, out)
        except StageFailed:
            print(f"demo failed: the log says why, {_shown(log_path)}", file=out)
            return 1
    _report(time.monotonic() - started, landed, out)
    return 0


def _run(articles: int, log: IO[str], out: TextIO) -> dict:
    from edunews_sim.demosite import DemoSite, generate_articles

    with stage("warehouse", out=out) as step:
        mark_log(log, "warehouse: embedded PostgreSQL, migrations")
        try:
            where = "the configured warehouse"
            if explicit_url() is None:
                state = embedded.start()
                where = f"PostgreSQL on 127.0.0.1:{state.port}"
            applied = migrate.migrate()
        except Exception as exc:  # noqa: BLE001 (shown as the stage's reason, logged whole)
            logging.getLogger(__name__).exception("the warehouse did not start")
            raise StageFailed(_one_line(exc)) from exc
        step.result = f"{where}, {len(applied)} migration(s) applied"

    with stage("airflow", out=out) as step:
        mark_log(log, "airflow: dbt parse (the manifest the DAG renders), airflow db migrate")
        if dbt(["--no-use-colors", "parse"], output=log) != 0:
            raise StageFailed("dbt parse failed")
        if airflow(["db", "migrate"], check=False, output=log).returncode != 0:
            raise StageFailed("airflow db migrate failed")
        step.result = "metadata migrated, dbt manifest parsed"

    before = {
        "pages": _count("select count(*) from raw.pages"),
        "extractions": _count("select count(*) from raw.extractions"),
    }
    # a few notices among the news, as office sites post them: pages with no event, which
    # the warehouse accounts for in fct_rejected_pages
    generated = generate_articles(articles, notices=DEMO_NOTICES)
    # The same address each run when it is free: an article is its source and URL, so a
    # second demo finds nothing new instead of landing the site again at another port.
    port = DEMO_SITE_PORT if free_port_near("127.0.0.1", DEMO_SITE_PORT, tries=1) else 0
    with DemoSite(generated, port=port) as site:
        with stage("site", out=out) as step:
            registry = write_demo_registry(site.url, home_dir() / "demo" / "sources.yml")
            step.result = f"{articles} articles and {DEMO_NOTICES} notices on {site.url}"
        env = {
            "EDUNEWS_SOURCES": str(registry),
            "EDUNEWS_ALLOW_PRIVATE_NETWORK": "1",
            "DBT_USE_COLORS": "false",  # a log file, not a terminal
        }

        def pages() -> str:
            return f"{_count('select count(*) from raw.pages') - before['pages']} pages landed"

        with stage("crawl", progress=pages, out=out) as step:
            with DagTestRun("edunews_ingest", env, log) as ingest:
                ingest.wait()
            crawl = _ingest_figures()
            step.result = f"{pages()} ({_crawl_line(crawl)})"
        with DagTestRun("edunews_transform", env, log) as transform:
            with stage("extract", progress=lambda: _extracted(before), out=out) as step:
                transform.wait_for("extract")
                step.result = _extracted(before)
            with stage("dbt", progress=transform.dbt_progress, out=out) as step:
                transform.wait()
                step.result = transform.dbt_progress()
    agreement = _agreement(generated)
    return {"crawl": crawl, "agreement": agreement, "generated": generated, "before": before}


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _extracted(before: dict) -> str:
    return f"{_count('select count(*) from raw.extractions') - before['extractions']} records"


def _ingest_figures() -> dict:
    with connect() as conn:
        row = conn.execute(
            "select figures from raw.run_reports where dag_id = 'edunews_ingest'"
            " order by report_id desc limit 1"
        ).fetchone()
    return row[0] if row else {}


def _crawl_line(figures: dict) -> str:
    line = f"{figures.get('new', 0)} new, {figures.get('changed', 0)} changed"
    failing = figures.get("failing_sources") or {}
    if failing:
        line += f"; failing: {', '.join(sorted(failing))}"
    return line


def _agreement(generated: list):
    from edunews_sim.demosite.agreement import marts_agreement

    return marts_agreement(generated)


def _report(seconds: float, landed: dict, out: TextIO) -> None:
    with connect() as conn:

        def one(sql: LiteralString) -> Any:
            return scalar(conn, sql)

        pages = one("select count(*) from raw.pages")
        sources = one("select count(distinct source_id) from raw.pages")
        events = one("select count(*) from marts.fct_events")
        dated = one(
            "select count(*) from marts.fct_events where date_start is not null"
            " and office_key is not null"
        )
        rejected = one(
            "select coalesce(string_agg(reason || ' ' || n, ', ' order by reason), 'none')"
            " from (select reason, count(*) as n from marts.fct_rejected_pages group by reason) r"
        )
        people = one("select count(*) from marts.dim_person")
        schools = one("select count(*) from marts.dim_school")
        extracted = one("select count(*) from raw.extractions")
    crawl, agreement = landed["crawl"], landed["agreement"]
    n = sum(1 for article in landed["generated"] if article.truth is not None)
    minutes, secs = divmod(round(seconds), 60)
    edunews = _shown(Path(sys.executable).with_name("edunews"))
    lines = [
        "",
        f"Done in {minutes} min {secs:02d} s. This run landed {crawl.get('new', 0)} new and"
        f" {crawl.get('changed', 0)} changed pages, and extracted"
        f" {extracted - landed['before']['extractions']} records.",
        "The warehouse now holds:",
        f"  raw.pages                 {pages} pages from {sources} source(s)",
        f"  marts.fct_events          {events} events ({dated} with a date and an office),"
        f" {people} people, {schools} schools",
        f"  marts.fct_rejected_pages  {rejected}",
        f"  against the generated articles: {agreement.dates_right}/{n} dates and"
        f" {agreement.offices_right}/{n} offices right",
        "Next:",
        f"  1. query the marts as the read-only reader:  psql '{role_url('reader')}'",
        f"  2. run an analysis ({edunews} analyses list names them):",
        f"       {edunews} analyses run {NEXT_ANALYSIS}",
        f"  3. browse every model and column: {edunews} dbt docs generate &&"
        f" {edunews} dbt docs serve --port 8081",
    ]
    print("\n".join(lines), file=out)
