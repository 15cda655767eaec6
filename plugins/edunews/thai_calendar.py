"""Thai calendar rules, kept once: month names (full, short, and the spellings real pages
carry), weekday names, Buddhist-Era and two-digit years, Thai digits, the Bangkok
timezone, and the grammar of dates in Thai prose ("3 ก.ย. 63", "30 มกราคม - 2 กุมภาพันธ์
2561").

The crawler (page date lines), the extractor (event dates), the site simulator (how pages
write dates) and the warehouse (dim_date's month names, through the thai_months seed made
from this module) all read these tables; none keeps a copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta, timezone

BE_OFFSET = 543  # Buddhist Era year = Gregorian year + 543

TIMEZONE_NAME = "Asia/Bangkok"
# A fixed +07:00, not the tz database's zone: Thailand has kept it without summer time
# since 1920, and the database's zone puts old dates on local mean time (+06:42).
BANGKOK = timezone(timedelta(hours=7), TIMEZONE_NAME)

MONTHS_FULL = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_ABBR = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
# Other spellings of full names seen on real pages: the short spoken forms and the
# misspellings (ฏ for ฎ, a dropped ์).
MONTH_SPELLINGS: dict[int, tuple[str, ...]] = {
    1: ("มกรา",),
    2: ("กุมภาพันธ", "กุมภา"),
    3: ("มีนา",),
    4: ("เมษา",),
    5: ("พฤษภา",),
    6: ("มิถุนา",),
    7: ("กรกฏาคม", "กรกฎา"),
    8: ("สิงหา",),
    9: ("กันยา",),
    10: ("ตุลา",),
    11: ("พฤศจิกา",),
    12: ("ธันวา",),
}

# Monday first, as date.weekday() counts.
WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
# "วันพฤหัสบดี" and the shortenings of Thursday pages write.
WEEKDAY = r"วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัสฯ|พฤหัส|ศุกร์|เสาร์|อาทิตย์)"

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
TO_THAI = str.maketrans("0123456789", THAI_DIGITS)


def arabic_digits(text: str) -> str:
    """๒๕๖๓ -> 2563; everything else unchanged."""
    return text.translate(TO_ARABIC)


def thai_digits(text: str) -> str:
    """2563 -> ๒๕๖๓; everything else unchanged."""
    return text.translate(TO_THAI)


# ------------------------------------------------------------------------------- years


def be_year(year: int) -> int:
    """Gregorian year -> Buddhist Era: 2023 -> 2566."""
    return year + BE_OFFSET


def gregorian(year: int) -> int:
    """A written year to the Gregorian one: 2566 -> 2023, 66 -> 2023, 2023 -> 2023.

    Two-digit years are Buddhist Era (Thai writing shortens 2566 to 66); four-digit ones from
    2400 are Buddhist Era, below it Gregorian (no news year is ambiguous between them).
    """
    if year < 100:
        year += 2500
    return year - BE_OFFSET if year >= 2400 else year


def gregorian_year(token: str | None, reference_year: int | None = None) -> int | None:
    """A year written in news prose -> Gregorian; None for what cannot be a news year.

    2563 -> 2020, 63 -> 2020, 2020 -> 2020. Two-digit years are trusted only near the
    reference year (the publishing year), because "16 ต.ค. 33 คน" reads like a date with
    year 33; without one, only 2000-2040.
    """
    if not token:
        return None
    value = int(token)
    year = gregorian(value)
    if len(token) == 2:
        if reference_year is not None:
            return year if abs(year - reference_year) <= 6 else None
        return year if 2000 <= year <= 2040 else None
    if 2400 <= value <= 2700 or 1950 <= value <= 2100:
        return year
    return None


def fiscal_year_be(day: date) -> int:
    """The government fiscal year (October to September, named by the year it ends in), in
    the Buddhist Era: 1 October 2023 is ปีงบประมาณ 2567."""
    return be_year(day.year + (1 if day.month >= 10 else 0))


# ------------------------------------------------------------------------------ months


def _month_key(token: str) -> str:
    return re.sub(r"[.\s]", "", token)


_MONTH_BY_KEY: dict[str, int] = {}
for _number, _names in enumerate(
    zip(MONTHS_FULL, MONTHS_ABBR, strict=True),
    start=1,
):
    for _name in (*_names, *MONTH_SPELLINGS[_number]):
        _MONTH_BY_KEY[_month_key(_name)] = _number


def month_number(token: str) -> int | None:
    """กันยายน / กันยา / ก.ย. / ก.ย / ก. ย. / กย. -> 9; None for anything else."""
    return _MONTH_BY_KEY.get(_month_key(token))


def _abbreviation_pattern(abbr: str, inner_dot: bool) -> str:
    first, second = abbr.rstrip(".").split(".")
    return re.escape(first) + (r"\.\s?" if inner_dot else r"\.?\s?") + re.escape(second) + r"\.?"


def _month_pattern(inner_dot: bool) -> str:
    alternatives = [(name, re.escape(name)) for name in MONTHS_FULL]
    alternatives += [(n, re.escape(n)) for names in MONTH_SPELLINGS.values() for n in names]
    alternatives += [(a, _abbreviation_pattern(a, inner_dot)) for a in MONTHS_ABBR]
    # Longest first: มีนาคม before มีนา, มี.ค. before ม.ค.
    alternatives.sort(key=lambda pair: len(pair[0]), reverse=True)
    return "(?:" + "|".join(pattern for _, pattern in alternatives) + ")"


# Any month in prose: a full name or a spelling of it, or an abbreviation whose inner dot is
# written (ก.ย. / ก.ย / ก. ย.). Without the dot "พย" is the start of พยาบาล.
MONTH = _month_pattern(inner_dot=True)
# Also the undotted abbreviations (กย. / กย): for a date line whose year follows.
MONTH_UNDOTTED = _month_pattern(inner_dot=False)


# ------------------------------------------------------------------ dates in Thai prose

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


@dataclass(frozen=True)
class DateMention:
    """One date or date range found in a text, with offsets into that text."""

    start: date
    end: date | None
    pos: int
    endpos: int
    has_year: bool
    numeric: bool = False


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


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
    """Every date and range in `text` (Arabic digits: pass Thai ones through
    `arabic_digits` first), in order.

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


def format_date(day: date) -> str:
    """The long form: "10 กันยายน 2563"."""
    return f"{day.day} {MONTHS_FULL[day.month - 1]} {be_year(day.year)}"


def month_rows() -> list[dict[str, object]]:
    """The twelve months as the warehouse's thai_months seed holds them."""
    return [
        {"month_number": n, "month_name_th": full, "month_abbr_th": abbr}
        for n, (full, abbr) in enumerate(zip(MONTHS_FULL, MONTHS_ABBR, strict=True), start=1)
    ]
