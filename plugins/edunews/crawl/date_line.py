"""The visible publication date of a Thai page: "วันพุธที่ ๑๘ ตุลาคม ๒๕๖๖", "18 ต.ค. 66",
"18/10/2566", and (find_date) the English and ISO date lines of templates in English:
"12 May 2024", "May 12, 2024", "2567-05-12". Buddhist-Era years (and two-digit ones after
a Thai month), Thai digits, abbreviated months with or without their dots (the Thai
calendar's rules: edunews.thai_calendar); numbers are day/month/year, as Thai sites
write them.

Small on purpose: it reads one date line of page furniture, not the dates in news prose
(that is the extractor's job).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from edunews.thai_calendar import MONTH_UNDOTTED, arabic_digits, gregorian, month_number

# Official writing puts "เดือน" (month) before the month's name: "12 เดือน พฤษภาคม 2567".
_WORDS = re.compile(
    r"(?<!\d)(\d{1,2})\s*(?:เดือน\s*)?("
    + MONTH_UNDOTTED
    + r")\s*(?:พ\.?\s?ศ\.?\s*)?(\d{4}|\d{2})(?!\d)"
)
# One separator throughout; not a piece of a longer dotted or dashed run (an IP address,
# a version, a phone number).
_NUMERIC = re.compile(r"(?<![\d./-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d]|[./-]\d)")
# "12/05/67": web-era news only, so 40-99 is BE 2540-2599 (1997-2056) and 00-39 is
# 2000-2039 (BE 2500-2539 is before the web, 2040 after this code).
_NUMERIC_SHORT = re.compile(r"(?<![\d./-])(\d{1,2})/(\d{1,2})/(\d{2})(?![\d]|[./-]\d)")
_ISO = re.compile(r"(?<![\d./-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d]|[./-]\d)")
_EN_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_EN_MONTH = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th)?"
_EN_DAY_FIRST = re.compile(
    rf"(?<!\d)(\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?({_EN_MONTH})\b\.?,?\s+(\d{{4}})(?!\d)", re.I
)
_EN_MONTH_FIRST = re.compile(
    rf"\b({_EN_MONTH})\b\.?\s+(\d{{1,2}}){_ORDINAL},?\s+(\d{{4}})(?!\d)", re.I
)


def find_thai_date(text: str) -> date | None:
    """The first complete (day, month, year) date in `text` written the Thai way, or None."""
    found = _thai_dates(arabic_digits(text))
    return min(found)[1] if found else None


def find_date(text: str) -> date | None:
    """The first complete date in `text` written in Thai, English, ISO or numbers, or None."""
    text = arabic_digits(text)
    found = _thai_dates(text)
    found += _first(_ISO, text, lambda m: (m.group(1), m.group(3), m.group(4)))
    found += _first(
        _NUMERIC_SHORT, text, lambda m: (_short_year(m.group(3)), m.group(2), m.group(1))
    )
    found += _first(_EN_DAY_FIRST, text, lambda m: (m.group(3), m.group(2), m.group(1)))
    found += _first(_EN_MONTH_FIRST, text, lambda m: (m.group(3), m.group(1), m.group(2)))
    return min(found)[1] if found else None


def _short_year(digits: str) -> str:
    year = int(digits)
    return str(gregorian(year) if year >= 40 else 2000 + year)


def _thai_dates(text: str) -> list[tuple[int, date]]:
    found: list[tuple[int, date]] = []
    for match in _WORDS.finditer(text):
        month = month_number(match.group(2))
        day = _safe_date(gregorian(int(match.group(3))), month, int(match.group(1)))
        if day:
            found.append((match.start(), day))
            break
    return found + _first(_NUMERIC, text, lambda m: (m.group(4), m.group(3), m.group(1)))


def _first(
    pattern: re.Pattern[str], text: str, parts: Callable[[re.Match[str]], tuple[str, str, str]]
) -> list[tuple[int, date]]:
    """[(position, date)] of the first match of `pattern` that is a real date, else []."""
    for match in pattern.finditer(text):
        year, month, day = parts(match)
        number = int(month) if month.isdigit() else _EN_MONTHS.get(month.lower())
        found = _safe_date(gregorian(int(year)), number, int(day))
        if found is None and pattern in (_NUMERIC, _NUMERIC_SHORT) and number and number > 12:
            # Day/month is the rule; "05/25/2024" can only be an English theme's month/day.
            found = _safe_date(gregorian(int(year)), int(day), number)
        if found:
            return [(match.start(), found)]
    return []


def _safe_date(year: int, month: int | None, day: int) -> date | None:
    if not month or not 1900 < year < 2200:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
