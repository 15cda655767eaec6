"""Where the event took place: the place after ณ (or ที่ + a place noun) in the report's lead.

The venue runs until the sentence moves on: a person's honorific, a clause word (โดย,
เพื่อ, ซึ่ง ...), a line break. Its province is read from the venue itself (จังหวัด X, an office
named in it, a district or sub-district, a known landmark, or a bare province name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .districts import find_place_province
from .offices import find_offices, office_province
from .provinces import find_bare, find_prefixed
from .schools import find_schools

# Nouns that start a place: "ที่" alone is mostly a relative pronoun, "ที่ห้องประชุม" a place.
_PLACE_NOUNS = (
    r"ห้อง|หอประชุม|หอ|โรงแรม|โรงเรียน|ร\.ร\.|อาคาร|ตึก|ศูนย์|สำนักงาน|มหาวิทยาลัย|วิทยาลัย|วัด|"
    r"สนาม|ลาน|ทำเนียบ|กระทรวง|จังหวัด|อำเภอ|ตำบล|บ้าน|หมู่บ้าน|สวน|อุทยาน|ค่าย|รีสอร์ท|"
    r"รีสอร์ต|เมือง|สถาบัน|พิพิธภัณฑ์|สพป|สพม|สพฐ|ศาลา|โรงพยาบาล|ที่ว่าการ|ศาลากลาง|เวที|"
    r"สถานี|ท่าอากาศยาน|สนามบิน|ประเทศ|กรุงเทพ|ชั้น"
)
# A site visit names its venue as the object of the visit ("ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้าน
# นา"), without ณ; only a named school or college is a place here (not "ตรวจเยี่ยมการ...").
_VISITED = r"(?:โรงเรียน|ร\.ร\.|วิทยาลัย|มหาวิทยาลัย)"
_START = re.compile(
    r"(?:(?<![ก-๙])ณ(?:\s+|(?="
    + _PLACE_NOUNS
    + r"))|(?:(?<=\s)|^)ที่\s*(?=(?:"
    + _PLACE_NOUNS
    + r"))|(?P<visit>(?:ตรวจเยี่ยม|เยี่ยมชม|เยี่ยม)\s*(?="
    + _VISITED
    + r")))"
)

# Where the venue phrase ends.
_STOP = re.compile(
    r"\n|(?:\s|^)(?:โดย|เพื่อ|ซึ่ง|พร้อม|และมี|ทั้งนี้|สำหรับ|ในการนี้|ให้แก่|ให้กับ|เป็นประธาน|"
    r"เปิดเผย|กล่าว|จัดโดย|ตั้งแต่|ระหว่าง|เวลา|เมื่อ|ว่า|ตลอดจน|อย่างไรก็ตาม|นอกจากนี้)"
    r"|(?:\s|^)(?:นาย|นางสาว|นาง|น\.ส\.|ดร\.|ว่าที่|พล\.|พ\.ต\.|ศ\.|รศ\.|ผศ\.)"
    # The lead's count clause follows the venue: "... ณ ห้องประชุม มีผู้เข้าร่วม 80 คน".
    r"|(?:\s|^)(?:มีผู้|ผู้เข้าร่วม|มีครู|มีนักเรียน|จำนวน|รวมทั้งสิ้น|กิจกรรม|ในการนี้)"
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


def venue_province(venue: str, prefer: Sequence[str | None] = ()) -> str | None:
    """The province a venue string names, if any.

    A district or sub-district ("หอประชุมอำเภอแม่ริม") beats landmarks and bare names (a
    university named after its home province may have its campus elsewhere); a district
    name several provinces share gives the one the venue names bare, else the first of
    `prefer` (the title's province, the organiser's) among them, else none.
    """
    prefixed = find_prefixed(venue)
    if prefixed:
        return prefixed[-1].province
    for office in find_offices(venue):
        province = office_province(office)
        if province:
            return province
    bare = [m.province for m in reversed(find_bare(venue))]
    place = find_place_province(venue, prefer=[*bare, *prefer])
    if place:
        return place.province
    for name, province in _LANDMARKS:
        if name in venue:
            return province
    return bare[0] if bare else None


def _names_a_place(phrase: str) -> bool:
    """A visited "โรงเรียน..." must be a school's name, not a kind of school."""
    if phrase.startswith(("โรงเรียน", "ร.ร.")):
        return any(s.start == 0 for s in find_schools(phrase))
    name = re.sub(r"^(?:มหาวิทยาลัย|วิทยาลัย)", "", phrase)
    return len(name) >= 3 and not re.match(r"ใน|ที่|ของ|ทั่ว|ต่าง|สังกัด", name)


def _phrase(rest: str, visit: bool) -> str:
    """The venue phrase at the start of `rest`, cut where the sentence moves on."""
    stop = _STOP.search(rest, 1)
    phrase = rest[: stop.start()] if stop else rest
    if visit:  # "ตรวจเยี่ยมวิทยาลัยเพาะช่างและชมนิทรรศการ": the visit goes on
        phrase = phrase.split("และ", 1)[0]
    phrase = phrase.rstrip(" ,.").rstrip("(").rstrip()
    if phrase.count("(") > phrase.count(")"):
        closing = rest.find(")", len(phrase))
        phrase = rest[: closing + 1] if 0 <= closing < len(phrase) + 30 else phrase
    return phrase


def find_venue(
    text: str, start: int = 0, end: int | None = None, prefer: Sequence[str | None] = ()
) -> VenueFinding | None:
    """The first venue phrase in normalised text[start:end]: after ณ / ที่ + place noun,
    else the place a site visit names. `prefer`: see `venue_province`."""
    window = text[start:end]
    visited: VenueFinding | None = None
    for m in _START.finditer(window):
        visit = bool(m.group("visit"))
        if visit and visited is not None:
            continue
        phrase = _phrase(window[m.end() : m.end() + _MAX_VENUE], visit)
        if len(phrase) < _MIN_VENUE or (visit and not _names_a_place(phrase)):
            continue
        pos = start + m.end()
        found = VenueFinding(phrase.strip(), pos, pos + len(phrase), venue_province(phrase, prefer))
        if not visit:
            return found
        visited = found
    return visited
