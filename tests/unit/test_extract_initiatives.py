"""Initiatives: aliases of the code list, weak aliases only when repeated."""

from edunews.extract.initiatives import find_initiatives


def _codes(title, text):
    return [i.code for i in find_initiatives(title, text)]


def test_aliases_in_thai_and_latin():
    text = "การจัดการเรียนรู้แบบ Active Learning และกระบวนการ PLC ผลการทดสอบ O-NET"
    assert _codes("", text) == ["active_learning", "plc", "onet"]


def test_overlapping_aliases_of_two_codes_are_both_found():
    codes = _codes("", "คัดเลือกผลงาน 1 โรงเรียน 1 นวัตกรรมสิ่งแวดล้อม")
    assert set(codes) == {"one_school_one_innovation", "environment_education"}


def test_short_latin_alias_must_stand_alone():
    assert _codes("", "INTERNATIONAL CONFERENCE on ART") == []
    assert _codes("", "ผลการสอบ O-NET, NT") == ["onet", "nt"]


def test_weak_alias_once_in_body_is_not_a_topic():
    assert _codes("", "ส่งเสริมทักษะอาชีพร่วมกัน") == []
    assert _codes("", "ทักษะอาชีพ ... ทักษะอาชีพ") == ["career_education"]
    assert _codes("อบรมทักษะอาชีพ", "") == ["career_education"]


def test_title_first_and_one_per_code():
    found = find_initiatives("โรงเรียนคุณภาพประจำตำบล", "COVID-19 และโรงเรียนคุณภาพประจำตำบล")
    assert [(i.code, i.source) for i in found] == [
        ("quality_school_tambon", "title"),
        ("covid19", "text"),
    ]


def test_named_local_programmes_are_other():
    found = find_initiatives(
        "", "จัดประชุมดำเนินโครงการ “บ่องามสร้างสุข” และการขับเคลื่อน “ห้วยกลางโมเดล” ต่อไป"
    )
    assert [(i.code, i.name) for i in found] == [
        ("other", "บ่องามสร้างสุข"),
        ("other", "ห้วยกลางโมเดล"),
    ]


def test_quoted_programme_of_the_code_list_keeps_its_code():
    found = find_initiatives("", "ขับเคลื่อนโครงการ “โรงเรียนคุณภาพประจำตำบล”")
    assert [i.code for i in found] == ["quality_school_tambon"]


def test_weak_alias_named_as_a_policy_counts_once():
    assert _codes("", "สอดคล้องกับนโยบายการลดความเหลื่อมล้ำทางการศึกษา") == ["equity"]
    assert _codes("", "งานวิจัยที่ช่วยลดความเหลื่อมล้ำทางสุขภาพ") == []
