"""Generate Thai education-office news articles together with the facts they state.

Every article is composed from `phrasebook` templates, offices of the reference CSV and
pythainlp's offline name lists, so the generator knows the true value of everything it
wrote (`ArticleTruth`). Deterministic for a seed: the same call gives the same articles.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names

from edunews.thai_calendar import BANGKOK, fiscal_year_be
from edunews_sim.articles import Article, ArticleTruth, Person
from edunews_sim.demosite import phrasebook as pb
from edunews_sim.demosite.offices import Office, load_offices
from edunews_sim.demosite.thaitext import (
    DateStyle,
    format_date,
    format_range,
    thai_digits,
    weekday_name,
)

__all__ = ["ArticleTruth", "Article", "Person", "generate_articles"]

# Events fall in these windows by the office's era: the numbered secondary offices were
# replaced by province-named ones in 2021.
ERA_WINDOWS = {
    "current": (date(2017, 1, 1), date(2025, 12, 31)),
    "before_2021": (date(2017, 1, 1), date(2020, 12, 31)),
    "since_2021": (date(2021, 7, 1), date(2025, 12, 31)),
}
ERA_WEIGHTS = {"current": 70, "before_2021": 15, "since_2021": 15}
THAI_DIGITS_SHARE = 0.2
FIRST_POST_ID = 120
# People and schools that come back across articles (`_World`).
# A few offices post most of the news (the k-th most active office weighs 1/k**1.3).
OFFICE_SKEW = 1.3
DIRECTOR_TERM_YEARS = 4
SCHOOLS_PER_OFFICE = 12
DEPUTIES_PER_OFFICE = 3
STAFF_PER_POSITION = 2
DIRECTOR_TEMPLATES = ("ผู้อำนวยการ{office}", "ผอ.{office}", "ผู้อำนวยการ {office}")
DEPUTY_TEMPLATES = (
    "รองผู้อำนวยการ{office}",
    "รองผู้อำนวยการ{office_abbr}",
    "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา รักษาราชการแทนผู้อำนวยการ{office}",
)

_GALLERY_BLOCK = (
    '<figure class="wp-block-gallery has-nested-images columns-3 is-cropped">{items}</figure>',
    '<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683"'
    ' src="{src}" alt="" class="wp-image-{media_id}"/></figure>',
)
_GALLERY_CLASSIC = (
    '<div id="gallery-1" class="gallery gallery-columns-3 gallery-size-thumbnail">{items}</div>',
    '<figure class="gallery-item"><div class="gallery-icon landscape"><a href="{src}">'
    '<img width="150" height="150" src="{src}" class="attachment-thumbnail size-thumbnail"'
    ' alt="" /></a></div></figure>',
)


def generate_articles(n: int, seed: int = 2567, notices: int = 0) -> list[Article]:
    """`n` articles, oldest first, post ids increasing with the publishing time; plus
    `notices` posts that report no event (`truth` None) among them."""
    if n < 0 or notices < 0:
        raise ValueError("n and notices must not be negative")
    world = _World(seed, load_offices())
    drafts = [_compose(random.Random(f"{seed}:{i}"), world) for i in range(n)]
    drafts += [_notice(random.Random(f"{seed}:notice:{i}"), i) for i in range(notices)]
    drafts.sort(key=lambda d: d.published)
    return _publish(drafts, random.Random(seed))


@dataclass(frozen=True)
class _Draft:
    slug: str
    title: str
    paragraphs: tuple[str, ...]
    rendered: str  # content.rendered: the paragraphs, with a gallery now and then
    published: datetime
    modified: datetime
    truth: ArticleTruth | None


def _publish(drafts: list[_Draft], rng: random.Random) -> list[Article]:
    """Give ids (with the gaps revisions and uploads leave in WordPress) and unique slugs."""
    articles, post_id, slugs = [], FIRST_POST_ID, set()
    for d in drafts:
        post_id += rng.randint(1, 25)
        slug, k = d.slug, 2
        while slug in slugs:  # WordPress de-duplicates slugs the same way
            slug, k = f"{d.slug}-{k}", k + 1
        slugs.add(slug)
        articles.append(
            Article(
                post_id=post_id,
                slug=slug,
                title=d.title,
                paragraphs=d.paragraphs,
                rendered=d.rendered,
                published=d.published,
                modified=d.modified,
                truth=d.truth,
            )
        )
    return articles


# --- choosing ----------------------------------------------------------------------------


def _weighted(rng: random.Random, weights: dict[Any, float]) -> Any:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _chance(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def _zipf(rng: random.Random, items: list[Any], exponent: float = 1.0) -> Any:
    """The k-th item with weight 1/k**exponent: a few are met often, most now and then."""
    return rng.choices(items, weights=[1 / (k + 1) ** exponent for k in range(len(items))])[0]


def _pick_office(rng: random.Random, world: _World) -> Office:
    era = _weighted(rng, ERA_WEIGHTS)
    return _zipf(rng, world.offices_by_activity[era], OFFICE_SKEW)


def _event_dates(rng: random.Random, office: Office, event_type: str) -> tuple[date, date | None]:
    first, last = ERA_WINDOWS[office.era]
    start = first + timedelta(days=rng.randrange((last - first).days - 3))
    if not pb.EVENT_TYPES[event_type][1] or not _chance(rng, 0.35):
        return start, None
    end = start + timedelta(days=rng.choice((1, 1, 2)))
    return (start, end) if end.year == start.year else (start, None)


def _published(rng: random.Random, last_day: date) -> tuple[datetime, datetime]:
    day = last_day + timedelta(days=rng.randint(0, 5))
    at = time(rng.randint(8, 20), rng.randrange(60), rng.randrange(60))
    published = datetime.combine(day, at, tzinfo=BANGKOK)
    if _chance(rng, 0.5):
        return published, published
    return published, published + timedelta(minutes=rng.randint(3, 3 * 24 * 60))


def _date_style(rng: random.Random) -> DateStyle:
    month = _weighted(rng, {"full": 55, "abbr": 30, "abbr_nodot": 15})
    year = _weighted(rng, {"be": 70, "be_prefixed": 10, "be2": 10, "none": 10})
    if year == "be2" and month == "full":
        year = "be"
    return DateStyle(month=month, year=year, dash=rng.choice(("-", " - ", " – ", "–")))


def _date_phrase(
    rng: random.Random, start: date, end: date | None, style: DateStyle, published: datetime
) -> str:
    if style.year == "none" and (end or published.year != start.year):
        style = replace(style, year="be")
    if end:
        text = rng.choice(pb.RANGE_INTROS).format(range=format_range(start, end, style))
    else:
        intro = rng.choice(pb.DATE_INTROS)
        text = intro.format(date=format_date(start, style), weekday=weekday_name(start))
    # "ที่ผ่านมา" (just past) only reads right when the news came out later.
    if style.year == "none" or (published.date() > (end or start) and _chance(rng, 0.2)):
        text += " ที่ผ่านมา"
    return text


def _in_province(province: str) -> str:
    return province if province == "กรุงเทพมหานคร" else f"จังหวัด{province}"


# --- people and schools -----------------------------------------------------------------


@cache
def _name_lists() -> dict[str, tuple[str, ...]]:
    """pythainlp's word lists, sorted (they are sets) and without odd entries."""

    def clean(names: Any) -> tuple[str, ...]:
        return tuple(sorted(n for n in names if n and not any(c in n for c in " .-()")))

    male, female = clean(thai_male_names()), clean(thai_female_names())
    return {"m": male, "f": female, "any": male + female, "family": clean(thai_family_names())}


