"""Schools: proper names only, glued words cut off, ร.ร. expanded."""

from edunews.extract.schools import find_schools


def _names(text):
    return [s.name for s in find_schools(text)]


def test_list_of_schools():
    assert _names("ประกอบด้วย โรงเรียนบ้านคูซอด โรงเรียนบ้านหนองครก และโรงเรียนบ้านรุ่ง") == [
        "โรงเรียนบ้านคูซอด",
        "โรงเรียนบ้านหนองครก",
        "โรงเรียนบ้านรุ่ง",
    ]


def test_programme_names_and_generic_phrases_are_not_schools():
    text = (
        "โรงเรียนคุณภาพประจำตำบล โรงเรียนขนาดเล็ก โรงเรียนในสังกัด 38 โรงเรียน ๆ ละ 2 คน "
        "โรงเรียนละ 1 คน โรงเรียนมัธยมศึกษาขนาดเล็ก โรงเรียนมัธยมดีสี่มุมเมือง"
    )
    assert _names(text) == []


def test_glued_words_are_cut():
    text = "ผู้อำนวยการโรงเรียนบ้านแม่สอยปัจจุบัน,ผู้อำนวยการโรงเรียนบ้านขุนแปะและนางสาวสมจิต"
    assert _names(text) == ["โรงเรียนบ้านแม่สอย", "โรงเรียนบ้านขุนแปะ"]


def test_parenthesised_part_of_name_is_kept_and_remark_dropped():
    text = "โรงเรียนบ้านผึ้ง (มธุลีห์ฯ) โรงเรียนบ้านหญ้าปล้อง (โรงเรียนเครือข่าย รุ่น 1)"
    assert _names(text) == ["โรงเรียนบ้านผึ้ง (มธุลีห์ฯ)", "โรงเรียนบ้านหญ้าปล้อง"]


def test_abbreviation_is_expanded():
    assert _names("ณ ร.ร.อนุบาลเชียงใหม่") == ["โรงเรียนอนุบาลเชียงใหม่"]


def test_a_school_is_listed_once():
    assert _names("โรงเรียนธาตุพิทยาคม ... โรงเรียนธาตุพิทยาคม") == ["โรงเรียนธาตุพิทยาคม"]
