"""Districts and sub-districts: the shipped gazetteer, the mentions read, the event's province.

Sentence shapes are those of the government corpus (shared/corpus/thaigov_education.jsonl.gz).
"""

import csv
from pathlib import Path

import pytest

from edunews.extract import extract_article
from edunews.extract.districts import find_place_province, find_places
from edunews.extract.provinces import canonical_names
from edunews.extract.thai_text import norm
from edunews.extract.venue import venue_province

DATA = Path(__file__).resolve().parents[2] / "plugins" / "edunews" / "extract" / "data"


def test_gazetteer_has_every_district_and_subdistrict():
    with open(DATA / "districts.csv", encoding="utf-8") as src:
        rows = list(csv.DictReader(src))
    assert len(rows) == 928
    assert {r["province"] for r in rows} == set(canonical_names())
    assert sum(r["province"] == "กรุงเทพมหานคร" for r in rows) == 50
    assert sum(len(r["subdistricts"].split("|")) for r in rows) == 7436
    assert {"province": "เชียงใหม่", "district": "แม่ริม"}.items() <= next(
        r for r in rows if r["district"] == "แม่ริม"
    ).items()


def _names(text):
    return [(m.level, m.name) for m in find_places(norm(text))]


def test_mentions_after_the_word_for_their_level():
    assert _names("ณ หอประชุมอำเภอแม่ริม") == [("district", "แม่ริม")]
    assert _names("ต.คลองห้า อ. คลองหลวง จ.ปทุมธานี") == [
        ("subdistrict", "คลองห้า"),
        ("district", "คลองหลวง"),
    ]
    assert _names("แขวงทุ่งพญาไท เขตราชเทวี กรุงเทพมหานคร") == [
        ("subdistrict", "ทุ่งพญาไท"),
        ("district", "ราชเทวี"),
    ]
    # Written without a space before the next word: the level's word still ends the name.
    assert _names("และเครือข่ายปัทมคีรีอำเภอสุขสำราญ เพื่อติดตาม") == [("district", "สุขสำราญ")]


@pytest.mark.parametrize(
    "text",
    [
        "นางสาวภัสริน รามวงศ์ ส.ส. เขตบางซื่อ - ดุสิต พรรคก้าวไกล",  # a constituency
        "ส.ส.เขตบางเขน จตุจักร หลักสี่",
        "หอประชุม มหาวิทยาลัยมหามกุฏราชวิทยาลัย วิทยาเขตพุทธมณฑล",  # a campus
        "ณ บ้านห้วยโค้ง เมืองแก้วอุดม แขวงเวียงจันทน์",  # a Lao province
        "พล.ต.อ.ดำรงศักดิ์ กิตติประภัสร์ รอง ผบ.ตร.",  # a rank, not อ.
        "อ.สมชาย ใจดี อาจารย์ประจำคณะ",  # อ. the teacher
        "เมื่อวันที่ 9 ต.ค. นางสาวศุภมาส",  # a month
        "ได้เดินทางไปเยี่ยม กศน.จังหวัด อำเภอ และตำบลทั่วประเทศไทย",
        "บัณฑิต 68,350 คนลงไปทำงานร่วมกับชุมชน 7,435 ตำบลทั่วประเทศ",
        "พื้นที่ 4,435 ตำบลใหม่ จำนวนตำบลละ 10 คน",
        "ทำงานในระดับตำบลและอำเภอ",
        "สพป.เชียงใหม่ เขต 6",
    ],
)
def test_no_place_in_words_that_only_look_like_one(text):
    assert find_place_province(norm(text)) is None


def test_a_district_names_its_province():
    found = find_place_province(norm("ณ หอประชุมอำเภอแม่ริม"))
    assert found.province == "เชียงใหม่"
    assert find_place_province(norm("ต.ถ้ำรงค์ อ.บ้านลาด")).province == "เพชรบุรี"
    bangkok = find_place_province(norm("วิทยาลัยการทัพบก ถนนเทิดดำริ เขตดุสิต"))
    assert bangkok.province == "กรุงเทพมหานคร"


def test_a_subdistrict_narrows_a_shared_district_name():
    # อ.เมือง alone is any province's capital district; ต.แม่เหียะ is in เชียงใหม่ only.
    assert find_place_province(norm("อ.เมือง")) is None
    found = find_place_province(norm("มหาวิทยาลัยเชียงใหม่ ต.แม่เหียะ อ.เมือง โอกาสนี้"))
    assert found.province == "เชียงใหม่"


def test_an_ambiguous_district_takes_the_preferred_province_only_when_it_is_one_of_them():
    # เฉลิมพระเกียรติ is a district of น่าน, นครราชสีมา, นครศรีธรรมราช, บุรีรัมย์ and สระบุรี.
    text = norm("ณ โรงเรียนบ้านหนองบัว อำเภอเฉลิมพระเกียรติ")
    assert find_place_province(text) is None
    assert find_place_province(text, prefer=["บุรีรัมย์"]).province == "บุรีรัมย์"
    assert find_place_province(text, prefer=["เชียงใหม่"]) is None
    assert venue_province("วิทยาลัยชุมชนน่าน อำเภอเฉลิมพระเกียรติ") == "น่าน"
    venue = "โรงเรียนบ้านหนองบัว อำเภอเฉลิมพระเกียรติ"
    assert venue_province(venue, prefer=["บุรีรัมย์"]) == "บุรีรัมย์"
    assert venue_province(venue, prefer=["เชียงใหม่"]) is None


