"""What the demo site publishes: an article and the true facts behind its text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class Person:
    """A person as the article writes them; `role` is a role code of EXTRACTION.md."""

    name: str  # given + family name, no honorific
    honorific: str
    position: str
    role: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "honorific": self.honorific,
            "position": self.position,
            "role": self.role,
        }


@dataclass(frozen=True)
class ArticleTruth:
    """The values the generator wrote into the text: what a perfect extractor returns."""

    event_type: str
    date_start: date
    date_end: date | None
    venue: str  # exactly as written in the text
    province: str  # canonical Thai province name
    office: dict[str, Any]  # the OFFICE key of EXTRACTION.md, name as written in the text
    chair: Person
    persons: list[Person] = field(default_factory=list)  # the chair included, text order
    schools: list[str] = field(default_factory=list)  # "โรงเรียน..." as written
    participant_count: int | None = None
    initiatives: list[str] = field(default_factory=list)  # codes of initiatives.csv

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly, shaped like the extraction record (`event`, `persons` ...)."""
        return {
            "event": {
                "event_type": self.event_type,
                "date_start": self.date_start.isoformat(),
                "date_end": self.date_end.isoformat() if self.date_end else None,
                "venue": self.venue,
                "province": self.province,
                "organizer_office": dict(self.office),
                "participant_count": self.participant_count,
            },
            "chair": self.chair.to_dict(),
            "persons": [p.to_dict() for p in self.persons],
            "schools": [{"name": s, "role": None} for s in self.schools],
            "offices": [{**self.office, "role": "host"}],
            "initiatives": [{"code": c} for c in self.initiatives],
        }


@dataclass(frozen=True)
class DemoArticle:
    """One post of the demo site, as WordPress would store it."""

    post_id: int
    slug: str  # ASCII
    title: str
    content_html: str  # like WordPress `content.rendered`
    published: datetime  # aware, Asia/Bangkok
    modified: datetime  # aware, Asia/Bangkok, never before `published`
    truth: ArticleTruth | None  # None for a notice, a post that reports no event
