"""People named with an honorific, a given name and a family name, with position and role.

Thai runs words together, so a name is found from its honorific (นาย, นางสาว, ดร.,
ว่าที่ร้อยตรี, ศ.ดร. ...) and ends at the first space after the family name. A later mention
by the given name alone ("นายระบอบ กล่าว") is the same person. Roles: see `roles`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .data_files import read_lines
from .names import is_family_name, is_given_name
from .offices import find_offices
from .roles import ROLE_RANK, NameSpan, clause_roles
from .schools import find_schools
from .thai_text import norm
from .titles import find_title_mentions, matches, position_keys

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
# Two Thai words, the first not glued to a word before it (overlapping: a lookahead).
_BARE_NAME_RE = re.compile(r"(?<![ก-๙.])(?=([ก-๙]{3,20}) ([ก-๙]{3,25})(?![ก-๙]))")
_CREDIT = re.compile(r"(?:\s*,\s*[ก-๙]+ [ก-๙]+)*\s*:")
# Words a name is glued to in lists and clauses ("และดร.สมชาย", "โดยมีดร.", "จากดร.").
_INTRODUCER = re.compile(r"(?:และ|โดย|มี|จาก|กับ|ได้แก่|ด้าน|พร้อมด้วย|ซึ่ง|ให้|แก่|ถึง|เชิญ|ของ|ยัง|ทั้ง)$")

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
    "เจ้า",  # สมเด็จพระนางเจ้า...: royalty, named by title
)
# Tokens that follow a given name but are not a family name: the person was named by the
# given name alone ("นายระบอบ กล่าว").
_CLAUSE_WORDS = (
    r"กล่าว|เปิดเผย|เป็น|ได้|และ|ให้|ยัง|จึง|ก็|ประธาน|ผู้|รอง|รัฐมนตรี|รมว|รมช|ปลัด|"
    r"เลขาธิการ|ที่|ซึ่ง|พร้อม|จาก|ใน|ร่วม|ระบุ|เน้น|มอบ|ตรวจ|นำ|เดินทาง|ชี้|แจ้ง|ย้ำ|"
    r"เผย|ขอ|อธิบาย|สั่ง|หารือ|ลงนาม|ตอบ|เข้า|ครู|ศึกษานิเทศก์|อธิการบดี|คณบดี|นายก|"
    r"ผอ|หัวหน้า|ประธาน|กรรมการ|โฆษก|ที่ปรึกษา|โดย|เพื่อ|กับ|ว่า|ทั้ง|เมื่อ|"
    # ณ the preposition, not a word that starts with the letter (ณัฏฐสมบูรณ์).
    r"ณ(?![ะ-ฺ็-๎])"
)
_NOT_FAMILY = re.compile(rf"^(?:{_CLAUSE_WORDS})")
# A word that starts like a clause word but stands between a given name and a position is a
# family name ("พล.ต.อ.สุวัฒน์ แจ้งยอดสุข ผู้บัญชาการ...", "พลเรือตรีอนุสรณ์ ยังคุ้มญาติ ผอ.").
# Not when it is plainly a clause: a lone clause word, "...ว่า", "ทั้งนี้", a long run.
_CLAUSE_ONLY = re.compile(rf"^(?:{_CLAUSE_WORDS})$|ว่า$|^ทั้งนี้")
_MAX_VERB_LIKE_FAMILY = 15
# Words a clause opens with, which no given name does unless pythainlp lists it (ของขวัญ).
_CLAUSE_GIVEN = re.compile(r"^(?:ที่|ซึ่ง|และ|หรือ|เพราะ|ของ|จาก|กับ|โดย|เพื่อ)")
# Position words that are also verbs: "นายระบอบ กล่าวว่า เป็น..." says nothing of a family.
_VERB_POSITION_WORD = re.compile(r"^(?:เป็น|กล่าว|เปิดเผย)")
# A family name glued to the next word: cut where a position or verb starts.
_FAMILY_TAIL = re.compile(
    r"(?:ผู้อำนวยการ|รองผู้|ผู้ช่วย|ผู้เชี่ยวชาญ|รัฐมนตรี|ศึกษานิเทศก์|เป็นประธาน|เป็น|กล่าว|"
    r"เปิดเผย|ประธาน|ปลัด|เลขาธิการ|อธิการบดี|รักษาราชการ|และ|พร้อม)"
)

# Where a position stops: a verb or clause word, a line break, a quote.
_POSITION_STOP = re.compile(
    r"\n|[“”\"]|(?:\s|^)(?:และคณะ|พร้อมด้วย|พร้อม|โดยมี|ได้|ให้|ณ|เมื่อ)|เป็นประธาน|"
    r"เป็นสักขีพยาน|เป็นผู้|เป็นวิทยากร|เข้า(?:มา)?(?:ร่วม|พบ|เยี่ยม|รับ|ตรวจ|มอบ|หารือ)|"
    # verbs, but not as part of a title or a word: ผู้ตรวจราชการ, ผู้นำ, แนะนำ
    r"(?<!ผู้)(?<!แนะ)(?:กล่าว|เปิดเผย|ลงนาม|ร่วมกับ|ร่วม|มอบ|นำ|ตรวจ|เดินทาง)|"
    r"ประธานพิธี|ประธานในพิธี"
)
_MAX_POSITION = 160
# Words a position starts with: a token before one of them is a second family-name part
# ("ดร.ภูธร จันทะหงษ์ ปุณยจำรัสธำรง ผู้เชี่ยวชาญ...").
_POSITION_WORD = re.compile(
    "^(?:" + "|".join(re.escape(w) for w in read_lines("position_words.txt")) + ")"
)
_ORGANIZATION = re.compile(
    r"(?:โรงเรียน|มหาวิทยาลัย|มูลนิธิ|กระทรวง|สถาบัน|บริษัท|สมาคม|องค์การ|กรม|วิทยาลัย)"
    r"[^\s,]{2,60}"
)


# Honorifics in front of a name that the finder left there ("ดร.สมชาย", "นายสมชาย").
_LEFT_HONORIFIC = re.compile(
    r"(?:" + "|".join(re.escape(h) for h in _HONORIFICS) + r")(?P<gap>\s*)"
)


def name_keys(name: str) -> tuple[str, str | None]:
    """(given name, family name) of a person's name, as the warehouse joins on them: Thai
    spellings folded, the honorifics of data/honorifics.txt in front stripped (not from a
    word that is itself a given name: นายณัฐ), one space between the words; the given name
    is the first word, the family name the rest."""
    clean = " ".join(norm(name).split())
    while m := _LEFT_HONORIFIC.match(clean):
        rest = clean[m.end() :]
        glued = not m.group("gap") and not m.group(0).endswith(".")
        if not rest or (glued and is_given_name(clean.split(" ", 1)[0])):
            break
        clean = rest
    given, _, family = clean.partition(" ")
    return given, family or None


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
    role_span: tuple[int, int] | None = None  # the words the role was read from

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
    honorific: str | None
    given: str
    family: str | None
    start: int
    name_end: int  # end of the family name (or given name)


def _clean_family(family: str | None, following: str = "") -> str | None:
    """The family name in the word after a given name, or None; `following` is the text
    after that word."""
    if not family:
        return None
    family = family.rstrip(".")
    if "." in family:  # an abbreviation (ผบ.ตร.) or the next title (ดร.สมชาย), never a name
        return None
    if is_family_name(family):  # "นำพา", "ร่วมสุข": known names that start like verbs
        return family
    tail = _FAMILY_TAIL.search(family, 2)
    if tail:
        family = family[: tail.start()]
    if len(family) < 2:
        return None
    if _NOT_FAMILY.match(family) and not _family_before_position(family, following):
        return None
    return family


def _family_before_position(word: str, following: str) -> bool:
    """A word that starts like a clause word is still a family name when a position follows."""
    if len(word) > _MAX_VERB_LIKE_FAMILY or _CLAUSE_ONLY.search(word):
        return False
    m = re.match(r"\s+(\S+)", following)
    return bool(
        m and _POSITION_WORD.match(m.group(1)) and not _VERB_POSITION_WORD.match(m.group(1))
    )


def _glued_to_abbreviation(text: str, m: re.Match[str]) -> bool:
    """A dotted honorific glued to a Thai word is the tail of an abbreviation (กศน.),
    unless that word is one that introduces people ("และดร.", "โดยมีดร.")."""
    hon = m.group("hon")
    if "." not in hon.split()[0][:6] or not m.start():
        return False
    if not _THAI_LETTER.match(text[m.start() - 1]):
        return False
    return not _INTRODUCER.search(text, max(0, m.start() - 12), m.start())


def _mentions(text: str) -> list[_Mention]:
    found = []
    pos = 0
    while True:
        m = _PERSON_RE.search(text, pos)
        if m is None:
            break
        # Never past the given name: a rejected match's "family name" may be the next
        # person's honorific ("นายกรัฐมนตรี ร้อยเอก ธรรมนัส ...").
        pos = m.end("given")
        given = m.group("given")
        hon = m.group("hon")
        if _glued_to_abbreviation(text, m):
            continue
        if hon in ("นาย", "นาง") and given.startswith(_NOT_GIVEN_PREFIXES):
            continue
        if _CLAUSE_GIVEN.match(given) and not is_given_name(given):
            continue  # "ศาสตราจารย์ หรือ ดร.ที่มีตำแหน่งทางวิชาการ": a title, then a clause
        given_tail = _FAMILY_TAIL.search(given, 2)
        if given_tail:  # "นายระบอบกล่าว": a given name glued to a verb
            given = given[: given_tail.start()]
            family = None
            name_end = m.start("given") + len(given)
        else:
            family = _clean_family(m.group("family"), text[m.end() : m.end() + 40])
            name_end = m.start("family") + len(family) if family else m.end("given")
        found.append(_Mention(hon.strip(), given, family, m.start(), name_end))
        pos = name_end  # a rejected family word may be the next person's honorific
    return _with_bare_names(text, found)


def _with_bare_names(text: str, found: list[_Mention]) -> list[_Mention]:
    """Add names written without an honorific ("สมชาย ใจดี ผู้อำนวยการ ..."): a known given
    name, a space, a known family name. Credits of the press office ("ทิพย์สุดา ศรีษะแก้ว:
    สรุป") name the writers, not people of the event."""
    taken = [(m.start, m.name_end) for m in found]
    bare = []
    for m in _BARE_NAME_RE.finditer(text):
        given, family = m.group(1), m.group(2)
        if not (is_given_name(given) and is_family_name(family)):
            continue
        end = m.start(2) + len(family)
        if _CREDIT.match(text, end) or any(a <= m.start() < b for a, b in taken):
            continue
        bare.append(_Mention(None, given, family, m.start(), end))
    return sorted(found + bare, key=lambda x: x.start) if bare else found


def _position(text: str, start: int, end: int) -> str | None:
    limit = min(end, start + _MAX_POSITION)
    segment = text[start:limit]
    stop = _POSITION_STOP.search(segment)
    if stop:
        segment = segment[: stop.start()]
    elif limit < end and " " in segment.strip():
        segment = segment[: segment.rstrip().rfind(" ")]  # never end inside a word
    segment = " ".join(segment.split()).strip(" ,").lstrip(".)")
    segment = re.sub(r"\s*และ(?:ผู้)?$|\s+ผู้$", "", segment)  # "... และผู้[บริหาร เข้าร่วม]"
    # Keep a closing abbreviation whole ("(อว.)", "ปลัด อว."); drop only a bracket left open
    # at the end or closing nothing.
    segment = segment.rstrip(" ,(")
    if segment.endswith(")") and segment.count(")") > segment.count("("):
        segment = segment[:-1].rstrip(" ,")
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


def _title_mentions(
    text: str, start: int, end: int, found: list[tuple[Person, NameSpan]]
) -> list[tuple[Person, NameSpan]]:
    """Mentions by title alone ("รมช.ศธ. กล่าวว่า") of the person who holds it."""
    people = list({id(p): p for p, _span in found}.values())
    keys = [(p, position_keys(p.position)) for p in people]
    # A title right after a name is that name's position, not a mention of its own.
    own_positions = [(span.start, span.name_end + len(p.position or "") + 2) for p, span in found]
    out = []
    for mention in find_title_mentions(text, start, end):
        if any(a <= mention.start <= b for a, b in own_positions):
            continue
        holders = [p for p, ks in keys if any(matches(mention.key, k) for k in ks)]
        if len(holders) == 1:
            holders[0].mentions.append((mention.start, mention.end))
            out.append((holders[0], NameSpan(mention.start, mention.end)))
    return out


def find_persons(text: str, start: int = 0, end: int | None = None) -> list[Person]:
    """Every person in normalised text[start:end], merged by given name, in order."""
    end = len(text) if end is None else end
    mentions = [m for m in _mentions(text[start:end])]
    people: dict[str, Person] = {}
    found: list[tuple[Person, NameSpan]] = []
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
        found.append((person, NameSpan(m_start, m_end)))
    found = sorted(found + _title_mentions(text, start, end, found), key=lambda f: f[1].start)
    roles = clause_roles(text, [span for _person, span in found], end)
    for (person, _span), finding in zip(found, roles, strict=True):
        if finding and ROLE_RANK[finding.role] < ROLE_RANK[person.role]:
            person.role = finding.role
            person.role_span = (finding.start, finding.end)
    return list(people.values())
