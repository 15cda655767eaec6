"""Later mentions of a person by title alone: "รมช.ศธ. กล่าวว่า ..." after "นายสุรศักดิ์
พันธ์เจริญวรกุล รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ (รมช.ศธ.) เป็นประธาน ...".

A title that opens a clause and is followed by a verb is matched to the person introduced
with that position. Titles and positions are compared by a key: abbreviations expanded
(data/title_abbreviations.csv), the word กระทรวง, parentheses, spaces and dots dropped, so
that รมว.อว., รมว.กระทรวง อว. and รัฐมนตรีว่าการกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและ
นวัตกรรม (อว.) are one key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .data_files import read_csv

# Heads of a title used alone as the subject of a sentence.
_HEADS = (
    r"รมว\.|รมช\.|รมต\.|รัฐมนตรี\S*|ปลัด|รองปลัด|ผอ\.|รอง\s?ผอ\.|ผู้อำนวยการ|รองผู้อำนวยการ|"
    r"เลขาธิการ|รองเลขาธิการ|อธิการบดี|นายกรัฐมนตรี|นายกฯ|รองนายกรัฐมนตรี|โฆษก|ผวจ\.|"
    r"ผู้ว่าราชการ|ศึกษาธิการจังหวัด|ศธจ\."
)
_VERBS = r"กล่าว|เปิดเผย|ระบุ|เน้นย้ำ|ย้ำ|ชี้แจง|แถลง|มอบ|เป็นประธาน|ได้|ยัง|ก็|จึง|เผย"
# The title: a head, the rest of its word, and at most two short words (" อว.", " ศธ.").
_TITLE_RE = re.compile(
    r"(?:^|(?<=[\s(“\"]))(?:ด้าน)?(?P<title>(?:" + _HEADS + r")[^\s]{0,45}(?:\s[^\s]{1,12}){0,2}?)"
    r"\s*(?=" + _VERBS + r")",
    re.MULTILINE,
)
_MIN_KEY = 6


@cache
def _expansions() -> tuple[tuple[str, str], ...]:
    rows = read_csv("title_abbreviations.csv")
    return tuple(sorted(((r["short"], r["long"]) for r in rows), key=lambda p: -len(p[0])))


def title_key(title: str) -> str:
    """The comparable form of a position or title (see module docstring)."""
    key = re.sub(r"\([^)]*\)", "", title)
    for short, long in _expansions():
        if short != long:
            key = key.replace(short, long)
    key = key.replace("กระทรวง", "")
    return re.sub(r"[\s.]", "", key)


@dataclass(frozen=True)
class TitleMention:
    key: str
    start: int
    end: int


def find_title_mentions(text: str, start: int = 0, end: int | None = None) -> list[TitleMention]:
    """Titles used as the subject of a clause in normalised text[start:end]."""
    found = []
    for m in _TITLE_RE.finditer(text, start, len(text) if end is None else end):
        key = title_key(m.group("title"))
        if len(key) >= _MIN_KEY:
            found.append(TitleMention(key, m.start("title"), m.end("title")))
    return found


def position_keys(position: str | None) -> tuple[str, ...]:
    """Keys a person's position answers to: the whole, and an abbreviation in brackets."""
    if not position:
        return ()
    keys = [title_key(position)]
    keys += [title_key(inner) for inner in re.findall(r"\(([^()]{2,20})\)", position)]
    return tuple(k for k in keys if len(k) >= _MIN_KEY)


def matches(title: str, position_key: str) -> bool:
    """A title refers to a position when their keys agree (a position may go on: "ผู้
    อำนวยการ สพป.X เขต 1 และ..." is still "ผอ.สพป.X เขต 1")."""
    return position_key == title or position_key.startswith(title) and len(title) >= 10
