"""The crawler under attack: each hostile farm crawled alone, its time and peak memory.

    .venv/bin/python bench/hostile_bench.py [--only NAME ...]

Every hostile test site of plugins/edunews_sim/testsites (farm_http, farm_pages through a
sitemap and through REST, farm_faulty, farm_discovery and its robots, feed, trap, flood and dense
sitemap sites) is served on 127.0.0.1 and crawled by `crawl_source` in a child process of
its own (testsites.childcrawl: a 2 s request deadline, no pause between requests), into a
throw-away embedded PostgreSQL. Prints per attack the wall time, the child's peak RSS, the
pages stored and the outcomes; never passes or fails on them. Results: bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def attacks() -> dict[str, tuple[Callable[[], list], str, float]]:
    """name -> (sites to serve, discovery kind, budget in minutes)."""
    from edunews_sim.articles import load_articles
    from edunews_sim.testsites import farm_discovery, farm_faulty, farm_http, farm_pages

    articles = load_articles(12)
    return {
        "hostile_http (bombs, trickles, lying redirects)": (
            lambda: [farm_http.HostileHttpSite(articles[:4], trickle_limit=30.0)],
            "sitemap",
            3.0,
        ),
        "hostile_pages via sitemap (NUL, charsets, nesting)": (
            lambda: [farm_pages.HostilePagesSite(articles[4:9])],
            "sitemap",
            3.0,
        ),
        "hostile_pages via REST (malformed posts)": (
            lambda: [farm_pages.HostilePagesSite(articles[4:9])],
            "wordpress",
            3.0,
        ),
        "faulty (5xx, loops, 50 MB, robots)": (
            lambda: [farm_faulty.FaultySite(articles[9:11], slow_seconds=4.0)],
            "sitemap",
            3.0,
        ),
        "hostile_more (XML, protocol, reading)": (
            lambda: [farm_discovery.HostileMoreSite(articles[:3], drip_limit=15.0)],
            "sitemap",
            3.0,
        ),
        "robots.txt over the cap": (
            lambda: [farm_discovery.RobotsSite(articles[:3], "huge")],
            "sitemap",
            3.0,
        ),
        "feed attack (entities, XXE, 9 MB title)": (
            lambda: [farm_discovery.FeedAttackSite(articles[:3])],
            "rss",
            3.0,
        ),
        "explore traps (session ids, calendar, growing paths)": (
            lambda: [farm_discovery.ExploreTrapSite(articles[:4])],
            "auto",
            3.0,
        ),
        "foreign-link flood (its 1-minute budget)": (
            lambda: [farm_discovery.ForeignFloodSite(articles[:3])],
            "sitemap",
            1.0,
        ),
        "six dense sitemaps side by side (340,000 URLs each)": (
            lambda: [farm_discovery.DenseSitemapSite() for _ in range(6)],
            "sitemap",
            0.4,
        ),
    }


def run_attack(name: str, sites: list, kind: str, minutes: float) -> None:
    from edunews.sources import Source
    from edunews.warehouse import connect
    from edunews_sim.testsites import serve
    from edunews_sim.testsites.childcrawl import crawl_in_child

    with ExitStack() as stack:
        served = [stack.enter_context(serve(site)) for site in sites]
        sources = []
        for i, s in enumerate(served):
            url = s.url + ("feed" if kind == "rss" else "")
            settings = {"max_minutes": minutes}
            source = Source(f"bench-{i}", name, kind, (url,), settings=settings)
            sources.append(source.to_dict())
        with connect() as conn:
            conn.execute("truncate raw.pages, raw.fetch_log, raw.crawl_runs cascade")
            conn.commit()
        result = crawl_in_child(sources, timeout=minutes * 60 + 300)
    with connect() as conn:
        pages = conn.execute("select count(*) from raw.pages").fetchone()[0]
        outcomes = Counter(
            dict(conn.execute("select outcome, count(*) from raw.fetch_log group by outcome"))
        )
    top = ", ".join(f"{o} {n}" for o, n in outcomes.most_common(5))
    print(
        f"{name[:52]:52} {result['seconds']:7.1f} s {result['max_rss_mb']:6.0f} MB"
        f" {pages:6d} pages  {top}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="attacks whose name starts with these")
    args = parser.parse_args()
    os.environ["EDUNEWS_HOME"] = tempfile.mkdtemp(prefix="edunews-bench-")
    os.environ["EDUNEWS_PG_PORT"] = str(_free_port())
    os.environ.pop("EDUNEWS_WAREHOUSE_URL", None)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))
    from edunews.warehouse import embedded, migrate

    embedded.start()
    migrate.migrate()
    try:
        print(f"{'attack':52} {'wall':>9} {'peak':>9} {'stored':>12}  outcomes (top 5)")
        for name, (sites, kind, minutes) in attacks().items():
            if args.only and not any(name.startswith(o) for o in args.only):
                continue
            run_attack(name, sites(), kind, minutes)
    finally:
        embedded.stop()


if __name__ == "__main__":
    main()
