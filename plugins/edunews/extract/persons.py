"""People named with an honorific, a given name and a family name, with position and role.

Thai runs words together, so a name is found from its honorific (นาย, นางสาว, ดร.,
ว่าที่ร้อยตรี, ศ.ดร. ...) and ends at the first space after the family name. A later mention
by the given name alone ("นายระบอบ กล่าว") is the same person. The role comes from the
words between the name and the next person: "เป็นประธาน" makes the chair, and a list of
names that ends with one verb ("... และคณะ เป็นผู้ดำเนินการเสวนา") shares it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .data_files import read_lines
from .offices import find_offices
from .schools import find_schools

# One honorific; a person may carry several ("ว่าที่ร้อยตรี ดร.", "ศ.(พิเศษ) ดร.นพ.").
_HONORIFICS = sorted(read_lines("honorifics.txt"), key=len, reverse=True)
_HON = "(?:" + "|".join(re.escape(h) for h in _HONORIFICS).replace(r"\ ", r"\s?") + ")"
# Modifiers that only follow another title ("ศ.(พิเศษ) ดร."): "ความสามารถพิเศษ" is no title.
_MODIFIERS = ("พิเศษ", "(พิเศษ)", "เกียรติคุณ")
_LEAD = (
    "(?:"
    + "|".join(re.escape(h) for h in _HONORIFICS if h not in _MODIFIERS).replace(r"\ ", r"\s?")
    + ")"
)
# An honorific must not be the tail of another word (พ.ศ. holds ศ.); นาย / นาง may follow
# a Thai word directly ("ซึ่งมีนายไพโรจน์"), the dotted ones may not.
_PERSON_RE = re.compile(
    r"(?<![.])(?P<hon>" + _LEAD + r"(?:[ \t]*" + _HON + r")*)[ \t]*"
    r"(?P<given>[ก-ฮเ-ไ][ก-๙]{1,24})(?P<gap>[ \t]+)(?P<family>[ก-๙][ก-๙.]{1,30})?"
)
_THAI_LETTER = re.compile(r"[ก-๙]")

# Words that follow "นาย" as part of a word, not a name (นายกรัฐมนตรี, นายอำเภอ).
_NOT_GIVEN_PREFIXES = (
    "กรัฐมนตรี",
    "กเทศมนตรี",
    "กสมาคม",
    "กสภา",
    "กองค์การ",
    "กอบต",
    "กอบจ",
    "กเมือง",
    "อำเภอ",
    "ทะเบียน",
    "ทหาร",
    "ตำรวจ",
    "จ้าง",
    "หน้า",
    "ประกัน",
    "ทุน",
    "ด่าน",
    "ช่าง",
    "สถานี",
    "งาน",
    "ฟ้า",
    "พยาบาล",
    "แบบ",
    "กรัฐ",
)
# Tokens that follow a given name but are not a family name: the person was named by the
# given name alone ("นายระบอบ กล่าว").
_NOT_FAMILY = re.compile(
    r"^(?:กล่าว|เปิดเผย|เป็น|ได้|และ|ให้|ยัง|จึง|ก็|ประธาน|ผู้|รอง|รัฐมนตรี|รมว|รมช|ปลัด|"
    r"เลขาธิการ|ที่|ซึ่ง|พร้อม|จาก|ใน|ร่วม|ระบุ|เน้น|มอบ|ตรวจ|นำ|เดินทาง|ชี้|แจ้ง|ย้ำ|"
    r"เผย|ขอ|อธิบาย|สั่ง|หารือ|ลงนาม|ตอบ|เข้า|ครู|ศึกษานิเทศก์|อธิการบดี|คณบดี|นายก|"
    r"ผอ|หัวหน้า|ประธาน|กรรมการ|โฆษก|ที่ปรึกษา|โดย|เพื่อ|กับ|ว่า|ทั้ง|เมื่อ|ณ)"
)
# A family name glued to the next word: cut where a position or verb starts.
_FAMILY_TAIL = re.compile(
    r"(?:ผู้อำนวยการ|รองผู้|ผู้ช่วย|ผู้เชี่ยวชาญ|รัฐมนตรี|ศึกษานิเทศก์|เป็นประธาน|เป็น|กล่าว|"
    r"เปิดเผย|ประธาน|ปลัด|เลขาธิการ|อธิการบดี|รักษาราชการ|และ|พร้อม)"
)

# Role cues, searched in the words after a name; the earliest cue wins.
_ROLE_CUES = (
    ("chair", r"เป็นประธาน|ประธานในพิธี|ประธานพิธี|ประธานเปิด|ประธานในการ|ประธานการประชุม"),
    ("reporter", r"กล่าวรายงาน"),
    ("witness", r"สักขีพยาน"),
    ("signatory", r"ลงนาม"),
    ("moderator", r"ผู้ดำเนินการ|ดำเนินรายการ|ผู้ดำเนินรายการ|พิธีกร"),
    ("awardee", r"รับรางวัล|ได้รับรางวัล|รับโล่|รับเกียรติบัตร|รับมอบ|รับทุน"),
    ("host", r"ให้การต้อนรับ|ให้การรับรอง|เจ้าภาพ"),
    ("speaker", r"บรรยาย|วิทยากร|กล่าว|เปิดเผย|ให้สัมภาษณ์|ชี้แจง|แถลง"),
    ("attendee", r"เข้าร่วม|ร่วมงาน|ร่วมกิจกรรม|ร่วมพิธี|ร่วมประชุม|ร่วมเป็น|ร่วมให้|ร่วม"),
)
_ROLE_RE = re.compile("|".join(f"(?P<{role}>{cue})" for role, cue in _ROLE_CUES))
# Cues before the name: "พร้อมด้วย นายก นายข" are companions.
_ATTENDEE_BEFORE = re.compile(r"(?:พร้อมด้วย|พร้อมทั้ง|ร่วมกับ|โดยมี[^ก-๙]*)\s*$")
# Higher roles override lower ones when a person appears several times.
_ROLE_RANK = {
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

# Where a position stops: a verb or clause word, a line break, a quote.
_POSITION_STOP = re.compile(
    r"\n|[“”\"]|(?:\s|^)(?:และคณะ|พร้อมด้วย|พร้อม|โดยมี|ได้|ให้|ณ|เมื่อ)|เป็นประธาน|"
    r"เป็นสักขีพยาน|เป็นผู้|เป็นวิทยากร|กล่าว|เปิดเผย|ลงนาม|ร่วมกับ|ร่วม|มอบ|นำ|ตรวจ|"
    r"เดินทาง|ประธานพิธี|ประธานในพิธี"
)
_MAX_POSITION = 160
# Words a position starts with: a token before one of them is a second family-name part
# ("ดร.ภูธร จันทะหงษ์ ปุณยจำรัสธำรง ผู้เชี่ยวชาญ...").
_POSITION_WORD = re.compile(
    r"^(?:ผู้|รอง|รัฐมนตรี|ศึกษานิเทศก์|ครู|ปลัด|เลขาธิการ|อธิการบดี|ประธาน|นายก|ที่ปรึกษา|"
    r"หัวหน้า|ผอ|รมว|รมช|อาจารย์|นักเรียน|นักศึกษา|ข้าราชการ|เจ้าหน้าที่|รักษา|โฆษก|คณบดี|"
    r"กรรมการ|สมาชิก|ส\.ส\.|ส\.ว\.|เป็น|กล่าว|เปิดเผย)"
)
_ORGANIZATION = re.compile(
    r"(?:โรงเรียน|มหาวิทยาลัย|มูลนิธิ|กระทรวง|สถาบัน|บริษัท|สมาคม|องค์การ|กรม|วิทยาลัย)"
    r"[^\s,]{2,60}"
)


@dataclass
class Person:
    name: str
    honorific: str | None
    given: str
    position: str | None
    organization: str | None
    role: str
    start: int
    end: int
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "honorific": self.honorific,
            "position": self.position,
            "organization": self.organization,
            "role": self.role,
        }


@dataclass(frozen=True)
class _Mention:
    honorific: str
    given: str
    family: str | None
    start: int
    name_end: int  # end of the family name (or given name)


def _clean_family(family: str | None) -> str | None:
    if not family:
        return None
    family = family.rstrip(".")
    tail = _FAMILY_TAIL.search(family, 2)
    if tail:
        family = family[: tail.start()]
    if len(family) < 2 or _NOT_FAMILY.match(family):
        return None
    return family


def _mentions(text: str) -> list[_Mention]:
    found = []
    for m in _PERSON_RE.finditer(text):
        given = m.group("given")
        hon = m.group("hon")
        # A dotted honorific glued to a Thai word is the tail of an abbreviation (กศน.).
        if "." in hon.split()[0][:6] and m.start() and _THAI_LETTER.match(text[m.start() - 1]):
            continue
        if hon in ("นาย", "นาง") and given.startswith(_NOT_GIVEN_PREFIXES):
            continue
        given_tail = _FAMILY_TAIL.search(given, 2)
        if given_tail:  # "นายระบอบกล่าว": a given name glued to a verb
            given = given[: given_tail.start()]
            family = None
            name_end = m.start("given") + len(given)
        else:
            family = _clean_family(m.group("family"))
            name_end = m.start("family") + len(family) if family else m.end("given")
        found.append(_Mention(hon.strip(), given, family, m.start(), name_end))
    return found


def _position(text: str, start: int, end: int) -> str | None:
    limit = min(end, start + _MAX_POSITION)
    segment = text[start:limit]
    stop = _POSITION_STOP.search(segment)
    if stop:
        segment = segment[: stop.start()]
    elif limit < end and " " in segment.strip():
        segment = segment[: segment.rstrip().rfind(" ")]  # never end inside a word
    segment = " ".join(segment.split()).strip(" ,.()")
    segment = re.sub(r"\s*และ$", "", segment)
    return segment or None


def _second_family_part(text: str, name_end: int) -> str | None:
    """The second word of a two-word family name, if one follows the first."""
    m = re.match(r" +([ก-๙]{3,25}) +(\S+)", text[name_end : name_end + 80])
    if not m or _POSITION_WORD.match(m.group(1)) or _NOT_FAMILY.match(m.group(1)):
        return None
    return m.group(1) if _POSITION_WORD.match(m.group(2)) else None


def _organization(position: str | None) -> str | None:
    if not position:
        return None
    schools = find_schools(position)
    if schools:
        return schools[0].name
    offices = find_offices(position)
    org = _ORGANIZATION.search(position)
    if offices and (not org or offices[0].start <= org.start()):
        return offices[0].name
    return org.group(0) if org else None


def _role(text: str, start: int, end: int) -> str | None:
    m = _ROLE_RE.search(text, start, end)
    return m.lastgroup if m else None


def find_persons(text: str, start: int = 0, end: int | None = None) -> list[Person]:
    """Every person in normalised text[start:end], merged by given name, in order."""
    end = len(text) if end is None else end
    mentions = [m for m in _mentions(text[start:end])]
    people: dict[str, Person] = {}
    roles: list[tuple[Person, str | None, int, int]] = []
    for i, m in enumerate(mentions):
        m_start, m_end = m.start + start, m.name_end + start
        next_start = mentions[i + 1].start + start if i + 1 < len(mentions) else end
        segment_end = min(next_start, m_end + 400)
        person = people.get(m.given)
        if person is None:
            if m.family is None:
                continue  # a given name alone, of nobody named in full before
            family = m.family
            second = _second_family_part(text, m_end)
            if second:
                family = f"{family} {second}"
                m_end = text.index(second, m_end) + len(second)
            position = _position(text, m_end, segment_end)
            person = Person(
                name=f"{m.given} {family}",
                honorific=m.honorific,
                given=m.given,
                position=position,
                organization=_organization(position),
                role="mentioned",
                start=m_start,
                end=m_end,
            )
            people[m.given] = person
        person.mentions.append((m_start, m_end))
        role = _role(text, m_end, segment_end)
        if role is None and _ATTENDEE_BEFORE.search(text[max(0, m_start - 30) : m_start]):
            role = "attendee"
        roles.append((person, role, m_end, next_start))
    _assign_roles(text, roles)
    return list(people.values())


def _assign_roles(text: str, roles: list[tuple[Person, str | None, int, int]]) -> None:
    # A name with no verb of its own, followed closely by another name, shares the role of
    # the list it belongs to ("นายก ผอ.โรงเรียนก นางข ผอ.โรงเรียนข เป็นผู้ดำเนินการ").
    inherited: str | None = None
    resolved: list[str | None] = [None] * len(roles)
    for i in range(len(roles) - 1, -1, -1):
        person, role, name_end, next_start = roles[i]
        gap = next_start - name_end
        if role is not None:
            inherited = role
        elif inherited is not None and gap < 150:
            role = inherited
        else:
            inherited = None
        resolved[i] = role
    for (person, _role_found, _a, _b), role in zip(roles, resolved, strict=True):
        role = role or "mentioned"
        if _ROLE_RANK[role] < _ROLE_RANK[person.role]:
            person.role = role
