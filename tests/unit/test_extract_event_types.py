"""Event type: cues read in the title first, specific cues before generic ones."""

import pytest

from edunews.extract.event_types import find_event_type


@pytest.mark.parametrize(
    ("title", "text", "code"),
    [
        ("สพม.34 ประชุมเชิงปฏิบัติการ กิจกรรมเสวนา", "", "workshop"),
        ("โรงเรียนมัธยมขนาดเล็ก บันทึก MOU ขับเคลื่อนคุณภาพ", "", "mou_signing"),
        ("เปิดเวทีแลกเปลี่ยนเรียนรู้เครือข่ายโรงเรียน", "", "knowledge_exchange"),
        ("ประชุมคณะกรรมการ ครั้งที่ 1/2566", "", "meeting"),
        ("รมว.ศธ. ตรวจเยี่ยมโรงเรียน", "ณ ห้องประชุม", "site_visit"),
        ("ข่าวประชาสัมพันธ์", "จัดอบรมครูผู้สอน ณ ห้องประชุม", "training"),
    ],
)
def test_event_type(title, text, code):
    assert find_event_type(title, text).code == code


def test_title_beats_body():
    found = find_event_type("พิธีมอบรางวัลครูดีเด่น", "การประชุมเชิงปฏิบัติการ ถอดบทเรียน")
    assert (found.code, found.where) == ("award_ceremony", "title")


def test_job_title_is_not_supervision_visit():
    assert find_event_type("ศึกษานิเทศก์ คนใหม่", "") is None


def test_no_cue():
    assert find_event_type("ข่าวทั่วไป", "ไม่มีคำบอกชนิดของงาน") is None


@pytest.mark.parametrize(
    "text",
    [
        "เพื่อเพิ่มขีดความสามารถในการแข่งขันของประเทศ",
        "ยกระดับความสามารถทางการแข่งขันด้านวิทยาศาสตร์",
        "พัฒนาคนไทยให้สามารถแข่งขันได้ในระดับโลก",
        "ให้เศรษฐกิจไทยเติบโตและแข่งขันได้ในตลาดโลก",
    ],
)
def test_competitiveness_is_no_competition(text):
    assert find_event_type("ศธ. หารือแนวทางความร่วมมือ", text) is None


def test_a_real_contest_still_is_one():
    found = find_event_type("ข่าว", "ผู้ชนะการแข่งขันได้รับรางวัล เพิ่มความสามารถในการแข่งขัน")
    assert found.code == "competition"
