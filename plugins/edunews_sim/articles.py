"""The one article model of the simulated sites, and where their articles come from.

An `Article` is a post as WordPress stores it; a generated one also carries the truth of
what it states (`ArticleTruth`). The test sites take real news text from the shared corpus
(read at run time from `shared/corpus/`, never copied into the repository) or generated
text; the demo site takes the generator's (edunews_sim.demosite).
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape
from typing import Any

from edunews.config import shared_dir
from edunews.thai_calendar import BANGKOK

_CORPUS = "corpus/thaigov_education.jsonl.gz"
# The corpus keeps the page's furniture at the top of `text`: date lines, the title, "พิมพ์".
_LEADING_FURNITURE = re.compile(r"^(วัน\S+ที่ \d+ \S+ \d{4}|\d{1,2}/\d{1,2}/\d{4}|พิมพ์)$")


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
class Article:
    """One post of a simulated site, as WordPress would store it."""

    post_id: int
    slug: str  # ASCII
    title: str
    paragraphs: tuple[str, ...]  # the text, as a reader sees it
    published: datetime  # aware, Asia/Bangkok
    modified: datetime  # aware, never before `published`
    # WordPress's `content.rendered` when it holds more than the paragraphs (a gallery);
    # None: the paragraphs as <p> elements.
    rendered: str | None = None
    truth: ArticleTruth | None = None  # None: not generated, or a notice reporting no event

    @property
    def body_text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def content_html(self) -> str:
        if self.rendered is not None:
            return self.rendered
        return "".join(f"<p>{escape(p)}</p>\n" for p in self.paragraphs)


def corpus_available() -> bool:
    return (shared_dir() / _CORPUS).is_file()


def load_articles(count: int, offset: int = 0, source: str = "auto") -> list[Article]:
    """`count` articles, from the corpus ("corpus"), the generator ("generated"), or the
    corpus when it is there ("auto")."""
    if source == "corpus" or (source == "auto" and corpus_available()):
        return corpus_articles(count, offset)
    return generated_articles(count, offset)


def corpus_articles(count: int, offset: int = 0) -> list[Article]:
    articles = []
    with gzip.open(shared_dir() / _CORPUS, "rt", encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            if index < offset:
                continue
            if len(articles) == count:
                break
            articles.append(_from_corpus(json.loads(line), index + 1))
    return articles


def _clean(text: str) -> str:
    # Zero-width spaces and runs of blanks: what any HTML page would collapse anyway.
    return " ".join(text.replace("\u200b", " ").replace("\ufeff", "").split())


def _from_corpus(row: dict, post_id: int) -> Article:
    title = _clean(row["title"])
    lines = [_clean(line) for line in row["text"].splitlines()]
    lines = [line for line in lines if line]
    while lines and (lines[0] == title or _LEADING_FURNITURE.match(lines[0])):
        lines.pop(0)
    # The corpus repeats a heading line now and then; a page would show it once.
    lines = [line for i, line in enumerate(lines) if i == 0 or line != lines[i - 1]]
    published = datetime.fromisoformat(row["published_at"][:10]).replace(
        hour=9, minute=30, tzinfo=BANGKOK
    )
    return Article(post_id, f"news-{post_id}", title, tuple(lines), published, published)


def generated_articles(count: int, offset: int = 0) -> list[Article]:
    """The demo-site generator's articles, numbered from 1 and as plain paragraphs."""
    from edunews_sim.demosite import generate_articles

    return [
        dataclasses.replace(
            demo, post_id=offset + i + 1, slug=f"post-{offset + i + 1}", rendered=None
        )
        for i, demo in enumerate(generate_articles(count + offset, seed=2567)[offset:])
    ]
