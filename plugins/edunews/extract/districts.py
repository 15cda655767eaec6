"""Districts and sub-districts: the province a place phrase stands in when it names none.

data/districts.csv (from geothai, see data/README.md) lists the 928 districts (อำเภอ, and
Bangkok's 50 เขต) with their sub-districts (ตำบล, Bangkok's แขวง). A name is only read after
the word for its level ("อำเภอแม่ริม", "อ. แม่ริม", "ต.แม่เหียะ", "เขตดุสิต", "แขวงทุ่งพญาไท"),
and only when the name ends there (a space, punctuation, the next level's word), so that
อ.สมชาย the teacher or "ตำบลและอำเภอ" name no place.

Names repeat: เฉลิมพระเกียรติ is a district of five provinces, 752 sub-district names are
used in several, and "อ.เมือง" is the capital district of any province. The mentions of one
phrase ("ต.แม่เหียะ อ.เมือง") narrow each other; a name still shared by several provinces
gives the province the caller prefers (one named beside it, the organiser's) when that is
one of them, else none.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from .data_files import read_csv, split_list
from .provinces import canonical_names, find_prefixed

BANGKOK = "กรุงเทพมหานคร"
_CAPITAL = "เมือง"  # "อ.เมือง" alone: the capital district of any province but Bangkok

# The word for a level, then at most two spaces. Abbreviations (อ. ต.) stand after a space or
# the start, never inside a rank (พ.ต.อ.) or a month (ต.ค.); ส.ส.เขต is a constituency.
_PREFIX = re.compile(
    r"(?:(?P<district>อำเภอ|(?<![ก-๙.])อ\.)"
    r"|(?P<khet>(?<![ก-๙.])(?<!ส\.ส\.)(?<!ส\.ส\. )เขต)"
    r"|(?P<subdistrict>ตำบล|(?<![ก-๙.])ต\.)"
    r"|(?P<khwaeng>แขวง))"
    r" {0,2}"
)
# What may follow a name: no more Thai letters, unless the next level's word starts there.
_AFTER = re.compile(r"[^ก-๙]|$|จังหวัด|จ\.|อำเภอ|อ\.|ตำบล|ต\.|เขต|แขวง|กรุงเทพ|กทม")
# Sub-district names that are also words a sentence goes on with ("ระดับตำบลและอำเภอ",
# "4,435 ตำบลใหม่").
_WORDS = frozenset({"และ", "แก", "ควร", "ใหม่"})
# A phrase followed by this tells of an earlier event ("... อำเภอเชียงของ เมื่อปลายเดือน
# พฤศจิกายนที่ผ่านมา"), not of the one reported.
_EARLIER = re.compile(r"[^\n]{0,60}?ที่ผ่านมา")
# Mentions this close together are one phrase ("ต.คลองห้า อ.คลองหลวง จ.ปทุมธานี").
_PHRASE_GAP = 25


@dataclass(frozen=True)
class PlaceMention:
    level: str  # "district" or "subdistrict"
    name: str
    provinces: frozenset[str]
    start: int
    end: int


@dataclass(frozen=True)
class PlaceFinding:
    """A place phrase and the one province it resolves to."""

    province: str
    start: int
    end: int


@cache
def _gazetteer() -> dict[str, dict[str, frozenset[str]]]:
    """Prefix group -> name -> provinces having a place of that name at that level."""
    table: dict[str, dict[str, set[str]]] = {
        k: defaultdict(set) for k in ("district", "khet", "subdistrict", "khwaeng")
    }
    for row in read_csv("districts.csv"):
        bangkok = row["province"] == BANGKOK
        table["khet" if bangkok else "district"][row["district"]].add(row["province"])
        for sub in split_list(row["subdistricts"]):
            table["khwaeng" if bangkok else "subdistrict"][sub].add(row["province"])
    table["district"][_CAPITAL].update(p for p in canonical_names() if p != BANGKOK)
    return {k: {n: frozenset(p) for n, p in names.items()} for k, names in table.items()}


@cache
def _longest() -> int:
    return max(len(name) for names in _gazetteer().values() for name in names)


def find_places(text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
    """District and sub-district mentions in text[start:end], in order."""
    end = len(text) if end is None else min(end, len(text))
    table = _gazetteer()
    found: list[PlaceMention] = []
    for m in _PREFIX.finditer(text, start, end):
        group = m.lastgroup or ""
        names = table[group]
        level = "district" if group in ("district", "khet") else "subdistrict"
        head = text[m.end() : min(end, m.end() + _longest())]
        for length in range(len(head), 1, -1):
            provinces = names.get(head[:length])
            if provinces and head[:length] not in _WORDS and _AFTER.match(text, m.end() + length):
                name = head[:length]
                found.append(PlaceMention(level, name, provinces, m.start(), m.end() + length))
                break
    return found


def _phrases(mentions: list[PlaceMention]) -> list[list[PlaceMention]]:
    phrases: list[list[PlaceMention]] = []
    for mention in mentions:
        if phrases and mention.start - phrases[-1][-1].end <= _PHRASE_GAP:
            phrases[-1].append(mention)
        else:
            phrases.append([mention])
    return phrases


def _narrow(candidates: frozenset[str], mentions: Iterable[PlaceMention]) -> frozenset[str]:
    for mention in mentions:
        both = candidates & mention.provinces
        if both:
            candidates = both
    return candidates


def resolve(phrase: Sequence[PlaceMention], prefer: Sequence[str | None] = ()) -> str | None:
    """The province of one phrase's mentions: districts first, narrowed by sub-districts;
    when several provinces remain, the first of `prefer` among them, else None."""
    districts = [m for m in phrase if m.level == "district"]
    subdistricts = [m for m in phrase if m.level == "subdistrict"]
    first = districts or subdistricts
    if not first:
        return None
    candidates = _narrow(_narrow(first[0].provinces, first[1:]), subdistricts)
    if len(candidates) == 1:
        return next(iter(candidates))
    return next((p for p in prefer if p in candidates), None)


def find_place_province(
    text: str,
    start: int = 0,
    end: int | None = None,
    prefer: Sequence[str | None] = (),
    need_district: bool = False,
) -> PlaceFinding | None:
    """The first place phrase in text[start:end] that resolves to one province.

    A province the phrase goes on to name ("อ.แม่ริม จ.เชียงใหม่") is the answer, as it is
    in a venue. With `need_district`, a phrase must name a district (in running text a lone
    ตำบล is as often a programme's word as a place, and a place of an earlier event is
    no place of this one).
    """
    for phrase in _phrases(find_places(text, start, end)):
        tail = phrase[-1].end
        if need_district and (
            not any(m.level == "district" for m in phrase) or _EARLIER.match(text, tail)
        ):
            continue
        after = text[tail : tail + _PHRASE_GAP]
        named = find_prefixed(after)
        if named and not after[: named[0].start].strip(" ,"):
            return PlaceFinding(named[0].province, phrase[0].start, tail + named[0].end)
        province = resolve(phrase, prefer)
        if province:
            return PlaceFinding(province, phrase[0].start, tail)
    return None
