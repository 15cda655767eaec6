"""Education offices named in text, normalised to the contract's OFFICE.

An office is identified by (kind, province, area_no):
- spp: สำนักงานเขตพื้นที่การศึกษาประถมศึกษา X เขต N / สพป.X เขต N (area null when the
  province has one area only);
- spm: before the 2021 reform numbered (สพม. เขต 19: province null, area 19), after it
  named by province (สพม.เลย หนองบัวลำภู: province = the first one named, all of them in
  the extra key `provinces`);
- obec: สพฐ. itself; moe: the ministry and its other offices (ศธจ.X keeps its province);
- other: any other ministry, agency or university acting as organiser.
Input is normalised text (`thai_text.normalize`); offsets refer to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from .data_files import read_csv
from .furniture import lead_start
from .provinces import canonical, province_pattern
from .thai_text import normalize, squash_spaces

KINDS = ("spp", "spm", "obec", "moe", "other")


@dataclass(frozen=True)
class OfficeMention:
    kind: str
    province: str | None
    area_no: int | None
    name: str
    start: int
    end: int
    provinces: tuple[str, ...] = field(default=())

    @property
    def key(self) -> tuple[str, str | None, int | None]:
        return (self.kind, self.province, self.area_no)

    def as_dict(self) -> dict:
        """The contract's OFFICE (plus `provinces` for multi-province offices)."""
        out: dict = {
            "kind": self.kind,
            "province": self.province,
            "area_no": self.area_no,
            "name": self.name,
        }
        if len(self.provinces) > 1:
            out["provinces"] = list(self.provinces)
        return out


@cache
def old_spm_provinces() -> dict[int, tuple[str, ...]]:
    """Area number of a pre-2021 secondary office -> the provinces it covered."""
    return {
        int(row["area_no"]): tuple(row["provinces"].split())
        for row in read_csv("spm_areas_before_2021.csv")
    }


