"""The visible publication date of a Thai page: "วันพุธที่ ๑๘ ตุลาคม ๒๕๖๖", "18 ต.ค. 66",
"18/10/2566". Buddhist-Era years (and two-digit ones), Thai digits, abbreviated months.

Small on purpose: it reads one date line of page furniture, not the dates in news prose
(that is the extractor's job).
"""

from __future__ import annotations

import re
from datetime import date

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_MONTHS = {
    "มกราคม": 1,
    "กุมภาพันธ์": 2,
    "มีนาคม": 3,
    "เมษายน": 4,
    "พฤษภาคม": 5,
    "มิถุนายน": 6,
    "กรกฎาคม": 7,
    "กรกฏาคม": 7,
    "สิงหาคม": 8,
    "กันยายน": 9,
    "ตุลาคม": 10,
    "พฤศจิกายน": 11,
    "ธันวาคม": 12,
    "ม.ค.": 1,
    "ก.พ.": 2,
    "มี.ค.": 3,
    "เม.ย.": 4,
    "พ.ค.": 5,
    "มิ.ย.": 6,
    "ก.ค.": 7,
    "ส.ค.": 8,
    "ก.ย.": 9,
    "ต.ค.": 10,
    "พ.ย.": 11,
    "ธ.ค.": 12,
}
_BY_KEY = {name.replace(".", ""): n for name, n in _MONTHS.items()}
_MONTH = "|".join(
    sorted((re.escape(m).replace(r"\.", r"\.?\s?") for m in _MONTHS), key=len, reverse=True)
)
_WORDS = re.compile(
    r"(?<!\d)(\d{1,2})\s*(" + _MONTH + r")\s*(?:พ\.?\s?ศ\.?\s*)?(\d{4}|\d{2})(?!\d)"
)
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")


def gregorian(year: int) -> int:
    """A written year to the Gregorian one: 2566 -> 2023, 66 -> 2023, 2023 -> 2023."""
    if year < 100:
        year += 2500
    return year - 543 if year > 2400 else year


def find_thai_date(text: str) -> date | None:
    """The first complete (day, month, year) date in `text`, or None."""
    text = text.translate(_THAI_DIGITS)
    found: list[tuple[int, date]] = []
    for match in _WORDS.finditer(text):
        month = _BY_KEY.get(re.sub(r"[.\s]", "", match.group(2)))
        day = _safe_date(gregorian(int(match.group(3))), month, int(match.group(1)))
        if day:
            found.append((match.start(), day))
            break
    for match in _NUMERIC.finditer(text):
        day = _safe_date(gregorian(int(match.group(3))), int(match.group(2)), int(match.group(1)))
        if day:
            found.append((match.start(), day))
            break
    return min(found)[1] if found else None


def _safe_date(year: int, month: int | None, day: int) -> date | None:
    if not month or not 1900 < year < 2200:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
