"""One article in, one record of spec/EXTRACTION.md out.

`extract_article` never raises: input the contract calls bad (not an object, no text)
gives {"id", "error"}, and so does any failure of a rule on strange text, so that one page
cannot stop a nightly run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from .districts import find_place_province
from .event_date import choose_event_date, parse_iso
from .event_types import find_event_type
from .furniture import lead_start
from .initiatives import find_initiatives
from .office_list import identity
from .offices import OfficeMention, choose_organizer, find_offices, office_province
from .participants import find_participant_count
from .persons import Person, find_persons, name_keys
from .provinces import find_prefixed
from .record_types import (
    ErrorRecord,
    Event,
    Evidence,
    ExtractionRecord,
    InitiativeRecord,
    ListedOffice,
    Office,
    PersonRecord,
    Record,
    SchoolRecord,
    Span,
    SpanSource,
)
from .schools import SchoolMention, find_schools, match_key
from .thai_text import Normalized, normalize, squash_spaces
from .venue import VenueFinding, find_venue

# Bump the minor version when rules or gazetteers change what records say, the major one
# when the record's shape changes. 0.12.0 added the keys the warehouse joins on
# (record_types.py); the warehouse reads no record older than that (dbt var
# min_extractor_version), and raising the version makes the extract step redo every page.
EXTRACTOR_VERSION = "0.12.0"

# Participant totals are stated in the report's first paragraphs; further down, counts
# are statistics (students in the province, teachers in the country).
_COUNT_WINDOW = 2500
_MAX_OFFICES = 30


@dataclass(frozen=True)
class Article:
    """The normalised parts every rule reads."""

    id: Any
    title: Normalized
    text: Normalized
    published_at: date | None
    body_start: int
    raw_title: str
    raw_text: str

    @property
    def ntitle(self) -> str:
        return self.title.text

    @property
    def ntext(self) -> str:
        return self.text.text


def prepare(article: dict) -> Article:
    given_title = article.get("title")
    raw_title = given_title if isinstance(given_title, str) else ""
    title = normalize(raw_title)
    text = normalize(article["text"])
    return Article(
        id=article.get("id"),
        title=title,
        text=text,
        published_at=parse_iso(article.get("published_at")),
        body_start=lead_start(title.text, text.text),
        raw_title=raw_title,
        raw_text=article["text"],
    )


def as_written(art: Article, source: SpanSource, start: int, end: int) -> str:
    """The original characters behind normalised [start, end), spaces squashed."""
    norm = art.title if source == "title" else art.text
    raw = art.raw_title if source == "title" else art.raw_text
    a, b = norm.span(start, end)
    return squash_spaces(raw[a:b])


def office_dict(art: Article, office: OfficeMention, source: SpanSource) -> Office:
    """OFFICE with its name as written on the page (Thai digits kept) and the identity of
    the office it resolves to (office_list.py)."""
    office_id, office_name = identity(office.kind, office.province, office.area_no, office.name)
    out = cast(Office, office.as_dict())
    out["name"] = as_written(art, source, office.start, office.end) or office.name
    out["office_id"] = office_id
    out["office_name"] = office_name
    return out


def _evidence(art: Article, source: str, start: int, end: int) -> Span:
    """A span of the original title ("title") or text (any other source), with the words
    it covers."""
    where: SpanSource = "title" if source == "title" else "text"
    norm = art.title if where == "title" else art.text
    raw = art.raw_title if where == "title" else art.raw_text
    a, b = norm.span(start, end)
    return {"source": where, "start": a, "end": b, "text": raw[a:b]}


def _event_province(
    art: Article,
    venue,
    lead: tuple[int, int],
    organizer: OfficeMention | None,
    organizer_evidence: Span | None,
) -> tuple[str | None, Span | None]:
    # The venue's province, else one the title names with จังหวัด, else the province of a
    # district the title or the lead names ("ลงพื้นที่ อ.แม่สาย"), else the organiser's.
    if venue and venue.province:
        return venue.province, _evidence(art, "text", venue.start, venue.end)
    titled = find_prefixed(art.ntitle)
    if titled:
        return titled[0].province, _evidence(art, "title", titled[0].start, titled[0].end)
    province = office_province(organizer)
    places: tuple[tuple[SpanSource, str, int, int | None], ...] = (
        ("title", art.ntitle, 0, None),
        ("text", art.ntext, *lead),
    )
    for source, text, start, end in places:
        place = find_place_province(text, start, end, prefer=[province], need_district=True)
        if place:
            return place.province, _evidence(art, source, place.start, place.end)
    if province:
        return province, organizer_evidence
    return None, None


def _published_evidence(art: Article) -> Span:
    """Evidence of a value taken from the page's publishing date, not from its words."""
    day = art.published_at.isoformat() if art.published_at else None
    return {"source": "published_at", "start": None, "end": None, "text": day}