_SPP_LONG = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา"
_SPM_LONG = "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา"
# "มหาวิทยาลัยที่มี...", "สถาบันการศึกษาทั่วประเทศ": a kind of body, not a named one.
_NOT_GENERIC = r"(?!ที่|ทั่ว|ต่าง|อื่น|ใน|และ|ของ|จะ|ได้|มี|เป็น|การศึกษา\s|การศึกษา$|ละ|นั้น|นี้|ให้|เพื่อ)"
# "กรม" that is the end of a word and the start of the next: บุคลากร|มืออาชีพ, ทรัพยากร|มนุษย์.
_NOT_WORD_TAIL = r"(?<!บุคลา)(?<!ทรัพยา)(?<!วิทยา)(?<!ประชา)"
_AREA = r"(?:\s*เขต(?:พื้นที่)?\s*|\s*)(?P<area>\d{1,2})(?!\d)"


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    prov = province_pattern()
    provs = rf"(?P<provs>{prov}(?:\s*(?:-|–|,|และ)?\s*{prov}){{0,3}})"
    spp_head = rf"(?:{_SPP_LONG}\s*(?:\(\s*สพป\.?\s*\)\s*)?|สพป\.\s*|สพป\s+)"
    spm_head = rf"(?:{_SPM_LONG}\s*(?:\(\s*สพม\.?\s*\)\s*)?|สพม\.\s*|สพม\s+)"
    # Standard two-letter province codes, always with their dot: "สพป.ชม.1", "สพม.นศ.".
    code = r"(?P<code>" + "|".join(sorted(province_codes(), key=len, reverse=True)) + r")\."
    table = [
        ("spp", rf"{spp_head}(?P<prov>{prov})(?:{_AREA})?"),
        ("spp_code", rf"(?:สพป\.?\s*){code}(?:{_AREA})?"),
        ("spm_code", rf"(?:สพม\.?\s*){code}(?:{_AREA})?"),
        ("spm_new", rf"{spm_head}{provs}(?:{_AREA})?"),
        ("spm_old", rf"{spm_head}(?:เขต(?:พื้นที่)?\s*)?(?P<area>\d{{1,2}})(?!\d)"),
        ("moe_province", rf"(?:ศธจ\.\s*|สำนักงานศึกษาธิการจังหวัด\s*)(?P<prov>{prov})"),
        (
            "obec",
            r"สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน|คณะกรรมการการศึกษาขั้นพื้นฐาน"
            r"|สพฐ\.?|กพฐ\.?",
        ),
        (
            "moe",
            r"สำนักงานปลัดกระทรวงศึกษาธิการ|สป\.\s?ศธ\.?|กระทรวงศึกษาธิการ|ศธ\.|ศธจ\."
            r"|สำนักงานศึกษาธิการ(?:จังหวัด|ภาค)\S*|ศธภ\.?\s?\d*"
            r"|สำนักงานคณะกรรมการการอาชีวศึกษา|สอศ\.|สำนักงาน\s?กศน\.?\S*|กศน\.(?:\S*)"
            r"|สำนักงานส่งเสริมการเรียนรู้\S*"
            r"|สำนักงานคณะกรรมการส่งเสริมการศึกษาเอกชน|สช\.|สำนักงานเลขาธิการสภาการศึกษา|สกศ\."
            r"|สกสค\.|คุรุสภา|สสวท\.|สถาบันส่งเสริมการสอนวิทยาศาสตร์และเทคโนโลยี",
        ),
        (
            "other",
            r"กระทรวง(?!ศึกษาธิการ)" + _NOT_GENERIC + r"[^\s()“”\"]{2,40}"
            r"|อว\.|ดีอีเอส|กยศ\.|กองทุนเงินให้กู้ยืมเพื่อการศึกษา"
            r"|มหาวิทยาลัย" + _NOT_GENERIC + r"[^\s()“”\"]{2,40}"
            r"|สถาบัน" + _NOT_GENERIC + r"[^\s()“”\"]{2,40}"
            r"|" + _NOT_WORD_TAIL + r"กรม[^\s()“”\"]{2,30}"
            r"|สำนักงานคณะกรรมการ[^\s()“”\"]{2,40}|องค์การ[^\s()“”\"]{2,30}"
            r"|สำนักงานตำรวจแห่งชาติ|สตช\.|สสส\.|สพฉ\.",
        ),
    ]
    return [(kind, re.compile(pattern)) for kind, pattern in table]


@cache
def province_codes() -> dict[str, str]:
    """Standard province code (ชม) -> canonical province name (เชียงใหม่)."""
    return {row["code"]: row["province"] for row in read_csv("province_codes.csv")}


# Specificity when two patterns cover the same words: the longer match wins, then this.
_PRIORITY = {
    "spp": 0,
    "spp_code": 0,
    "spm_code": 1,
    "spm_new": 1,
    "spm_old": 2,
    "moe_province": 3,
    "obec": 4,
    "moe": 5,
}


def _provinces_in(group: str) -> tuple[str, ...]:
    found = re.findall(province_pattern(), group)
    return tuple(dict.fromkeys(p for p in (canonical(f) for f in found) if p))


def _mention(kind: str, m: re.Match[str]) -> OfficeMention | None:
    name = squash_spaces(m.group(0))
    groups = m.groupdict()
    area = int(groups["area"]) if groups.get("area") else None
    if kind == "spp":
        return OfficeMention("spp", canonical(groups["prov"]), area, name, m.start(), m.end())
    if kind in ("spp_code", "spm_code"):
        province = province_codes()[groups["code"]]
        return OfficeMention(kind[:3], province, area, name, m.start(), m.end(), (province,))
    if kind == "spm_new":
        provinces = _provinces_in(groups["provs"])
        if not provinces:
            return None
        return OfficeMention(
            "spm", provinces[0], area, name, m.start(), m.end(), provinces=provinces
        )
    if kind == "spm_old":
        if area is None or area > 42:
            return None
        covered = old_spm_provinces().get(area, ())
        return OfficeMention("spm", None, area, name, m.start(), m.end(), provinces=covered)
    if kind == "moe_province":
        return OfficeMention("moe", canonical(groups["prov"]), None, name, m.start(), m.end())
    return OfficeMention(kind, None, None, name, m.start(), m.end())


