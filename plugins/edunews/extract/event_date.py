"""The choice of the date a reported event took place on, among the dates of its text.

The dates themselves (Buddhist-Era and two-digit years, full and abbreviated months,
ranges, dates with no year) are read by `edunews.thai_calendar.find_dates`. All functions
take text already passed through `thai_text.normalize` (Arabic digits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from edunews.thai_calendar import WEEKDAY as _WEEKDAY
from edunews.thai_calendar import DateMention, find_dates

from .furniture import lead_start
from .record_types import SpanSource
from .thai_text import normalize


def parse_thai_date(text: str, reference: date | None = None) -> tuple[date, date | None] | None:
    """The first date or range in `text` (any digits), as (start, end or None)."""
    found = find_dates(normalize(text).text, reference)
    if not found:
        return None
    return found[0].start, found[0].end


# ---------------------------------------------------------------- choosing the event date

# A report names its event's day once, early: in the lead ("เมื่อวันที่ ...", "ในวันที่ ... ณ
# ...", "ระหว่างวันที่ ...", "วันนี้ (...)", a paragraph that opens with the date). Later
# dates are background: a preparatory meeting "ไปแล้วเมื่อวันที่ ...", the event it builds on
# ("ต่อยอดจาก... เมื่อวันที่ ..."), a deadline, a coming event ("... นี้"). So the event's day
# is the first cued date of the lead that is neither negative, background nor future; the
# strength of the cue only breaks the tie when no such date exists.
_PAST_CUE = re.compile(
    r"(?:เมื่อ\s*(?:" + _WEEKDAY + r")?\s*(?:ที่)?|วันนี้|วานนี้|เมื่อวานนี้|เมื่อวาน)"
    r"\s*\(?\s*(?:วันที่)?\s*$"
)
_STRONG_CUE = re.compile(
    r"(?:ระหว่าง\s*(?:วันที่)?|ในวันที่|ใน" + _WEEKDAY + r"ที่|" + _WEEKDAY + r"ที่"
    r")\s*\(?\s*(?:วันที่)?\s*$"
)
# A date that opens a paragraph ("วันที่ 3 กันยายน 2563 ดร.ภูธร ...") is the event's.
_LINE_OPENING = re.compile(r"^\s*\(?\s*(?:วันที่)?\s*$")
# The report's dateline: a paragraph opening with its date ("เมื่อวันที่ 8 ม.ค. น.ส. ...",
# "วันนี้ (4 กรกฎาคม 2568) นาง ...", "ในวันที่ 8 มิถุนายน 2562 ณ ..."). Summary paragraphs
# above it announce coming events with dates in mid-sentence.
_DATELINE = re.compile(
    r"^\s*(?:เมื่อ|วันนี้|วานนี้|ใน|ในระหว่าง|ระหว่าง)?\s*(?:" + _WEEKDAY + r"ที่)?"
    r"\s*\(?\s*(?:วันที่)?\s*$"
)
_WEAK_CUE = re.compile(r"(?:วันที่|ที่ผ่านมา|เมื่อ)\s*$")
# Cues that make a date something else: a deadline, an application window, a birth date.
_NEGATIVE_NEAR = re.compile(r"สมัคร|หมดเขต|ยื่น")
_NEGATIVE_CUE = re.compile(
    r"(?:ภายใน|ก่อน|หลัง|จนถึง|สิ้นสุด|สมัคร|ประกาศ|กำหนด|ลงวันที่|เกิด|ครบกำหนด|ตั้งแต่|"
    r"ปีงบประมาณ|ล่วงหน้า|เริ่ม|เปิดภาคเรียน|ถึง)\s*(?:วันที่)?\s*$"
)
# Words earlier in the same clause that make a date the background of the report: what was
# done before ("ไปแล้ว", "ก่อนหน้านี้", "เคย..."), what the event follows from ("ต่อยอดจาก",
# "สืบเนื่องจาก", "ตามที่ ... ได้ ...").
_ASIDE_BEFORE = re.compile(
    r"ไปแล้ว|ต่อยอดจาก|ก่อนหน้านี้|ก่อนหน้า|สืบเนื่องจาก|ต่อเนื่องจาก|ตามที่|เคยจัด|เคยได้|ได้เคย|"
    r"ครั้งก่อน|ครั้งที่แล้ว|ครั้งแรกเมื่อ|เริ่มต้นเมื่อ|"
    # ... and what is still to come ("จะจัดงาน ... ในวันที่ ...").
    r"จะจัด|จะมี|จะเปิด|จะเดินทาง|กำหนดจัด|เตรียมจัด|มีกำหนด"
)
# What follows a date of a coming event: "20 ธ.ค. นี้", "ที่จะถึงนี้".
_FUTURE_AFTER = re.compile(r"\s*(?:\)\s*)?(?:นี้|ที่จะถึง|ที่จะมาถึง|ที่กำลังจะ)")
# How far back in the clause background words are looked for (a sentence, roughly).
_CLAUSE_CHARS = 90
# วันนี้ / วานนี้ without a date: the publishing day or the day before.
_RELATIVE_DAY = re.compile(r"(?:^|[\s(])(วานนี้|เมื่อวานนี้|เมื่อวาน|วันนี้)(?!\s*\(?\s*\d)")

# How far into the body the event sentence may start (characters after furniture).
_LEAD_WINDOW = 1800


@dataclass(frozen=True)
class DateFinding:
    """The event's date: start, end (ranges only), and where it was read."""

    start: date
    end: date | None
    source: SpanSource
    pos: int  # offset in the normalised source text (-1 for published_at)
    endpos: int
    cue: str  # "past" | "strong" | "weak" | "title" | "relative" | "first" | "published_at"


