"""Crawl benchmark: a farm of local test sites, crawled with the per-host limit on.

    .venv/bin/python bench/crawl_bench.py [--sites 50] [--articles 20] [--rate 1] [--workers 50]

The farm (plugins/edunews_sim/testsites: WordPress pretty / plain / yearly installs, RSS, Atom,
sitemap-only, Joomla-like windows-874) runs in a child process on 127.0.0.1, so the peak
memory printed is the crawler's own. The warehouse is a throw-away embedded PostgreSQL.
Prints figures; never passes or fails on them. Results: bench/README.md.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import socket
import sys
import tempfile
import time
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The farm ------------------------------------------------------------------------------

FARM_KINDS = [
    "wordpress",
    "wordpress-plain",
    "wordpress-yearly",
    "rss",
    "atom",
    "sitemap",
    "joomla",
]


def _farm(sites: int, articles: int, pipe) -> None:
    from edunews_sim.articles import corpus_available
    from edunews_sim.server import start
    from edunews_sim.testsites.catalog import build_site

    pool = 700 if corpus_available() else 10_000  # the corpus holds 736 articles
    served = []
    for i in range(sites):
        kind = FARM_KINDS[i % len(FARM_KINDS)]
        site = build_site(kind, articles, offset=(i * articles) % max(1, pool - articles))
        served.append(start(site))
    pipe.send([(FARM_KINDS[i % len(FARM_KINDS)], s.url) for i, s in enumerate(served)])
    # Each message asks for the requests every site answered since the last one ("hits"),
    # or ends the farm (None).
    while pipe.recv() is not None:
        pipe.send([sum(s.hits.values()) for s in served])
        for s in served:
            s.hits.clear()


def start_farm(sites: int, articles: int):
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    process = ctx.Process(target=_farm, args=(sites, articles, child), daemon=True)
    process.start()
    return process, parent, parent.recv()


def politeness_limit(hits: list[int], rate: float) -> float:
    """The shortest wall time the per-host limit allows: the busiest site's requests, one
    every 1/rate seconds (its first one at once). Sites are crawled side by side, so this
    site is the run's critical path, not the sum over sites."""
    busiest = max(hits, default=0)
    return max(0, busiest - 1) / rate if rate > 0 else 0.0


def registry(farm: list[tuple[str, str]]):
    from edunews.sources import Source
    from edunews_sim.testsites.catalog import REGISTRY

    sources = []
    for i, (kind, url) in enumerate(farm):
        entry = REGISTRY[kind]
        base = url.rstrip("/")
        sources.append(
            Source(
                id=f"bench-{i:03d}-{kind}",
                name=kind,
                kind=entry["kind"],
                start_urls=tuple(base + p for p in entry["paths"]),
                settings=entry.get("settings", {}),
            )
        )
    return sources


# The run -------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> None:
    from edunews.crawl.all_sources import crawl_sources
    from edunews.warehouse import connect, embedded, migrate

    embedded.start()
    migrate.migrate()
    process, farm_pipe, farm = start_farm(args.sites, args.articles)
    try:
        sources = registry(farm)
        options = dict(workers=args.workers, allow_private_network=True, rate=args.rate)
        for label in ("first run (everything new)", "second run (increment)"):
            farm_pipe.send("hits")
            farm_pipe.recv()  # start from zero
            started = time.monotonic()
            totals = crawl_sources(sources, **options)
            seconds = time.monotonic() - started
            farm_pipe.send("hits")
            hits = farm_pipe.recv()
            limit = politeness_limit(hits, args.rate)
            with connect() as conn:
                requests = conn.execute("select count(*) from raw.fetch_log").fetchone()[0]
                pages = conn.execute("select count(*) from raw.pages").fetchone()[0]
            print(f"{label}: {seconds:.1f} s")
            print("  " + "\n  ".join(totals.lines()))
            print(
                f"  landed {totals.new + totals.changed} pages,"
                f" {(totals.new + totals.changed) / seconds:.1f} pages/s;"
                f" raw.pages now {pages}, raw.fetch_log now {requests}"
            )
            print(
                f"  requests served: {sum(hits)} in all, {max(hits, default=0)} by the busiest"
                f" site; politeness limit {limit:.1f} s: the run reached"
                f" {100 * limit / seconds:.0f} % of it (limit / wall time)"
                if seconds > 0 and args.rate < 100
                else f"  requests served: {sum(hits)} in all (no effective per-host limit)"
            )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of the crawler process: {peak:.0f} MB (max RSS)")
    finally:
        farm_pipe.send(None)
        process.join(5)
        embedded.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=50)
    parser.add_argument("--articles", type=int, default=20, help="articles per site")
    parser.add_argument("--rate", type=float, default=1.0, help="requests a second per host")
    parser.add_argument("--workers", type=int, default=50, help="sources crawled at once")
    args = parser.parse_args()
    os.environ["EDUNEWS_HOME"] = tempfile.mkdtemp(prefix="edunews-bench-")
    os.environ["EDUNEWS_PG_PORT"] = str(_free_port())
    os.environ.pop("EDUNEWS_WAREHOUSE_URL", None)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))
    print(
        f"farm: {args.sites} sites x {args.articles} articles ({', '.join(FARM_KINDS)}),"
        f" per-host limit {args.rate} request(s)/s, {args.workers} workers, {os.cpu_count()} CPUs"
    )
    run(args)


if __name__ == "__main__":
    main()
