"""Participant count: the stated total, not subgroups or numbers of schools."""

import pytest

from edunews.extract.participants import find_participant_count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("ผู้ร่วมกิจกรรมประกอบด้วย ศึกษานิเทศก์ และนักเรียน รวมทั้งสิ้น 220 คน", 220),
        (
            "จำนวน 38 โรงเรียน ๆ ละ 2 คน คณะศึกษานิเทศก์ จำนวน 15 คน รวมทั้งสิ้น จำนวน 135 คน",
            135,
        ),
        ("รวม 135 คน", 135),
        ("มีผู้เข้าร่วมกว่า 300 คน", 300),
        ("ผู้เข้าร่วมอบรม จำนวน 1,200 คน", 1200),
    ],
)
def test_counts(text, count):
    assert find_participant_count(text).count == count


@pytest.mark.parametrize(
    "text",
    [
        "ผู้บริหารสถานศึกษา จำนวน 38 โรงเรียน",
        "ผู้เข้าร่วมโรงเรียนละ 2 คน",
        "มอบทุนคนละ 500 บาท",
        "ไม่มีตัวเลข",
    ],
)
def test_no_count(text):
    assert find_participant_count(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "ปีนี้มีจำนวนผู้สมัคร GAT/PAT และวิชาสามัญ รวมทั้งสิ้น 183,228 คน",
        "เงินเดือนชดเชยผู้ได้รับผลกระทบ จำนวน 107,362 คน",
        "แบ่งเบาภาระของผู้ปกครองและนักเรียน กลุ่มเป้าหมาย รวม 2,089,931 คน",
        "มฟล. จ้างงานรวม 341 คน ลงพื้นที่ทำงาน",
        "จะมีการนำบัณฑิตจบใหม่และประชาชนในพื้นที่ จำนวนรวม 68,350 คน เข้ามาร่วมเป็นทีม",
        "มีนักศึกษาจีน 21,906 คน จากนักศึกษาต่างชาติทั้งหมด 36,060 คน",
    ],
)
def test_numbers_of_people_who_are_not_participants(text):
    assert find_participant_count(text) is None


def test_participants_beyond_the_target_are_participants():
    text = "โดยมีผู้เข้าร่วมกิจกรรมเกินเป้าหมายที่ตั้งไว้รวมกว่า 660,218 คน"
    assert find_participant_count(text).count == 660218
    text = "อาสาสมัครสอนภาษาจีนที่ได้รับรางวัลมีจำนวนทั้งสิ้น 88 คน"
    assert find_participant_count(text).count == 88
