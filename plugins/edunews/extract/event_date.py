"""Thai dates in news text, and the choice of the one the event took place on.

Writers mix Buddhist-Era and two-digit years, full and abbreviated months (with or without
the dots), ranges within and across months, weekday prefixes and dates with no year. All
functions take text already passed through `thai_text.normalize` (Arabic digits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .furniture import lead_start
from .thai_text import normalize

# Month number -> spellings. Misspellings seen on real pages are listed as spellings.
_FULL_MONTHS = {
    1: ["มกราคม", "มกรา"],
    2: ["กุมภาพันธ์", "กุมภาพันธ", "กุมภา"],
    3: ["มีนาคม", "มีนา"],
    4: ["เมษายน", "เมษา"],
    5: ["พฤษภาคม", "พฤษภา"],
    6: ["มิถุนายน", "มิถุนา"],
    7: ["กรกฎาคม", "กรกฏาคม", "กรกฎา"],
    8: ["สิงหาคม", "สิงหา"],
    9: ["กันยายน", "กันยา"],
    10: ["ตุลาคม", "ตุลา"],
    11: ["พฤศจิกายน", "พฤศจิกา"],
    12: ["ธันวาคม", "ธันวา"],
}
_ABBREVIATIONS = {
    1: "ม.ค.",
    2: "ก.พ.",
    3: "มี.ค.",
    4: "เม.ย.",
    5: "พ.ค.",
    6: "มิ.ย.",
    7: "ก.ค.",
    8: "ส.ค.",
    9: "ก.ย.",
    10: "ต.ค.",
    11: "พ.ย.",
    12: "ธ.ค.",
}


def _abbreviation_pattern(abbr: str) -> str:
    # ก.ย. / ก.ย / ก. ย. : the inner dot is required, the final one optional.
    first, second = abbr.rstrip(".").split(".")
    return re.escape(first) + r"\.\s?" + re.escape(second) + r"\.?"


_MONTH_LOOKUP: dict[str, int] = {}
_month_alternatives: list[tuple[str, str]] = []
for _num, _names in _FULL_MONTHS.items():
    for _name in _names:
        _MONTH_LOOKUP[_name] = _num
        _month_alternatives.append((_name, re.escape(_name)))
for _num, _abbr in _ABBREVIATIONS.items():
    _MONTH_LOOKUP[_abbr.replace(".", "")] = _num
    _month_alternatives.append((_abbr, _abbreviation_pattern(_abbr)))
_month_alternatives.sort(key=lambda pair: len(pair[0]), reverse=True)
MONTH = "(?:" + "|".join(p for _, p in _month_alternatives) + ")"

_YEAR = r"(?:\s*(?:พ\.\s?ศ\.?|ค\.\s?ศ\.?)?\s*(?P<{name}>\d{{4}}|\d{{2}})(?!\d))?"
_DAY_SEP = r"\s*(?:-|–|—|ถึง|และ|,)\s*"
_RANGE_SEP = r"\s*(?:-|–|—|ถึง(?:วันที่)?|จนถึง(?:วันที่)?)\s*"

# "9-10 ก.ย. 63", "3 กันยายน 2563", "30 มกราคม - 2 กุมภาพันธ์ 2561"
_DATE_RE = re.compile(
    r"(?<!\d)(?:(?P<d1>\d{1,2})"
    r"(?:(?:\s*(?P<m1>"
    + MONTH
    + r")"
    + _YEAR.format(name="y1")
    + r")?"
    + _RANGE_SEP
    + r"|"
    + _DAY_SEP
    + r"))?"
    r"(?<!\d)(?P<d2>\d{1,2})\s*(?P<m2>" + MONTH + r")" + _YEAR.format(name="y2")
)
# dd/mm/yyyy (page furniture, forms): Buddhist Era when the year is above 2400.
_NUMERIC_RE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")

_WEEKDAY = r"วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัสฯ|พฤหัส|ศุกร์|เสาร์|อาทิตย์)"


def month_number(token: str) -> int | None:
    """กันยายน / ก.ย. / ก.ย / ก. ย. -> 9."""
    key = token.replace(" ", "")
    if key in _MONTH_LOOKUP:
        return _MONTH_LOOKUP[key]
    return _MONTH_LOOKUP.get(key.replace(".", ""))


def gregorian_year(token: str | None, reference_year: int | None = None) -> int | None:
    """2563 -> 2020, 63 -> 2020, 2020 -> 2020; None for what cannot be a news year.

    Two-digit years are Buddhist Era (63 = 2563); they are trusted only when they fall near
    the reference year, because "16 ต.ค. 33 คน" reads like a date with year 33.
    """
    if not token:
        return None
    value = int(token)
    if len(token) == 2:
        year = 2500 + value - 543
        if reference_year is not None:
            return year if abs(year - reference_year) <= 6 else None
        return year if 2000 <= year <= 2040 else None
    if 2400 <= value <= 2700:
        return value - 543
    if 1950 <= value <= 2100:
        return value
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class DateMention:
    """One date or date range found in a text, with normalised-text offsets."""

    start: date
    end: date | None
    pos: int
    endpos: int
    has_year: bool
    numeric: bool = False


def _infer_year(month: int, day: int, reference: date | None) -> int | None:
    # A yearless date is in the publishing year, unless that puts it well after
    # publication (a December event reported in January).
    if reference is None:
        return None
    candidate = _safe_date(reference.year, month, day)
    if candidate and candidate > reference + timedelta(days=45):
        return reference.year - 1
    return reference.year


def find_dates(text: str, reference: date | None = None) -> list[DateMention]:
    """Every date and range in normalised `text`, in order.

    `reference` (the publishing date) supplies missing years; without it, a yearless date
    takes the year of the nearest date in the text that states one.
    """
    raw: list[tuple[int, int, int, int, int | None, int | None, int, int | None]] = []
    ref_year = reference.year if reference else None
    for m in _DATE_RE.finditer(text):
        m2 = month_number(m.group("m2"))
        if m2 is None:
            continue
        y2 = gregorian_year(m.group("y2"), ref_year)
        d2 = int(m.group("d2"))
        d1 = int(m.group("d1")) if m.group("d1") else None
        m1 = month_number(m.group("m1")) if m.group("m1") else None
        y1 = gregorian_year(m.group("y1"), ref_year) if m.group("y1") else None
        raw.append((m.start(), m.end(), d2, m2, y2, d1, m1 or m2, y1))
    explicit_years = [(r[0], r[4]) for r in raw if r[4] is not None]
    mentions: list[DateMention] = []
    for pos, endpos, d2, m2, y2, d1, m1, y1 in raw:
        has_year = y2 is not None
        year2 = y2
        if year2 is None:
            year2 = _infer_year(m2, d2, reference)
        if year2 is None and explicit_years:
            year2 = min(explicit_years, key=lambda e: abs(e[0] - pos))[1]
        if year2 is None:
            continue
        end = _safe_date(year2, m2, d2)
        if end is None:
            continue
        if d1 is None:
            mentions.append(DateMention(end, None, pos, endpos, has_year))
            continue
        year1 = y1 if y1 is not None else (year2 - 1 if m1 > m2 else year2)
        start = _safe_date(year1, m1, d1)
        if start is None or start > end or (end - start).days > 366:
            mentions.append(DateMention(end, None, pos, endpos, has_year))
            continue
        mentions.append(DateMention(start, end, pos, endpos, has_year))
    for m in _NUMERIC_RE.finditer(text):
        year = gregorian_year(m.group(3))
        day = _safe_date(year, int(m.group(2)), int(m.group(1))) if year else None
        if day:
            mentions.append(DateMention(day, None, m.start(), m.end(), True, numeric=True))
    mentions.sort(key=lambda x: x.pos)
    return mentions


def parse_thai_date(text: str, reference: date | None = None) -> tuple[date, date | None] | None:
    """The first date or range in `text` (any digits), as (start, end or None)."""
    found = find_dates(normalize(text).text, reference)
    if not found:
        return None
    return found[0].start, found[0].end


# ---------------------------------------------------------------- choosing the event date

# A report names its event's day once, early: in the lead ("เมื่อวันที่ ...", "ในวันที่ ... ณ
# ...", "ระหว่างวันที่ ...", "วันนี้ (...)", a paragraph that opens with the date). Later
# dates are background: a preparatory meeting "ไปแล้วเมื่อวันที่ ...", the event it builds on
# ("ต่อยอดจาก... เมื่อวันที่ ..."), a deadline, a coming event ("... นี้"). So the event's day
# is the first cued date of the lead that is neither negative, background nor future; the
# strength of the cue only breaks the tie when no such date exists.
_PAST_CUE = re.compile(
    r"(?:เมื่อ\s*(?:" + _WEEKDAY + r")?\s*(?:ที่)?|วันนี้|วานนี้|เมื่อวานนี้|เมื่อวาน)"
    r"\s*\(?\s*(?:วันที่)?\s*$"
)
_STRONG_CUE = re.compile(
    r"(?:ระหว่าง\s*(?:วันที่)?|ในวันที่|ใน" + _WEEKDAY + r"ที่|" + _WEEKDAY + r"ที่"
    r")\s*\(?\s*(?:วันที่)?\s*$"
)
# A date that opens a paragraph ("วันที่ 3 กันยายน 2563 ดร.ภูธร ...") is the event's.
_LINE_OPENING = re.compile(r"^\s*\(?\s*(?:วันที่)?\s*$")
# The report's dateline: a paragraph opening with its date ("เมื่อวันที่ 8 ม.ค. น.ส. ...",
# "วันนี้ (4 กรกฎาคม 2568) นาง ...", "ในวันที่ 8 มิถุนายน 2562 ณ ..."). Summary paragraphs
# above it announce coming events with dates in mid-sentence.
_DATELINE = re.compile(
    r"^\s*(?:เมื่อ|วันนี้|วานนี้|ใน|ในระหว่าง|ระหว่าง)?\s*(?:" + _WEEKDAY + r"ที่)?"
    r"\s*\(?\s*(?:วันที่)?\s*$"
)
_WEAK_CUE = re.compile(r"(?:วันที่|ที่ผ่านมา|เมื่อ)\s*$")
# Cues that make a date something else: a deadline, an application window, a birth date.
_NEGATIVE_NEAR = re.compile(r"สมัคร|หมดเขต|ยื่น")
_NEGATIVE_CUE = re.compile(
    r"(?:ภายใน|ก่อน|หลัง|จนถึง|สิ้นสุด|สมัคร|ประกาศ|กำหนด|ลงวันที่|เกิด|ครบกำหนด|ตั้งแต่|"
    r"ปีงบประมาณ|ล่วงหน้า|เริ่ม|เปิดภาคเรียน|ถึง)\s*(?:วันที่)?\s*$"
)
# Words earlier in the same clause that make a date the background of the report: what was
# done before ("ไปแล้ว", "ก่อนหน้านี้", "เคย..."), what the event follows from ("ต่อยอดจาก",
# "สืบเนื่องจาก", "ตามที่ ... ได้ ...").
_ASIDE_BEFORE = re.compile(
    r"ไปแล้ว|ต่อยอดจาก|ก่อนหน้านี้|ก่อนหน้า|สืบเนื่องจาก|ต่อเนื่องจาก|ตามที่|เคยจัด|เคยได้|ได้เคย|"
    r"ครั้งก่อน|ครั้งที่แล้ว|ครั้งแรกเมื่อ|เริ่มต้นเมื่อ|"
    # ... and what is still to come ("จะจัดงาน ... ในวันที่ ...").
    r"จะจัด|จะมี|จะเปิด|จะเดินทาง|กำหนดจัด|เตรียมจัด|มีกำหนด"
)
# What follows a date of a coming event: "20 ธ.ค. นี้", "ที่จะถึงนี้".
_FUTURE_AFTER = re.compile(r"\s*(?:\)\s*)?(?:นี้|ที่จะถึง|ที่จะมาถึง|ที่กำลังจะ)")
# How far back in the clause background words are looked for (a sentence, roughly).
_CLAUSE_CHARS = 90
# วันนี้ / วานนี้ without a date: the publishing day or the day before.
_RELATIVE_DAY = re.compile(r"(?:^|[\s(])(วานนี้|เมื่อวานนี้|เมื่อวาน|วันนี้)(?!\s*\(?\s*\d)")

# How far into the body the event sentence may start (characters after furniture).
_LEAD_WINDOW = 1800


@dataclass(frozen=True)
class DateFinding:
    """The event's date: start, end (ranges only), and where it was read."""

    start: date
    end: date | None
    source: str  # "title" | "text" | "published_at"
    pos: int  # offset in the normalised source text (-1 for published_at)
    endpos: int
    cue: str  # "past" | "strong" | "weak" | "title" | "relative" | "first" | "published_at"


