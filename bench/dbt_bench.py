"""dbt build time of the warehouse for generated events: full, then incremental (1 % new).

    .venv/bin/python bench/dbt_bench.py                  # 10,000 and 100,000 events
    .venv/bin/python bench/dbt_bench.py --events 10000   # one size

For each size, a throw-away embedded PostgreSQL gets N articles in raw.pages with one
extraction record each, fetched over the 100 nights before the day before yesterday (one
page every 100 days / N, extracted 5 minutes later): the records are the demo generator's
truths (plugins/edunews_sim/demosite), reshaped as the extractor writes them, so offices,
persons, schools and initiatives repeat as in real news. Then:

1. `dbt build --full-refresh` (seeds, every model, every data and unit test);
2. 1 % more arrives as a night's crawl (spread over 4 hours, last night): half new
   articles, half new versions of existing ones;
3. `dbt build` (incremental models take only what changed; tables and tests run in full),
   then `dbt build` again with nothing new: the floor every build pays (dbt's start, 260
   nodes, seeds, tests over whole tables);
4. the same as `dbt run` only: full refresh, then another 1 % (tonight) incremental, to
   separate model time from test time.

The spread matters: int_articles__newest looks again at pages fetched up to an hour
(var incremental_lookback) before the newest it has seen, so a raw layer landed all at one
instant would be recomputed whole.

Prints wall times and row counts; never passes or fails on them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import socket
import tempfile
import time

DBT_QUIET = ["--quiet"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _with_identity(office: dict) -> dict:
    """An OFFICE with the identity the extractor resolves it to."""
    from edunews.extract.office_list import identity

    office_id, office_name = identity(
        office["kind"], office["province"], office["area_no"], office["name"]
    )
    return {**office, "office_id": office_id, "office_name": office_name}


def _templates(n: int = 400) -> list[dict]:
    """Extraction records shaped by the extractor's contract, from the demo's truths, with
    the keys the warehouse joins on made by the extractor's rules."""
    from edunews.extract import EXTRACTOR_VERSION
    from edunews.extract.persons import name_keys
    from edunews.extract.schools import match_key
    from edunews_sim.demosite import generate_articles

    records = []
    for article in generate_articles(n, seed=77):
        truth = article.truth.to_dict()
        truth["event"]["organizer_office"] = _with_identity(truth["event"]["organizer_office"])
        persons = []
        for p in truth["persons"]:
            given_name, family_name = name_keys(p["name"])
            persons.append(
                {**p, "organization": None, "given_name": given_name, "family_name": family_name}
            )
        records.append(
            {
                "extractor_version": EXTRACTOR_VERSION,
                "event": truth["event"],
                "persons": persons,
                "schools": [{**s, "match_key": match_key(s["name"])} for s in truth["schools"]],
                "offices": [_with_identity(o) for o in truth["offices"]],
                "initiatives": [
                    {"code": i["code"], "name": i["code"], "evidence": i["code"]}
                    for i in truth["initiatives"]
                ],
            }
        )
    return records


def _record(templates: list[dict], i: int, rng: random.Random) -> dict:
    record = json.loads(json.dumps(templates[i % len(templates)]))
    day = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(8 * 365))
    record["event"]["date_start"] = day.isoformat()
    record["event"]["date_end"] = None
    record["id"] = str(i)
    return record


def _load(
    templates, first: int, count: int, start: dt.datetime, span: dt.timedelta, revisit: int = 0
) -> None:
    """Insert `count` new articles numbered from `first`, plus `revisit` new versions of
    articles 0, 1, 2 ... (as a changed page), fetched one after the other from `start` over
    `span`, each extracted 5 minutes after it was fetched."""
    from edunews.warehouse import connect

    rng = random.Random(first)
    numbers = list(range(first, first + count)) + list(range(revisit))
    step = span / max(len(numbers), 1)
    with connect() as conn, conn.cursor() as cur:
        last_page_id = cur.execute("select coalesce(max(page_id), 0) from raw.pages").fetchone()[0]
        with cur.copy(
            "copy raw.pages (source_id, url, fetched_at, title, body_text, published_at,"
            " content_sha256, http_status) from stdin"
        ) as copy:
            for k, i in enumerate(numbers):
                url = f"https://office{i % 230}.example/news/{i}"
                when = start + step * k
                body = f"{url} {when.isoformat()} {k}"
                copy.write_row(
                    (
                        f"office{i % 230}",
                        url,
                        when,
                        f"ข่าว {i}",
                        body,
                        when,
                        hashlib.sha256(body.encode()).hexdigest(),
                        200,
                    )
                )
        cur.execute(
            "select page_id, fetched_at from raw.pages where page_id > %s order by page_id",
            (last_page_id,),
        )
        pages = cur.fetchall()
        with cur.copy(
            "copy raw.extractions (page_id, extractor_version, extracted_at, record) from stdin"
        ) as copy:
            for (page_id, fetched_at), i in zip(pages, numbers, strict=True):
                record = _record(templates, i + page_id, rng)
                extracted_at = fetched_at + dt.timedelta(minutes=5)
                copy.write_row(
                    (
                        page_id,
                        record["extractor_version"],
                        extracted_at,
                        json.dumps(record, ensure_ascii=False),
                    )
                )
        conn.commit()


def _timed(args: list[str]) -> float:
    from edunews.transform.dbt import dbt

    start = time.perf_counter()
    code = dbt([*args, *DBT_QUIET])
    elapsed = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"dbt {' '.join(args)} failed ({code})")
    return elapsed