def _new_person(rng: random.Random) -> tuple[str, str]:
    """(honorific, "given family") drawn from pythainlp's name lists."""
    names = _name_lists()
    honorific, gender = _weighted(rng, {(h, g): w for h, g, w in pb.HONORIFICS})
    return honorific, f"{rng.choice(names[gender])} {rng.choice(names['family'])}"


class _World:
    """What the articles of one seed share, as one region's news does: some offices post
    far more than others, an office's director chairs many of its events, its deputies and
    group heads report on them, and its schools (and their directors) come back.

    Each seat is drawn from its own seeded generator, so articles stay independent of the
    order they are written in."""

    def __init__(self, seed: int, offices: list[Office]) -> None:
        self.seed = seed
        self.offices_by_activity: dict[str, list[Office]] = {}
        for era in ERA_WINDOWS:
            ranked = sorted((o for o in offices if o.era == era), key=_office_id)
            random.Random(f"{seed}:activity:{era}").shuffle(ranked)
            self.offices_by_activity[era] = ranked
        self._seats: dict[str, list[tuple[str, str]]] = {}
        self._schools: dict[str, list[str]] = {}

    def holders(self, seat: str, size: int) -> list[tuple[str, str]]:
        """The `size` people who hold `seat`, most active first: (honorific, name)."""
        if seat not in self._seats:
            rng = random.Random(f"{self.seed}:seat:{seat}")
            self._seats[seat] = [_new_person(rng) for _ in range(size)]
        return self._seats[seat]

    def schools(self, office: Office) -> list[str]:
        """The office's schools, most often in the news first."""
        key = _office_id(office)
        if key not in self._schools:
            rng = random.Random(f"{self.seed}:schools:{key}")
            patterns = pb.PRIMARY_SCHOOLS if office.kind == "spp" else pb.SECONDARY_SCHOOLS
            names: list[str] = []
            while len(names) < SCHOOLS_PER_OFFICE:
                name = rng.choice(patterns).format(place=_place(rng), place2=_place(rng))
                if name not in names:
                    names.append(name)
            self._schools[key] = names
        return self._schools[key]


