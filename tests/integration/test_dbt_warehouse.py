"""The dbt project, built for real on the embedded PostgreSQL from a small known raw layer.

One module, few dbt invocations: a full `dbt build` (models, seeds, data and unit tests,
contracts), then new page versions arrive and an incremental `dbt run` is compared with a
`--full-refresh` one, then the analyses and the docs. The marts are checked row by row.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json

import psycopg
import pytest

from edunews.cli import main
from edunews.config import dbt_target_dir
from edunews.extract import EXTRACTOR_VERSION
from edunews.extract.office_list import identity
from edunews.extract.persons import name_keys
from edunews.extract.schools import match_key
from edunews.thai_calendar import BANGKOK
from edunews.transform import analyses as analyses_command
from edunews.transform.dbt import dbt
from edunews.warehouse import connect

DAY = dt.datetime(2024, 10, 1, 9, 0, tzinfo=BANGKOK)


def _office(kind, province, area_no, name, role=None):
    """OFFICE with the identity the extractor resolves it to (office_id, office_name)."""
    office_id, office_name = identity(kind, province, area_no, name)
    office = {
        "kind": kind,
        "province": province,
        "area_no": area_no,
        "name": name,
        "office_id": office_id,
        "office_name": office_name,
    }
    return {**office, "role": role} if role else office


def _person(name, honorific, position, role):
    given_name, family_name = name_keys(name)
    return {
        "name": name,
        "honorific": honorific,
        "position": position,
        "organization": None,
        "role": role,
        "given_name": given_name,
        "family_name": family_name,
    }


def _record(
    event_type,
    date_start,
    office,
    persons=(),
    schools=(),
    initiatives=(),
    offices=(),
    count=None,
    version=EXTRACTOR_VERSION,
    evidence=None,
    venue="ห้องประชุม ๑",
):
    """A record as the extractor writes one, its keys made by the extractor's own rules."""
    return {
        "id": "x",
        **({"evidence": evidence} if evidence else {}),
        "extractor_version": version,
        "event": {
            "event_type": event_type,
            "date_start": date_start,
            "date_end": None,
            "venue": venue,
            "province": office["province"] if office else None,
            "organizer_office": office,
            "participant_count": count,
        },
        "persons": [_person(*person) for person in persons],
        "schools": [{"name": s, "role": r, "match_key": match_key(s)} for s, r in schools],
        "offices": list(offices),
        "initiatives": [{"code": c, "name": n, "evidence": n} for c, n in initiatives],
    }


