"""Both DAGs, run for real with `airflow dags test`, against a demo site and an empty raw layer.

The generator knows what each article says; the marts must say the same.
"""

from __future__ import annotations

import pytest

from edunews.demo import write_demo_registry
from edunews.demosite import DemoSite, generate_articles
from edunews.demosite.agreement import marts_agreement, slug_of
from edunews.orchestration.airflow_env import airflow
from edunews.warehouse import connect

ARTICLES = 24


@pytest.fixture(scope="module")
def pipeline_run(raw_resetter, dbt_manifest, tmp_path_factory):
    """Run ingest then transform once; return the generated articles by slug."""
    raw_resetter()
    articles = generate_articles(ARTICLES, seed=11)
    airflow(["db", "migrate"])
    with DemoSite(articles) as site:
        registry = write_demo_registry(site.url, tmp_path_factory.mktemp("e2e") / "sources.yml")
        env = {"EDUNEWS_SOURCES": str(registry), "EDUNEWS_ALLOW_PRIVATE_NETWORK": "1"}
        for dag_id in ("edunews_ingest", "edunews_transform"):
            result = airflow(["dags", "test", dag_id], env=env, check=False)
            assert result.returncode == 0, f"{dag_id} failed"
    return {article.slug: article for article in articles}


def _events() -> list[dict]:
    with connect("reader") as conn:
        cur = conn.execute(
            "select e.source_url, e.date_start, e.date_end, e.extraction_id, o.office_kind,"
            " o.province as office_province, o.area_no, e.event_type, e.title"
            " from marts.fct_events e left join marts.dim_office o using (office_key)"
        )
        names = [c.name for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur]


def test_every_article_is_one_event(pipeline_run):
    events = _events()
    assert sorted(slug_of(e["source_url"]) for e in events) == sorted(pipeline_run)
    with connect() as conn:
        assert conn.execute("select count(*) from raw.pages").fetchone()[0] == ARTICLES


def test_marts_carry_exactly_what_was_extracted(pipeline_run):
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


def test_titles_dates_and_offices_match_the_generated_articles(pipeline_run):
    agreement = marts_agreement(list(pipeline_run.values()))
    assert agreement.unknown_urls == [] and agreement.missing_slugs == []
    assert agreement.events == ARTICLES
    assert agreement.titles_right == ARTICLES
    assert agreement.offices_right == ARTICLES
    # Extraction quality is measured in the extractor's own tests; here the end-to-end
    # path must carry right dates for nearly every article.
    assert agreement.dates_right >= 0.85 * ARTICLES, agreement.line()


def test_reader_sees_marts_not_raw(pipeline_run):
    import psycopg

    with connect("reader") as conn:
        assert conn.execute("select count(*) from marts.dim_office").fetchone()[0] > 200
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("select 1 from raw.extractions limit 1")
