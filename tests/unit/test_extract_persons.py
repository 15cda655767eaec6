"""Persons: honorific + given + family name, position, organisation, role."""

import pytest

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


def _roles(text):
    return {p.name: p.role for p in find_persons(text)}


def test_panel_list_takes_its_role_from_the_words_that_open_it_not_the_next_clause():
    roles = _roles(
        "ผู้บริหารสถานศึกษาที่ร่วมแลกเปลี่ยนประสบการณ์ ได้แก่ นายสมชาย ใจดี ผู้อำนวยการ"
        "โรงเรียนบ้านนา และนางสมศรี ใจงาม ผู้อำนวยการโรงเรียนบ้านไร่ โดยมีนายสมศักดิ์ รักดี "
        "ศึกษานิเทศก์ เป็นผู้ดำเนินรายการ"
    )
    assert roles == {
        "สมชาย ใจดี": "speaker",
        "สมศรี ใจงาม": "speaker",
        "สมศักดิ์ รักดี": "moderator",
    }


def test_joint_verbs_keep_their_own_role():
    roles = _roles(
        "โดยมีนายสมชาย ใจดี ศึกษาธิการจังหวัด ร่วมลงนามกับนายสมศักดิ์ และมีนางสมศรี ใจงาม "
        "รองผู้อำนวยการ ร่วมเป็นสักขีพยาน"
    )
    assert roles == {"สมชาย ใจดี": "signatory", "สมศรี ใจงาม": "witness"}


def test_awardees_listed_after_their_heading():
    roles = _roles("ครูที่ได้รับรางวัล ได้แก่ นายสมชาย ใจดี ครูโรงเรียนบ้านนา")
    assert roles == {"สมชาย ใจดี": "awardee"}


def test_a_verb_in_the_next_paragraph_is_not_the_names():
    roles = _roles("ครูผู้ประสานงาน นายสมชาย ใจดี ครูโรงเรียนบ้านนา\nนายสมศักดิ์ รักดี กล่าวว่า ดี")
    assert roles["สมชาย ใจดี"] == "mentioned"
    assert roles["สมศักดิ์ รักดี"] == "speaker"


def test_subject_shares_the_verb_of_its_companions():
    roles = _roles("โดยมี รศ.สมชาย ใจดี รองอธิการบดี พร้อมด้วย ผศ.สมศรี ใจงาม ผู้อำนวยการศูนย์ ให้การต้อนรับ")
    assert roles == {"สมชาย ใจดี": "host", "สมศรี ใจงาม": "host"}
    roles = _roles("นายสมชาย ใจดี รัฐมนตรี เป็นประธาน พร้อมด้วย นางสมศรี ใจงาม ปลัดกระทรวง")
    assert roles == {"สมชาย ใจดี": "chair", "สมศรี ใจงาม": "attendee"}


def test_parties_of_an_agreement_after_rawang():
    roles = _roles(
        "พิธีลงนามบันทึกความเข้าใจ ระหว่าง ดร.สมชาย ใจดี ผู้ว่าการสถาบัน และ รศ.ดร.สมศรี ใจงาม อธิการบดี"
    )
    assert roles == {"สมชาย ใจดี": "signatory", "สมศรี ใจงาม": "signatory"}


def test_dotted_title_glued_to_a_list_word_is_a_person():
    names = [p.name for p in find_persons("ครูโรงเรียนบ้านนา และดร.รัตนี สุทธิเมือง ครู โดยมีดร.สมศรี ใจงาม")]
    assert names == ["รัตนี สุทธิเมือง", "สมศรี ใจงาม"]
    assert find_persons("สำนักงาน กศน.จังหวัด") == []


def test_family_names_that_start_like_verbs():
    names = [p.name for p in find_persons("นายแสนภูผา นำพา ผอ.สพป.บึงกาฬ และดร.กนกวรรณ ร่วมสุข")]
    assert names == ["แสนภูผา นำพา", "กนกวรรณ ร่วมสุข"]


def test_a_rejected_match_does_not_swallow_the_next_person():
    people = find_persons("นายเศรษฐา ทวีสิน นายกรัฐมนตรี ร้อยเอก ธรรมนัส พรหมเผ่า รัฐมนตรี")
    assert [(p.name, p.position) for p in people] == [
        ("เศรษฐา ทวีสิน", "นายกรัฐมนตรี"),
        ("ธรรมนัส พรหมเผ่า", "รัฐมนตรี"),
    ]


def test_later_mention_by_title_is_the_same_person():
    people = find_persons(
        "นายสุรศักดิ์ พันธ์เจริญวรกุล รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ (รมช.ศธ.) ตรวจเยี่ยม"
        "โรงเรียน\nรมช.ศธ. กล่าวว่า ขอให้ครูทุกคน"
    )
    assert [(p.name, p.role) for p in people] == [("สุรศักดิ์ พันธ์เจริญวรกุล", "speaker")]
    people = find_persons(
        "นางสาวศุภมาส อิศรภักดี รัฐมนตรีว่าการกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม "
        "ลงพื้นที่\nด้านรมว.อว. เปิดเผยว่า"
    )
    assert people[0].role == "speaker"