def _office_id(office: Office) -> str:
    return f"{office.kind}:{office.place}:{office.area_no}:{office.era}"


def _place(rng: random.Random) -> str:
    return rng.choice(pb.PLACE_HEADS) + rng.choice(pb.PLACE_TAILS)


class _Cast:
    """The people and schools of one article: unique names, in order of appearance."""

    def __init__(self, rng: random.Random, world: _World, office: Office, year: int) -> None:
        self.rng = rng
        self.world = world
        self.office = office
        self.year = year
        self.persons: list[Person] = []
        self.schools: list[str] = []
        self._written: dict[str, str] = {}

    def person(self, position: str, role: str, seat: str | None = None, seats: int = 1) -> str:
        """Someone in `position`; returns the name as the text writes it ("นายสมชาย ใจดี").

        With a `seat`, one of its `seats` holders (the same people across articles), unless
        all of them are in this article already; else someone new."""
        free = [
            holder
            for holder in (self.world.holders(seat, seats) if seat else [])
            if holder[1] not in self._written
        ]
        if free:
            honorific, name = _zipf(self.rng, free)
        else:
            honorific, name = _new_person(self.rng)
            while name in self._written:
                honorific, name = _new_person(self.rng)
        self.persons.append(Person(name=name, honorific=honorific, position=position, role=role))
        self._written[name] = honorific + name
        return honorific + name

    def office_seat(self, template: str) -> tuple[str, int]:
        """The seat behind a position template of this office, and how many hold it. A
        director serves a term of three years; the ways of writing the title are one seat."""
        office = _office_id(self.office)
        if template in DIRECTOR_TEMPLATES:
            return f"{office}:director:{(self.year - 2017) // DIRECTOR_TERM_YEARS}", 1
        if template in DEPUTY_TEMPLATES:
            return f"{office}:deputy", DEPUTIES_PER_OFFICE
        return f"{office}:{template}", STAFF_PER_POSITION

    def later_mention(self, person: Person) -> str:
        """How the text refers back: often honorific and given name only ("นายสมชาย")."""
        if person.honorific in ("นาย", "นาง", "นางสาว", "ดร.") and _chance(self.rng, 0.6):
            return person.honorific + person.name.split()[0]
        return self._written[person.name]

    def school(self) -> str:
        """One of the office's schools not yet in this article (a new one if none is left)."""
        free = [s for s in self.world.schools(self.office) if s not in self.schools]
        if free:
            name = _zipf(self.rng, free)
        else:
            patterns = pb.PRIMARY_SCHOOLS if self.office.kind == "spp" else pb.SECONDARY_SCHOOLS
            name = self.rng.choice(patterns).format(place=_place(self.rng), place2=_place(self.rng))
            while name in self.schools:
                name = self.rng.choice(patterns).format(
                    place=_place(self.rng), place2=_place(self.rng)
                )
        self.schools.append(name)
        return name

    def school_head(self, school: str, role: str) -> str:
        """The school's director, the same person in every article of that school."""
        position = pb.SCHOOL_HEAD_POSITION.format(school=school)
        return self.person(position, role, seat=f"head:{school}")

    def school_heads(self, k: int, role: str) -> list[str]:
        """`k` more schools, each with its director: "นายก ข ผู้อำนวยการโรงเรียน..."."""
        heads = []
        for _ in range(k):
            school = self.school()
            heads.append(
                f"{self.school_head(school, role)} {pb.SCHOOL_HEAD_POSITION.format(school=school)}"
            )
        return heads


