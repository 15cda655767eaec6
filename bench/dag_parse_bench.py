"""How long Airflow takes to parse the DAG files (the dag-processor does it every few minutes).

Each file is parsed in a fresh interpreter, as the dag-processor does, `--repeat` times;
prints the DagBag's own per-file parse time and the whole import, min and median.

    .venv/bin/python bench/dag_parse_bench.py [--repeat 5]

Needs the dbt manifest (`edunews manifest`): the transform DAG is rendered from it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_PARSE_ONE = """
import json, sys, time
started = time.perf_counter()
from airflow.dag_processing.dagbag import DagBag
bag = DagBag(dag_folder=sys.argv[1])
total = time.perf_counter() - started
stat = bag.dagbag_stats[0]
print(json.dumps({"parse": stat.duration.total_seconds(), "total": total,
                  "tasks": stat.task_num, "errors": len(bag.import_errors)}))
"""


def parse_once(path: Path, env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _PARSE_ONE, str(path)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from edunews.orchestration.airflow_env import airflow_env
    from edunews.transform.dbt import manifest_path

    if not manifest_path().exists():
        sys.exit(f"{manifest_path()} is missing: run `edunews manifest` first")
    env = {**os.environ, **airflow_env()}
    print(f"{'file':<24} {'tasks':>5} {'parse min':>10} {'parse med':>10} {'with imports':>13}")
    for path in sorted((ROOT / "dags").glob("*.py")):
        runs = [parse_once(path, env) for _ in range(args.repeat)]
        assert all(run["errors"] == 0 for run in runs), f"{path.name} has import errors"
        parse = [run["parse"] for run in runs]
        total = [run["total"] for run in runs]
        print(
            f"{path.name:<24} {runs[0]['tasks']:>5} {min(parse):>9.2f}s"
            f" {statistics.median(parse):>9.2f}s {statistics.median(total):>12.2f}s"
        )


if __name__ == "__main__":
    main()