def _cue_strength(text: str, mention: DateMention) -> str:
    line_start = text.rfind("\n", 0, mention.pos) + 1
    before = text[max(line_start, mention.pos - 40) : mention.pos]
    if _NEGATIVE_CUE.search(before) or _NEGATIVE_NEAR.search(
        text[max(line_start, mention.pos - 70) : mention.pos]
    ):
        return "negative"
    if _PAST_CUE.search(before):
        return "past"
    if mention.pos - line_start < 40 and _LINE_OPENING.match(text[line_start : mention.pos]):
        return "past"
    if _STRONG_CUE.search(before):
        return "strong"
    if _WEAK_CUE.search(before):
        return "weak"
    return "none"


def _aside(text: str, mention: DateMention) -> bool:
    """Whether the clause around a date makes it background or a coming event."""
    line_start = text.rfind("\n", 0, mention.pos) + 1
    clause = text[max(line_start, mention.pos - _CLAUSE_CHARS) : mention.pos]
    if _ASIDE_BEFORE.search(clause):
        return True
    return bool(_FUTURE_AFTER.match(text, mention.endpos))


_CUE_ORDER = {"past": 0, "strong": 1, "weak": 2}


def _is_dateline(text: str, mention: DateMention) -> bool:
    line_start = text.rfind("\n", 0, mention.pos) + 1
    return mention.pos - line_start < 40 and bool(_DATELINE.match(text[line_start : mention.pos]))


