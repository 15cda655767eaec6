"""The keys the warehouse joins on, written by the extractor into every record: a person's
given and family name, a school's match key, an office's identity. dbt reads them and no
longer repeats the rules in SQL."""

from __future__ import annotations

import typing

import pytest

from edunews.extract import EXTRACTOR_VERSION, extract_article
from edunews.extract.persons import name_keys
from edunews.extract.record_types import (
    ErrorRecord,
    ExtractionRecord,
    ListedOffice,
    PersonRecord,
    SchoolRecord,
    is_error,
)
from edunews.extract.schools import match_key

ARTICLE = {
    "id": "k1",
    "title": "สพป.กระบี่ เขต 1 ประชุมผู้บริหารสถานศึกษา",
    "text": (
        "เมื่อวันที่ ๑๒ มีนาคม ๒๕๖๗ ว่าที่ร้อยตรี ดร.สมชาย ใจดี ผู้อำนวยการสำนักงานเขตพื้นที่"
        "การศึกษาประถมศึกษากระบี่ เป็นประธานเปิดการประชุม ณ ร.ร.อนุบาลกระบี่ (วัดนาค) "
        "โดยมีนางเเก้วใจ มีสุข ศึกษานิเทศก์ กล่าวรายงาน ผู้บริหารโรงเรียนบ้านคลอง๒ และ"
        "สำนักงานปลัดกระทรวงศึกษาธิการ เข้าร่วม"
    ),
    "published_at": "2024-03-13",
}


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("สมชาย ใจดี", ("สมชาย", "ใจดี")),
        ("ดร.สมชาย  ใจดี", ("สมชาย", "ใจดี")),  # an honorific the finder left, two spaces
        ("ว่าที่ร้อยตรี ดร. สมชาย ใจดี", ("สมชาย", "ใจดี")),  # several, one at a time
        ("พล.ต.อ.สุวัฒน์ แจ้งยอดสุข", ("สุวัฒน์", "แจ้งยอดสุข")),  # a rank the SQL never knew
        ("ศ.(พิเศษ) ดร.ภูธร จันทะหงษ์ ปุณยจำรัสธำรง", ("ภูธร", "จันทะหงษ์ ปุณยจำรัสธำรง")),
        ("เเก้วใจ มีสุข", ("แก้วใจ", "มีสุข")),  # two sara e are one sara ae
        ("ดร.สมชาย\u200b ใจดี", ("สมชาย", "ใจดี")),  # a zero-width space
        ("นายสมชาย ใจดี", ("สมชาย", "ใจดี")),
        ("นายณัฐ ศรีสุข", ("นายณัฐ", "ศรีสุข")),  # a given name that starts like นาย
        ("สมศรี", ("สมศรี", None)),
    ],
)
def test_name_keys_strip_honorifics_and_fold_spellings(name, keys):
    assert name_keys(name) == keys


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("โรงเรียนบ้านหนึ่ง", "บ้านหนึ่ง"),
        ("โรงเรียน บ้านหนึ่ง", "บ้านหนึ่ง"),
        ("ร.ร.บ้านหนึ่ง", "บ้านหนึ่ง"),
        ("โรงเรียนอนุบาลกระบี่ (วัดนาค)", "อนุบาลกระบี่"),
        ("โรงเรียนบ้านคลอง ๒", "บ้านคลอง2"),
        ("โรงเรียนสาธิต ม.ข.", "สาธิตมข"),
    ],
)
def test_school_match_key(name, key):
    assert match_key(name) == key


def test_the_record_carries_the_keys():
    record = extract_article(ARTICLE)
    assert not is_error(record)
    record = typing.cast(ExtractionRecord, record)
    assert record["extractor_version"] == EXTRACTOR_VERSION
    persons = {(p["given_name"], p["family_name"]): p for p in record["persons"]}
    assert ("สมชาย", "ใจดี") in persons
    assert ("แก้วใจ", "มีสุข") in persons
    for person in record["persons"]:
        assert name_keys(person["name"]) == (person["given_name"], person["family_name"])
    schools = {s["match_key"]: s["name"] for s in record["schools"]}
    assert schools["อนุบาลกระบี่"].startswith("โรงเรียนอนุบาลกระบี่")
    assert "บ้านคลอง2" in schools
    organizer = record["event"]["organizer_office"]
    assert organizer is not None
    # "เขต 1" of a province with one primary area is that province's listed office
    assert (organizer["office_id"], organizer["office_name"]) == ("spp/กระบี่/-", "สพป.กระบี่")
    ids = {o["office_id"]: o for o in record["offices"]}
    assert ids["spp/กระบี่/-"]["role"] == "host"
    assert ids["moe/-/-/สำนักงานปลัดกระทรวงศึกษาธิการ"]["role"] == "mentioned"


def _keys(typed: type) -> tuple[set[str], set[str]]:
    """(required, optional) keys of a TypedDict."""
    return set(typed.__required_keys__), set(typed.__optional_keys__)


def test_the_record_has_the_shape_its_types_declare():
    record = typing.cast(ExtractionRecord, extract_article(ARTICLE))
    required, _ = _keys(ExtractionRecord)
    assert set(record) == required
    for person in record["persons"]:
        assert set(person) == _keys(PersonRecord)[0]
    for school in record["schools"]:
        assert set(school) == _keys(SchoolRecord)[0]
    for office in record["offices"]:
        required, optional = _keys(ListedOffice)
        assert required <= set(office) <= required | optional
    error = extract_article({"id": "x"})
    assert is_error(error)
    assert set(error) == _keys(ErrorRecord)[0]
