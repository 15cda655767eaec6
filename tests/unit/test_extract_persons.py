"""Persons: honorific + given + family name, position, organisation, role."""

from edunews.extract.persons import find_persons


def _by_name(text):
    return {p.name: p for p in find_persons(text)}


def test_chair_with_position_and_organisation():
    people = _by_name("โดยมี นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านหนองไผ่ เป็นประธานเปิดการประชุม")
    person = people["สมชาย ใจดี"]
    assert person.honorific == "นาย"
    assert person.role == "chair"
    assert person.position == "ผู้อำนวยการโรงเรียนบ้านหนองไผ่"
    assert person.organization == "โรงเรียนบ้านหนองไผ่"


def test_later_mention_by_given_name_is_the_same_person():
    people = find_persons("นายระบอบ พลมุข ผู้อำนวยการโรงเรียน เปิดเผยว่า ... นายระบอบ กล่าว")
    assert [p.name for p in people] == ["ระบอบ พลมุข"]


def test_compound_honorific_and_glued_name():
    people = _by_name("ซึ่งมีว่าที่ร้อยตรี ดร.ทวีศักดิ์ นามศรี ผู้อำนวยการ เป็นสักขีพยาน")
    person = people["ทวีศักดิ์ นามศรี"]
    assert person.honorific == "ว่าที่ร้อยตรี ดร."
    assert person.role == "witness"


def test_list_of_names_shares_the_verb_at_its_end():
    people = _by_name(
        "ซึ่งมี นายวิเชียร ไชยบัง ผู้อำนวยการโรงเรียนลำปลาย นางปิยาภรณ์ มัณฑะจิตร "
        "ผู้อำนวยการมูลนิธิ และคณะ เป็นผู้ดำเนินการเสวนา"
    )
    assert people["วิเชียร ไชยบัง"].role == "moderator"
    assert people["ปิยาภรณ์ มัณฑะจิตร"].role == "moderator"


def test_reporter_and_leading_vowel_names():
    people = _by_name("ในการนี้ ดร.เสน่ห์ กรแก้ว ผู้อำนวยการกลุ่มนิเทศ กล่าวรายงาน")
    assert people["เสน่ห์ กรแก้ว"].role == "reporter"


def test_two_word_family_name():
    people = find_persons("ดร.ภูธร จันทะหงษ์ ปุณยจำรัสธำรง ผู้เชี่ยวชาญ เป็นประธาน")
    assert people[0].name == "ภูธร จันทะหงษ์ ปุณยจำรัสธำรง"


def test_prime_minister_is_not_a_person_named_krat():
    assert find_persons("ท่านประยุทธ์ จันทร์โอชา นายกรัฐมนตรี ที่สอดรับกับ") == []


def test_buddhist_era_abbreviation_is_not_an_honorific():
    assert find_persons("พ.ศ. 2563 ได้มี การประชุม") == []
