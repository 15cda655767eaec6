"""How fast the extractor runs on real articles, in one process on one core.

    .venv/bin/python bench/extract_bench.py [--rounds 3] [--top 15] [--input FILE.jsonl[.gz]]

Input: the 736 articles of shared/corpus/thaigov_education.jsonl.gz (or --input). Prints
articles per second (best of the timed rounds, after one warm-up round that loads the
gazetteers and compiles the patterns), the start-up cost, peak memory (Python allocations
by tracemalloc during one round, and the process's max RSS), and where the time goes
(cProfile, top functions by own time). Figures only: nothing passes or fails on them.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import json
import os
import platform
import pstats
import resource
import sys
import time
import tracemalloc
from pathlib import Path


def _pin_to_one_core() -> str:
    # The figure is per core: the extractor is single-threaded, and pinning keeps the OS
    # from spreading (and the reader from over-reading) the work.
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to CPU {core}"
    return "not pinned (no sched_setaffinity)"


def _read(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _default_input() -> Path:
    from edunews.config import shared_dir

    return shared_dir() / "corpus" / "thaigov_education.jsonl.gz"


def _round(extract, articles: list[dict]) -> float:
    start = time.perf_counter()
    for article in articles:
        extract(article)
    return time.perf_counter() - start


def _profile(extract, articles: list[dict], top: int) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        extract(article)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    # Regex calls are builtins with no name of their own: the cumulative view of the
    # extractor's functions says which rule they belong to.
    out.write("cumulative, the extractor's own functions:\n")
    stats.sort_stats("cumulative").print_stats("extract/", top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)

    pinning = _pin_to_one_core()
    path = args.input or _default_input()
    if not path.exists():
        print(f"input not found: {path}", file=sys.stderr)
        return 2
    articles = _read(path)
    chars = sum(len(a.get("text") or "") for a in articles)

    t0 = time.perf_counter()
    from edunews.extract import EXTRACTOR_VERSION, extract_article

    extract_article({"id": "warm", "title": "สพป.เชียงใหม่ เขต 1", "text": "นายสมชาย ใจดี"})
    startup = time.perf_counter() - t0
    _round(extract_article, articles)  # warm-up: lazy tables, regex caches

    times = [_round(extract_article, articles) for _ in range(max(1, args.rounds))]
    best = min(times)

    tracemalloc.start()
    _round(extract_article, articles)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    print(f"extractor {EXTRACTOR_VERSION} on {path.name}: {len(articles)} articles,")
    print(f"  {chars:,} characters of text ({chars / len(articles):,.0f} per article)")
    print(f"machine: {platform.machine()} {platform.processor() or ''}".rstrip())
    print(f"  {os.cpu_count()} CPUs, {pinning}; Python {platform.python_version()}")
    print(f"start-up (import, gazetteers, first article): {startup:.2f} s")
    rounds = ", ".join(f"{t:.2f}" for t in times)
    print(f"rounds: {rounds} s; best {best:.2f} s")
    print(f"articles per second: {len(articles) / best:,.0f}")
    print(f"characters per second: {chars / best:,.0f}")
    print(f"ms per article: {1000 * best / len(articles):.2f}")
    print(f"peak Python allocations during one round (tracemalloc): {peak / 2**20:.1f} MB")
    print(f"max RSS of the process: {max_rss_mb:.0f} MB")
    print()
    print(f"where the time goes (cProfile, top {args.top} by own time; profiling slows it):")
    print(_profile(extract_article, articles, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