def _join(rng: random.Random, items: list[str]) -> str:
    """Thai lists: "ก ข และค", with spaces or commas as sites vary."""
    if len(items) == 1:
        return items[0]
    sep = rng.choice((" ", ", ", ","))
    return sep.join(items[:-1]) + " และ" + items[-1]


# --- topics ----------------------------------------------------------------------------


def _initiatives(rng: random.Random, office: Office, day: date) -> tuple[list[str], list[str]]:
    """Codes of initiatives.csv and, in the same order, the phrases the text uses."""
    eligible = [
        code
        for code, (first, last, kinds, _) in pb.TOPICS.items()
        if first <= day.year <= last and office.kind in kinds.split()
    ]
    k = _weighted(rng, {0: 20, 1: 45, 2: 25, 3: 10})
    codes = rng.sample(eligible, k)
    phrases = [rng.choice(pb.TOPICS[c][3]) for c in codes]
    if _chance(rng, 0.1):
        place = rng.choice(pb.PLACE_HEADS) + rng.choice(pb.PLACE_TAILS)
        codes.append("other")
        phrases.append(rng.choice(pb.LOCAL_PROGRAMMES).format(place=place))
    return codes, phrases


# --- composing -------------------------------------------------------------------------


def _group(event_type: str) -> str:
    return event_type if event_type in ("mou_signing", "award_ceremony", "site_visit") else "hosted"


def _venue(
    rng: random.Random, cast: _Cast, office_name: str, province: str, event_type: str
) -> str:
    office = cast.office
    kinds = {"office": 45, "hotel": 30, "school": 25} if province == office.seat else {"hotel": 1}
    kind = "school" if event_type == "site_visit" else _weighted(rng, kinds)
    room, hotel = rng.choice(pb.ROOM_NAMES), rng.choice(pb.HOTEL_NAMES)
    if kind == "office":
        venue = rng.choice(pb.OFFICE_ROOMS).format(room=room, office=office_name)
    elif kind == "hotel":
        venue = rng.choice(pb.HOTEL_ROOMS).format(room=room, hotel=hotel)
    elif event_type == "site_visit":  # the visited school itself, the object of ตรวจเยี่ยม
        venue = cast.school()
    else:
        venue = rng.choice(pb.SCHOOL_VENUES).format(room=room, school=cast.school())
    # The province must be readable from the text: from the venue, or from an office
    # name that names exactly one province.
    needs_province = not office.names_one_province or province != office.seat
    if needs_province or (kind != "office" and _chance(rng, 0.5)):
        venue += " " + _in_province(province)
    return venue


def _chair(
    rng: random.Random, cast: _Cast, office_name: str, province: str
) -> tuple[str, str, bool]:
    """(written name, position, whether the position names the office)."""
    if _chance(rng, 0.12):
        position = rng.choice(pb.OUTSIDE_CHAIR_POSITIONS).format(in_province=_in_province(province))
        return cast.person(position, "chair", seat=position, seats=2), position, False
    is_long = office_name.startswith("สำนักงาน")
    choices = [tpl for tpl, long_ok in pb.CHAIR_POSITIONS if long_ok or not is_long]
    template = rng.choice(choices)
    position = template.format(office=office_name)
    seat, seats = cast.office_seat(template)
    return cast.person(position, "chair", seat, seats), position, True


def _count_fields(rng: random.Random, audience: str) -> tuple[int, dict[str, Any]]:
    heads, teachers, supervisors = rng.randint(5, 60), rng.randint(10, 200), rng.randint(2, 20)
    count = heads + teachers + supervisors
    fields = {
        "count": count,
        "heads": heads,
        "teachers": teachers,
        "supervisors": supervisors,
        "audience": audience,
    }
    return count, fields


