"""The office list the extractor resolves offices with, and which office a mention means.

The CSV is package data (the dbt seed esa_offices reads it through extractor_data): the
shared reference plus the columns office_list derives, which must agree with the code.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from edunews import config
from edunews.extract.data_files import read_csv
from edunews.extract.office_list import (
    DERIVED_COLUMNS,
    REFERENCE_COLUMNS,
    alias_key,
    derived_columns,
    identity,
    listed_offices,
)
from edunews.extract.offices import parse_office

SHARED_REFERENCE = config.shared_dir() / "reference" / "esa_offices.csv"


def test_the_office_list_is_package_data_not_the_dbt_projects():
    path = config.offices_csv()
    assert path.is_file()
    assert config.dbt_project_dir().resolve() not in path.resolve().parents
    package = Path(config.__file__).resolve().parent
    assert package in path.resolve().parents


def test_derived_columns_agree_with_the_code():
    """Fails after a rule of office_list changed: run data/make_offices.py."""
    rows = read_csv("esa_offices.csv")
    assert tuple(rows[0]) == REFERENCE_COLUMNS + DERIVED_COLUMNS
    for row in rows:
        assert {c: row[c] for c in DERIVED_COLUMNS} == derived_columns(row), row["name"]
    ids = [row["office_id"] for row in rows]
    assert len(set(ids)) == len(ids) == 250


def test_reference_columns_are_the_shared_reference():
    if not SHARED_REFERENCE.exists():
        pytest.skip("shared/reference is not beside the checkout")
    ours = [{c: row[c] for c in REFERENCE_COLUMNS} for row in read_csv("esa_offices.csv")]
    text = SHARED_REFERENCE.read_text(encoding="utf-8")
    assert ours == list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("written", "office_id", "office_name"),
    [
        ("สพป.เชียงใหม่ เขต 6", "spp/เชียงใหม่/6", "สพป.เชียงใหม่ เขต 6"),
        ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต ๖", "spp/เชียงใหม่/6", None),
        # one primary area in the province: "เขต 1" and no area are that office
        ("สพป.กระบี่ เขต 1", "spp/กระบี่/-", "สพป.กระบี่"),
        ("สพป. กระบี่", "spp/กระบี่/-", "สพป.กระบี่"),
        # a numbered secondary office before 2021, and one named by province since
        ("สพม. เขต ๑๙", "spm/-/19", "สพม.19"),
        ("สพม.จันทบุรี ตราด", "spm/จันทบุรี/-", "สพม.จันทบุรี ตราด"),
        # not listed: identified by what was written
        ("สพม.ยะลา", "spm/ยะลา/-", "สพม.ยะลา"),
        ("สป.ศธ.", "moe/-/-/สปศธ", "สป.ศธ."),
        ("สพฐ.", "obec/-/-", "สพฐ."),
    ],
)
def test_a_mention_resolves_to_its_office(written, office_id, office_name):
    mention = parse_office(written)
    assert mention is not None
    found = identity(mention.kind, mention.province, mention.area_no, mention.name)
    assert found[0] == office_id
    if office_name:
        assert found[1] == office_name


def test_every_listed_office_is_found_by_each_of_its_spellings():
    for office in listed_offices():
        for spelling in office.aliases.split(" | "):
            mention = parse_office(spelling)
            assert mention is not None, spelling
            found = identity(mention.kind, mention.province, mention.area_no, mention.name)
            assert found == (office.office_id, office.name), spelling


def test_a_long_name_the_finder_could_not_key_resolves_by_its_spelling():
    written = "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาเลย หนองบัวลำภู"
    assert identity("spm", None, None, written) == ("spm/เลย/-", "สพม.เลย หนองบัวลำภู")
    # two spellings of one body no list knows are one office
    assert identity("other", None, None, "กระทรวง กลาโหม")[0] == "other/-/-/กระทรวงกลาโหม"
    assert identity("other", None, None, "กระทรวงกลาโหม")[0] == "other/-/-/กระทรวงกลาโหม"


def test_alias_key_folds_spellings():
    assert alias_key("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา (สพม.) เขต 19") == "สพม19"
    assert alias_key("สพม. เขต ๑๙") == alias_key("สพม.19")