def _cue_strength(text: str, mention: DateMention) -> str:
    line_start = text.rfind("\n", 0, mention.pos) + 1
    before = text[max(line_start, mention.pos - 40) : mention.pos]
    if _NEGATIVE_CUE.search(before) or _NEGATIVE_NEAR.search(
        text[max(line_start, mention.pos - 70) : mention.pos]
    ):
        return "negative"
    if _PAST_CUE.search(before):
        return "past"
    if mention.pos - line_start < 40 and _LINE_OPENING.match(text[line_start : mention.pos]):
        return "past"
    if _STRONG_CUE.search(before):
        return "strong"
    if _WEAK_CUE.search(before):
        return "weak"
    return "none"


def _aside(text: str, mention: DateMention) -> bool:
    """Whether the clause around a date makes it background or a coming event."""
    line_start = text.rfind("\n", 0, mention.pos) + 1
    clause = text[max(line_start, mention.pos - _CLAUSE_CHARS) : mention.pos]
    if _ASIDE_BEFORE.search(clause):
        return True
    return bool(_FUTURE_AFTER.match(text, mention.endpos))


_CUE_ORDER = {"past": 0, "strong": 1, "weak": 2}


def _is_dateline(text: str, mention: DateMention) -> bool:
    line_start = text.rfind("\n", 0, mention.pos) + 1
    return mention.pos - line_start < 40 and bool(_DATELINE.match(text[line_start : mention.pos]))


def _rank_event_dates(text: str, lead: list[DateMention]) -> list[tuple[DateMention, str]]:
    """Cued dates of the lead, best first: the report's own datelines, then its other own
    dates, then the background and coming ones; by cue strength, then first written first."""
    graded = [(m, _cue_strength(text, m)) for m in lead]
    cued = [(m, cue) for m, cue in graded if cue in _CUE_ORDER]

    def rank(pair: tuple[DateMention, str]) -> tuple[int, int, int]:
        m, cue = pair
        if _aside(text, m):  # among asides the strongest cue
            return (2, _CUE_ORDER[cue], m.pos)
        # Within the report's own sentences the first date written is the event's: the
        # lead holds it.
        return (0 if _is_dateline(text, m) else 1, 0, m.pos)

    return sorted(cued, key=rank)


def _plausible(mention: DateMention, reference: date | None) -> bool:
    # A news report is not about a day more than a year after it was published (typos
    # such as 2586 for 2566 otherwise become events in 2043).
    return reference is None or mention.start <= reference + timedelta(days=400)


def _extend_range(chosen: DateMention, mentions: list[DateMention]) -> date | None:
    # "เมื่อวันที่ 30 มกราคม" then later "ระหว่างวันที่ 30 – 31 มกราคม": the range's end.
    if chosen.end is not None:
        return chosen.end
    for other in mentions:
        if other.end is not None and other.start == chosen.start:
            return other.end
    return None


def parse_iso(value: str | None) -> date | None:
    """YYYY-MM-DD (or a longer ISO timestamp) -> date; None when absent or malformed."""
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def find_event_date(
    title: str | None, text: str | None, published_at: str | date | None
) -> DateFinding | None:
    """The date the reported event took place on (the order: see "choosing the event date")."""
    reference = published_at if isinstance(published_at, date) else parse_iso(published_at)
    ntitle = normalize(title).text
    ntext = normalize(text).text
    return choose_event_date(ntitle, ntext, reference)


def choose_event_date(
    ntitle: str, ntext: str, reference: date | None, body_start: int | None = None
) -> DateFinding | None:
    """`find_event_date` on normalised title and text (`body_start`: end of furniture)."""
    if body_start is None:
        body_start = lead_start(ntitle, ntext)
    mentions = [
        m
        for m in find_dates(ntext, reference)
        if not m.numeric and m.pos >= body_start and _plausible(m, reference)
    ]
    lead = [m for m in mentions if m.pos < body_start + _LEAD_WINDOW]
    ranked = _rank_event_dates(ntext, lead)
    if ranked:
        m, cue = ranked[0]
        return DateFinding(m.start, _extend_range(m, mentions), "text", m.pos, m.endpos, cue)

    title_mentions = [m for m in find_dates(ntitle, reference) if not m.numeric]
    if title_mentions:
        m = title_mentions[0]
        return DateFinding(m.start, _extend_range(m, mentions), "title", m.pos, m.endpos, "title")

    if reference is not None:
        rel = _RELATIVE_DAY.search(ntext[body_start : body_start + _LEAD_WINDOW])
        if rel:
            delta = 0 if rel.group(1) == "วันนี้" else 1
            pos = body_start + rel.start(1)
            return DateFinding(
                reference - timedelta(days=delta),
                None,
                "text",
                pos,
                pos + len(rel.group(1)),
                "relative",
            )

    for m in lead:
        if _cue_strength(ntext, m) != "negative":
            return DateFinding(
                m.start, _extend_range(m, mentions), "text", m.pos, m.endpos, "first"
            )
    # Government pages report the day's news: with no date in the report, the page's.
    if reference is not None:
        return DateFinding(reference, None, "published_at", -1, -1, "published_at")
    return None
