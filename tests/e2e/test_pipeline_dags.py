"""The nightly pair, run for real with `airflow dags test`, twice, on a fresh database.

Two sources: a generated demo site (the generator knows what each article says; the marts
must say the same) and an office whose site is down. The down site must not stop the
other one, nor the transform; the run's summary names it and why, and the alerts
connection hears of it. The second night finds nothing new and leaves the marts as they were,
and so does a backfill that rebuilds them from scratch.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from edunews.orchestration.airflow_env import airflow
from edunews.warehouse import connect
from edunews_sim.demosite import DemoSite, generate_articles
from edunews_sim.demosite.agreement import marts_agreement, slug_of
from edunews_sim.testsites.webhook import webhook_receiver
from helpers.servers import free_port

ARTICLES = 24
DOWN = "spm-down-office"
REPROCESS = {"full_refresh": True, "sources": ["demo-site"], "published_from": "2020-01-01"}


def _registry(site_url: str, path: Path) -> Path:
    sources = [
        {"id": "demo-site", "name": "Generated demo news", "kind": "wordpress",
         "start_urls": [site_url]},
        {"id": DOWN, "name": "An office whose site is down", "kind": "wordpress",
         "start_urls": [f"http://127.0.0.1:{free_port()}/"]},
    ]  # fmt: skip
    path.write_text(yaml.safe_dump({"sources": sources}), encoding="utf-8")
    return path


def _marts_checksums() -> dict[str, tuple[int, str]]:
    """Rows and a checksum of every relation in marts, independent of row order."""
    with connect() as conn:
        relations = [
            row[0]
            for row in conn.execute(
                "select table_name from information_schema.tables"
                " where table_schema = 'marts' order by 1"
            )
        ]
        return {
            name: conn.execute(
                f"select count(*), md5(coalesce(string_agg(md5(t::text), ''"
                f" order by md5(t::text)), '')) from marts.{name} t"
            ).fetchone()
            for name in relations
        }


def _reports(dag_id: str) -> list[dict]:
    with connect() as conn:
        rows = conn.execute(
            "select figures from raw.run_reports where dag_id = %s order by report_id", (dag_id,)
        )
        return [row[0] for row in rows]


@pytest.fixture(scope="module")
def nightly(fresh_warehouse_resetter, dbt_manifest, tmp_path_factory):
    """Two nights of ingest then transform; what each night left behind."""
    fresh_warehouse_resetter()
    articles = generate_articles(ARTICLES, seed=11)
    airflow(["db", "migrate"])
    nights = []
    with DemoSite(articles) as site, webhook_receiver() as (hook_url, alerts):
        registry = _registry(site.url, tmp_path_factory.mktemp("e2e") / "sources.yml")
        env = {
            "EDUNEWS_SOURCES": str(registry),
            "EDUNEWS_ALLOW_PRIVATE_NETWORK": "1",
            "AIRFLOW_CONN_EDUNEWS_ALERTS": hook_url,
        }
        for _ in range(2):
            for dag_id in ("edunews_ingest", "edunews_transform"):
                result = airflow(["dags", "test", dag_id], env=env, check=False)
                assert result.returncode == 0, f"{dag_id} failed"
            with connect() as conn:
                pages = conn.execute("select count(*) from raw.pages").fetchone()[0]
            nights.append({"marts": _marts_checksums(), "pages": pages})
        backfill = airflow(
            ["dags", "test", "edunews_reprocess", "--conf", json.dumps(REPROCESS)],
            env=env,
            check=False,
        )
        assert backfill.returncode == 0, "edunews_reprocess failed"
    return {
        "reprocessed": _marts_checksums(),
        "articles": {article.slug: article for article in articles},
        "nights": nights,
        "ingest": _reports("edunews_ingest"),
        "transform": _reports("edunews_transform"),
        "reprocess": _reports("edunews_reprocess"),
        "alerts": list(alerts),
    }


def _events() -> list[dict]:
    with connect("reader") as conn:
        cur = conn.execute(
            "select e.source_url, e.date_start, e.date_end, e.extraction_id, o.office_kind,"
            " o.province as office_province, o.area_no, e.event_type_code, e.title"
            " from marts.fct_events e left join marts.dim_office o using (office_key)"
        )
        names = [c.name for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur]


def test_every_article_is_one_event(nightly):
    events = _events()
    assert sorted(slug_of(e["source_url"]) for e in events) == sorted(nightly["articles"])
    assert nightly["nights"][0]["pages"] == ARTICLES


def test_marts_carry_exactly_what_was_extracted(nightly):
    """Nothing is lost or altered between raw.extractions and the marts."""
    with connect() as conn:
        records = dict(conn.execute("select extraction_id, record from raw.extractions"))
    for event in _events():
        written = records[event["extraction_id"]]["event"]
        assert str(event["date_start"]) == written["date_start"]
        office = written["organizer_office"]
        assert (event["office_kind"], event["office_province"], event["area_no"]) == (
            office["kind"],
            office["province"],
            office["area_no"],
        )


def test_titles_dates_and_offices_match_the_generated_articles(nightly):
    agreement = marts_agreement(list(nightly["articles"].values()))
    assert agreement.unknown_urls == [] and agreement.missing_slugs == []
    assert agreement.events == ARTICLES
    assert agreement.titles_right == ARTICLES
    assert agreement.offices_right == ARTICLES
    # Extraction quality is measured in the extractor's own tests; here the end-to-end
    # path must carry right dates for nearly every article.
    assert agreement.dates_right >= 0.85 * ARTICLES, agreement.line()


def test_the_summary_names_the_down_source_and_why(nightly):
    first = nightly["ingest"][0]
    assert first["sources"] == 2
    assert first["new"] == ARTICLES
    assert set(first["failing_sources"]) == {DOWN}
    reasons = " ".join(first["failing_sources"][DOWN])
    assert "network" in reasons or "refused" in reasons, reasons


def test_the_alerts_connection_hears_of_the_down_source(nightly):
    texts = [alert["text"] for alert in nightly["alerts"]]
    assert len(texts) == 2, texts  # one a night, for the whole run
    assert all(DOWN in text and "demo-site" not in text for text in texts)


def test_the_transform_ran_despite_the_down_source(nightly):
    assert [report["events"] for report in nightly["transform"]] == [ARTICLES, ARTICLES]
    assert nightly["transform"][0]["extraction"]["extracted"] == ARTICLES


def test_the_second_night_lands_nothing_and_extracts_nothing(nightly):
    second = nightly["ingest"][1]
    assert (second["new"], second["changed"]) == (0, 0)
    assert nightly["nights"][1]["pages"] == ARTICLES
    assert nightly["transform"][1]["extraction"]["extracted"] == 0


def test_the_second_night_leaves_the_marts_identical(nightly):
    first, second = (night["marts"] for night in nightly["nights"])
    assert {"fct_events", "dim_office", "dim_date", "fct_event_participants"} <= set(first)
    assert first["fct_events"][0] == ARTICLES
    assert second == first


def test_a_full_refresh_backfill_gives_the_same_marts(nightly):
    """edunews_reprocess rebuilds the incremental marts from scratch: nothing changes."""
    assert nightly["reprocessed"] == nightly["nights"][1]["marts"]
    (report,) = nightly["reprocess"]
    assert report["events"] == ARTICLES
    assert report["extraction"]["extracted"] == 0  # every page has this version's record


def test_reader_sees_marts_not_raw(nightly):
    import psycopg

    with connect("reader") as conn:
        assert conn.execute("select count(*) from marts.dim_office").fetchone()[0] > 200
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("select 1 from raw.extractions limit 1")
