"""Serve one test site by hand: `python -m edunews_sim.testsites KIND [--port N] [--articles N]`."""

from __future__ import annotations

import argparse
import time

from edunews_sim.server import start
from edunews_sim.testsites.catalog import KINDS, build_site


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m edunews_sim.testsites", description=__doc__)
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--articles", type=int, default=20)
    args = parser.parse_args()
    served = start(build_site(args.kind, args.articles), port=args.port)
    print(f"{args.kind} site on {served.url} (Ctrl-C stops it)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        served.close()


if __name__ == "__main__":
    main()
