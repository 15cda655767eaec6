"""Thai surface forms of dates and digits, written the several ways real office sites write them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# The calendar itself (month names, weekdays, Buddhist-Era years) is the product's.
from edunews.thai_calendar import MONTHS_ABBR, MONTHS_FULL, WEEKDAYS, be_year
from edunews.thai_calendar import thai_digits as all_thai_digits

# Sites that write Thai digits still keep Latin codes as typed: "COVID-19", "MP3".
_CONVERTIBLE_NUMBER = re.compile(r"(?<![A-Za-z])(?<![A-Za-z]-)[0-9]+")


@dataclass(frozen=True)
class DateStyle:
    """How one article writes its dates; every date in the article uses the same style."""

    month: str = "full"  # full | abbr | abbr_nodot ("ก.ย" : the last dot dropped)
    year: str = "be"  # be | be_prefixed ("พ.ศ. 2563") | be2 ("63") | none
    dash: str = "-"  # between the days of a range: "-", " - ", " – "


def month_name(month: int, style: DateStyle) -> str:
    if style.month == "full":
        return MONTHS_FULL[month - 1]
    abbr = MONTHS_ABBR[month - 1]
    return abbr[:-1] if style.month == "abbr_nodot" else abbr


def year_text(d: date, style: DateStyle) -> str:
    be = be_year(d.year)
    if style.year == "none":
        return ""
    if style.year == "be2":
        return f" {be % 100:02d}"
    if style.year == "be_prefixed":
        return f" พ.ศ. {be}"
    return f" {be}"


def day_month(d: date, style: DateStyle) -> str:
    return f"{d.day} {month_name(d.month, style)}"


def format_date(d: date, style: DateStyle) -> str:
    """One day: "5 กรกฎาคม 2562", "5 ก.ค. 62", "5 ก.ค" ..."""
    return day_month(d, style) + year_text(d, style)


def format_range(start: date, end: date, style: DateStyle) -> str:
    """Two days or more, same year: "9-10 ก.ย. 2563", "30 มิ.ย. - 1 ก.ค. 2563"."""
    if (start.year, start.month) == (end.year, end.month):
        days = f"{start.day}{style.dash}{end.day} {month_name(end.month, style)}"
    else:
        days = f"{day_month(start, style)}{style.dash}{day_month(end, style)}"
    return days + year_text(end, style)


def weekday_name(d: date) -> str:
    return WEEKDAYS[d.weekday()]


def thai_digits(text: str) -> str:
    """Arabic digits to Thai digits, except inside Latin codes such as COVID-19."""
    return _CONVERTIBLE_NUMBER.sub(lambda m: all_thai_digits(m.group(0)), text)