@dataclass
class _Text:
    """An article being written: paragraphs in order, plus the fields templates read."""

    fields: dict[str, Any]
    paragraphs: list[str]

    def add(self, template: str, **extra: Any) -> None:
        self.paragraphs.append(template.format(**{**self.fields, **extra}))

    def extend_last(self, template: str, **extra: Any) -> None:
        self.paragraphs[-1] += " " + template.format(**{**self.fields, **extra})


def _body_hosted(rng: random.Random, cast: _Cast, text: _Text, event_type: str) -> None:
    f = text.fields
    if _chance(rng, 0.5):
        person, position = _staff(rng, cast, f, pb.STAFF_POSITIONS, "reporter")
        text.add(rng.choice(pb.REPORTER_SENTENCES), person=person, position=position)
    if _chance(rng, 0.4 if event_type in ("training", "workshop", "seminar") else 0.2):
        person, position = _staff(rng, cast, f, pb.EXPERT_POSITIONS, "speaker")
        text.add(rng.choice(pb.SPEAKER_SENTENCES), person=person, position=position)
    if event_type in ("seminar", "knowledge_exchange", "lessons_learned") and _chance(rng, 0.7):
        people = cast.school_heads(rng.randint(2, 3), "speaker")
        moderator, position = _staff(rng, cast, f, pb.STAFF_POSITIONS, "moderator")
        text.add(
            rng.choice(pb.PANEL_SENTENCES),
            people=_join(rng, people),
            moderator=moderator,
            moderator_position=position,
        )
    elif _chance(rng, 0.35):
        schools = [cast.school() for _ in range(rng.randint(2, 6))]
        text.add(
            rng.choice(pb.SCHOOL_LIST_SENTENCES),
            school_count=len(schools),
            schools=_join(rng, schools),
        )


def _staff(
    rng: random.Random, cast: _Cast, fields: dict[str, Any], templates: tuple[str, ...], role: str
) -> tuple[str, str]:
    """(written name, position) of someone holding one of `templates`: the office's own
    staff (its groups' heads, its supervisors), else one of the few who hold a national post."""
    template = rng.choice(templates)
    position = template.format(**fields)
    if template in pb.STAFF_POSITIONS or "{office" in template:
        seat, seats = cast.office_seat(template)
    else:
        seat, seats = position, STAFF_PER_POSITION
    return cast.person(position, role, seat, seats), position


def _body_mou(rng: random.Random, cast: _Cast, text: _Text) -> None:
    f = text.fields
    partner = cast.person(f["partner_position"], "signatory", seat=f["partner_position"])
    people = [f"{partner} {f['partner_position']}"]
    people += cast.school_heads(rng.randint(0, 2), "signatory")
    templates = pb.STAFF_POSITIONS + pb.OUTSIDE_CHAIR_POSITIONS[:2]
    witness, position = _staff(rng, cast, f, templates, "witness")
    text.add(
        rng.choice(pb.SIGNING_SENTENCES),
        people=_join(rng, people),
        witness=witness,
        witness_position=position,
        chair_ref=cast.later_mention(cast.persons[0]),
    )


def _body_award(rng: random.Random, cast: _Cast, text: _Text) -> None:
    schools = [cast.school() for _ in range(rng.randint(2, 4))]
    teachers = []
    for school in rng.sample(schools, rng.randint(1, len(schools))):
        position = pb.TEACHER_POSITION.format(school=school)
        teacher = cast.person(position, "awardee", f"teachers:{school}", STAFF_PER_POSITION)
        teachers.append(f"{teacher} {position}")
    text.add(
        rng.choice(pb.AWARDEE_SENTENCES), schools=_join(rng, schools), people=_join(rng, teachers)
    )


def _body_visit(rng: random.Random, cast: _Cast, text: _Text) -> None:
    position = pb.SCHOOL_HEAD_POSITION.format(school=cast.schools[0])
    person = cast.school_head(cast.schools[0], "host")
    text.add(rng.choice(pb.HOST_SENTENCES), person=person, position=position)