def _node_times() -> dict[str, float]:
    """Seconds per node of the last dbt command (target/run_results.json)."""
    from edunews.transform.dbt import manifest_path

    results = json.loads((manifest_path().parent / "run_results.json").read_text())
    return {r["unique_id"]: r["execution_time"] for r in results["results"]}


def _summary(times: dict[str, float], top: int = 6) -> str:
    """Models and tests in total, and the slowest nodes."""
    models = sum(t for k, t in times.items() if k.startswith(("model.", "seed.")))
    tests = sum(t for k, t in times.items() if k.startswith(("test.", "unit_test.")))
    slowest = sorted(times.items(), key=lambda kv: -kv[1])[:top]
    names = ", ".join(f"{k.split('.')[-1][:40]} {t:.1f}" for k, t in slowest)
    return (
        f"models+seeds {models:.1f} s, tests {tests:.1f} s (summed over threads); slowest: {names}"
    )


def _counts() -> dict[str, int]:
    from edunews.warehouse import connect

    tables = [
        "raw.pages",
        "marts.fct_events",
        "marts.fct_event_participants",
        "marts.fct_event_initiatives",
        "marts.fct_rejected_pages",
        "marts.dim_person",
        "marts.dim_school",
        "marts.dim_office",
        "marts.fct_person_positions",
    ]
    with connect() as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}


def _watermark() -> dt.datetime:
    """The newest loaded_at of int_articles__newest: where its next build starts."""
    from edunews.warehouse import connect

    with connect() as conn:
        return conn.execute(
            "select max(loaded_at) from intermediate.int_articles__newest"
        ).fetchone()[0]


def _recomputed(watermark: dt.datetime) -> int:
    """Articles an incremental build from `watermark` recomputed (the look-back included)."""
    from edunews.warehouse import connect

    with connect() as conn:
        return conn.execute(
            "select count(*) from intermediate.int_articles__newest"
            " where loaded_at > %s - interval '1 hour'",
            (watermark,),
        ).fetchone()[0]


def bench(events: int, templates: list[dict]) -> dict:
    from edunews.warehouse import connect, embedded, migrate

    embedded.start()
    try:
        migrate.migrate()
        with connect() as conn:
            conn.execute(
                "truncate raw.extractions, raw.fetch_log, raw.pages restart identity cascade"
            )
            conn.commit()
        now = dt.datetime.now(dt.UTC)
        night = dt.timedelta(hours=4)
        _load(templates, 0, events, now - dt.timedelta(days=102), dt.timedelta(days=100))
        full_build = _timed(["build", "--full-refresh"])
        nodes_full = _node_times()
        counts_full = _counts()
        new = max(events // 100, 2)
        watermark = _watermark()
        last_night = now - dt.timedelta(days=1) - night
        _load(templates, events, new // 2, last_night, night, revisit=new - new // 2)
        incremental_build = _timed(["build"])
        nodes_incremental = _node_times()
        counts_incremental = _counts()
        recomputed = _recomputed(watermark)
        idle_build = _timed(["build"])
        full_run = _timed(["run", "--full-refresh"])
        watermark = _watermark()
        tonight = now - night - dt.timedelta(minutes=10)
        _load(templates, events + new, new // 2, tonight, night, revisit=new - new // 2)
        incremental_run = _timed(["run"])
        recomputed_run = _recomputed(watermark)
        return {
            "events": events,
            "new": new,
            "full_build": full_build,
            "incremental_build": incremental_build,
            "idle_build": idle_build,
            "full_run": full_run,
            "incremental_run": incremental_run,
            "counts_full": counts_full,
            "counts_incremental": counts_incremental,
            "nodes_full": nodes_full,
            "nodes_incremental": nodes_incremental,
            "recomputed": recomputed,
            "recomputed_run": recomputed_run,
        }
    finally:
        embedded.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, nargs="*", default=[10_000, 100_000])
    args = parser.parse_args()

    os.environ["EDUNEWS_HOME"] = tempfile.mkdtemp(prefix="edunews-dbt-bench-")
    os.environ["EDUNEWS_PG_PORT"] = str(_free_port())
    os.environ.pop("EDUNEWS_WAREHOUSE_URL", None)

    templates = _templates()
    print(
        "| events | new (1 %) | build, full | build, incremental | build, nothing new"
        " | run, full | run, incremental |"
    )
    print("|---|---|---|---|---|---|---|")
    results = []
    for n in args.events:
        r = bench(n, templates)
        results.append(r)
        print(
            f"| {r['events']:,} | {r['new']:,} | {r['full_build']:.1f} s"
            f" | {r['incremental_build']:.1f} s | {r['idle_build']:.1f} s | {r['full_run']:.1f} s"
            f" | {r['incremental_run']:.1f} s |",
            flush=True,
        )
    print()
    for r in results:
        print(f"rows at {r['events']:,} events (after the full build / after the increment):")
        for table, count in r["counts_full"].items():
            print(f"  {table:32} {count:>10,} {r['counts_incremental'][table]:>10,}")
        print(
            f"  articles recomputed by the incremental build: {r['recomputed']:,},"
            f" by the incremental run: {r['recomputed_run']:,}"
        )
        print(f"  full build:        {_summary(r['nodes_full'])}")
        print(f"  incremental build: {_summary(r['nodes_incremental'])}")


if __name__ == "__main__":
    main()