CM6 = _office("spp", "เชียงใหม่", 6, "สพป.เชียงใหม่ เขต 6")
SPM19 = _office("spm", None, 19, "สพม.19")
ACTING = "รักษาราชการแทนผู้อำนวยการ สพป.เชียงใหม่ เขต 6"
CHAIR = ("สมชาย ใจดี", "นาย", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 6", "chair")

# page: (key, url, days after DAY fetched, [(extractor version, record)])
PAGES = [
    # an article fetched twice: the second version wins; the first page has two extractor
    # versions, of which 0.12.10 (not 0.12.9) is the newest
    (
        "a1",
        "https://cm6.example/a",
        0,
        [
            ("0.12.9", _record("meeting", "2024-09-29", CM6)),
            (
                "0.12.10",
                _record(
                    "workshop",
                    "2024-09-30",
                    CM6,
                    persons=[CHAIR],
                    schools=[("โรงเรียนบ้านหนึ่ง", "host")],
                    initiatives=[("plc", "PLC")],
                    count=40,
                ),
            ),
        ],
    ),
    (
        "a2",
        "https://cm6.example/a",
        1,
        [
            (
                "0.12.10",
                _record(
                    "workshop",
                    "2024-10-02",
                    CM6,
                    persons=[CHAIR, ("เเก้วใจ มีสุข", "นาง", "ศึกษานิเทศก์", "speaker")],
                    schools=[("โรงเรียนบ้านหนึ่ง", "host"), ("โรงเรียนบ้านสอง", None)],
                    initiatives=[("plc", "PLC"), ("plc", "ชุมชนแห่งการเรียนรู้ทางวิชาชีพ")],
                    offices=[_office("spm", "ยะลา", None, "สพม.ยะลา", "attendee")],
                    count=45,
                ),
            )
        ],
    ),
    ("b", "https://cm6.example/b", 0, [("0.12.10", {"id": "b", "error": "ValueError: bad"})]),
    ("c", "https://cm6.example/c", 0, [("0.12.10", _record(None, None, None, venue=None))]),
    ("d", "https://cm6.example/d", 0, []),
    # extracted only by a version older than the warehouse reads (its records lack the keys
    # it joins on): not extracted yet, as far as the warehouse knows
    (
        "old",
        "https://cm6.example/old",
        0,
        [("0.11.0", _record("workshop", "2024-09-30", CM6, persons=[CHAIR], version="0.11.0"))],
    ),
    # a notice, as the extractor writes one: nothing but its defaults (type other, the
    # publishing date), so no event
    (
        "g",
        "https://cm6.example/g",
        0,
        [
            (
                "0.12.10",
                _record(
                    "other",
                    "2024-10-01",
                    None,
                    evidence={"date_start": {"source": "published_at", "text": "2024-10-01"}},
                    venue=None,
                ),
            )
        ],
    ),
    # seven programmes in the north, plc served twice (with a): a tie at the fifth place of
    # top_initiatives_per_region; no participant count, alone in its fiscal year (2023)
    (
        "h",
        "https://cm6.example/h",
        0,
        [
            (
                "0.12.10",
                _record(
                    "seminar",
                    "2023-03-01",
                    CM6,
                    initiatives=[
                        (code, code)
                        for code in ("plc", "stem", "onet", "coding", "rt", "nt", "pisa")
                    ],
                ),
            )
        ],
    ),
    (
        "e",
        "https://spm19.example/e",
        0,
        [
            (
                "0.12.10",
                _record(
                    "mou_signing",
                    "2020-06-01",
                    SPM19,
                    persons=[
                        ("ดร.สมชาย  ใจดี", None, "ผู้อำนวยการ สพม.19", "witness"),
                        ("แก้วใจ มีสุข", "นาง", None, "signatory"),
                    ],
                    schools=[("โรงเรียนบ้านหนึ่ง", "signatory")],
                    initiatives=[("small_schools", "โรงเรียนขนาดเล็ก"), ("other", "โครงการ ก")],
                ),
            )
        ],
    ),
]
# arriving later: a new version of e (a count now stated) and a new article f
LATER_PAGES = [
    (
        "e2",
        "https://spm19.example/e",
        2,
        [
            (
                "0.12.10",
                _record(
                    "mou_signing",
                    "2020-06-01",
                    SPM19,
                    persons=[("แก้วใจ มีสุข", "นาง", None, "signatory")],
                    count=12,
                ),
            )
        ],
    ),
    (
        "f",
        "https://cm6.example/f",
        2,
        [
            (
                "0.12.10",
                _record(
                    "training",
                    "2024-11-05",
                    CM6,
                    persons=[(CHAIR[0], "นาย", ACTING, "chair")],
                    schools=[("โรงเรียนบ้านหนึ่ง (ประชาสามัคคี)", "attendee")],
                    count=30,
                ),
            )
        ],
    ),
]


def _load(pages) -> dict[str, int]:
    """Insert pages and their extraction records into raw, as the loader; page ids by key."""
    ids = {}
    with connect("loader") as conn:
        for key, url, days, extractions in pages:
            fetched = DAY + dt.timedelta(days=days)
            page_id = conn.execute(
                "insert into raw.pages (source_id, url, fetched_at, title, body_text,"
                " published_at, content_sha256, http_status)"
                " values (%s, %s, %s, %s, %s, %s, %s, 200) returning page_id",
                (
                    url.split("/")[2].split(".")[0],
                    url,
                    fetched,
                    f"ข่าว {key}",
                    key,
                    fetched,
                    hashlib.sha256(key.encode()).hexdigest(),
                ),
            ).fetchone()[0]
            for version, record in extractions:
                conn.execute(
                    "insert into raw.extractions (page_id, extractor_version, extracted_at, record)"
                    " values (%s, %s, %s, %s)",
                    (page_id, version, fetched + dt.timedelta(hours=1), json.dumps(record)),
                )
            ids[key] = page_id
        conn.commit()
    return ids


def _rows(sql: str, params=None, role: str | None = "reader") -> list[dict]:
    with connect(role) as conn:
        cur = conn.execute(sql, params)
        names = [c.name for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur]


FACT_SNAPSHOT = {
    "fct_events": "select * from marts.fct_events",
    "fct_event_participants": "select * from marts.fct_event_participants",
    "fct_event_initiatives": "select * from marts.fct_event_initiatives",
    "fct_rejected_pages": "select * from marts.fct_rejected_pages",
    "dim_person": "select * from marts.dim_person",
    "dim_school": "select * from marts.dim_school",
    "fct_person_positions": "select * from marts.fct_person_positions",
}


def _snapshot() -> dict[str, list]:
    out = {}
    for name, sql in FACT_SNAPSHOT.items():
        rows = _rows(sql)
        out[name] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return out


@pytest.fixture(scope="module")
def built(fresh_warehouse_resetter):
    """raw holds PAGES; a full dbt build passed; returns the page ids by key."""
    fresh_warehouse_resetter()  # other modules may have left increments over another raw
    ids = _load(PAGES)
    assert dbt(["build", "--quiet"]) == 0, "dbt build failed"
    first = {"ids": ids, "events": _rows("select * from marts.fct_events order by source_url")}
    ids.update(_load(LATER_PAGES))
    assert dbt(["run", "--quiet"]) == 0, "incremental dbt run failed"
    first["incremental"] = _snapshot()
    assert dbt(["run", "--quiet", "--full-refresh"]) == 0, "full-refresh dbt run failed"
    first["full_refresh"] = _snapshot()
    yield first
    fresh_warehouse_resetter()


def test_newest_page_version_and_extractor_version_win(built):
    events = {e["source_url"]: e for e in built["events"]}
    assert set(events) == {
        "https://cm6.example/a",
        "https://cm6.example/h",
        "https://spm19.example/e",
    }
    a = events["https://cm6.example/a"]
    assert a["page_id"] == built["ids"]["a2"]
    assert (a["date_start"], a["event_type_code"], a["participant_count"]) == (
        dt.date(2024, 10, 2),
        "workshop",
        45,
    )
    assert a["date_key"] == 20241002
    assert a["extractor_version"] == "0.12.10"
    assert a["venue"] == "ห้องประชุม ๑"  # as written
    assert (a["persons_named"], a["schools_named"], a["initiatives_named"]) == (2, 2, 1)


def test_every_page_is_an_event_or_a_reject_with_its_reason(built):
    ids = built["ids"]
    rejects = {
        r["page_id"]: r["reason"]
        for r in _rows("select page_id, reason from marts.fct_rejected_pages")
    }
    assert rejects == {
        ids["a1"]: "superseded",
        ids["b"]: "extraction_error",
        ids["c"]: "no_event",
        ids["d"]: "not_extracted",
        ids["old"]: "not_extracted",
        ids["g"]: "no_event",
        ids["e"]: "superseded",
    }
    events = {r["page_id"] for r in _rows("select page_id from marts.fct_events")}
    assert events == {ids["a2"], ids["e2"], ids["f"], ids["h"]}


def test_offices_resolve_to_seeded_and_first_seen_offices(built):
    rows = _rows(
        "select o.office_kind, o.province, o.area_no, o.office_name, o.is_seeded, o.era,"
        " o.reformed_into, e.source_url"
        " from marts.fct_events e join marts.dim_office o using (office_key) order by source_url"
    )
    assert [(r["office_kind"], r["province"], r["area_no"], r["is_seeded"]) for r in rows] == [
        ("spp", "เชียงใหม่", 6, True),
        ("spp", "เชียงใหม่", 6, True),
        ("spp", "เชียงใหม่", 6, True),
        ("spm", None, 19, True),
    ]
    assert rows[3]["era"] == "before_2021"
    assert "สพม.เลย หนองบัวลำภู" in rows[3]["reformed_into"]
    yala = _rows("select * from marts.dim_office where office_name = 'สพม.ยะลา'")
    assert [(o["office_kind"], o["province"], o["is_seeded"], o["era"]) for o in yala] == [
        ("spm", "ยะลา", False, "since_2021")
    ]
    assert len(_rows("select 1 from marts.dim_office where is_seeded")) == 250


def test_one_person_across_articles_with_positions_over_time(built):
    persons = {p["full_name"]: p for p in _rows("select * from marts.dim_person")}
    assert {
        name: (p["given_name"], p["family_name"], p["events_named_in"])
        for name, p in persons.items()
    } == {"แก้วใจ มีสุข": ("แก้วใจ", "มีสุข", 2), "สมชาย ใจดี": ("สมชาย", "ใจดี", 2)}
    somchai = persons["สมชาย ใจดี"]
    assert somchai["latest_position"] == ACTING  # stated 2024-11-05, after 2024-10-02
    positions = _rows(
        "select position, date_start from marts.fct_person_positions"
        " where person_key = %s order by date_start",
        (somchai["person_key"],),
    )
    assert [(p["position"], p["date_start"]) for p in positions] == [
        (CHAIR[2], dt.date(2024, 10, 2)),
        (ACTING, dt.date(2024, 11, 5)),
    ]


def test_participants_schools_and_initiatives(built):
    parts = _rows(
        "select e.source_url, p.participant_kind, p.role_code, p.name_as_written"
        " from marts.fct_event_participants p join marts.fct_events e using (event_key)"
        " where e.source_url = 'https://cm6.example/a'"
        " order by p.participant_kind, p.mention_no"
    )
    assert [(p["participant_kind"], p["role_code"], p["name_as_written"]) for p in parts] == [
        ("office", "attendee", "สพม.ยะลา"),
        ("person", "chair", "สมชาย ใจดี"),
        ("person", "speaker", "แก้วใจ มีสุข"),
        ("school", "host", "โรงเรียนบ้านหนึ่ง"),
        ("school", "unspecified", "โรงเรียนบ้านสอง"),
    ]
    schools = _rows("select school_name, events_named_in, province from marts.dim_school")
    assert sorted((s["school_name"], s["events_named_in"], s["province"]) for s in schools) == [
        ("โรงเรียนบ้านสอง", 1, "เชียงใหม่"),
        ("โรงเรียนบ้านหนึ่ง", 2, "เชียงใหม่"),  # f's "โรงเรียนบ้านหนึ่ง (...)": the same school
    ]
    initiatives = _rows(
        "select initiative_code, mentions, names_as_written from marts.fct_event_initiatives"
        " join marts.fct_events using (event_key) where source_url = 'https://cm6.example/a'"
    )
    assert initiatives == [
        {
            "initiative_code": "plc",
            "mentions": 2,
            "names_as_written": "PLC | ชุมชนแห่งการเรียนรู้ทางวิชาชีพ",
        }
    ]


def test_incremental_run_equals_full_refresh(built):
    incremental, full = built["incremental"], built["full_refresh"]
    assert incremental == full
    events = {e["source_url"]: e for e in full["fct_events"]}
    assert set(events) == {
        "https://cm6.example/a",
        "https://spm19.example/e",
        "https://cm6.example/f",
        "https://cm6.example/h",
    }
    assert events["https://spm19.example/e"]["participant_count"] == 12
    # e's new version names one person and no school or initiative: the old rows are gone
    e_key = events["https://spm19.example/e"]["event_key"]
    assert [p["role_code"] for p in full["fct_event_participants"] if p["event_key"] == e_key] == [
        "signatory"
    ]
    assert not [i for i in full["fct_event_initiatives"] if i["event_key"] == e_key]


def test_aggregates_and_fiscal_years(built):
    rows = _rows(
        "select o.office_name, a.month_start, a.fiscal_year, a.events, a.participants_stated"
        " from marts.agg_office_activity_monthly a join marts.dim_office o using (office_key)"
        " order by a.month_start"
    )
    assert [tuple(r.values()) for r in rows] == [
        ("สพม.19", dt.date(2020, 6, 1), 2020, 1, 12),
        ("สพป.เชียงใหม่ เขต 6", dt.date(2023, 3, 1), 2023, 1, None),  # not stated: unknown
        ("สพป.เชียงใหม่ เขต 6", dt.date(2024, 10, 1), 2025, 1, 45),
        ("สพป.เชียงใหม่ เขต 6", dt.date(2024, 11, 1), 2025, 1, 30),
    ]
    regions = _rows(
        "select region_code, fiscal_year, initiative_code, events"
        " from marts.agg_initiatives_region_fiscal_year where initiative_code = 'plc'"
        " order by fiscal_year"
    )
    assert regions == [
        {"region_code": "north", "fiscal_year": 2023, "initiative_code": "plc", "events": 1},
        {"region_code": "north", "fiscal_year": 2025, "initiative_code": "plc", "events": 1},
    ]


def test_primary_keys_are_named_after_their_tables(built):
    """Rebuilt (full refresh) and incremental tables alike: <table>_pkey, never the name of
    the temporary table dbt built it under."""
    with connect() as conn:
        keys = conn.execute(
            "select c.relname, k.conname from pg_constraint k"
            " join pg_class c on c.oid = k.conrelid"
            " join pg_namespace n on n.oid = c.relnamespace"
            " where n.nspname = 'marts' and k.contype = 'p'"
        ).fetchall()
    assert len(keys) >= 17
    assert [(table, name) for table, name in keys if name != f"{table}_pkey"] == []


def test_reader_reads_every_mart_and_nothing_in_raw_or_staging(built):
    with connect() as conn:
        tables = conn.execute(
            "select table_schema, table_name from information_schema.tables"
            " where table_schema in ('marts', 'raw', 'staging', 'intermediate', 'seeds')"
        ).fetchall()
    marts = [name for schema, name in tables if schema == "marts"]
    hidden = [f"{schema}.{name}" for schema, name in tables if schema != "marts"]
    assert {"fct_events", "dim_office", "dim_person", "fct_event_participants"} <= set(marts)
    assert {"raw.pages", "raw.extractions", "raw.fetch_log", "staging.stg_raw__pages"} <= set(
        hidden
    )
    with connect("reader") as conn:
        for table in marts:
            conn.execute(f"select * from marts.{table} limit 1").fetchall()
        for table in hidden:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"select 1 from {table} limit 1")
            conn.rollback()


