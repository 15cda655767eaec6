"""The one Thai calendar module: months and their spellings, years, digits, the timezone,
dates in prose; and the warehouse's thai_months seed, which must be what the module writes."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from edunews import config
from edunews.thai_calendar import (
    BANGKOK,
    MONTH,
    MONTH_UNDOTTED,
    MONTHS_ABBR,
    MONTHS_FULL,
    arabic_digits,
    be_year,
    find_dates,
    fiscal_year_be,
    format_date,
    gregorian,
    gregorian_year,
    month_number,
    thai_digits,
)
from edunews.transform.seeds import thai_months_csv


@pytest.mark.parametrize(
    ("token", "number"),
    [
        ("มกราคม", 1),
        ("มกรา", 1),
        ("ม.ค.", 1),
        ("ม.ค", 1),
        ("มค.", 1),
        ("มค", 1),
        ("ม. ค.", 1),
        ("มี.ค.", 3),
        ("มีนาคม", 3),
        ("กรกฎาคม", 7),
        ("กรกฏาคม", 7),  # ฏ for ฎ, as typed on real pages
        ("กุมภาพันธ", 2),
        ("ก.ย.", 9),
        ("พ.ย.", 11),
        ("ธันวา", 12),
        ("ธันว", None),
        ("มีนาคมม", None),
        ("May", None),
    ],
)
def test_month_number_of_every_spelling(token, number):
    assert month_number(token) == number


def test_twelve_months_each_with_a_distinct_full_name_and_abbreviation():
    assert len(set(MONTHS_FULL)) == len(set(MONTHS_ABBR)) == 12
    for number, (full, abbr) in enumerate(zip(MONTHS_FULL, MONTHS_ABBR, strict=True), 1):
        assert month_number(full) == month_number(abbr) == number


def test_month_pattern_needs_the_inner_dot_in_prose_but_not_in_a_date_line():
    strict, loose = re.compile(MONTH), re.compile(MONTH_UNDOTTED)
    assert strict.fullmatch("ก.ย.") and strict.fullmatch("ก. ย") and strict.fullmatch("กันยา")
    assert not strict.match("พยาบาล")  # "3 พยาบาล" is three nurses, not 3 November
    assert loose.fullmatch("พย.") and loose.fullmatch("พย")
    # the longest spelling wins: มีนาคม is not มีนา + "คม"
    assert strict.match("มีนาคม 2567").group(0) == "มีนาคม"


@pytest.mark.parametrize(
    ("written", "year"),
    [(2566, 2023), (66, 2023), (2023, 2023), (2400, 1857), (43, 2000), (0, 1957)],
)
def test_written_years_to_gregorian(written, year):
    assert gregorian(written) == year


def test_news_years_in_prose():
    assert gregorian_year("2563") == 2020
    assert gregorian_year("2020") == 2020
    assert gregorian_year("63") == 2020
    assert gregorian_year("63", 2020) == 2020
    assert gregorian_year("33", 2023) is None  # "16 ต.ค. 33 คน": 33 people, not 1990
    assert gregorian_year("33") is None
    assert gregorian_year("1234") is None
    assert gregorian_year(None) is None


def test_buddhist_era_and_fiscal_year():
    assert be_year(2023) == 2566
    assert fiscal_year_be(date(2023, 9, 30)) == 2566
    assert fiscal_year_be(date(2023, 10, 1)) == 2567


def test_digits_both_ways():
    assert arabic_digits("๒๕๖๓ เขต ๑") == "2563 เขต 1"
    assert thai_digits("2563 เขต 1") == "๒๕๖๓ เขต ๑"
    assert arabic_digits(thai_digits("0123456789")) == "0123456789"


def test_bangkok_is_seven_hours_ahead_in_any_year():
    for year in (1900, 2024):  # the tz database's zone would say +06:42 in 1900
        assert datetime(year, 1, 1, tzinfo=BANGKOK).utcoffset().total_seconds() == 7 * 3600
    assert str(BANGKOK) == "Asia/Bangkok"


def test_long_form_reads_back():
    day = date(2020, 9, 10)
    assert format_date(day) == "10 กันยายน 2563"
    (found,) = find_dates(format_date(day))
    assert (found.start, found.end, found.has_year) == (day, None, True)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("9-10 ก.ย. 63", date(2020, 9, 9), date(2020, 9, 10)),
        ("30 มกราคม - 2 กุมภาพันธ์ 2561", date(2018, 1, 30), date(2018, 2, 2)),
        ("วันที่ 30 ธันวาคม 2563 ถึงวันที่ 2 มกราคม 2564", date(2020, 12, 30), date(2021, 1, 2)),
        ("3 ก. ย. พ.ศ. 2563", date(2020, 9, 3), None),
        ("18/10/2566", date(2023, 10, 18), None),
    ],
)
def test_dates_and_ranges_in_prose(text, start, end):
    found = find_dates(text)
    assert (found[0].start, found[0].end) == (start, end)


def test_a_yearless_date_takes_the_publishing_year_or_the_one_before():
    (found,) = find_dates("เมื่อวันที่ 28 ธ.ค.", date(2024, 1, 5))
    assert found.start == date(2023, 12, 28) and not found.has_year
    (found,) = find_dates("เมื่อวันที่ 3 ม.ค.", date(2024, 1, 5))
    assert found.start == date(2024, 1, 3)


def test_no_date_in_numbers_of_people():
    assert find_dates("มีผู้เข้าร่วม 15 คน 3 พยาบาล") == []


def test_the_committed_thai_months_seed_is_the_modules():
    seed = config.dbt_project_dir() / "seeds" / "thai_months.csv"
    assert seed.read_text(encoding="utf-8") == thai_months_csv(), (
        "dbt_project/seeds/thai_months.csv differs from edunews.thai_calendar: "
        "run .venv/bin/python -m edunews.transform.seeds"
    )
    lines = thai_months_csv().splitlines()
    assert lines[0] == "month_number,month_name_th,month_abbr_th"
    assert lines[1] == "1,มกราคม,ม.ค." and lines[12] == "12,ธันวาคม,ธ.ค."
