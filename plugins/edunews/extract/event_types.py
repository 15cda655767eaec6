"""The kind of event, from the cues of data/event_types.csv.

The title says what the report is about; the body mentions many activities in passing
(a workshop report lists the camp and the contest planned for next term). So cues are read
in the title first, then in the lead paragraph, then in the rest, and within one of those
the earliest cue wins, except that generic cues give way to any specific one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .data_files import read_csv, split_list

# Cues too common to decide alone: "ประชุม" names the meeting room, "ติดตาม" the
# supervision unit. They count only when nothing more specific is found in the same part.
_GENERIC_CUES = frozenset({"ประชุม", "ติดตาม", "เวที", "พิธี", "ยกย่อง", "เกียรติบัตร"})

# Words that contain a cue but are not that activity (ศึกษานิเทศก์ is a job title).
_FALSE_FRIENDS = (
    "ศึกษานิเทศก์",
    "พิธีกร",
    "ห้องประชุม",
    "ที่ประชุม",
    "หอประชุม",
    "ห้องนิทรรศการ",
    # competitiveness, not a contest: "ขีดความสามารถในการแข่งขันของประเทศ", "แข่งขันได้"
    "ความสามารถในการแข่งขัน",
    "ความสามารถการแข่งขัน",
    "ความสามารถทางการแข่งขัน",
    "ความสามารถด้านการแข่งขัน",
    "ศักยภาพในการแข่งขัน",
    "อัตราการแข่งขัน",
    "สามารถแข่งขันได้",
    "ให้แข่งขันได้",
    "และแข่งขันได้",
)

LEAD_CHARS = 700


@dataclass(frozen=True)
class EventTypeFinding:
    code: str
    cue: str
    where: str  # "title" | "lead" | "body"
    pos: int


@cache
def _cue_table() -> tuple[tuple[str, str], ...]:
    """(cue, code), longest cue first so that ประชุมเชิงปฏิบัติการ beats ประชุม."""
    pairs = [
        (cue, row["code"]) for row in read_csv("event_types.csv") for cue in split_list(row["cues"])
    ]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@cache
def _cue_re() -> re.Pattern[str]:
    parts = [re.escape(f) for f in _FALSE_FRIENDS]
    for cue, _code in _cue_table():
        # Latin cues (MOU, workshop) must stand as words; Thai ones cannot be bounded.
        if cue.isascii():
            parts.append(r"(?<![A-Za-z])" + re.escape(cue) + r"(?![A-Za-z])")
        else:
            parts.append(re.escape(cue))
    return re.compile("|".join(parts), re.IGNORECASE)


@cache
def _code_of() -> dict[str, str]:
    return {cue.casefold(): code for cue, code in _cue_table()}


def _cues_in(text: str) -> list[tuple[int, str, str]]:
    found = []
    for m in _cue_re().finditer(text):
        code = _code_of().get(m.group(0).casefold())
        if code:
            found.append((m.start(), m.group(0), code))
    return found


# Generic cues so loose in running text that only the title may use them ("ติดตาม" the
# news, a "เวที" of ideas, "ยกย่อง" someone's work).
_TITLE_ONLY_CUES = frozenset({"ติดตาม", "เวที", "ยกย่อง", "เกียรติบัตร"})


def _pick(found: list[tuple[int, str, str]], where: str) -> tuple[int, str, str] | None:
    if where != "title":
        found = [f for f in found if f[1] not in _TITLE_ONLY_CUES]
    specific = [f for f in found if f[1] not in _GENERIC_CUES]
    if specific:
        return specific[0]
    return found[0] if found else None


def find_event_type(title: str, text: str, lead_start: int = 0) -> EventTypeFinding | None:
    """The event type of a normalised title and body (`lead_start`: end of furniture)."""
    parts = (
        ("title", title, 0),
        ("lead", text[lead_start : lead_start + LEAD_CHARS], lead_start),
        ("body", text[lead_start + LEAD_CHARS :], lead_start + LEAD_CHARS),
    )
    for where, part, offset in parts:
        picked = _pick(_cues_in(part), where)
        if picked:
            pos, cue, code = picked
            return EventTypeFinding(code, cue, where, pos + offset)
    return None
