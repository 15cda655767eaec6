"""The dbt seeds made from the package's own rules, so the warehouse cannot drift from them:
thai_months.csv from edunews.thai_calendar. Written by `python -m edunews.transform.seeds`;
a unit test fails when the committed file differs from what this writes."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from edunews.config import dbt_project_dir
from edunews.thai_calendar import month_rows


def thai_months_csv() -> str:
    """The thai_months seed: month_number, month_name_th, month_abbr_th, one row a month."""
    out = io.StringIO()
    rows = month_rows()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


GENERATED = {"thai_months.csv": thai_months_csv}


def write_seeds(folder: Path | None = None) -> list[Path]:
    """Write every generated seed into `folder` (dbt_project/seeds by default)."""
    folder = folder or dbt_project_dir() / "seeds"
    written = []
    for name, make in GENERATED.items():
        path = folder / name
        path.write_text(make(), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_seeds():
        print(f"wrote {path}")
