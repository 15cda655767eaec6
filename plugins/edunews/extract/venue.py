"""Where the event took place: the place after ณ (or ที่ + a place noun) in the report's lead.

The venue runs until the sentence moves on: a person's honorific, a clause word (โดย,
เพื่อ, ซึ่ง ...), a line break. Its province is read from the venue itself (จังหวัด X, a bare
province name, an office named in it, or a known landmark).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .offices import find_offices, office_province
from .provinces import find_bare, find_prefixed

# Nouns that start a place: "ที่" alone is mostly a relative pronoun, "ที่ห้องประชุม" a place.
_PLACE_NOUNS = (
    r"ห้อง|หอประชุม|หอ|โรงแรม|โรงเรียน|ร\.ร\.|อาคาร|ตึก|ศูนย์|สำนักงาน|มหาวิทยาลัย|วิทยาลัย|วัด|"
    r"สนาม|ลาน|ทำเนียบ|กระทรวง|จังหวัด|อำเภอ|ตำบล|บ้าน|หมู่บ้าน|สวน|อุทยาน|ค่าย|รีสอร์ท|"
    r"รีสอร์ต|เมือง|สถาบัน|พิพิธภัณฑ์|สพป|สพม|สพฐ|ศาลา|โรงพยาบาล|ที่ว่าการ|ศาลากลาง|เวที|"
    r"สถานี|ท่าอากาศยาน|สนามบิน|ประเทศ|กรุงเทพ|ชั้น"
)
_START = re.compile(
    r"(?:(?<![ก-๙])ณ(?:\s+|(?="
    + _PLACE_NOUNS
    + r"))|(?:(?<=\s)|^)ที่\s*(?=(?:"
    + _PLACE_NOUNS
    + r")))"
)

# Where the venue phrase ends.
_STOP = re.compile(
    r"\n|(?:\s|^)(?:โดย|เพื่อ|ซึ่ง|พร้อม|และมี|ทั้งนี้|สำหรับ|ในการนี้|ให้แก่|ให้กับ|เป็นประธาน|"
    r"เปิดเผย|กล่าว|จัดโดย|ตั้งแต่|ระหว่าง|เวลา|เมื่อ|ว่า|ตลอดจน|อย่างไรก็ตาม|นอกจากนี้)"
    r"|(?:\s|^)(?:นาย|นางสาว|นาง|น\.ส\.|ดร\.|ว่าที่|พล\.|พ\.ต\.|ศ\.|รศ\.|ผศ\.)"
    r"|(?:โดยมี|โดย|เพื่อ|ซึ่ง|ระหว่างวันที่|ในวันที่|เมื่อวันที่|วันที่)|[“\"/]"
)
_MAX_VENUE = 140
_MIN_VENUE = 3

# Landmarks whose province the text does not repeat.
_LANDMARKS = (
    ("ทำเนียบรัฐบาล", "กรุงเทพมหานคร"),
    ("ตึกไทยคู่ฟ้า", "กรุงเทพมหานคร"),
    ("ตึกสันติไมตรี", "กรุงเทพมหานคร"),
    ("กระทรวงศึกษาธิการ", "กรุงเทพมหานคร"),
    ("อาคารราชวัลลภ", "กรุงเทพมหานคร"),
    ("ศูนย์การประชุมแห่งชาติสิริกิติ์", "กรุงเทพมหานคร"),
    ("ไบเทค", "กรุงเทพมหานคร"),
    ("รัฐสภา", "กรุงเทพมหานคร"),
    ("จุฬาลงกรณ์มหาวิทยาลัย", "กรุงเทพมหานคร"),
    ("สำนักงานปลัดกระทรวงการอุดมศึกษา", "กรุงเทพมหานคร"),
    ("กระทรวงการอุดมศึกษา", "กรุงเทพมหานคร"),
    ("เมืองทองธานี", "นนทบุรี"),
    ("อิมแพ็ค", "นนทบุรี"),
    ("ท่าอากาศยานสุวรรณภูมิ", "สมุทรปราการ"),
    ("สุวรรณภูมิ", "สมุทรปราการ"),
    # National offices in Bangkok, named as venues without their city.
    ("สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "กรุงเทพมหานคร"),
    ("สพฐ", "กรุงเทพมหานคร"),
    ("สำนักงานปลัดกระทรวงศึกษาธิการ", "กรุงเทพมหานคร"),
    ("คุรุสภา", "กรุงเทพมหานคร"),
    ("สกสค", "กรุงเทพมหานคร"),
    ("กศน", "กรุงเทพมหานคร"),
    ("กรมส่งเสริมการเรียนรู้", "กรุงเทพมหานคร"),
    ("สำนักงานคณะกรรมการการอาชีวศึกษา", "กรุงเทพมหานคร"),
    ("สภาการศึกษา", "กรุงเทพมหานคร"),
    ("สป.อว", "กรุงเทพมหานคร"),
)


@dataclass(frozen=True)
class VenueFinding:
    venue: str
    start: int
    end: int
    province: str | None


def venue_province(venue: str) -> str | None:
    """The province a venue string names, if any."""
    prefixed = find_prefixed(venue)
    if prefixed:
        return prefixed[-1].province
    for office in find_offices(venue):
        province = office_province(office)
        if province:
            return province
    for name, province in _LANDMARKS:
        if name in venue:
            return province
    bare = find_bare(venue)
    return bare[-1].province if bare else None


def find_venue(text: str, start: int = 0, end: int | None = None) -> VenueFinding | None:
    """The first venue phrase in normalised text[start:end]."""
    window = text[start:end]
    for m in _START.finditer(window):
        rest = window[m.end() : m.end() + _MAX_VENUE]
        stop = _STOP.search(rest, 1)
        phrase = rest[: stop.start()] if stop else rest
        phrase = phrase.rstrip(" ,.").rstrip("(").rstrip()
        if phrase.count("(") > phrase.count(")"):
            closing = rest.find(")", len(phrase))
            phrase = rest[: closing + 1] if 0 <= closing < len(phrase) + 30 else phrase
        if len(phrase) < _MIN_VENUE:
            continue
        pos = start + m.end()
        return VenueFinding(phrase.strip(), pos, pos + len(phrase), venue_province(phrase))
    return None
