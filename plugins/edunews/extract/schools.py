"""Schools named in text: โรงเรียน + a proper name (ร.ร. expanded).

The word โรงเรียน also starts programme names and generic phrases (โรงเรียนคุณภาพประจำตำบล,
โรงเรียนขนาดเล็ก, โรงเรียนในสังกัด, โรงเรียนละ 2 คน); those are not schools. A name ends at
a space, a comma, or where the next person's honorific or a clause word is glued on
("โรงเรียนบ้านขุนแปะและนางสาวสมจิต", "โรงเรียนบ้านแม่สอยปัจจุบัน").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .data_files import read_lines
from .thai_text import norm

_SCHOOL_RE = re.compile(
    r"(?P<head>โรงเรียน|ร\.ร\.\s?)(?P<name>[ก-๙][ก-๙A-Za-z0-9.]{1,60})"
    r"(?P<paren>\s?\([^()\n]{1,40}\))?"
)

# What follows โรงเรียน in a generic phrase or a programme name.
_GENERIC_STARTS = read_lines("school_generic_starts.txt")
# Exact generic words that are whole names otherwise allowed by the starts above.
_PROPER_ALTHOUGH_GENERIC = ("บ้าน", "อนุบาล", "วัด", "ชุมชน", "สาธิต", "ราชประชานุเคราะห์")

# Where a glued-on word ends the name.
_NAME_TAIL = re.compile(
    r"(?:และ(?:นาย|นาง|น\.ส\.|ดร\.|โรงเรียน)|ปัจจุบัน|ในอดีต|เป็นผู้|เป็น|โดยมี|โดย|สังกัด|"
    r"ซึ่ง|ได้รับ|ได้|จังหวัด|อำเภอ|ให้|ร่วมกับ|ร่วม|จำนวน|นาย|นางสาว|นาง|ผู้อำนวยการ|"
    r"ที่ได้|ที่มี|ที่เข้า|ที่ผ่าน|มอบ|จัด|พร้อม|ทั้ง|กับ|เพื่อ|ในการ|ในสังกัด|ใน|ทั่ว|ตาม|ทุก|แห่ง|สามารถ|และคณะ|ชั้นนำ|ครั้งนี้|ที่ชนะ|ที่เพิ่ม|นี้|อย่าง|จะ|ต้อง|ด้วย|เท่านั้น)"
)
_MIN_NAME = 2
# Names that are only a kind of school.
_KIND_ONLY = frozenset(
    {
        "มัธยมศึกษา",
        "ประถมศึกษา",
        "มัธยม",
        "ประถม",
        "อนุบาล",
        "ขยายโอกาส",
        "บ้าน",
        "วัด",
        "ชุมชน",
        "ตำรวจตระเวนชายแดน",
        "ตชด.",
        "ตชด",
        "พระปริยัติธรรม",
        "เอกชน",
        "นานาชาติ",
        "ใหม่",
        "วิทยาศาสตร์",
        "สาธิต",
        "แพทย์",
        "ไทย",
    }
)


@dataclass(frozen=True)
class SchoolMention:
    name: str  # "โรงเรียน" + name (+ " (…)" when written so)
    start: int
    end: int


def _trim(name: str) -> str:
    tail = _NAME_TAIL.search(name, 2)
    if tail:
        name = name[: tail.start()]
    return name.rstrip(".")


def _is_generic(name: str) -> bool:
    if name.startswith(_PROPER_ALTHOUGH_GENERIC):
        return False
    return name.startswith(_GENERIC_STARTS)


def find_schools(text: str, start: int = 0, end: int | None = None) -> list[SchoolMention]:
    """Distinct schools in normalised text[start:end], first mention of each, in order."""
    seen: dict[str, SchoolMention] = {}
    for m in _SCHOOL_RE.finditer(text, start, len(text) if end is None else end):
        raw = m.group("name")
        if _is_generic(raw):
            continue
        name = _trim(raw)
        if len(name) < _MIN_NAME or _is_generic(name) or name in _KIND_ONLY:
            continue
        glued = len(name) == len(raw)
        # "(มธุลีห์ฯ)" belongs to the name; "(โรงเรียนเครือข่าย รุ่น 1)" is a remark.
        paren = m.group("paren") or ""
        if not glued or " " in paren.strip() or "โรงเรียน" in paren:
            paren = ""
        full = "โรงเรียน" + name + ((" " + paren.strip()) if paren else "")
        key = re.sub(r"\s+|\([^)]*\)", "", full)
        if key not in seen:
            seen[key] = SchoolMention(full, m.start(), m.start() + len(m.group("head")) + len(name))
    return list(seen.values())


_HEAD = re.compile(r"^(?:โรงเรียน|ร\.ร\.|รร\.)\s*")


def match_key(name: str) -> str:
    """A school's name as the warehouse matches it across articles: Thai spellings folded,
    without the word โรงเรียน (or ร.ร., รร.) in front, parentheses, white space and dots."""
    key = _HEAD.sub("", norm(name).strip())
    key = re.sub(r"\([^)]*\)", "", key)
    return re.sub(r"[\s.]", "", key)
