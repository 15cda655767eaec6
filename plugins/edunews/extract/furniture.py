"""Where the report starts: the page furniture above it is skipped.

Government pages open with a weekday date line (the publishing date), a dd/mm/yyyy line,
"พิมพ์" and the title once or twice; office pages open with a video link. None of it is the
event, and its dates must not be taken for the event's date.
"""

from __future__ import annotations

import re

# A line holding only a date, with or without a weekday ("วันพุธที่ 18 ตุลาคม 2566") or in
# numbers ("16/07/2567"): the publishing date.
_DATE_LINE = re.compile(
    r"^\s*(?:วัน\S{3,9}?ที่\s*)?(?:\d{1,2}\s*[ก-ฮะ-์.\s]{2,14}\s*(?:พ\.\s?ศ\.\s*)?\d{2,4}"
    r"|\d{1,2}/\d{1,2}/\d{4})\s*$"
)
_JUNK_LINE = re.compile(
    r"^\s*(?:พิมพ์|print|แชร์|share|[.*\-_=~•·…]{2,}|https?://\S+|www\.\S+|\(มีคลิป\))?\s*$",
    re.IGNORECASE,
)
# What a report's lead says and a title never does: the event's dated clause, its chair.
# Office pages often open the lead with the title's words ("สพป.X จัด... เมื่อวันที่ ...");
# government pages extend the repeated title with a summary that has neither.
_LEAD_MARK = re.compile(r"วัน\S{0,10}ที่\s*\d|เป็นประธาน")
# Only the opening lines are inspected: furniture never sits in the middle of a report.
_MAX_HEAD_LINES = 8


def _same_as_title(line: str, title: str) -> bool:
    a = re.sub(r"\s+", "", line)
    b = re.sub(r"\s+", "", title)
    if not a or not b:
        return False
    # Titles are cut at ~100 characters on some pages and extended on others.
    # A paragraph that merely opens with the title's words is report, not furniture.
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) < 15 or len(longer) > 2 * len(shorter) + 20:
        return False
    return longer.startswith(shorter[: max(15, len(shorter) - 5)])


def _is_title_line(line: str, title: str) -> bool:
    if not _same_as_title(line, title):
        return False
    extension = line[len(title) - 5 :] if len(line) > len(title) + 15 else ""
    return not _LEAD_MARK.search(extension)


def lead_start(title: str, text: str) -> int:
    """Offset in normalised `text` of the first line that is report, not furniture."""
    pos = 0
    for _ in range(_MAX_HEAD_LINES):
        if pos >= len(text):
            break
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        furniture = _DATE_LINE.match(line) or _JUNK_LINE.match(line)
        if not (furniture or _is_title_line(line, title)):
            return pos
        pos = end + 1
    return pos if pos < len(text) else 0
