"""The reference list of education offices (data/esa_offices.csv) and which office a
mention means: the identity the warehouse joins on, decided here and nowhere else.

An office mention resolves, in order, to: the listed office with the same (kind, province,
area_no); for a primary office written "เขต 1" (or with no area) in a province with a single
area, that province's office; a listed office of the same kind whose name, spelled any way
(`alias_key`), is the name written; else an office first seen in the news, identified by
what was written. `office_id` spells an identity as text: kind/province/area_no, "-" for
what is missing, and for a ministry or other body with no province its name's alias key.

The CSV is the shared reference (shared/reference/esa_offices.csv) plus columns derived
here, so that dbt seeds them instead of deriving them again in SQL: `office_id`,
`seat_province` (the province an office is identified by: none for the numbered secondary
offices before 2021) and `aliases` (the spellings it goes by). `make_offices.py` beside
the CSV writes them; a unit test checks they agree with this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .data_files import read_csv
from .thai_text import norm

OFFICES_CSV = "esa_offices.csv"
REFERENCE_COLUMNS = ("kind", "name", "provinces", "area_no", "website_2018", "domains_seen", "era")
DERIVED_COLUMNS = ("office_id", "seat_province", "aliases")

_LONG = {
    "spp": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา",
    "spm": "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา",
}
_ABBR = {"spp": "สพป.", "spm": "สพม."}
_NAMED_ONLY = ("moe", "other")


def alias_key(name: str) -> str:
    """What two spellings of an office's name share: no white space or dots, the long forms
    as their abbreviations, no (สพป)/(สพม) after them, no word เขต."""
    key = re.sub(r"[\s.]", "", norm(name))
    for kind, long in _LONG.items():
        key = key.replace(long, _ABBR[kind].rstrip("."))
    return key.replace("(สพม)", "").replace("(สพป)", "").replace("เขต", "")


def office_id(kind: str, province: str | None, area_no: int | None, name: str) -> str:
    """The identity of an office as text (see the module docstring)."""
    parts = [kind, province or "-", "-" if area_no is None else str(area_no)]
    if kind in _NAMED_ONLY and province is None:
        parts.append(alias_key(name))
    return "/".join(parts)


@dataclass(frozen=True)
class ListedOffice:
    office_id: str
    kind: str
    name: str
    province: str | None
    area_no: int | None
    long_name: str
    aliases: str


def _listed(row: dict[str, str]) -> ListedOffice:
    kind = row["kind"]
    area_no = int(row["area_no"]) if row["area_no"] else None
    old_numbered = kind == "spm" and row["era"] == "before_2021"
    served = row["provinces"].split()
    province = served[0] if served and not old_numbered else None
    name = row["name"]
    rest = f" เขต {area_no}" if province is None else re.sub(r"^สพ[ปม]\.\s*", "", name)
    long_name = _LONG.get(kind, "") + rest
    abbr = _ABBR.get(kind, "")
    spellings = [name]
    if re.match(r"^สพ[ปม]\.\S", name):
        spellings.append(re.sub(r"^(สพ[ปม]\.)", r"\1 ", name))
    if province is None and area_no is not None:
        spellings += [f"{abbr}{area_no}", f"{abbr} เขต {area_no}"]
    spellings.append(long_name)
    return ListedOffice(
        office_id=office_id(kind, province, area_no, name),
        kind=kind,
        name=name,
        province=province,
        area_no=area_no,
        long_name=long_name,
        aliases=" | ".join(dict.fromkeys(spellings)),
    )


@cache
def listed_offices() -> tuple[ListedOffice, ...]:
    return tuple(_listed(row) for row in read_csv(OFFICES_CSV))


@cache
def _by_identity() -> dict[tuple[str, str | None, int | None], ListedOffice]:
    return {(o.kind, o.province, o.area_no): o for o in listed_offices()}


@cache
def _single_area_provinces() -> dict[str, ListedOffice]:
    areas: dict[str, list[ListedOffice]] = {}
    for o in listed_offices():
        if o.kind == "spp" and o.province:
            areas.setdefault(o.province, []).append(o)
    return {
        p: found[0] for p, found in areas.items() if len(found) == 1 and found[0].area_no is None
    }


@cache
def _by_alias() -> dict[tuple[str, str], ListedOffice]:
    out: dict[tuple[str, str], ListedOffice] = {}
    for o in sorted(listed_offices(), key=lambda o: o.office_id, reverse=True):
        for spelling in (o.name, o.long_name):
            out[(o.kind, alias_key(spelling))] = o  # on a tie the smallest id wins
    return out


def resolve(kind: str, province: str | None, area_no: int | None, name: str) -> ListedOffice | None:
    """The listed office a mention means, or None (an office first seen in the news)."""
    found = _by_identity().get((kind, province, area_no))
    if found:
        return found
    if kind == "spp" and province and area_no in (None, 1):
        found = _single_area_provinces().get(province)
        if found:
            return found
    return _by_alias().get((kind, alias_key(name)))


def identity(kind: str, province: str | None, area_no: int | None, name: str) -> tuple[str, str]:
    """(office_id, office_name) of a mention: the listed office's, else its own."""
    listed = resolve(kind, province, area_no, name)
    if listed:
        return listed.office_id, listed.name
    return office_id(kind, province, area_no, name), " ".join(norm(name).split())


def derived_columns(row: dict[str, str]) -> dict[str, str]:
    """The CSV's derived columns of one reference row."""
    listed = _listed(row)
    return {
        "office_id": listed.office_id,
        "seat_province": listed.province or "",
        "aliases": listed.aliases,
    }
