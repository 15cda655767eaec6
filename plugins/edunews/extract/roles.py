"""The role a named person plays in the event, read from the clause the name sits in.

Thai reports put the verb after the name and its position: "นายก ผอ.สพป.X เป็นประธาน",
"โดยมี นางข ศึกษานิเทศก์ เป็นวิทยากร". A name's role is the first role cue after it in
its own clause; a clause ends at a line break, a quote, or a word that opens the next one
(โดยมี, และมี, พร้อมด้วย, ได้แก่ ...). Names listed in one clause share the verb that
closes the list ("นายก ... นางข ... และคณะ เป็นผู้ดำเนินการเสวนา"); a list with no verb takes
its role from the words that introduce it ("ครูที่ได้รับรางวัล ได้แก่ ...", "พร้อมด้วย ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Role cues, in order of precedence where two start at the same place. "ร่วม" prefixes
# other verbs ("ร่วมลงนาม", "ร่วมเป็นสักขีพยาน"): those keep their own role.
_ROLE_CUES = (
    ("chair", r"เป็นประธาน|ประธานในพิธี|ประธานพิธี|ประธานเปิด|ประธานในการ|ประธานการประชุม"),
    ("reporter", r"กล่าวรายงาน"),
    ("witness", r"(?:ร่วม)?(?:เป็น)?สักขีพยาน"),
    ("signatory", r"(?:ร่วม)?ลงนาม"),
    ("moderator", r"ผู้ดำเนินการ|ดำเนินรายการ|ผู้ดำเนินรายการ|พิธีกร|ดำเนินการเสวนา"),
    (
        "awardee",
        r"(?:ได้)?รับ(?:โล่)?(?:รางวัล|โล่|เกียรติบัตร|ทุน|พระราชทาน|ประกาศนียบัตร)|รับมอบ",
    ),
    ("host", r"ให้การต้อนรับ|ให้การรับรอง|เจ้าภาพ|ต้อนรับ"),
    (
        "speaker",
        r"(?:ร่วม)?(?:บรรยาย|นำเสนอ|เสวนา|แลกเปลี่ยนประสบการณ์|แลกเปลี่ยนเรียนรู้)|วิทยากร|ถ่ายทอด|"
        r"กล่าว|เปิดเผย|ให้สัมภาษณ์|ชี้แจง|แถลง",
    ),
    ("attendee", r"(?:เฝ้า)?รับเสด็จ|เข้าร่วม|ร่วมงาน|ร่วมกิจกรรม|ร่วมพิธี|ร่วมประชุม|ร่วมเป็น|ร่วมให้|ร่วม"),
)
_ROLE_RE = re.compile("|".join(f"(?P<{role}>{cue})" for role, cue in _ROLE_CUES))

# Words that end a clause. The list openers also say what the list is.
# "ลงนาม ... ระหว่าง นายก ... และนางข ...": the parties of an agreement (not a date range).
_LIST_OPENERS = r"ได้แก่|ประกอบด้วย|อาทิ|อาทิเช่น|ระหว่าง(?!\s*(?:วันที่|เดือน|\d))"
_COMPANIONS = r"พร้อมด้วย|พร้อมทั้ง"
_CLAUSE_BREAK = re.compile(
    r"\n|[“”\"]|(?P<list>" + _LIST_OPENERS + r")|(?P<companions>" + _COMPANIONS + r")"
    r"|โดยมี|และมี|ซึ่งมี|(?:\s|^)(?:ทั้งนี้|ในการนี้|นอกจากนี้|อย่างไรก็ตาม|ขณะที่|ต่อมา)"
)

# A person who delegates does not do what the delegate does.
_DELEGATES = re.compile(r"มอบหมาย")

# Higher roles override lower ones when a person appears several times.
ROLE_RANK = {
    "chair": 0,
    "signatory": 1,
    "reporter": 2,
    "witness": 3,
    "moderator": 4,
    "awardee": 5,
    "host": 6,
    "speaker": 7,
    "attendee": 8,
    "mentioned": 9,
}

# How far back the words that introduce a list are read, and how long a list may run.
_HEAD_CHARS = 200
_LIST_CHARS = 600


@dataclass(frozen=True)
class NameSpan:
    """Where one mention of a person is: the name starts at `start`; its own words (the
    position, the verb) follow `name_end`."""

    start: int
    name_end: int


@dataclass(frozen=True)
class RoleFinding:
    """A role and the words it was read from (offsets in the text)."""

    role: str
    start: int
    end: int


def _cue(text: str, start: int, end: int) -> RoleFinding | None:
    m = _ROLE_RE.search(text, start, end)
    return RoleFinding(m.lastgroup, m.start(), m.end()) if m and m.lastgroup else None


def _clause_end(text: str, start: int, limit: int) -> tuple[int, bool]:
    """Where the clause from `start` ends, and whether companions follow there."""
    m = _CLAUSE_BREAK.search(text, start, limit)
    if m is None:
        return limit, False
    return m.start(), bool(m.group("companions"))


def _opener_role(text: str, start: int) -> RoleFinding | None:
    """The role a list takes from the words that open the clause `start` is in, if any."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - _LIST_CHARS)
    breaks = list(_CLAUSE_BREAK.finditer(text, line_start, start))
    if not breaks:
        return None
    last = breaks[-1]
    if last.group("companions"):
        return RoleFinding("attendee", last.start(), last.end())
    if last.group("list"):
        head_start = breaks[-2].end() if len(breaks) > 1 else line_start
        return _cue(text, max(head_start, last.start() - _HEAD_CHARS), last.start())
    return None


def clause_roles(text: str, spans: list[NameSpan], end: int) -> list[RoleFinding | None]:
    """The role of each mention (in text order), None where the text gives none."""
    roles: list[RoleFinding | None] = [None] * len(spans)
    # Walk backwards so that a name without a verb can take the verb of the next name in
    # the same clause (the verb that closes the list).
    following: RoleFinding | None = None  # the role the next name's own words give it
    for i in range(len(spans) - 1, -1, -1):
        span = spans[i]
        next_start = spans[i + 1].start if i + 1 < len(spans) else end
        clause_end, companions = _clause_end(text, span.name_end, end)
        role = _cue(text, span.name_end, min(next_start, clause_end))
        # "นายก รมว. พร้อมด้วย นางข ปลัด เฝ้ารับเสด็จ": the subject shares its
        # companions' verb; not one who hands the task on ("นายก มอบหมายให้ นางข เป็นประธาน").
        delegates = _DELEGATES.search(text, span.name_end, min(next_start, clause_end))
        if role is None and (next_start < clause_end or companions) and not delegates:
            role = following
        own = role
        if role is None:
            role = _opener_role(text, span.start)
        roles[i] = role
        following = own
    return roles