@pytest.fixture(scope="module")
def analyses(built) -> dict[str, list[dict]]:
    """Every analysis compiled and run as the reader, on the built warehouse: rows by name."""
    assert dbt(["compile", "--quiet", "--select", "resource_type:analysis"]) == 0
    compiled = dbt_target_dir() / "compiled" / "edunews" / "analyses"
    files = sorted(compiled.glob("*.sql"))
    assert len(files) >= 5
    return {f.stem: _rows(f.read_text()) for f in files}


def test_analyses_run_as_the_reader(analyses):
    top = analyses["most_active_officials"][0]
    assert (top["full_name"], top["events_chaired"]) == ("สมชาย ใจดี", 2)
    assert analyses["schools_by_participation"][0]["school_name"] == "โรงเรียนบ้านหนึ่ง"
    assert len(analyses["events_per_office_per_month"]) == 4
    assert [
        (r["academic_year_be"], r["term"], r["event_type_name_en"], r["events"])
        for r in analyses["events_per_event_type_and_term"]
    ] == [
        (2563, "1", "MOU signing", 1),
        (2565, "2", "Seminar or forum", 1),
        (2567, "1", "Workshop", 1),
        (2567, "2", "Training", 1),
    ]


def test_top_initiatives_are_five_per_region_ties_broken_by_code(analyses):
    """The north's events served seven programmes: plc twice, six others once each. rank()
    alone gave all seven (six tied for second); the analysis gives five, the tie at the cut
    broken by initiative code, and says how many tied ones it left out."""
    rows = analyses["top_initiatives_per_region"]
    assert [
        (r["region_code"], r["position"], r["rank_in_region"], r["initiative_code"], r["events"])
        for r in rows
    ] == [
        ("north", 1, 1, "plc", 2),
        ("north", 2, 2, "coding", 1),
        ("north", 3, 2, "nt", 1),
        ("north", 4, 2, "onet", 1),
        ("north", 5, 2, "pisa", 1),
    ]
    assert rows[0]["initiative_name_en"].startswith("Professional Learning")
    assert {r["tied_beyond_fifth"] for r in rows} == {2}  # rt and stem


