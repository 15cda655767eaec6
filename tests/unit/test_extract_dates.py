"""Thai date parsing and the choice of the event's date."""

from datetime import date

import pytest

from edunews.extract.event_date import find_event_date, parse_thai_date
from edunews.thai_calendar import gregorian_year

PUBLISHED = date(2020, 9, 12)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("เมื่อวันที่ 5 กรกฎาคม 2562 ที่ห้องประชุม", date(2019, 7, 5), None),
        ("วันพฤหัสบดีที่ 3 กันยายน 2563", date(2020, 9, 3), None),
        ("เมื่อวันที่ ๑๐ กันยายน ๒๕๖๓", date(2020, 9, 10), None),
        ("ระหว่างวันที่ 30 – 31 มกราคม 2561", date(2018, 1, 30), date(2018, 1, 31)),
        ("9-10 ก.ย. 63", date(2020, 9, 9), date(2020, 9, 10)),
        ("5 ก.ย 2563", date(2020, 9, 5), None),
        ("3 ก. ย. พ.ศ. 2563", date(2020, 9, 3), None),
        ("30 มกราคม - 2 กุมภาพันธ์ 2561", date(2018, 1, 30), date(2018, 2, 2)),
        ("วันที่ 30 ธันวาคม 2563 ถึงวันที่ 2 มกราคม 2564", date(2020, 12, 30), date(2021, 1, 2)),
        ("วันนี้ (21 ม.ค. 66)", date(2023, 1, 21), None),
        ("วันที่ 5 และ 6 ส.ค. 2563", date(2020, 8, 5), date(2020, 8, 6)),
        ("เมื่อวันที่ 8 ก.ย. นายสมชาย", date(2020, 9, 8), None),
    ],
)
def test_parse_thai_date(text, start, end):
    assert parse_thai_date(text, PUBLISHED) == (start, end)


def test_yearless_date_late_in_year_belongs_to_the_year_before_publication():
    assert parse_thai_date("เมื่อวันที่ 28 ธ.ค.", date(2024, 1, 5)) == (date(2023, 12, 28), None)


def test_two_digit_number_far_from_publication_is_not_a_year():
    assert gregorian_year("33", 2023) is None
    assert gregorian_year("63", 2020) == 2020
    assert gregorian_year("2563") == 2020


def test_no_date_in_plain_text():
    assert parse_thai_date("ไม่มีวันที่ในข้อความนี้ 15 คน") is None


def test_event_date_skips_publishing_line_and_takes_cued_date():
    text = (
        "วันพุธที่ 18 ตุลาคม 2566\n18/10/2566\nพิมพ์\nข่าวทดสอบการประชุม\n"
        "เมื่อวันที่ 16 ต.ค. นางสาวสมศรี ใจดี เป็นประธานการประชุม"
    )
    found = find_event_date("ข่าวทดสอบการประชุม", text, "2023-10-18")
    assert found.start == date(2023, 10, 16)
    assert found.end is None


def test_event_date_prefers_cue_over_earlier_date_in_passing():
    text = (
        "ตามที่ประกาศลงวันที่ 1 สิงหาคม 2563 กำหนดให้จัดกิจกรรม จึงจัดประชุมขึ้นเมื่อวันที่ 3 กันยายน 2563 ณ ห้องประชุม"
    )
    assert find_event_date("ประชุม", text, None).start == date(2020, 9, 3)


def test_event_date_extends_to_later_range_with_same_start():
    text = (
        "เมื่อวันที่ 30 มกราคม 2561 ที่โรงเรียนบ้านหนองไผ่ นายสมชาย ใจดี เป็นประธาน "
        "จึงได้จัดเวทีขึ้น ในระหว่างวันที่ 30 – 31 มกราคม 2561"
    )
    found = find_event_date("", text, None)
    assert (found.start, found.end) == (date(2018, 1, 30), date(2018, 1, 31))


def test_paragraph_opening_date_is_the_event_date():
    found = find_event_date("x", "วันที่ 3 กันยายน 2563 ดร.สมชาย ใจดี เป็นประธาน", None)
    assert found.start == date(2020, 9, 3)


def test_relative_day_without_date_uses_publication():
    found = find_event_date("x", "วานนี้ นายสมชาย ใจดี เป็นประธานการประชุม", "2024-06-06")
    assert found.start == date(2024, 6, 5)


