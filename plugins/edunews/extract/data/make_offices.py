"""Write esa_offices.csv beside this file: the shared reference list plus the columns the
extractor derives from it (edunews.extract.office_list: office_id, seat_province, aliases).

    .venv/bin/python plugins/edunews/extract/data/make_offices.py [REFERENCE.csv]

REFERENCE defaults to shared/reference/esa_offices.csv beside the checkout. Run it when the
reference changes or when office_list's rules do (tests/unit/test_extract_office_list.py
fails until then), and bump EXTRACTOR_VERSION: records name the offices by these ids.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from edunews.extract.office_list import DERIVED_COLUMNS, REFERENCE_COLUMNS, derived_columns

HERE = Path(__file__).resolve().parent
DEFAULT_REFERENCE = HERE.parents[4].parent / "shared" / "reference" / "esa_offices.csv"


def main(argv: list[str]) -> int:
    reference = Path(argv[0]) if argv else DEFAULT_REFERENCE
    with open(reference, encoding="utf-8", newline="") as src:
        rows = list(csv.DictReader(src))
    with open(HERE / "esa_offices.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, REFERENCE_COLUMNS + DERIVED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({**{c: row[c] for c in REFERENCE_COLUMNS}, **derived_columns(row)})
    print(f"{len(rows)} offices written to {HERE / 'esa_offices.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