def test_fiscal_year_trends_keep_unstated_participants_unknown(analyses):
    """Fiscal 2023's one event states no count: its participants are null, not 0, and the
    event is counted as lacking one; fiscal 2025 sums the two counts stated."""
    years = {r["fiscal_year_be"]: r for r in analyses["fiscal_year_trends"]}
    assert {
        year: (
            r["events"],
            r["participants_stated"],
            r["events_with_participant_count"],
            r["events_without_participant_count"],
        )
        for year, r in years.items()
    } == {2563: (1, 12, 1, 0), 2566: (1, None, 0, 1), 2568: (2, 75, 2, 0)}
    assert [r["events_change"] for r in analyses["fiscal_year_trends"]] == [None, 0, 1]


def test_analyses_command_lists_runs_and_writes_csv(built, tmp_path, capsys):
    assert main(["analyses", "list"]) == 0
    listed = capsys.readouterr().out
    assert "most_active_officials\n    The people who chaired" in listed
    assert str(analyses_command.compiled_dir()) in listed
    assert main(["analyses", "run", "most_active_officials"]) == 0
    header, rule, first, *_ = capsys.readouterr().out.splitlines()
    assert header.split()[:1] == ["full_name"] and set(rule) == {"-", " "}
    assert (
        first.startswith("สมชาย ใจดี")
        and (analyses_command.compiled_dir() / "most_active_officials.sql").exists()
    )
    table = tmp_path / "officials.csv"
    assert main(["analyses", "run", "most_active_officials", "--csv", str(table)]) == 0
    assert f"written to {table}" in capsys.readouterr().out
    with table.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert (rows[0]["full_name"], rows[0]["events_chaired"]) == ("สมชาย ใจดี", "2")


