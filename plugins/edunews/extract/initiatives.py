"""Programmes and policies the event serves, by the aliases of data/initiatives.csv.

Some aliases are everyday phrases as well as programme names ("ทักษะอาชีพ", "มีงานทำ",
"ดิจิทัล", "ภาษาอังกฤษ", "AI"): a report that mentions them once in passing is not about that
programme. They count only in the title or when repeated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .data_files import read_csv, split_list
from .record_types import SpanSource

WEAK_ALIASES = frozenset(
    {
        "ทักษะอาชีพ",
        "มีงานทำ",
        "ดิจิทัล",
        "AI",
        "ภาษาอังกฤษ",
        "ปฐมวัย",
        "อาหารกลางวัน",
        "ติดตาม",
        "On-site",
        "On-line",
        "On-air",
        "ลดความเหลื่อมล้ำ",
        "ยาเสพติด",
        "ประกันคุณภาพ",
        "พัฒนาครู",
        "ลูกเสือ",
        "กลุ่มโรงเรียน",
        "ควบรวม",
        "วิทยฐานะ",
        "SAR",
    }
)

# Named programmes are read in the report's first part only: further down, pages list
# related projects of the ministry.
_PROGRAMME_CHARS = 1500

# Short Latin aliases collide with other words (NT in NTERNATIONAL, AI in AIDS, RT in
# ART): they must stand alone and keep their case.
_CASE_SENSITIVE_MAX = 5


@dataclass(frozen=True)
class InitiativeMention:
    code: str
    name: str  # the programme's name in the code list (name_th)
    evidence: str  # the words matched, as normalised
    start: int
    end: int
    source: SpanSource  # "title" | "text"


@cache
def _alias_table() -> tuple[tuple[str, str, str], ...]:
    rows = []
    for row in read_csv("initiatives.csv"):
        for alias in split_list(row["aliases"]):
            rows.append((alias, row["code"], row["name_th"]))
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


def _alias_pattern(alias: str) -> str:
    body = re.escape(alias).replace(r"\ ", r"\s*")
    # "1 ตำบล 1 โรงเรียนคุณภาพ" is also written with Thai digits, which are normalised.
    if alias.isascii():
        return r"(?<![A-Za-z])" + body + r"(?![A-Za-z])"
    return body


@cache
def _code_patterns() -> tuple[tuple[str, str, tuple[str, ...], re.Pattern[str]], ...]:
    """One pattern per code, so that overlapping aliases of two codes are both found
    ("1 โรงเรียน 1 นวัตกรรมสิ่งแวดล้อม" is one_school_one_innovation and
    environment_education). Each comes with probes: plain substrings one of which must be
    in the text before the (slow) pattern runs."""
    by_code: dict[str, tuple[str, list[str], list[str]]] = {}
    for alias, code, name in _alias_table():
        _name, parts, probes = by_code.setdefault(code, (name, [], []))
        probes.append(max(alias.split(), key=len).casefold())
        if alias.isascii() and len(alias) <= _CASE_SENSITIVE_MAX:
            parts.append(_alias_pattern(alias))
        else:
            parts.append("(?i:" + _alias_pattern(alias) + ")")
    return tuple(
        (code, name, tuple(probes), re.compile("|".join(parts)))
        for code, (name, parts, probes) in by_code.items()
    )


def _mentions(text: str, source: SpanSource) -> list[InitiativeMention]:
    found = []
    folded = text.casefold()
    for code, name, probes, pattern in _code_patterns():
        if not any(p in folded for p in probes):
            continue
        for m in pattern.finditer(text):
            found.append(InitiativeMention(code, name, m.group(0), m.start(), m.end(), source))
    found.sort(key=lambda x: (x.source != "title", x.start))
    return found


def _key(words: str) -> str:
    return re.sub(r"\s+", "", words).casefold()


_WEAK_KEYS = frozenset(_key(w) for w in WEAK_ALIASES)


def _is_weak(mention: InitiativeMention) -> bool:
    return _key(mention.evidence) in _WEAK_KEYS


# A weak alias right after these words names the programme the event serves
# ("สอดคล้องกับนโยบายการลดความเหลื่อมล้ำทางการศึกษา", "วางแนวทางการ...ปฐมวัย").
_POLICY_BEFORE = re.compile(r"นโยบาย(?:การ|ด้าน|เรื่อง)?|แนวทางการ")
_POLICY_CHARS = 40

# Named local programmes not in the code list: "โครงการ “บ่องามสร้างสุข”", "“ห้วยกลางโมเดล”".
_NAMED_PROGRAMME = re.compile(
    r"โครงการ\s?[“\"‘](?P<project>[^”\"’\n]{3,60})[”\"’]"
    r"|[“\"‘](?P<model>[^”\"’\n\s]{2,30}\s?(?:โมเดล|Model|model))[”\"’]"
)


def _passing_mention(m: InitiativeMention, counts: dict[str, int], text: str) -> bool:
    """A weak alias once in the body, not named as a policy: not the event's topic."""
    if not _is_weak(m) or m.source == "title" or counts[_key(m.evidence)] >= 2:
        return False
    return not _in_policy_context(text, m)


def _in_policy_context(text: str, mention: InitiativeMention) -> bool:
    line_start = text.rfind("\n", 0, mention.start) + 1
    before = text[max(line_start, mention.start - _POLICY_CHARS) : mention.start]
    return bool(_POLICY_BEFORE.search(before))


def _named_programmes(text: str, source: SpanSource, known: list[InitiativeMention]):
    """`other` for each named programme whose name holds no alias of the code list."""
    found = []
    for m in _NAMED_PROGRAMME.finditer(text):
        group = "project" if m.group("project") else "model"
        start, end = m.start(group), m.end(group)
        if any(k.source == source and k.start < end and start < k.end for k in known):
            continue
        name = m.group(group).strip()
        found.append(InitiativeMention("other", name, name, start, start + len(name), source))
    return found


def find_initiatives(title: str, text: str) -> list[InitiativeMention]:
    """One mention per code (the first; every distinct name for `other`), in order of
    appearance, title first."""
    mentions = _mentions(title, "title") + _mentions(text, "text")
    mentions += _named_programmes(title, "title", mentions)
    mentions += _named_programmes(text[:_PROGRAMME_CHARS], "text", mentions)
    mentions.sort(key=lambda x: (x.source != "title", x.start))
    # A weak alias counts when the same words come back (one passing phrase is not a topic).
    counts: dict[str, int] = {}
    for m in mentions:
        key = _key(m.evidence)
        counts[key] = counts.get(key, 0) + 1
    chosen: dict[str, InitiativeMention] = {}
    for m in mentions:
        key = m.code if m.code != "other" else "other:" + _key(m.evidence)
        if key in chosen:
            continue
        if _passing_mention(m, counts, text):
            continue
        chosen[key] = m
    return list(chosen.values())