def _rank_event_dates(text: str, lead: list[DateMention]) -> list[tuple[DateMention, str]]:
    """Cued dates of the lead, best first: the report's own datelines, then its other own
    dates, then the background and coming ones; by cue strength, then first written first."""
    graded = [(m, _cue_strength(text, m)) for m in lead]
    cued = [(m, cue) for m, cue in graded if cue in _CUE_ORDER]

    def rank(pair: tuple[DateMention, str]) -> tuple[int, int, int]:
        m, cue = pair
        if _aside(text, m):  # among asides the strongest cue
            return (2, _CUE_ORDER[cue], m.pos)
        # Within the report's own sentences the first date written is the event's: the
        # lead holds it.
        return (0 if _is_dateline(text, m) else 1, 0, m.pos)

    return sorted(cued, key=rank)


def _plausible(mention: DateMention, reference: date | None) -> bool:
    # A news report is not about a day more than a year after it was published (typos
    # such as 2586 for 2566 otherwise become events in 2043).
    return reference is None or mention.start <= reference + timedelta(days=400)


def _extend_range(chosen: DateMention, mentions: list[DateMention]) -> date | None:
    # "เมื่อวันที่ 30 มกราคม" then later "ระหว่างวันที่ 30 – 31 มกราคม": the range's end.
    if chosen.end is not None:
        return chosen.end
    for other in mentions:
        if other.end is not None and other.start == chosen.start:
            return other.end
    return None


