"""Venue phrases and the province they name."""

from edunews.extract.thai_text import norm
from edunews.extract.venue import find_venue, venue_province


def _venue(text):
    return find_venue(norm(text))


def test_venue_after_na_ends_at_clause_word():
    found = _venue("เป็นประธานเปิดการประชุม ณ โรงแรมคุ้มภูคำ เมื่อวันที่ 10 มิถุนายน 2560")
    assert found.venue == "โรงแรมคุ้มภูคำ"


def test_venue_after_thi_needs_a_place_noun_and_ends_at_honorific():
    found = _venue("ที่ผ่านมา ที่ห้องประชุมตะวันลับฟ้า สพม.19 นายระบอบ พลมุข เปิดเผยว่า")
    assert found.venue == "ห้องประชุมตะวันลับฟ้า สพม.19"
    assert found.province == "เลย"  # the old numbered office's first province


def test_province_from_changwat_in_venue():
    found = _venue("ณ ห้องเรือนคุ้ม โรงแรมคุ้มภูคำ จังหวัดเชียงใหม่\nในการนี้")
    assert found.province == "เชียงใหม่"


def test_landmarks_and_short_forms():
    assert venue_province("ห้องประชุมราชวัลลภ กระทรวงศึกษาธิการ") == "กรุงเทพมหานคร"
    assert venue_province("โรงแรมเดอะ สุโกศล กรุงเทพฯ") == "กรุงเทพมหานคร"
    assert venue_province("ห้องประชุมบ้านเลขที่ 5") is None


def test_no_venue():
    assert _venue("ที่ผ่านมา นายสมชาย กล่าวว่า") is None


def test_venue_ends_before_the_leads_count_clause():
    found = _venue("ณ ห้องประชุมราชพฤกษ์ สพป.ตัวอย่าง เขต 1 มีผู้เข้าร่วมทั้งสิ้น 135 คน")
    assert found.venue == "ห้องประชุมราชพฤกษ์ สพป.ตัวอย่าง เขต 1"


def test_site_visit_names_its_venue_without_na():
    found = _venue("ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านหนองบัว จังหวัดพังงา เพื่อติดตามการดำเนินงาน")
    assert found.venue == "โรงเรียนบ้านหนองบัว จังหวัดพังงา"
    assert found.province == "พังงา"


def test_venue_after_na_beats_an_earlier_visit():
    found = _venue("ตรวจเยี่ยมวิทยาลัยเพาะช่างและชมนิทรรศการ ณ ห้องประชุมใหญ่ อาคาร 2")
    assert found.venue == "ห้องประชุมใหญ่ อาคาร 2"
    assert _venue("ตรวจเยี่ยมวิทยาลัยเพาะช่างและชมนิทรรศการ").venue == "วิทยาลัยเพาะช่าง"


def test_visits_to_kinds_of_schools_name_no_venue():
    assert _venue("ตรวจเยี่ยมโรงเรียนคุณภาพประจำตำบล และติดตามนโยบาย") is None
    assert _venue("ตรวจเยี่ยมมหาวิทยาลัยในสังกัด") is None
