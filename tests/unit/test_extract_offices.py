"""Education offices: the three spellings of one office, old and new secondary offices."""

import pytest

from edunews.extract.offices import find_offices, find_organizer_office, parse_office


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 6", ("spp", "เชียงใหม่", 6)),
        ("สพป.เชียงใหม่ เขต 6", ("spp", "เชียงใหม่", 6)),
        ("สพป. เชียงใหม่ เขต ๖", ("spp", "เชียงใหม่", 6)),
        ("สพป.กระบี่", ("spp", "กระบี่", None)),
        ("สพม. เขต 19", ("spm", None, 19)),
        ("สพม.34", ("spm", None, 34)),
        ("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา (สพม.) เขต 19", ("spm", None, 19)),
        ("สพม.เลย หนองบัวลำภู", ("spm", "เลย", None)),
        ("สพม.กรุงเทพมหานคร เขต 1", ("spm", "กรุงเทพมหานคร", 1)),
        ("สพฐ.", ("obec", None, None)),
        ("สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", ("obec", None, None)),
        ("สป.ศธ.", ("moe", None, None)),
        ("ศธจ.เชียงใหม่", ("moe", "เชียงใหม่", None)),
        ("รัฐมนตรีว่าการกระทรวงศึกษาธิการ", ("moe", None, None)),
        ("กระทรวงการอุดมศึกษา วิทยาศาสตร์", ("other", None, None)),
    ],
)
def test_office_keys(text, key):
    assert parse_office(text).key == key


def test_post_reform_office_keeps_all_its_provinces():
    office = parse_office("สพม.เลย หนองบัวลำภู")
    assert office.provinces == ("เลย", "หนองบัวลำภู")
    assert office.as_dict()["provinces"] == ["เลย", "หนองบัวลำภู"]


def test_generic_area_office_is_not_an_office():
    assert find_offices("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา รักษาราชการ") == []


def test_organizer_is_the_office_the_title_opens_with():
    office = find_organizer_office("สพป.บุรีรัมย์ เขต 1 จัดอบรมครู", "โดยมี รองเลขาธิการ กพฐ. เป็นประธาน")
    assert office.key == ("spp", "บุรีรัมย์", 1)


def test_organizer_is_office_before_organising_verb():
    office = find_organizer_office(
        "การจัดกิจกรรมแลกเปลี่ยนเรียนรู้",
        "นายสมชาย จาก สพฐ. กล่าว\nสพม.เชียงใหม่ จัดกิจกรรมแลกเปลี่ยนเรียนรู้",
    )
    assert office.key == ("spm", "เชียงใหม่", None)


def test_local_office_hosts_when_higher_office_presides():
    office = find_organizer_office(
        "รองเลขาธิการ กพฐ.เป็นประธานเปิดเวที",
        "นายสมชาย ใจดี รองเลขาธิการ กพฐ. เป็นประธาน โดยมี ผู้อำนวยการ"
        "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาศรีสะเกษ เขต 1",
    )
    assert office.key == ("spp", "ศรีสะเกษ", 1)


def test_no_office():
    assert find_organizer_office("ข่าว", "ไม่มีหน่วยงาน") is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("สพป.ชม.1", ("spp", "เชียงใหม่", 1)),
        ("สพป.นศ.๒", ("spp", "นครศรีธรรมราช", 2)),
        ("สพป. ชม. เขต 6", ("spp", "เชียงใหม่", 6)),
        ("สพม.สป.", ("spm", "สมุทรปราการ", None)),
        ("สพป.นครพนม เขต 1", ("spp", "นครพนม", 1)),  # a name, not the code นค
    ],
)
def test_standard_province_codes_in_office_names(text, key):
    assert parse_office(text).key == key


def test_words_ending_in_kor_before_m_are_no_department():
    # บุคลากร|มืออาชีพ, ทรัพยากร|มนุษย์, วิทยากร|มา: not กรม...
    text = "พัฒนาบุคลากรมืออาชีพ ทรัพยากรมนุษย์ วิทยากรมาบรรยาย โดยกรมอนามัย"
    assert [o.name for o in find_offices(text)] == ["กรมอนามัย"]


def test_a_ministry_spoken_of_in_general_is_no_office():
    text = "ทุกกระทรวงต่าง ๆ และกระทรวงอื่น กระทรวงให้เกิดผล กระทรวงมหาดไทย"
    assert [o.name for o in find_offices(text)] == ["กระทรวงมหาดไทย"]