def _event_part(art: Article) -> tuple[Event, Evidence, VenueFinding | None]:
    """The record's `event`, its evidence, and the venue (schools read it)."""
    evidence: Evidence = {}
    finding = choose_event_date(art.ntitle, art.ntext, art.published_at, art.body_start)
    if finding:
        date_span = (
            _published_evidence(art)
            if finding.source == "published_at"
            else _evidence(art, finding.source, finding.pos, finding.endpos)
        )
        evidence["date_start"] = date_span
        if finding.end:
            evidence["date_end"] = date_span
    event_type = find_event_type(art.ntitle, art.ntext, art.body_start)
    if event_type:
        source: SpanSource = "title" if event_type.where == "title" else "text"
        evidence["event_type"] = _evidence(
            art, source, event_type.pos, event_type.pos + len(event_type.cue)
        )
    organizer = choose_organizer(art.ntitle, art.ntext, art.body_start)
    organizer_source: SpanSource = "text"
    if organizer:
        if organizer in find_offices(art.ntitle):
            organizer_source = "title"
        evidence["organizer_office"] = _evidence(
            art, organizer_source, organizer.start, organizer.end
        )
    venue_start = finding.pos if finding and finding.source == "text" else art.body_start
    lead = (max(art.body_start, venue_start - 200), venue_start + 900)
    # A district name several provinces share: the title's province, else the organiser's.
    prefer = [m.province for m in find_prefixed(art.ntitle)] + [office_province(organizer)]
    venue = find_venue(art.ntext, *lead, prefer=prefer)
    if venue:
        evidence["venue"] = _evidence(art, "text", venue.start, venue.end)
    province, province_evidence = _event_province(
        art, venue, lead, organizer, evidence.get("organizer_office")
    )
    if province_evidence:
        evidence["province"] = province_evidence
    count = find_participant_count(art.ntext, art.body_start, art.body_start + _COUNT_WINDOW)
    if count:
        evidence["participant_count"] = _evidence(art, "text", count.start, count.end)
    event: Event = {
        "event_type": event_type.code if event_type else "other",
        "date_start": finding.start.isoformat() if finding else None,
        "date_end": finding.end.isoformat() if finding and finding.end else None,
        "venue": as_written(art, "text", venue.start, venue.end) if venue else None,
        "province": province,
        "organizer_office": office_dict(art, organizer, organizer_source) if organizer else None,
        "participant_count": count.count if count else None,
    }
    return event, evidence, venue


def _persons_part(art: Article) -> tuple[list[Person], list[PersonRecord], list[Span]]:
    """Persons found, their records, and the evidence of each name and role."""
    persons = find_persons(art.ntext, art.body_start)
    records = [_person_dict(art, p) for p in persons]
    evidence = []
    for p in persons:
        span = _evidence(art, "text", p.start, p.end)
        span["role"] = _evidence(art, "text", *p.role_span) if p.role_span else None
        evidence.append(span)
    return persons, records, evidence


def _schools_part(
    art: Article, venue: VenueFinding | None, persons: list[Person]
) -> tuple[list[SchoolRecord], list[Span]]:
    """Schools with their role: the host when the event took place there or its head
    welcomed the visitors ("ให้การต้อนรับ"); their evidence, the role's too."""
    hosts: dict[str, tuple[int, int]] = {}
    if venue:
        for school in find_schools(venue.venue):
            hosts[match_key(school.name)] = (venue.start, venue.end)
    for person in persons:
        if person.role == "host" and person.organization and person.role_span:
            hosts.setdefault(match_key(person.organization), person.role_span)
    records: list[SchoolRecord] = []
    evidence: list[Span] = []
    for school in find_schools(art.ntext, art.body_start):
        key = match_key(school.name)
        host = hosts.get(key)
        records.append(
            {"name": _school_name(art, school), "role": "host" if host else None, "match_key": key}
        )
        span = _evidence(art, "text", school.start, school.end)
        span["role"] = _evidence(art, "text", *host) if host else None
        evidence.append(span)
    return records, evidence