def test_the_province_the_phrase_goes_on_to_name_is_the_answer():
    found = find_place_province(norm("ที่ อ.ศรีราชา จ.ชลบุรี / ศ.(พิเศษ) ดร.เอนก กล่าวว่า"))
    assert found.province == "ชลบุรี"


def test_venue_district_beats_landmarks_and_bare_names():
    assert venue_province("ห้องประชุม กศน.อำเภอแม่ริม") == "เชียงใหม่"  # not กศน. in Bangkok
    assert venue_province("มหาวิทยาลัยขอนแก่น วิทยาเขตหนองคาย อ.โพนพิสัย") == "หนองคาย"
    # A province named with จังหวัด still comes first.
    assert venue_province("โรงแรมเดอะกาลล่า อำเภอเมือง จังหวัดระนอง") == "ระนอง"


def _event(title, text, published_at="2024-01-21"):
    article = {"id": "x", "title": title, "text": text, "published_at": published_at}
    return extract_article(article)


def test_event_province_from_the_venues_district():
    record = _event(
        "“ศุภมาส” ชูผลงาน อว.พี่เลี้ยง แก้ปัญหา “อ่านไม่ออก เขียนไม่ได้”",
        "เมื่อวันที่ 21 ม.ค. น.ส.ศุภมาส อิศรภักดี รมว.การอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม"
        " (อว.) ลงพื้นที่ ณ ศูนย์อบรมจริยธรรมมุฟตาฮุนญัณนะห์ และเครือข่ายปัทมคีรีอำเภอสุขสำราญ"
        " เพื่อติดตามการดำเนินโครงการ",
    )
    assert record["event"]["province"] == "ระนอง"
    assert record["evidence"]["province"]["text"].endswith("อำเภอสุขสำราญ")


def test_event_province_from_a_district_the_lead_names():
    record = _event(
        "ครูอุ้มเยี่ยมให้กำลังใจครู นักเรียน และโรงเรียนที่ถูกน้ำท่วม",
        "พลตำรวจเอก เพิ่มพูน ชิดชอบ รมว.ศธ. ลงพื้นที่เพื่อให้กำลังใจและมอบถุงยังชีพแก่นักเรียน"
        " ครู และผู้ปกครอง จุดแรกที่โรงเรียนบ้านใหม่ ตำบลเวียง อำเภอเทิง จังหวัดเชียงราย\n"
        "“การเดินทางมาครั้งนี้ ต้องการมาเยี่ยมให้กำลังใจครู”",
        "2024-09-02",
    )
    assert record["event"]["province"] == "เชียงราย"
    evidence = record["evidence"]["province"]
    assert (evidence["source"], evidence["text"]) == ("text", "ตำบลเวียง อำเภอเทิง จังหวัดเชียงราย")


def test_the_leads_district_beats_the_organisers_province():
    record = _event(
        "ส่งทีมช่วยฟื้นฟูโรงเรียนหลังน้ำท่วม",
        "เมื่อวันที่ 3 ตุลาคม 2567 ศธจ.เชียงใหม่ ส่งทีมช่วยฟื้นฟูพื้นที่ที่ได้รับผลกระทบจากอุทกภัย"
        "ในอำเภอแม่สาย โดยทีมครูและนักเรียน กว่า 40 คน",
        "2024-10-03",
    )
    assert record["event"]["organizer_office"]["province"] == "เชียงใหม่"
    assert record["event"]["province"] == "เชียงราย"


def test_a_district_of_an_earlier_event_is_not_the_events_place():
    record = _event(
        "ขยายผลวิธีกรณีศึกษา 7 ขั้นตอน",
        "นางสาวตรีนุช เทียนทอง รัฐมนตรีว่าการกระทรวงศึกษาธิการ (รมว.ศธ.) เปิดเผยเมื่อเร็ว ๆ นี้"
        " ว่า จากการที่นายกรัฐมนตรีได้ลงพื้นที่เปิดงานเสวนา “การปฏิวัติการทำนาสู่ความยั่งยืน”"
        " อำเภอเชียงของ เมื่อปลายเดือนพฤศจิกายนที่ผ่านมา นักเรียนได้นำเสนอโมเดล",
        "2022-12-28",
    )
    assert record["event"]["province"] is None


def test_a_lone_subdistrict_in_running_text_names_no_province():
    record = _event(
        "อว. เปิดโครงการ U2T for BCG",
        "เมื่อวันที่ 1 ก.ค. 2565 รมว.อว. เปิดโครงการยกระดับเศรษฐกิจและสังคมรายตำบลแบบบูรณาการ"
        " ในพื้นที่ 7,435 ตำบล ครอบคลุม 77 จังหวัด โดยเริ่มที่ ต.เชิงทะเล เป็นแห่งแรก",
        "2022-07-01",
    )
    assert record["event"]["province"] is None