def test_no_date_at_all():
    assert find_event_date("ข่าว", "ไม่มีวันที่", None) is None


# Later mentions of earlier or coming events must not displace the lead's date.
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # The lead's ในวันที่ / ระหว่างวันที่ against a later preparatory เมื่อวันที่.
        (
            "สพป.ตัวอย่าง เขต 1 จัดประชุมเชิงปฏิบัติการ ในวันที่ ๘ มิถุนายน ๒๕๖๒ ณ ห้องประชุม"
            "ราชพฤกษ์ โดยมีนายสมชาย ใจดี เป็นประธานเปิด\n"
            "ทั้งนี้ ได้ประชุมคณะทำงานเพื่อเตรียมความพร้อมไปแล้วเมื่อวันที่ 28 เมษายน 2562",
            date(2019, 6, 8),
            None,
        ),
        (
            "ระหว่างวันที่ 6–8 ธ.ค. 2568 ณ โรงแรมริมน้ำ นางสาวสมศรี ใจงาม เป็นประธาน\n"
            "กิจกรรมนี้ต่อยอดจากการประชุมชี้แจงเมื่อวันที่ 3 พ.ย. 2568",
            date(2025, 12, 6),
            date(2025, 12, 8),
        ),
        # A mid-sentence วันที่ in the lead against a later unmarked-but-background one.
        (
            "สพม.ตัวอย่าง จัดอบรมครู วันที่ 2 กรกฎาคม 2562 ที่ห้องประชุม สพม.ตัวอย่าง\n"
            "ก่อนหน้านี้ ได้จัดอบรมรุ่นแรกเมื่อวันที่ 7 มิถุนายน 2562",
            date(2019, 7, 2),
            None,
        ),
        # A government page: a summary paragraph announcing a coming event, then the
        # report's dateline.
        (
            "ศธ. เตรียมจัดงานมหกรรมวิชาการ วันที่ 20 ธ.ค.นี้ ที่เมืองทองธานี\n"
            "เมื่อวันที่ 8 ธ.ค. นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงศึกษาธิการ แถลงข่าว",
            date(2025, 12, 8),
            None,
        ),
        (
            "ศธ. แถลงข่าวเตรียมจัดงานค่ายวิทยาศาสตร์ ระหว่าง 31 ก.ค. – 6 ส.ค. 68 ณ โคราช\n"
            "วันนี้ (4 กรกฎาคม 2568) นางสมศรี ใจงาม รัฐมนตรีว่าการกระทรวงศึกษาธิการ ร่วมแถลงข่าว",
            date(2025, 7, 4),
            None,
        ),
        # "ตามที่ ... เมื่อวันที่" is what the event follows from.
        (
            "ตามที่ สพฐ. ได้ประกาศนโยบายเมื่อวันที่ 1 ต.ค. 2568 สพป.ตัวอย่าง จึงจัดประชุม"
            "ผู้บริหารในวันที่ 15 ต.ค. 2568 ณ หอประชุม",
            date(2025, 10, 15),
            None,
        ),
    ],
)
def test_event_date_is_the_leads_not_a_background_or_coming_date(text, start, end):
    found = find_event_date("ข่าว", text, "2025-12-20")
    assert (found.start, found.end) == (start, end)


def test_quality_assurance_words_are_no_deadline():
    # "ประกันคุณภาพภายใน" holds ภายใน ("within"), which marks deadlines only before a date.
    text = "ลงพื้นที่ติดตามการประกันคุณภาพภายในสถานศึกษา ณ โรงเรียนบ้านนา วันที่ 10 ก.พ. 2566"
    assert find_event_date("x", text, "2023-02-14").start == date(2023, 2, 10)


def test_lead_opening_with_the_titles_words_is_report_not_furniture():
    title = "สพป.ตัวอย่าง เขต 1 จัดพิธีมอบโล่รางวัลครูดีเด่นด้านการจัดการศึกษาปฐมวัย"
    text = title + " เมื่อวันศุกร์ที่ 29 ธันวาคม 2560 ที่หอประชุมโรงเรียนบ้านนา"
    assert find_event_date(title, text, "2018-01-02").start == date(2017, 12, 29)