def parse_iso(value: str | None) -> date | None:
    """YYYY-MM-DD (or a longer ISO timestamp) -> date; None when absent or malformed."""
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def find_event_date(
    title: str | None, text: str | None, published_at: str | date | None
) -> DateFinding | None:
    """The date the reported event took place on (the order: see "choosing the event date")."""
    reference = published_at if isinstance(published_at, date) else parse_iso(published_at)
    ntitle = normalize(title).text
    ntext = normalize(text).text
    return choose_event_date(ntitle, ntext, reference)


def choose_event_date(
    ntitle: str, ntext: str, reference: date | None, body_start: int | None = None
) -> DateFinding | None:
    """`find_event_date` on normalised title and text (`body_start`: end of furniture)."""
    if body_start is None:
        body_start = lead_start(ntitle, ntext)
    mentions = [
        m
        for m in find_dates(ntext, reference)
        if not m.numeric and m.pos >= body_start and _plausible(m, reference)
    ]
    lead = [m for m in mentions if m.pos < body_start + _LEAD_WINDOW]
    ranked = _rank_event_dates(ntext, lead)
    if ranked:
        m, cue = ranked[0]
        return DateFinding(m.start, _extend_range(m, mentions), "text", m.pos, m.endpos, cue)

    title_mentions = [m for m in find_dates(ntitle, reference) if not m.numeric]
    if title_mentions:
        m = title_mentions[0]
        return DateFinding(m.start, _extend_range(m, mentions), "title", m.pos, m.endpos, "title")

    if reference is not None:
        rel = _RELATIVE_DAY.search(ntext[body_start : body_start + _LEAD_WINDOW])
        if rel:
            delta = 0 if rel.group(1) == "วันนี้" else 1
            pos = body_start + rel.start(1)
            return DateFinding(
                reference - timedelta(days=delta),
                None,
                "text",
                pos,
                pos + len(rel.group(1)),
                "relative",
            )

    for m in lead:
        if _cue_strength(ntext, m) != "negative":
            return DateFinding(
                m.start, _extend_range(m, mentions), "text", m.pos, m.endpos, "first"
            )
    # Government pages report the day's news: with no date in the report, the page's.
    if reference is not None:
        return DateFinding(reference, None, "published_at", -1, -1, "published_at")
    return None
