"""The education offices the demo articles come from, and the ways articles name them."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pythainlp.corpus import provinces as _pythainlp_provinces

from edunews import config

# Spellings seen in the reference CSV that are not one of the 77 canonical names.
PROVINCE_ALIASES = {"ประจวบคีรีขันต์": "ประจวบคีรีขันธ์"}

_KIND_WORDS = {"spp": ("ประถมศึกษา", "สพป."), "spm": ("มัธยมศึกษา", "สพม.")}
_AREA_SUFFIX = re.compile(r"\s*เขต\s*\d+$")


@dataclass(frozen=True)
class Office:
    kind: str  # spp | spm
    provinces: tuple[str, ...]  # canonical names; the first is the office's seat
    place: str  # the province part of the office's name, as the CSV writes it ("" if none)
    area_no: int | None
    era: str  # current | before_2021 | since_2021

    @property
    def seat(self) -> str:
        return self.provinces[0]

    @property
    def key_province(self) -> str | None:
        """The office's `province` in the OFFICE key: none for the old numbered สพม."""
        return self.seat if self.place else None

    @property
    def names_one_province(self) -> bool:
        """Whether the name alone tells the province (so a venue at the office does too)."""
        return len(self.provinces) == 1 and bool(self.place)

    def long_name(self) -> str:
        """In full: "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 6"."""
        stem = "สำนักงานเขตพื้นที่การศึกษา" + _KIND_WORDS[self.kind][0]
        area = f" เขต {self.area_no}" if self.area_no is not None else ""
        return f"{stem}{self.place}{area}"

    def short_names(self) -> tuple[str, ...]:
        """Abbreviations as sites write them, with and without the space after the dot."""
        abbr = _KIND_WORDS[self.kind][1]
        if not self.place:
            return (
                f"{abbr}{self.area_no}",
                f"{abbr} เขต {self.area_no}",
                f"{abbr}เขต {self.area_no}",
            )
        area = f" เขต {self.area_no}" if self.area_no is not None else ""
        return (f"{abbr}{self.place}{area}", f"{abbr} {self.place}{area}")

    def slug(self) -> str:
        """ASCII, for post slugs: "spp-chiang-mai-6"."""
        parts = [self.kind, *(_english_slug(p) for p in self.provinces[:1] if self.place)]
        if self.area_no is not None:
            parts.append(str(self.area_no))
        return "-".join(parts)

    def key(self, name: str) -> dict[str, Any]:
        """The OFFICE key of EXTRACTION.md for this office written as `name`."""
        return {
            "kind": self.kind,
            "province": self.key_province,
            "area_no": self.area_no,
            "name": name,
        }


@cache
def canonical_provinces() -> dict[str, str]:
    """Canonical Thai province name -> English name (pythainlp's offline list)."""
    return {p["name_th"]: p["name_en"] for p in _pythainlp_provinces(details=True)}


def canonical_province(name: str) -> str:
    name = PROVINCE_ALIASES.get(name, name)
    if name not in canonical_provinces():
        raise ValueError(f"not a Thai province: {name!r}")
    return name


def _english_slug(province: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", canonical_provinces()[province].lower()).strip("-")


def _office_from_row(row: dict[str, str]) -> Office:
    kind = row["kind"]
    area_no = int(row["area_no"]) if row["area_no"].strip() else None
    abbr = _KIND_WORDS[kind][1]
    # The place is what the name says between the abbreviation and "เขต N": old
    # numbered secondary offices ("สพม.19") name no province at all.
    place = _AREA_SUFFIX.sub("", row["name"].removeprefix(abbr)).strip()
    if place.isdigit():
        place = ""
    return Office(
        kind=kind,
        provinces=tuple(canonical_province(p) for p in row["provinces"].split()),
        place=place,
        area_no=area_no,
        era=row["era"],
    )


def load_offices(path: Path | None = None) -> list[Office]:
    """Primary and secondary offices of the reference CSV (`config.offices_csv()`)."""
    with open(path or config.offices_csv(), encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["kind"] in _KIND_WORDS]
    return [_office_from_row(r) for r in rows]