def test_an_unknown_analysis_names_the_closest(built, capsys):
    assert main(["analyses", "run", "most_active_official"]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "no analysis named 'most_active_official': did you mean most_active_officials?" in line


def test_analyses_run_as_the_read_only_reader(built, monkeypatch):
    monkeypatch.setattr(
        analyses_command, "compile_analysis", lambda name: "select current_user as who"
    )
    assert analyses_command.run_analysis("any").rows == [("edunews_reader",)]
    monkeypatch.setattr(
        analyses_command, "compile_analysis", lambda name: "create table marts.x (i int)"
    )
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        analyses_command.run_analysis("any")


def test_transform_selecting_nothing_is_an_error(built, capsys):
    assert main(["transform", "--select", "no_such_model"]) == 1
    err = capsys.readouterr().err
    assert "--select no_such_model selects no model, seed or test" in err and "dbt ls" in err


def test_docs_generate_and_describe_every_mart_and_column(built):
    assert dbt(["docs", "generate", "--quiet"]) == 0
    target = dbt_target_dir()
    catalog = json.loads((target / "catalog.json").read_text())
    manifest = json.loads((target / "manifest.json").read_text())
    marts = {
        unique_id: node
        for unique_id, node in catalog["nodes"].items()
        if node["metadata"]["schema"] == "marts"
    }
    assert "model.edunews.fct_events" in marts and len(marts) >= 17
    for unique_id, node in marts.items():
        documented = manifest["nodes"][unique_id]
        assert documented["description"], unique_id
        for column in node["columns"]:  # the columns the database holds
            assert documented["columns"].get(column, {}).get("description"), (unique_id, column)


def test_source_freshness_tells_stale_raw_tables(built, tmp_path):
    """raw.pages and raw.extractions hold 2024 rows only: errors; a request logged now: pass."""
    with connect("loader") as conn:
        conn.execute(
            "insert into raw.fetch_log (run_id, source_id, url, outcome)"
            " values ('freshness', 'cm6', 'https://cm6.example/', 'unchanged')"
        )
    out = tmp_path / "sources.json"
    code = dbt(["source", "freshness", "--quiet", "--output", str(out)])
    status = {
        r["unique_id"]: r["status"] for r in json.loads(out.read_text(encoding="utf-8"))["results"]
    }
    assert status == {
        "source.edunews.raw.pages": "error",
        "source.edunews.raw.extractions": "error",
        "source.edunews.raw.fetch_log": "pass",
    }
    assert code != 0


def test_an_incremental_table_older_than_its_model_is_built_again_in_full(built):
    """fct_events as the walking skeleton left it (a plain table, without loaded_at and the
    columns added since) is not appended to: on_schema_change adds the columns, and with no
    watermark to read the build recomputes every row, in place; the rows a full refresh
    gives."""
    with connect() as conn:
        conn.execute("alter table marts.fct_events drop column loaded_at, drop column source_key")
    assert dbt(["run", "--quiet", "--select", "fct_events"]) == 0
    assert _snapshot()["fct_events"] == built["full_refresh"]["fct_events"]


def test_a_table_built_by_another_model_or_article_key_is_rebuilt_in_place(built):
    """A table records what it was built as (the article key and its model's SQL). One
    built otherwise (here: rows keyed by URL alone, a row of an article no longer there, an
    older model) has every row replaced by the next incremental run; one built as the
    model says keeps its rows (its watermark is read, nothing is rebuilt)."""
    with connect() as conn:
        signature = conn.execute(
            "select obj_description('marts.fct_event_participants'::regclass, 'pg_class')"
        ).fetchone()[0]
        assert signature.startswith("edunews build: article key source_id, article_url; model ")
        conn.execute(
            "comment on table marts.fct_event_participants is"
            " 'edunews build: article key article_url; model 0'"
        )
        conn.execute("update marts.fct_event_participants set event_key = md5(event_key)")
        conn.execute(
            "update marts.fct_event_initiatives set mentions = mentions + 100"
        )  # built as its model says: an incremental run leaves the rows it has
        conn.commit()
    assert dbt(["run", "--quiet", "--select", "fct_event_participants fct_event_initiatives"]) == 0
    after = _snapshot()
    assert after["fct_event_participants"] == built["full_refresh"]["fct_event_participants"]
    assert {i["mentions"] for i in after["fct_event_initiatives"]} >= {101}
    with connect() as conn:
        assert (
            conn.execute(
                "select obj_description('marts.fct_event_participants'::regclass, 'pg_class')"
            ).fetchone()[0]
            == signature
        )
