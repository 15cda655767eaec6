"""One article in, one record of spec/EXTRACTION.md out.

`extract_article` never raises: input the contract calls bad (not an object, no text)
gives {"id", "error"}, and so does any failure of a rule on strange text, so that one page
cannot stop a nightly run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .event_types import find_event_type
from .furniture import lead_start
from .initiatives import find_initiatives
from .offices import OfficeMention, choose_organizer, find_offices, office_province
from .participants import find_participant_count
from .persons import find_persons
from .provinces import find_prefixed
from .schools import find_schools
from .thai_dates import choose_event_date, parse_iso
from .thai_text import Normalized, normalize, squash_spaces
from .venue import find_venue

# Bump the minor version when rules or gazetteers change what records say, the major one
# when the record's shape changes.
EXTRACTOR_VERSION = "0.6.0"

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
    raw_title = article.get("title") if isinstance(article.get("title"), str) else ""
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


def as_written(art: Article, source: str, start: int, end: int) -> str:
    """The original characters behind normalised [start, end), spaces squashed."""
    norm = art.title if source == "title" else art.text
    raw = art.raw_title if source == "title" else art.raw_text
    a, b = norm.span(start, end)
    return squash_spaces(raw[a:b])


def office_dict(art: Article, office: OfficeMention | None, source: str) -> dict | None:
    """OFFICE with its name as written on the page (Thai digits kept)."""
    if office is None:
        return None
    out = office.as_dict()
    out["name"] = as_written(art, source, office.start, office.end) or office.name
    return out


def _evidence(art: Article, source: str, start: int, end: int) -> dict:
    """A span of the original title or text, with the words it covers."""
    norm = art.title if source == "title" else art.text
    raw = art.raw_title if source == "title" else art.raw_text
    a, b = norm.span(start, end)
    return {"source": source, "start": a, "end": b, "text": raw[a:b]}


def _event_province(
    art: Article, venue, organizer: OfficeMention | None
) -> tuple[str | None, dict | None]:
    # The venue's province, else one the title names with จังหวัด, else the organiser's.
    if venue and venue.province:
        return venue.province, _evidence(art, "text", venue.start, venue.end)
    titled = find_prefixed(art.ntitle)
    if titled:
        return titled[0].province, _evidence(art, "title", titled[0].start, titled[0].end)
    province = office_province(organizer)
    if province:
        return province, None
    return None, None


def build_record(art: Article) -> dict:
    evidence: dict[str, Any] = {}
    finding = choose_event_date(art.ntitle, art.ntext, art.published_at, art.body_start)
    if finding and finding.source != "published_at":
        evidence["date_start"] = _evidence(art, finding.source, finding.pos, finding.endpos)
    event_type = find_event_type(art.ntitle, art.ntext, art.body_start)
    if event_type:
        source = "title" if event_type.where == "title" else "text"
        evidence["event_type"] = _evidence(
            art, source, event_type.pos, event_type.pos + len(event_type.cue)
        )
    organizer = choose_organizer(art.ntitle, art.ntext, art.body_start)
    organizer_source = "text"
    if organizer:
        if organizer in find_offices(art.ntitle):
            organizer_source = "title"
        evidence["organizer_office"] = _evidence(
            art, organizer_source, organizer.start, organizer.end
        )
    venue_start = finding.pos if finding and finding.source == "text" else art.body_start
    venue = find_venue(art.ntext, max(art.body_start, venue_start - 200), venue_start + 900)
    if venue:
        evidence["venue"] = _evidence(art, "text", venue.start, venue.end)
    province, province_evidence = _event_province(art, venue, organizer)
    if province_evidence:
        evidence["province"] = province_evidence
    count = find_participant_count(art.ntext, art.body_start, art.body_start + _COUNT_WINDOW)
    if count:
        evidence["participant_count"] = _evidence(art, "text", count.start, count.end)
    persons = find_persons(art.ntext, art.body_start)
    evidence["persons"] = [_evidence(art, "text", p.start, p.end) for p in persons]
    schools = find_schools(art.ntext, art.body_start)
    evidence["schools"] = [_evidence(art, "text", s.start, s.end) for s in schools]
    initiatives = find_initiatives(art.ntitle, art.ntext[art.body_start :])
    initiative_records = []
    evidence["initiatives"] = []
    for i in initiatives:
        offset = 0 if i.source == "title" else art.body_start
        span = _evidence(art, i.source, i.start + offset, i.end + offset)
        evidence["initiatives"].append(span)
        initiative_records.append({"code": i.code, "name": span["text"], "evidence": span["text"]})
    offices = _office_list(art, organizer)
    return {
        "id": art.id,
        "extractor_version": EXTRACTOR_VERSION,
        "event": {
            "event_type": event_type.code if event_type else "other",
            "date_start": finding.start.isoformat() if finding else None,
            "date_end": finding.end.isoformat() if finding and finding.end else None,
            "venue": as_written(art, "text", venue.start, venue.end) if venue else None,
            "province": province,
            "organizer_office": office_dict(art, organizer, organizer_source),
            "participant_count": count.count if count else None,
        },
        "persons": [_person_dict(art, p) for p in persons],
        "schools": [{"name": _school_name(art, s), "role": None} for s in schools],
        "offices": offices,
        "initiatives": initiative_records,
        "evidence": evidence,
    }


def _person_dict(art: Article, person) -> dict:
    out = person.as_dict()
    out["name"] = " ".join(out["name"].split())
    return out


def _school_name(art: Article, school) -> str:
    # Thai digits in a school's name stay as written; ร.ร. is expanded to โรงเรียน.
    return school.name


def _office_list(art: Article, organizer: OfficeMention | None) -> list[dict]:
    """Every distinct office named in title and text; the organiser's role is host."""
    found = [("title", o) for o in find_offices(art.ntitle)]
    found += [("text", o) for o in find_offices(art.ntext, 0)[: _MAX_OFFICES * 4]]
    out: dict[tuple, dict] = {}
    for source, office in found:
        if office.key in out:
            continue
        record = office_dict(art, office, source)
        record["role"] = "host" if organizer and office.key == organizer.key else "mentioned"
        out[office.key] = record
        if len(out) >= _MAX_OFFICES:
            break
    return list(out.values())


def validate(article: Any) -> str | None:
    """Why the contract calls this input bad, or None."""
    if not isinstance(article, dict):
        return "article is not a JSON object"
    if "text" not in article or article["text"] is None:
        return "article has no text"
    if not isinstance(article["text"], str):
        return "article text is not a string"
    return None


def error_record(article_id: Any, message: str) -> dict:
    return {"id": article_id, "error": message}


def extract_article(article: dict) -> dict:
    """The record of one article (see spec/EXTRACTION.md); never raises."""
    problem = validate(article)
    article_id = article.get("id") if isinstance(article, dict) else None
    if problem:
        return error_record(article_id, problem)
    try:
        return build_record(prepare(article))
    except Exception as exc:  # noqa: BLE001 - one page must never stop a run
        return error_record(article_id, f"extractor failed: {type(exc).__name__}: {exc}")
