"""The extraction record's shape (spec/EXTRACTION.md), as types the extractor builds and the
loader stores: a record is either an `ExtractionRecord` or an `ErrorRecord`.

Beyond the contract, a record carries the keys the warehouse joins on, so that no rule is
written twice (once here, once in SQL): a person's `given_name` and `family_name`, a
school's `match_key`, an office's `office_id` and `office_name`. RECORD.md beside this
file describes each field and the version that added it.
"""

# No `from __future__ import annotations`: TypedDict reads NotRequired from live annotations.
from typing import Any, Literal, NotRequired, TypedDict, TypeGuard

OfficeKind = Literal["spp", "spm", "obec", "moe", "other"]
SpanSource = Literal["title", "text", "published_at"]


class Office(TypedDict):
    """OFFICE of the contract, identified by (kind, province, area_no)."""

    kind: OfficeKind
    province: str | None
    area_no: int | None
    name: str  # as written on the page
    # Every province a multi-province secondary office serves (two or more).
    provinces: NotRequired[list[str]]
    # The office this mention resolves to: the reference list's id when the office is in
    # it (data/esa_offices.csv), else an id made the same way from the mention.
    office_id: str
    # The reference list's name of the office, else the name as normalised here.
    office_name: str


class ListedOffice(Office):
    role: str  # host (the organiser) or mentioned


class Event(TypedDict):
    event_type: str | None
    date_start: str | None  # YYYY-MM-DD, Gregorian
    date_end: str | None
    venue: str | None
    province: str | None
    organizer_office: Office | None
    participant_count: int | None


class PersonRecord(TypedDict):
    name: str  # given + family name, no honorific
    honorific: str | None
    position: str | None
    organization: str | None
    role: str
    # The name split and normalised (Thai digits and spellings folded, every honorific of
    # data/honorifics.txt stripped): one person across articles is one (given, family).
    given_name: str
    family_name: str | None


class SchoolRecord(TypedDict):
    name: str  # โรงเรียน + name (ร.ร. expanded)
    role: str | None
    # The name without โรงเรียน, parentheses, white space and dots: one school across
    # articles is one match key.
    match_key: str


class InitiativeRecord(TypedDict):
    code: str
    name: str
    evidence: str


class Span(TypedDict):
    """Where a value was read: offsets into the original title or text."""

    source: SpanSource
    start: int | None
    end: int | None
    text: str | None
    # For persons and schools: the words their role was read from.
    role: NotRequired["Span | None"]


class Evidence(TypedDict, total=False):
    date_start: Span
    date_end: Span
    event_type: Span
    organizer_office: Span
    venue: Span
    province: Span
    participant_count: Span
    persons: list[Span]
    schools: list[Span]
    offices: list[Span]
    initiatives: list[Span]


class ExtractionRecord(TypedDict):
    id: Any  # echoed from the input
    extractor_version: str
    event: Event
    persons: list[PersonRecord]
    schools: list[SchoolRecord]
    offices: list[ListedOffice]
    initiatives: list[InitiativeRecord]
    evidence: Evidence


class ErrorRecord(TypedDict):
    id: Any
    error: str
    extractor_version: NotRequired[str]


Record = ExtractionRecord | ErrorRecord


def is_error(record: Record) -> TypeGuard[ErrorRecord]:
    return "error" in record
