"""Write districts.csv beside this file from the PyPI package geothai (not a dependency).

    python -m venv /tmp/gt && /tmp/gt/bin/pip install geothai==3.2.1
    /tmp/gt/bin/python plugins/edunews/extract/data/make_districts.py

One row per district (อำเภอ, and Bangkok's เขต): the province's canonical name, the
district's name without the word for the level ("เขตพระนคร" -> "พระนคร"), and its
sub-districts (ตำบล, Bangkok's แขวง) joined with "|". The data is GeoThai's (CC BY 4.0);
see README.md here.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import geothai

HERE = Path(__file__).resolve().parent


def main() -> int:
    with open(HERE / "provinces.csv", encoding="utf-8") as src:
        canonical = {row["name_th"] for row in csv.DictReader(src)}
    rows = []
    for province in geothai.provinces():
        if province.name_th not in canonical:
            print(f"unknown province {province.name_th}", file=sys.stderr)
            return 1
        for district in geothai.districts(province.code):
            name = district.name_th
            if province.code == "10":  # Bangkok: "เขตพระนคร" -> "พระนคร"
                name = name.removeprefix("เขต")
            subs = [s.name_th for s in geothai.subdistricts(district.code)]
            rows.append((province.name_th, name, "|".join(subs)))
    with open(HERE / "districts.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("province", "district", "subdistricts"))
        writer.writerows(rows)
    print(f"geothai data {geothai.DATA_VERSION}: {len(rows)} districts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
