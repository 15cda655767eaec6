"""The analysts' questions (dbt_project/analyses/*.sql): listed, compiled by dbt, run as the
read-only reader, shown as a table or written as CSV."""

from __future__ import annotations

import csv
import difflib
import os
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from edunews.config import dbt_project_dir
from edunews.transform.dbt import dbt_env, dbt_executable, manifest_path


class AnalysisError(RuntimeError):
    """An analysis that does not exist or could not be compiled: the message says the fix."""


@dataclass(frozen=True)
class Analysis:
    name: str
    description: str


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def analyses_dir() -> Path:
    return dbt_project_dir() / "analyses"


def compiled_dir() -> Path:
    """Where `dbt compile` writes the analyses as plain SQL (beside the manifest)."""
    return manifest_path().parent / "compiled" / "edunews" / "analyses"


def list_analyses() -> list[Analysis]:
    described = {}
    for path in analyses_dir().glob("*.yml"):
        for entry in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("analyses", []):
            described[entry["name"]] = " ".join(str(entry.get("description", "")).split())
    return [
        Analysis(path.stem, described.get(path.stem, ""))
        for path in sorted(analyses_dir().glob("*.sql"))
    ]


def compile_analysis(name: str) -> str:
    """The analysis's SQL as dbt compiles it (refs resolved to the warehouse's tables)."""
    names = [analysis.name for analysis in list_analyses()]
    if name not in names:
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(close)}?" if close else "see `edunews analyses list`"
        raise AnalysisError(f"no analysis named {name!r}: {hint}")
    proc = subprocess.run(
        [dbt_executable(), "compile", "--quiet", "--select", f"resource_type:analysis,{name}"],
        cwd=dbt_project_dir(),
        env={**os.environ, **dbt_env()},
        capture_output=True,
        text=True,
    )
    compiled = compiled_dir() / f"{name}.sql"
    if proc.returncode != 0 or not compiled.exists():
        last = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
        reason = last[-1].strip() if last else f"dbt exited with {proc.returncode}"
        raise AnalysisError(
            f"dbt could not compile {name}: {reason} (run `edunews dbt compile --select {name}`"
            " for the whole output)"
        )
    return compiled.read_text(encoding="utf-8")


def run_analysis(name: str) -> Result:
    """Compile `name` and run it as the reader role, which can read the marts and no more."""
    from edunews.warehouse import connect

    sql = compile_analysis(name)
    with connect("reader") as conn:
        conn.read_only = True
        cur = conn.execute(sql)
        columns = [column.name for column in cur.description or []]
        return Result(columns, list(cur.fetchall()))


def write_csv(result: Result, path: str | Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(result.columns)
        writer.writerows(["" if value is None else value for value in row] for row in result.rows)


def _width(text: str) -> int:
    """Columns a terminal gives `text`: Thai vowel and tone marks above or below a letter
    take none."""
    return sum(
        0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf") else 1
        for c in text
    )


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def table_lines(result: Result) -> list[str]:
    """The result as aligned text: a header, a rule, one line a row."""
    cells = [[_cell(v) for v in row] for row in result.rows]
    widths = [
        max([_width(name)] + [_width(row[i]) for row in cells])
        for i, name in enumerate(result.columns)
    ]

    def line(values: list[str]) -> str:
        padded = (v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True))
        return "  ".join(padded).rstrip()

    return [
        line(result.columns),
        "  ".join("-" * w for w in widths),
        *(line(row) for row in cells),
    ]
