"""Discovery on the zoos of site shapes: recall and precision per shape, requests per article.

    .venv/bin/python bench/discovery_bench.py [--articles 14]

Each shape is served on 127.0.0.1 and crawled by `auto` discovery as a first night would
(no learned state), then a second night with what the first learned. Recall: the share of
the site's articles discovered; precision: the share of discovered URLs that are articles;
requests: every request the discovery made (robots.txt included), per article found.
Nothing lands in a database: this measures discovery only.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from edunews.crawl import auto  # noqa: E402
from edunews.crawl.discovery import Context, Found, ListingFailure  # noqa: E402
from edunews.crawl.http import HttpClient  # noqa: E402
from edunews.crawl.learned import Learned  # noqa: E402
from edunews_sim.testsites import serve, shapes_common, shapes_unseen  # noqa: E402

# Both sets of shapes: those exploring was built on (shapes_common) and those written
# later to red-team it (shapes_unseen), each name with the function that builds it.
SHAPES = {
    **{n: shapes_common.build for n in shapes_common.ZOO},
    **{n: shapes_unseen.build for n in shapes_unseen.ZOO2},
}


def night(url: str, learned: Learned, since=None, known=frozenset()):
    ctx = Context(
        HttpClient(allow_private_network=True, interval=0.0, backoff=0.01, read_timeout=5),
        since=since,
        settings={"learned": learned},
        is_known=lambda u: u in known,
    )
    items = list(auto.discover(ctx, url))
    found = [i.url for i in items if isinstance(i, Found)]
    failures = [i.error.reason for i in items if isinstance(i, ListingFailure)]
    return found, failures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=14)
    args = parser.parse_args()
    print(
        f"{'shape':26} {'recall':>7} {'precision':>9} {'requests':>8} {'req/article':>11}"
        f" {'night 2 req':>11} {'ms':>6}  way / failure"
    )
    for name, build in SHAPES.items():
        site = build(name, args.articles)
        with serve(site) as served:
            truth = site.truth(served.url)
            learned = Learned()
            started = time.monotonic()
            found, failures = night(served.url, learned)
            elapsed = (time.monotonic() - started) * 1000
            requests = sum(served.hits.values())
            served.hits.clear()
            night(served.url, learned, datetime.now(UTC), frozenset(found))
            second = sum(served.hits.values())
        hits = set(found) & set(truth)
        recall = len(hits) / len(truth) if truth else float(not found)
        precision = len(hits) / len(set(found)) if found else float(not truth)
        per = f"{requests / len(hits):.2f}" if hits else "-"
        note = learned.way or ""
        if failures:
            note += " " + "; ".join(failures)[:90]
        print(
            f"{name:26} {recall:7.0%} {precision:9.0%} {requests:8d} {per:>11} {second:11d}"
            f" {elapsed:6.0f}  {note}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
