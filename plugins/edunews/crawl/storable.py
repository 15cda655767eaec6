"""Text PostgreSQL will take: one bad character in one page must not fail a whole batch.

PostgreSQL's UTF8 text refuses NUL, and psycopg cannot even encode a lone surrogate (JSON
lets a REST API send "\\ud800"; a Python decode with `surrogateescape` makes them too).
Other C0 controls are accepted but are never text on a news page (form feeds, escape
sequences, bytes of binary junk), so they go as well; tab, newline and carriage return stay.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

# What is removed, and the surrogates, which are mended instead (a pair stored as two code
# points is one real character; a lone one becomes U+FFFD, as any decoder would make it).
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SURROGATE = re.compile("[\ud800-\udfff]")

T = TypeVar("T", bound="DataclassInstance")


def storable(text: str) -> str:
    """`text` without NUL and other C0 controls (tab, newline and CR kept), every lone
    surrogate replaced by U+FFFD; unchanged (the same object) when it was fine already.

    The clean case is one regex scan in C (about a millisecond a megabyte): it runs on
    every page's html and text.
    """
    if not text or _UNWANTED.search(text) is None:
        return text
    if _SURROGATE.search(text) is not None:
        # UTF-16 joins a surrogate pair back into its character; what cannot pair is replaced.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return _CONTROLS.sub("", text)


def storable_or_none(text: str | None) -> str | None:
    return None if text is None else storable(text)


def storable_record(record: T) -> T:
    """A copy of a dataclass (a page to land, a fetch_log row) with every str field made
    storable; the record itself when nothing needed mending."""
    changes = {}
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        if isinstance(value, str):
            clean = storable(value)
            if clean is not value:
                changes[field.name] = clean
    return dataclasses.replace(record, **changes) if changes else record
