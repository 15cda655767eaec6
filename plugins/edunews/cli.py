"""The `edunews` command: one subcommand per pipeline step, plus the database and the demo."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from edunews.config import DEMO_SITE_PORT
from edunews.preflight import (
    port_problem,
    private_url_problem,
    same_file,
    unknown_sources_problem,
    warehouse_problem,
)

Handler = Callable[[argparse.Namespace], int]

AIRFLOW_PORT = 8080


def _write_problem(path: str) -> str | None:
    """Why `path` cannot be written, checked before the work that would fill it; None when
    it can."""
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        return "it is a folder: name a file"
    if not folder.exists():
        return f"no folder {folder}: create it first, or name a file in an existing folder"
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if target.exists():
        return None if os.access(target, os.W_OK) else "permission denied"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"folder {folder} is not writable: name a file in another folder"
    return None


def _db(args: argparse.Namespace) -> int:
    from edunews.warehouse import embedded, migrate
    from edunews.warehouse.connection import explicit_url

    if explicit_url() and args.action in ("start", "stop", "status"):
        print("a warehouse URL is configured: the embedded server is not used", file=sys.stderr)
        return 1
    if args.action == "start":
        state = embedded.start()
        print(
            f"PostgreSQL running on 127.0.0.1:{state.port} (pid {state.pid}, data {state.data_dir})"
        )
    elif args.action == "stop":
        print("stopped" if embedded.stop() else "not running")
    elif args.action == "status":
        state = embedded.status()
        if state.running:
            print(f"running on 127.0.0.1:{state.port} (pid {state.pid}), data {state.data_dir}")
            return 0
        print(f"not running (starts on 127.0.0.1:{state.port}), data {state.data_dir}")
        return 3
    elif args.action == "url":
        from edunews.warehouse import admin_url, role_url

        print(role_url(args.role) if args.role else admin_url())
    elif args.action == "migrate":
        if _warehouse_down("db migrate"):
            return 2
        try:
            applied = migrate.migrate(reset_passwords=args.reset_passwords)
        except migrate.MigrateRefused as exc:
            print(f"edunews db migrate: {exc}", file=sys.stderr)
            return 1
        print(
            f"applied {len(applied)} migration(s)" + (": " + ", ".join(applied) if applied else "")
        )
    return 0


def _warehouse_down(command: str) -> bool:
    """Say in one line that the warehouse does not answer, and how to start it."""
    if problem := warehouse_problem():
        print(f"edunews {command}: {problem}", file=sys.stderr)
        return True
    return False


def _no_simulator(command: str) -> bool:
    """The image ships without the site simulator; say so in one line instead of a traceback."""
    try:
        import edunews_sim  # noqa: F401
    except ImportError:
        pass
    else:
        return False
    print(
        f"{command}: needs the site simulator (plugins/edunews_sim), which only a checkout"
        " has: run `make install` in the repository",
        file=sys.stderr,
    )
    return True


def _demo_site(args: argparse.Namespace) -> int:
    if _no_simulator("demo-site"):
        return 2
    from edunews_sim.demosite import serve

    if problem := port_problem(args.host, args.port, usual=DEMO_SITE_PORT):
        print(f"edunews demo-site: {problem}", file=sys.stderr)
        return 2
    serve(articles=args.articles, port=args.port, host=args.host, seed=args.seed)
    return 0


def _crawl(args: argparse.Namespace) -> int:
    from edunews.crawl.all_sources import crawl_sources, parse_since
    from edunews.sources import Source, load_sources

    try:
        since = parse_since(args.since)
    except ValueError:
        print(f"crawl: --since {args.since!r} is not YYYY-MM-DD", file=sys.stderr)
        return 2
    if args.url:
        if problem := private_url_problem(args.url, args.allow_private_network):
            print(f"crawl: {problem}", file=sys.stderr)
            return 2
        sources = [Source.ad_hoc(args.url, kind=args.kind, source_id=args.source_id)]
    else:
        sources = load_sources()
        if args.sources:
            if problem := unknown_sources_problem(args.sources, [s.id for s in sources]):
                print(f"crawl: {problem}", file=sys.stderr)
                return 2
            sources = [s for s in sources if s.id in args.sources]
    if _warehouse_down("crawl"):
        return 2
    totals = crawl_sources(
        sources,
        workers=args.workers,
        on_done=lambda summary: print(summary.line(), flush=True),
        max_pages=args.max_pages,
        allow_private_network=args.allow_private_network,
        since=since,
        rate=args.rate,
    )
    print("\n".join(totals.lines()))
    return 1 if totals.incomplete or totals.crashed else 0


def _sources(args: argparse.Namespace) -> int:
    import json

    from edunews.crawl.probe import probe

    if problem := private_url_problem(args.url, args.allow_private_network):
        print(f"sources probe: {problem}", file=sys.stderr)
        return 2
    result = probe(
        args.url,
        allow_private_network=args.allow_private_network,
        max_discovery_pages=args.max_discovery_pages,
        rate=args.rate,
    )
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(result.text())
    return 0 if result.ok else 1


def _extract(args: argparse.Namespace) -> int:
    if args.input:
        from edunews.extract.jsonl import extract_file

        if same_file(args.input, args.output):
            print(
                "edunews extract: --output is the --input file, and writing it would wipe the"
                " articles before they are read: name another --output file",
                file=sys.stderr,
            )
            return 2
        try:
            stats = extract_file(args.input, args.output)
        except OSError as exc:
            # open() names the file it failed on: blame the output only for the output.
            reason = exc.strerror or str(exc)
            if exc.filename is not None and str(exc.filename) == str(args.output):
                problem = (
                    f"cannot write {args.output}: {reason}"
                    " (--output must be a file in an existing, writable folder)"
                )
            else:
                problem = (
                    f"cannot read {args.input}: {reason}"
                    " (--input must be a readable JSON Lines file)"
                )
            print(f"edunews extract: {problem}", file=sys.stderr)
            return 2
        print(stats.line(), file=sys.stderr)
        return 0
    from edunews.extract.step import extract_pending

    if _warehouse_down("extract"):
        return 2
    result = extract_pending()
    print(result.line())
    return 0


def _transform(args: argparse.Namespace) -> int:
    from edunews.transform.dbt import dbt_build

    if _warehouse_down("transform"):
        return 2
    return dbt_build(args.dbt_args)


def _dbt(args: argparse.Namespace) -> int:
    from edunews.transform.dbt import dbt

    return dbt(args.dbt_args or ["--help"])


def _manifest(args: argparse.Namespace) -> int:
    from edunews.transform.dbt import dbt

    return dbt(["parse", "--quiet"])


def _airflow(args: argparse.Namespace) -> int:
    from edunews.orchestration.airflow_env import airflow

    return airflow(args.airflow_args, check=False).returncode


def _standalone(args: argparse.Namespace) -> int:
    from edunews.orchestration.standalone import run_standalone

    if problem := port_problem(args.host, args.port, usual=AIRFLOW_PORT):
        print(f"edunews standalone: {problem}", file=sys.stderr)
        return 2
    return run_standalone(host=args.host, port=args.port)


def _demo(args: argparse.Namespace) -> int:
    if _no_simulator("demo"):
        return 2
    from edunews.demo import run_demo

    return run_demo(articles=args.articles)


def _analyses(args: argparse.Namespace) -> int:
    from edunews.transform import analyses

    if args.action == "list":
        for analysis in analyses.list_analyses():
            print(f"{analysis.name}\n    {analysis.description}")
        print(f"(compiled SQL in {analyses.compiled_dir()} after `edunews analyses run NAME`)")
        return 0
    import psycopg

    # Before the query: a long query whose rows then have nowhere to go wastes the wait.
    if args.csv and (problem := _write_problem(args.csv)):
        print(f"edunews analyses: cannot write {args.csv}: {problem}", file=sys.stderr)
        return 2
    if _warehouse_down("analyses run"):
        return 2
    try:
        result = analyses.run_analysis(args.name)
    except psycopg.errors.UndefinedTable as exc:
        first = str(exc).splitlines()[0]
        print(
            f"edunews analyses: {first}: build the warehouse first (make demo, or edunews"
            " transform)",
            file=sys.stderr,
        )
        return 1
    if args.csv:
        try:
            analyses.write_csv(result, args.csv)
        except OSError as exc:
            print(
                f"edunews analyses: cannot write {args.csv}: {exc.strerror or exc}",
                file=sys.stderr,
            )
            return 2
        print(f"{len(result.rows)} row(s) of {args.name} written to {args.csv}")
    else:
        print("\n".join(analyses.table_lines(result)))
        print(f"({len(result.rows)} row(s))")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="edunews", description=__doc__)
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="log the steps' progress (-v), and debug detail (-vv)",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    db = sub.add_parser(
        "db",
        help="the embedded PostgreSQL and the schema migrations",
        description="Start, stop or check the embedded PostgreSQL, print a connection URL, or"
        " apply the schema migrations.",
    )
    db.add_argument(
        "action",
        choices=["start", "stop", "status", "url", "migrate"],
        help="start, stop or check the embedded server; print a URL; apply the migrations",
    )
    db.add_argument(
        "--role",
        choices=["loader", "transformer", "reader"],
        help="with `url`: the URL of one of the pipeline's roles",
    )
    db.add_argument(
        "--reset-passwords",
        action="store_true",
        help="with `migrate`: set every role's password again from EDUNEWS_<ROLE>_PASSWORD",
    )
    db.set_defaults(handler=_db)

    site = sub.add_parser(
        "demo-site",
        help="serve a generated WordPress-like news site",
        description="Serve a generated WordPress-like news site on this machine, to crawl"
        " without the internet.",
    )
    site.add_argument("--articles", type=int, default=40, help="news articles (default: 40)")
    site.add_argument(
        "--port",
        type=int,
        default=DEMO_SITE_PORT,
        help=f"port to serve on (default: {DEMO_SITE_PORT})",
    )
    site.add_argument("--host", default="127.0.0.1", help="address to serve on (default: loopback)")
    site.add_argument(
        "--seed",
        type=int,
        default=2567,
        help="the generator's seed: same seed, same site (default: 2567)",
    )
    site.set_defaults(handler=_demo_site)

    crawl = sub.add_parser(
        "crawl",
        help="crawl the registry's sources (or one site) into raw.pages",
        description="Crawl the sources of sources.yml (or one site given by --url) and land"
        " their new and changed articles in raw.pages.",
    )
    crawl.add_argument(
        "--source", action="append", dest="sources", metavar="ID", help="only this source"
    )
    crawl.add_argument("--url", help="an ad-hoc site instead of the registry")
    crawl.add_argument(
        "--kind",
        default="auto",
        choices=["auto", "wordpress", "rss", "sitemap", "html"],
        help="with --url: how to discover its articles (default: auto)",
    )
    crawl.add_argument("--source-id", default=None, help="with --url: id to record (default: host)")
    crawl.add_argument("--since", help="YYYY-MM-DD: changes since then, not since the last run")
    crawl.add_argument(
        "--max-pages",
        type=int,
        default=None,
        help="articles per source, at most (default: no limit)",
    )
    crawl.add_argument(
        "--workers", type=int, default=4, help="sources crawled at once (default: 4)"
    )
    crawl.add_argument(
        "--rate", type=float, default=None, help="requests a second per host (default: 1)"
    )
    crawl.add_argument(
        "--allow-private-network",
        action="store_true",
        help="allow loopback and private addresses (tests, the demo)",
    )
    crawl.set_defaults(handler=_crawl)

    sources = sub.add_parser(
        "sources",
        help="the registry's sites: probe one before adding it",
        description="Work with the registry's sites: probe a site before adding it to sources.yml.",
    )
    sources_sub = sources.add_subparsers(dest="action", required=True)
    probe = sources_sub.add_parser(
        "probe",
        help="what auto discovery finds on a site, and the sources.yml entry (read-only)",
        description="Show what auto discovery finds on a site and the sources.yml entry to"
        " add, without writing anything.",
    )
    probe.add_argument("url", help="the site's home page (or its news page)")
    probe.add_argument("--json", action="store_true", help="the findings as JSON")
    probe.add_argument(
        "--max-discovery-pages",
        type=int,
        default=None,
        help="requests spent looking for the news when exploring (default: 60)",
    )
    probe.add_argument("--rate", type=float, default=1.0, help="requests a second (default: 1)")
    probe.add_argument(
        "--allow-private-network",
        action="store_true",
        help="allow loopback and private addresses (tests, the demo)",
    )
    probe.set_defaults(handler=_sources)

    extract = sub.add_parser(
        "extract",
        help="extract records: file to file, or pending raw.pages to raw.extractions",
        description="Extract event records from articles: a JSON Lines file to another with"
        " --input and --output, or else the pending raw.pages into raw.extractions.",
    )
    extract.add_argument("--input", help="JSON Lines of articles (see spec/EXTRACTION.md)")
    extract.add_argument("--output", help="JSON Lines of extraction records")
    extract.set_defaults(handler=_extract)

    transform = sub.add_parser(
        "transform",
        help="dbt build of the warehouse",
        description="Build the warehouse with dbt (models, tests, seeds); extra arguments go"
        " to dbt build.",
    )
    transform.add_argument("dbt_args", nargs=argparse.REMAINDER, help="extra dbt arguments")
    transform.set_defaults(handler=_transform)

    dbt_command = sub.add_parser(
        "dbt",
        help="any dbt command on the warehouse as the transformer"
        " (docs generate, source freshness, compile ...)",
        description="Run any dbt command on the warehouse as the transformer role.",
    )
    dbt_command.add_argument("dbt_args", nargs=argparse.REMAINDER, help="e.g. source freshness")
    dbt_command.set_defaults(handler=_dbt)

    manifest = sub.add_parser(
        "manifest",
        help="dbt parse: the manifest the transform DAG is rendered from",
        description="Run dbt parse to write the manifest that the transform DAG is rendered from.",
    )
    manifest.set_defaults(handler=_manifest)

    af = sub.add_parser(
        "airflow",
        help="the airflow command with the local settings (AIRFLOW_HOME under .edunews)",
        description="Run the airflow command with the local settings (AIRFLOW_HOME under"
        " .edunews).",
    )
    af.add_argument("airflow_args", nargs=argparse.REMAINDER, help="e.g. standalone, dags list")
    af.set_defaults(handler=_airflow)

    standalone = sub.add_parser(
        "standalone",
        help="Airflow standalone (UI, scheduler) on the embedded warehouse",
        description="Run Airflow standalone (UI and scheduler) on the embedded warehouse, with"
        " the manifest and migrations prepared first.",
    )
    standalone.add_argument(
        "--host", default="127.0.0.1", help="address of Airflow's UI (default: loopback)"
    )
    standalone.add_argument(
        "--port", type=int, default=8080, help="port of Airflow's UI (default: 8080)"
    )
    standalone.set_defaults(handler=_standalone)

    demo = sub.add_parser(
        "demo",
        help="the whole pipeline on the embedded defaults, offline",
        description="Run the whole pipeline offline on the embedded defaults: demo site,"
        " crawl, extract and dbt, through Airflow.",
    )
    demo.add_argument(
        "--articles", type=int, default=40, help="news articles on the demo site (default: 40)"
    )
    demo.set_defaults(handler=_demo)

    analyses = sub.add_parser(
        "analyses",
        help="the analysts' questions (dbt_project/analyses), run as the read-only reader",
        description="List the analysts' questions (dbt_project/analyses) or run one as the"
        " read-only reader.",
    )
    analyses_sub = analyses.add_subparsers(dest="action", required=True)
    listing = analyses_sub.add_parser(
        "list",
        help="the analyses and what each answers",
        description="List the analyses and what each answers.",
    )
    listing.set_defaults(handler=_analyses)
    run = analyses_sub.add_parser(
        "run",
        help="compile one with dbt and run it as the reader: a table, or CSV",
        description="Compile one analysis with dbt and run it as the reader, printing a table"
        " or writing CSV.",
    )
    run.add_argument("name", help="an analysis, as `edunews analyses list` names it")
    run.add_argument("--csv", metavar="FILE", help="write the rows to FILE as CSV instead")
    run.set_defaults(handler=_analyses)
    return parser


_PASSTHROUGH = {"transform": "dbt_args", "dbt": "dbt_args", "airflow": "airflow_args"}


def _split_passthrough(argv: list[str]) -> tuple[list[str], list[str]]:
    """`edunews transform --select x`: what follows `transform` or `airflow` goes to dbt or
    airflow untouched (argparse would take `--select` for an option of its own)."""
    for i, word in enumerate(argv):
        if not word.startswith("-"):
            return (argv[: i + 1], argv[i + 1 :]) if word in _PASSTHROUGH else (argv, [])
    return argv, []


def main(argv: Sequence[str] | None = None) -> int:
    head, passed_on = _split_passthrough(list(sys.argv[1:] if argv is None else argv))
    args = build_parser().parse_args(head)
    if args.command in _PASSTHROUGH:
        setattr(args, _PASSTHROUGH[args.command], passed_on)
    if args.command == "extract" and bool(args.input) != bool(args.output):
        print("edunews extract: --input and --output go together", file=sys.stderr)
        return 2
    # Warnings only by default: each command prints its own results (the steps log the same
    # lines at INFO for Airflow's task logs, which printed every crawl line twice here).
    levels = [logging.WARNING, logging.INFO, logging.DEBUG]
    logging.basicConfig(
        level=levels[min(args.verbose, 2)],
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        return args.handler(args)
    except _expected_errors() as exc:
        # Operator mistakes and unreachable services: one clear line, no traceback.
        print(f"edunews {args.command}: {exc}", file=sys.stderr)
        return 1


def _expected_errors() -> tuple[type[BaseException], ...]:
    import psycopg

    from edunews.orchestration.standalone import PrepareFailed
    from edunews.sources.registry import RegistryError
    from edunews.transform.analyses import AnalysisError
    from edunews.warehouse.embedded import EmbeddedError

    return (EmbeddedError, RegistryError, PrepareFailed, AnalysisError, psycopg.OperationalError)


if __name__ == "__main__":
    sys.exit(main())
