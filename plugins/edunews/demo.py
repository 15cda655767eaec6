"""`edunews demo`: the whole pipeline, offline, on the embedded defaults.

Starts the embedded PostgreSQL and a generated WordPress-like site on 127.0.0.1, then runs
the two DAGs once each with `airflow dags test`, and prints what landed where.
"""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from edunews.config import home_dir
from edunews.orchestration.airflow_env import airflow
from edunews.transform.dbt import dbt
from edunews.warehouse import connect, embedded, migrate, role_url
from edunews.warehouse.query import scalar

DEMO_NOTICES = 3


def write_demo_registry(site_url: str, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    registry = {
        "sources": [
            {
                "id": "demo-site",
                "name": "Generated demo news site",
                "kind": "wordpress",
                "start_urls": [site_url],
            }
        ]
    }
    path.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    return path


def run_demo(articles: int = 40) -> int:
    from edunews_sim.demosite import DemoSite, generate_articles

    started = time.monotonic()
    embedded.start()
    migrate.migrate()
    if dbt(["parse", "--quiet"]) != 0:
        print("dbt parse failed")
        return 1
    airflow(["db", "migrate"])
    # a few notices among the news, as office sites post them: pages with no event, which
    # the warehouse accounts for in fct_rejected_pages
    generated = generate_articles(articles, notices=DEMO_NOTICES)
    with DemoSite(generated) as site:
        registry = write_demo_registry(site.url, home_dir() / "demo" / "sources.yml")
        env = {"EDUNEWS_SOURCES": str(registry), "EDUNEWS_ALLOW_PRIVATE_NETWORK": "1"}
        for dag_id in ("edunews_ingest", "edunews_transform"):
            if airflow(["dags", "test", dag_id], env=env, check=False).returncode != 0:
                print(f"{dag_id} failed: see the log above")
                return 1
    _report(time.monotonic() - started, generated)
    return 0


def _report(seconds: float, generated: list) -> None:
    from edunews_sim.demosite.agreement import marts_agreement

    with connect() as conn:
        pages = scalar(conn, "select count(*) from raw.pages")
        events = scalar(conn, "select count(*) from marts.fct_events")
        dated = scalar(
            conn,
            "select count(*) from marts.fct_events where date_start is not null"
            " and office_key is not null",
        )
        rejected = scalar(
            conn,
            "select coalesce(string_agg(reason || ' ' || n, ', '), 'none')"
            " from (select reason, count(*) as n from marts.fct_rejected_pages group by reason) r",
        )
    events_generated = [article for article in generated if article.truth is not None]
    print()
    print(f"demo finished in {seconds:.0f} s")
    print(f"  pages landed in raw.pages:      {pages}")
    print(f"  events in marts.fct_events:     {events} ({dated} with a date and an office)")
    print(f"  pages in fct_rejected_pages:    {rejected}")
    agreement = marts_agreement(generated)
    n = len(events_generated)
    print(
        f"  against the generated articles: {agreement.dates_right}/{n} dates"
        f" and {agreement.offices_right}/{n} offices right"
    )
    print("  connect as the read-only reader:")
    print(f"    psql '{role_url('reader')}'")
    print("    e.g. select date_start, event_type_code, title from marts.fct_events limit 5;")