def _initiatives_part(art: Article) -> tuple[list[InitiativeRecord], list[Span]]:
    records: list[InitiativeRecord] = []
    evidence: list[Span] = []
    for i in find_initiatives(art.ntitle, art.ntext[art.body_start :]):
        offset = 0 if i.source == "title" else art.body_start
        span = _evidence(art, i.source, i.start + offset, i.end + offset)
        evidence.append(span)
        words = span["text"] or ""
        records.append({"code": i.code, "name": words, "evidence": words})
    return records, evidence


def build_record(art: Article) -> ExtractionRecord:
    event, evidence, venue = _event_part(art)
    persons, person_records, evidence["persons"] = _persons_part(art)
    schools, evidence["schools"] = _schools_part(art, venue, persons)
    offices, evidence["offices"] = _office_list(art, choose_organizer_of(event))
    initiatives, evidence["initiatives"] = _initiatives_part(art)
    return {
        "id": art.id,
        "extractor_version": EXTRACTOR_VERSION,
        "event": event,
        "persons": person_records,
        "schools": schools,
        "offices": offices,
        "initiatives": initiatives,
        "evidence": evidence,
    }


def choose_organizer_of(event: Event) -> tuple | None:
    """The organiser's key (kind, province, area) as the record states it."""
    office = event["organizer_office"]
    return office and (office["kind"], office["province"], office["area_no"])


def _person_dict(art: Article, person: Person) -> PersonRecord:
    name = " ".join(person.name.split())
    given_name, family_name = name_keys(name)
    return {
        "name": name,
        "honorific": person.honorific,
        "position": person.position,
        "organization": person.organization,
        "role": person.role,
        "given_name": given_name,
        "family_name": family_name,
    }


def _school_name(art: Article, school: SchoolMention) -> str:
    # Thai digits in a school's name stay as written; ร.ร. is expanded to โรงเรียน.
    return school.name


def _office_list(
    art: Article, organizer_key: tuple | None
) -> tuple[list[ListedOffice], list[Span]]:
    """Every distinct office named in title and text (the organiser's role is host), and
    where each was first named. Two spellings of one office ("สพป.กระบี่ เขต 1" and
    "สพป.กระบี่", a province with one area) are one office."""
    found: list[tuple[SpanSource, OfficeMention]] = [("title", o) for o in find_offices(art.ntitle)]
    found += [("text", o) for o in find_offices(art.ntext, 0)[: _MAX_OFFICES * 4]]
    out: dict[str, ListedOffice] = {}
    # One entry per (kind, province, area_no) as well: the ministries and other bodies
    # named (no province, no area) are listed once, the first one named.
    seen: set[tuple] = set()
    spans: list[Span] = []
    for source, office in found:
        record = cast(ListedOffice, office_dict(art, office, source))
        if record["office_id"] in out or office.key in seen:
            continue
        seen.add(office.key)
        record["role"] = "host" if office.key == organizer_key else "mentioned"
        out[record["office_id"]] = record
        spans.append(_evidence(art, source, office.start, office.end))
        if len(out) >= _MAX_OFFICES:
            break
    return list(out.values()), spans


def validate(article: Any) -> str | None:
    """Why the contract calls this input bad, or None."""
    if not isinstance(article, dict):
        return "article is not a JSON object"
    if "text" not in article or article["text"] is None:
        return "article has no text"
    if not isinstance(article["text"], str):
        return "article text is not a string"
    return None


def error_record(article_id: Any, message: str) -> ErrorRecord:
    return {"id": article_id, "error": message}


def extract_article(article: Any) -> Record:
    """The record of one article (see spec/EXTRACTION.md); never raises."""
    problem = validate(article)
    article_id = article.get("id") if isinstance(article, dict) else None
    if problem:
        return error_record(article_id, problem)
    try:
        return build_record(prepare(article))
    except Exception as exc:  # noqa: BLE001 - one page must never stop a run
        return error_record(article_id, f"extractor failed: {type(exc).__name__}: {exc}")
