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