def test_name_without_honorific_from_the_name_lists():
    people = find_persons("ทั้งนี้ สมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา กล่าวว่า")
    assert [(p.name, p.honorific, p.role) for p in people] == [("สมชาย ใจดี", None, "speaker")]


def test_press_credits_are_not_people_of_the_event():
    text = "ขอบคุณ\nสถาพร ถาวรสุข, อิทธิพล รุ่งก่อน: ถ่ายภาพ นวรัตน์ รามสูต: เรียบเรียง"
    assert find_persons(text) == []


def test_position_keeps_its_closing_abbreviation():
    people = find_persons(
        "นางสาวศุภมาส อิศรภักดี รัฐมนตรีว่าการกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม"
        " (อว.) เปิดเผยว่า โดยมี ศ.ดร.ศุภชัย ปทุมนากุล ปลัด อว. เป็นประธาน"
    )
    assert [p.position for p in people] == [
        "รัฐมนตรีว่าการกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม (อว.)",
        "ปลัด อว.",
    ]


def test_position_stops_before_joining_verbs_not_inside_titles():
    people = find_persons(
        "โดยมี นายสิริพงศ์ อังคสกุลเกียรติ ผู้ช่วยรัฐมนตรีประจำกระทรวงศึกษาธิการ เข้าร่วม"
        " นางสาวสมศรี ใจงาม ผู้ตรวจราชการกระทรวงศึกษาธิการ เข้าพบ"
        " นายสมชาย ใจดี หัวหน้าผู้นำชุมชน และผู้เข้าร่วม"
    )
    assert [p.position for p in people] == [
        "ผู้ช่วยรัฐมนตรีประจำกระทรวงศึกษาธิการ",
        "ผู้ตรวจราชการกระทรวงศึกษาธิการ",
        "หัวหน้าผู้นำชุมชน",
    ]


def test_an_abbreviation_or_a_second_title_is_no_family_name():
    people = find_persons(
        "พล.ต.อ.สุวัฒน์ แจ้งยอดสุข ผู้บัญชาการตำรวจแห่งชาติ ลงนาม\n"
        "ด้าน พล.ต.อ.สุวัฒน์ ผบ.ตร. กล่าวว่า\n"
        "ศาสตราจารย์ หรือ ดร.ที่มีตำแหน่งทางวิชาการ เพราะวันนี้"
    )
    assert [(p.name, p.role) for p in people] == [("สุวัฒน์ แจ้งยอดสุข", "signatory")]


def test_family_names_that_start_like_clause_words_before_a_position():
    names = [
        p.name
        for p in find_persons(
            "พลเรือตรีอนุสรณ์ ยังคุ้มญาติ ผอ.สำนักงาน และนายณัฐพล ณัฏฐสมบูรณ์ รองปลัดกระทรวง"
            " ดร.กิติพงค์ พร้อมวงค์ ผู้อำนวยการสำนักงาน"
        )
    ]
    assert names == ["อนุสรณ์ ยังคุ้มญาติ", "ณัฐพล ณัฏฐสมบูรณ์", "กิติพงค์ พร้อมวงค์"]
    # a clause after a given name is still a clause, a position word after it or not
    assert find_persons("น.ส.ศุภมาส กล่าวว่า คณะกรรมการชุดนี้ และ ศ.ดร.ศุภชัย ว่า คณะกรรมการฯ") == []


@pytest.mark.parametrize(
    ("text", "name", "honorific"),
    [
        ("ศ.กิตติคุณ นพ.สุทธิพร จิตต์มิตรภาพ ประธาน", "สุทธิพร จิตต์มิตรภาพ", "ศ.กิตติคุณ นพ."),
        ("ศ.กิตติคุณบวรศักดิ์ อุวรรณโณ รองประธาน", "บวรศักดิ์ อุวรรณโณ", "ศ.กิตติคุณ"),
        ("ศ.สัตวแพทย์หญิง ดร.รุ่งทิพย์ ชวนชื่น อาจารย์", "รุ่งทิพย์ ชวนชื่น", None),
        ("ศ.นายสัตวแพทย์ ดร.เผด็จ ธรรมรักษ์ อาจารย์", "เผด็จ ธรรมรักษ์", None),
        ("และนาวาอากาศเอก สมศักดิ์ ขาวสุวรรณ์ รักษาการ", "สมศักดิ์ ขาวสุวรรณ์", "นาวาอากาศเอก"),
        ("นายกองเอกปราโมทย์ ธัญญพืช รองผู้ว่าราชการจังหวัด", "ปราโมทย์ ธัญญพืช", "นายกองเอก"),
    ],
)
def test_professional_emeritus_and_service_titles(text, name, honorific):
    people = find_persons(text)
    assert [p.name for p in people] == [name]
    if honorific:
        assert people[0].honorific == honorific


def test_who_delegates_does_not_take_the_delegates_role():
    roles = _roles(
        "นายอนุทิน ชาญวีรกูล รองนายกรัฐมนตรี มอบหมายให้ พลตำรวจเอก เพิ่มพูน ชิดชอบ"
        " รัฐมนตรีว่าการกระทรวงศึกษาธิการ เป็นประธานเปิดงาน"
    )
    assert roles == {"อนุทิน ชาญวีรกูล": "mentioned", "เพิ่มพูน ชิดชอบ": "chair"}