def find_offices(text: str, offset: int = 0) -> list[OfficeMention]:
    """Every office named in normalised `text`, in order, overlaps resolved.

    `offset` is added to the mentions' positions (for text cut out of a longer one).
    """
    candidates: list[tuple[int, int, int, OfficeMention]] = []
    for kind, pattern in _patterns():
        for m in pattern.finditer(text):
            mention = _mention(kind, m)
            if mention is not None:
                rank = _PRIORITY.get(kind, 9)
                candidates.append((m.start(), rank, -(m.end() - m.start()), mention))
    candidates.sort(key=lambda c: c[:3])
    chosen: list[OfficeMention] = []
    taken_until = -1
    for start, _rank, _neg_len, mention in candidates:
        if start < taken_until:
            continue
        chosen.append(mention)
        taken_until = mention.end
    if offset:
        chosen = [replace(o, start=o.start + offset, end=o.end + offset) for o in chosen]
    return chosen


def parse_office(name: str) -> OfficeMention | None:
    """The first office in a short string such as "สพป. เชียงใหม่ เขต ๖"."""
    found = find_offices(normalize(name).text)
    return found[0] if found else None


def office_province(office: OfficeMention | None) -> str | None:
    """The province an office stands in (an old numbered สพม.: its first province)."""
    if office is None:
        return None
    if office.province:
        return office.province
    return office.provinces[0] if office.provinces else None


# ---------------------------------------------------------------- the organising office

# Verbs that make the office before them the organiser: "สพป.บุรีรัมย์ เขต 1 จัดกิจกรรม".
_ORGANISING = re.compile(r"^\s*(?:ได้|จึง|จึงได้|ร่วมกับ\S*\s*)?(?:จัด|ดำเนินการ|เปิด|ขับเคลื่อน)")
# The title's subject: an office at its very start ("สพม.34 ประชุม...", "อว. จัด...").
_TITLE_SUBJECT_CHARS = 12
_LOCAL = ("spp", "spm")
_LEAD_CHARS = 900


def choose_organizer(ntitle: str, ntext: str, body_start: int = 0) -> OfficeMention | None:
    """The organising office of a normalised title and body, by the rules below in order."""
    title_offices = find_offices(ntitle)
    lead_end = body_start + _LEAD_CHARS
    lead_offices = find_offices(ntext[body_start:lead_end], body_start)
    # 1. The office the title opens with is the subject of the report.
    for o in title_offices:
        if o.start <= _TITLE_SUBJECT_CHARS:
            return o
    # 2. An office followed by an organising verb.
    for o in title_offices:
        if _ORGANISING.match(ntitle[o.end : o.end + 20]):
            return o
    for o in lead_offices:
        if _ORGANISING.match(ntext[o.end : o.end + 20]):
            return o
    # 3. A service-area office in the title or lead: the host when a higher office presides.
    for o in title_offices + lead_offices:
        if o.kind in _LOCAL:
            return o
    # 4. Any office named in the title, then in the lead, then further on.
    if title_offices:
        return title_offices[0]
    if lead_offices:
        return lead_offices[0]
    rest = find_offices(ntext[lead_end : lead_end + 3 * _LEAD_CHARS], lead_end)
    return rest[0] if rest else None


def find_organizer_office(title: str | None, text: str | None) -> OfficeMention | None:
    """The organising office of an article (raw title and text), or None."""
    ntitle = normalize(title).text
    ntext = normalize(text).text
    return choose_organizer(ntitle, ntext, lead_start(ntitle, ntext))