def _lead_template(rng: random.Random, group: str, chair_names_office: bool) -> str:
    leads = {
        "hosted": pb.HOSTED_LEADS,
        "mou_signing": pb.MOU_LEADS,
        "award_ceremony": pb.AWARD_LEADS,
        "site_visit": pb.VISIT_LEADS,
    }[group]
    return rng.choice([t for t in leads if chair_names_office or "{office}" in t])


def _title(rng: random.Random, group: str, fields: dict[str, Any], chair_is_director: bool) -> str:
    titles = [t for t in pb.TITLES[group] if chair_is_director or not t.startswith("ผอ.")]
    return rng.choice(titles).format(**fields)


@dataclass(frozen=True)
class _Event:
    """What happened, before any wording is chosen."""

    office: Office
    event_type: str
    start: date
    end: date | None
    province: str
    codes: list[str]  # initiatives
    topics: list[str]  # their phrases, same order

    @property
    def group(self) -> str:
        return _group(self.event_type)


def _event(rng: random.Random, world: _World) -> _Event:
    office = _pick_office(rng, world)
    event_type = _weighted(rng, {k: w for k, (w, _) in pb.EVENT_TYPES.items()})
    start, end = _event_dates(rng, office, event_type)
    province = rng.choice(office.provinces) if _chance(rng, 0.3) else office.seat
    codes, topics = _initiatives(rng, office, start)
    return _Event(office, event_type, start, end, province, codes, topics)


def _activity(rng: random.Random, event: _Event, topic: str) -> str:
    activity = rng.choice(pb.ACTIVITIES[event.event_type]).format(
        join=rng.choice(pb.TOPIC_JOINERS), topic=topic
    )
    if event.group == "hosted" and _chance(rng, 0.25):
        activity += f" ประจำปีงบประมาณ พ.ศ. {fiscal_year_be(event.start)}"
    return activity


def _compose(rng: random.Random, world: _World) -> _Draft:
    event = _event(rng, world)
    published, modified = _published(rng, event.end or event.start)
    office_name = rng.choice((event.office.long_name(), *event.office.short_names()))
    topic = event.topics[0] if event.topics else rng.choice(pb.GENERIC_TOPICS)
    cast = _Cast(rng, world, event.office, event.start.year)
    venue = _venue(rng, cast, office_name, event.province, event.event_type)
    chair, chair_position, chair_names_office = _chair(rng, cast, office_name, event.province)
    partner_org, partner_position = _partner(rng, event.province)
    count, count_fields = _count_fields(rng, rng.choice(pb.AUDIENCES))
    fields: dict[str, Any] = {
        **count_fields,
        "office": office_name,
        "office_abbr": rng.choice(event.office.short_names()),
        "date": _date_phrase(rng, event.start, event.end, _date_style(rng), published),
        "venue": venue,
        "at_venue": rng.choice(("ณ ", "ที่")) + venue,
        "chair": chair,
        "chair_position": chair_position,
        "activity": _activity(rng, event, topic),
        "topic": topic,
        "purpose": rng.choice(pb.PURPOSES),
        "objective": rng.choice(pb.OBJECTIVES),
        "partner_org": partner_org,
        "partner_position": partner_position,
        "in_province": _in_province(event.province),
        "province": event.province,
        "school": cast.schools[0] if cast.schools else "",
    }
    text = _Text(fields=fields, paragraphs=[])
    states_count = _write(rng, cast, text, event, chair_names_office)
    digits = thai_digits if _chance(rng, THAI_DIGITS_SHARE) else str
    chair_is_director = chair_position.startswith(("ผู้อำนวยการ", "ผอ."))
    paragraphs = tuple(digits(p) for p in text.paragraphs)
    return _Draft(
        slug=f"{event.event_type.replace('_', '-')}-{event.office.slug()}-{event.start:%Y%m%d}",
        title=digits(_title(rng, event.group, fields, chair_is_director)),
        paragraphs=paragraphs,
        rendered=_content_html(rng, paragraphs, published),
        published=published,
        modified=modified,
        truth=_truth(event, cast, venue, office_name, count if states_count else None, digits),
    )


