"""The 77 provinces: canonical names, the short forms writers use, and where they occur.

Several province names are also ordinary words (เลย "at all", แพร่ "to spread", ตาก "to dry",
น่าน, ตราด ...), so free text only yields a province after จังหวัด / จ. ; a bare name is
trusted only where a place is expected (an office name, a venue).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .data_files import read_csv, split_list


@cache
def canonical_names() -> tuple[str, ...]:
    return tuple(row["name_th"] for row in read_csv("provinces.csv"))


@cache
def _alias_map() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in read_csv("provinces.csv"):
        names[row["name_th"]] = row["name_th"]
        for alias in split_list(row["aliases"]):
            names[alias] = row["name_th"]
    return names


@cache
def province_pattern() -> str:
    """Regex alternation of every name and alias, longest first (no groups)."""
    names = sorted(_alias_map(), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(n) for n in names) + ")"


def canonical(name: str | None) -> str | None:
    """กรุงเทพฯ -> กรุงเทพมหานคร; None when `name` is not a province."""
    if not name:
        return None
    key = name.strip()
    return _alias_map().get(key) or _alias_map().get(key.replace(" ", ""))


@cache
def _prefixed_re() -> re.Pattern[str]:
    return re.compile(r"(?:จังหวัด|จ\.)\s*(" + province_pattern() + ")")


@cache
def _bare_re() -> re.Pattern[str]:
    return re.compile("(" + province_pattern() + ")")


@dataclass(frozen=True)
class ProvinceMention:
    province: str
    start: int
    end: int


def find_prefixed(text: str) -> list[ProvinceMention]:
    """Provinces written after จังหวัด or จ. (safe in any running text)."""
    return [
        ProvinceMention(canonical(m.group(1)) or m.group(1), m.start(), m.end())
        for m in _prefixed_re().finditer(text)
    ]


def find_bare(text: str) -> list[ProvinceMention]:
    """Province names anywhere: only for text known to name a place (a venue)."""
    return [
        ProvinceMention(canonical(m.group(1)) or m.group(1), m.start(), m.end())
        for m in _bare_re().finditer(text)
    ]
