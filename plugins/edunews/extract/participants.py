"""How many people took part: the total the report states, not a subgroup or a school count.

"รวมทั้งสิ้น ๒๒๐ คน" and "รวม 135 คน" state the total; "ผู้เข้าร่วมกว่า 300 คน" states it
for the whole event. "ครูโรงเรียนละ 2 คน" and "ศึกษานิเทศก์ จำนวน 15 คน" are parts, and
"38 โรงเรียน" counts schools, which the contract excludes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)"
# "คนละ 500 บาท" is an amount per person.
_PEOPLE = r"\s*(?:คน|ท่าน|รูป)(?!ละ)"
_APPROX = r"(?:กว่า|ประมาณ|ราว|เกือบ|จำนวน|ทั้งหมด|ทั้งสิ้น|ไม่น้อยกว่า|มากกว่า|\s)*\s*"

# The stated total: "รวมทั้งสิ้น 220 คน", "รวม 135 คน", "ทั้งหมด 80 คน".
_TOTAL = re.compile(r"(?:รวมทั้งสิ้น|รวมทั้งหมด|รวมจำนวน|รวม|ทั้งหมด|ทั้งสิ้น)" + _APPROX + _NUMBER + _PEOPLE)
# Participation words a little before a count of people.
_PARTICIPATION = re.compile(
    r"ผู้เข้าร่วม|เข้าร่วม|ร่วมกิจกรรม|ผู้เข้าอบรม|เข้ารับการอบรม|ผู้เข้าประชุม|เข้าประชุม|"
    r"ผู้เข้าแข่งขัน|ผู้ร่วมงาน|ร่วมงาน|ผู้เข้าสัมมนา|ผู้เข้าค่าย|ผู้เข้ารับ|ประกอบด้วย|รวมถึง|มีผู้"
)
# Anchored at the number (a pattern that opens with optional words is tried at every
# character: a third of the extractor's time went there).
_COUNT = re.compile(r"(?<![\d,])" + _NUMBER + _PEOPLE)
# "โรงเรียนละ 2 คน", "ๆ ละ 2 คน", "ห้องละ 3 คน": counts per unit, never the total.
_PER_UNIT = re.compile(r"ละ\s*$")
_MAX_GAP = 80

# Numbers of people who are not the event's participants: applicants, people affected,
# target groups and beneficiaries, people hired, statistics and plans ("จะ", "คาดว่า").
# The nearest cue before a count decides: "ผู้เข้าร่วมกิจกรรมเกินเป้าหมาย ... รวม 660,218
# คน" is about participants, "ผู้ได้รับผลกระทบ จำนวน 107,362 คน" is not.
_NOT_PARTICIPANTS = re.compile(
    r"ผู้สมัคร|(?<!อาสา)สมัคร|ผลกระทบ|กลุ่มเป้าหมาย|เป้าหมาย(?!ที่ตั้งไว้)|ได้ประโยชน์|ผู้รับประโยชน์|"
    r"จ้างงาน|ผู้กู้|ผู้ป่วย|ผู้เสียชีวิต|ต่างชาติทั้งหมด|ทั่วประเทศ|ปีการศึกษา|เพิ่มขึ้น|ลดลง|"
    r"คาดว่า|จะมี|จะ|ระยะแรก|ปีละ|ต่อปี|ผู้สำเร็จการศึกษา|ทุน|นักเรียนกว่า|มีนักเรียน"
)
_NEAREST_CUE = re.compile(_PARTICIPATION.pattern + "|(?P<not>" + _NOT_PARTICIPANTS.pattern + ")")
_CUE_CHARS = 90


def _about_participants(text: str, number_start: int) -> bool:
    """Whether the nearest cue before a count (same line) is not a non-participant one."""
    line_start = text.rfind("\n", 0, number_start) + 1
    window_start = max(line_start, number_start - _CUE_CHARS)
    cues = list(_NEAREST_CUE.finditer(text, window_start, number_start))
    return not cues or not cues[-1].group("not")


@dataclass(frozen=True)
class CountFinding:
    count: int
    start: int
    end: int


def _value(match: re.Match[str]) -> int:
    return int(match.group("n").replace(",", ""))


def find_participant_count(
    text: str, start: int = 0, end: int | None = None
) -> CountFinding | None:
    """The participant count stated in normalised text[start:end], or None."""
    window = text[start:end]
    for m in _TOTAL.finditer(window):
        if _value(m) > 0 and _about_participants(window, m.start("n")):
            return CountFinding(_value(m), start + m.start("n"), start + m.end("n"))
    for m in _COUNT.finditer(window):
        before = window[max(0, m.start() - _MAX_GAP) : m.start()]
        if _PER_UNIT.search(window[max(0, m.start("n") - 6) : m.start("n")]):
            continue
        if not _about_participants(window, m.start("n")):
            continue
        if _PARTICIPATION.search(before) and _value(m) > 1:
            return CountFinding(_value(m), start + m.start("n"), start + m.end("n"))
    return None