def _notice(rng: random.Random, i: int) -> _Draft:
    """A post that reports no event: one of the phrasebook's notices."""
    title, paragraphs = pb.NOTICES[i % len(pb.NOTICES)]
    first, last = ERA_WINDOWS["current"]
    published, modified = _published(
        rng, first + timedelta(days=rng.randrange((last - first).days))
    )
    return _Draft(
        slug=f"notice-{i + 1}",
        title=title,
        paragraphs=tuple(paragraphs),
        rendered="\n\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs) + "\n",
        published=published,
        modified=modified,
        truth=None,
    )


def _write(
    rng: random.Random, cast: _Cast, text: _Text, event: _Event, chair_names_office: bool
) -> bool:
    """Write the paragraphs; returns whether the text states the participant count."""
    states_count = _chance(rng, {"site_visit": 0.2}.get(event.group, 0.75))
    lead = _lead_template(rng, event.group, chair_names_office)
    in_lead = states_count and "{count_clause}" in lead and _chance(rng, 0.5)
    clause = rng.choice(pb.COUNT_CLAUSES).format(**text.fields) if in_lead else ""
    text.add(lead, count_clause=clause)
    _write_body(rng, cast, text, event.event_type, event.start, event.topics)
    if states_count and not in_lead:
        text.add(rng.choice(pb.COUNT_PARAGRAPHS))
    if _chance(rng, 0.5):
        text.add(rng.choice(pb.CLOSINGS))
    return states_count


def _truth(
    event: _Event,
    cast: _Cast,
    venue: str,
    office_name: str,
    count: int | None,
    digits: Callable[[str], str],
) -> ArticleTruth:
    """The facts, with "as written" strings in the article's digits."""
    persons = [replace(p, position=digits(p.position)) for p in cast.persons]
    return ArticleTruth(
        event_type=event.event_type,
        date_start=event.start,
        date_end=event.end,
        venue=digits(venue),
        province=event.province,
        office=event.office.key(digits(office_name)),
        chair=persons[0],
        persons=persons,
        schools=[digits(s) for s in cast.schools],
        participant_count=count,
        initiatives=event.codes,
    )


def _write_body(
    rng: random.Random, cast: _Cast, text: _Text, event_type: str, start: date, topics: list[str]
) -> None:
    group = _group(event_type)
    if group == "hosted":
        _body_hosted(rng, cast, text, event_type)
    elif group == "mou_signing":
        _body_mou(rng, cast, text)
    elif group == "award_ceremony":
        _body_award(rng, cast, text)
    else:
        _body_visit(rng, cast, text)
    if len(topics) > 1:
        text.add(rng.choice(pb.POLICY_SENTENCES), topics="และการ".join(topics[1:]))
    if _chance(rng, 0.3):
        earlier = start - timedelta(days=rng.randint(5, 60))
        style = replace(_date_style(rng), year="be")
        text.extend_last(rng.choice(pb.EARLIER_SENTENCES), earlier=format_date(earlier, style))
    if _chance(rng, 0.6):
        quote = rng.choice(pb.QUOTES)
        text.add(
            rng.choice(pb.QUOTE_SENTENCES),
            quote=quote,
            chair_ref=cast.later_mention(cast.persons[0]),
        )


def _partner(rng: random.Random, province: str) -> tuple[str, str]:
    choices = pb.PARTNERS
    if province == "กรุงเทพมหานคร":
        choices = tuple(pb.PARTNERS[i] for i in pb.BANGKOK_PARTNERS)
    org, head = rng.choice(choices)
    values = {"province": province, "in_province": _in_province(province)}
    return org.format(**values), head.format(**values)


def _content_html(rng: random.Random, paragraphs: tuple[str, ...], published: datetime) -> str:
    """Paragraphs as `content.rendered` holds them, sometimes with a photo gallery."""
    blocks = [f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs]
    if _chance(rng, 0.6):
        outer, item = rng.choice((_GALLERY_BLOCK, _GALLERY_CLASSIC))
        stamp = published.strftime("%Y%m%d")
        items = "".join(
            item.format(
                src=f"/wp-content/uploads/{published:%Y/%m}/IMG_{stamp}_{k:03d}.jpg",
                media_id=rng.randint(1000, 99999),
            )
            for k in range(rng.randint(2, 6))
        )
        blocks.insert(rng.choice((1, len(blocks))), outer.format(items=items))
    return "\n\n".join(blocks) + "\n"
