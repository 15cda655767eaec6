"""Crawling sources in a child process whose wall time and peak memory are its own.

The hostile farms' tests and bench measure the crawler under attack: in the test process
its peak RSS would mix with everything else the session ever held. The child crawls each
source (as dicts, `Source.to_dict()`) into the warehouse the environment names, with
short-fused clients (a 2 s deadline, fast retries, no pause between requests: the farms
are local), and reports every source's summary, the wall time and its max RSS.
"""

from __future__ import annotations

import json
import subprocess
import sys

_CHILD = """
import json, resource, sys, time
from concurrent.futures import ThreadPoolExecutor
from edunews.crawl.http import HttpClient
from edunews.crawl.run import crawl_source
from edunews.sources import Source

def crawl(data):
    source = Source.from_dict(data)
    client = HttpClient(allowed_hosts=source.hosts, allow_private_network=True, interval=0.0,
                        backoff=0.01, read_timeout=2.0, deadline=2.0)
    started = time.monotonic()
    summary = crawl_source(source, client=client).as_dict()
    summary["seconds"] = time.monotonic() - started
    return summary

sources = json.load(sys.stdin)
started = time.monotonic()
with ThreadPoolExecutor(len(sources)) as pool:
    summaries = list(pool.map(crawl, sources))
print(json.dumps({
    "summaries": summaries,
    "seconds": time.monotonic() - started,
    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


class ChildCrawlError(RuntimeError):
    """The child process failed: its exit code and the end of its stderr."""


def crawl_in_child(sources: list[dict], timeout: float) -> dict:
    """{"summaries": [...], "seconds": wall time, "max_rss_mb": the child's peak RSS}."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps(sources),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise ChildCrawlError(f"exit {done.returncode}: {done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])
