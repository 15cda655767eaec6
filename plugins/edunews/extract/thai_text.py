"""Normalisation of Thai news text before any rule looks at it.

Rules match one spelling only, so the variants that real pages carry (Thai digits, no-break
spaces, zero-width characters, the two-character spellings of แ and ำ) are folded first.
Normalising may drop characters, so `Normalized` keeps, for every character it returns, the
offset of the character it came from: evidence spans must point into the text as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edunews.thai_calendar import TO_ARABIC

# Characters that carry no text but break every regular expression that spans them.
_DROPPED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")

# Every space-like character becomes a plain space (one for one, so offsets stay).
_SPACES = frozenset(
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u202f\u205f\u3000\t\r\x0b\x0c"
)

# Two-character spellings that typists use for one Thai character.
_PAIRS = {"เเ": "แ", "\u0e4d\u0e32": "ำ"}

# Text past this length is not read: the facts of a news report are near its top, and the
# cap keeps every rule linear on pathological input (a 1 MB page).
MAX_CHARS = 40_000


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus the original offset of each of its characters."""

    text: str
    # None when no character was dropped or merged: offsets are then the identity.
    origins: tuple[int, ...] | None
    original_length: int

    def origin(self, index: int) -> int:
        """Offset in the original text of normalised position `index` (may be the end)."""
        if self.origins is None:
            return min(index, self.original_length)
        if index >= len(self.origins):
            return self.original_length if not self.origins else self.origins[-1] + 1
        return self.origins[index]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of normalised [start, end)."""
        if end <= start:
            o = self.origin(start)
            return o, o
        return self.origin(start), self.origin(end - 1) + 1


_ONE_FOR_ONE: dict[int, int | str] = {**TO_ARABIC, **{ord(c): " " for c in _SPACES}}
_LENGTH_CHANGING = re.compile("[" + "".join(_DROPPED) + "]|เเ|\u0e4d\u0e32")


def normalize(text: str | None, limit: int = MAX_CHARS) -> Normalized:
    """Fold digits, spaces, zero-width characters and split vowels; keep offsets."""
    if not text:
        return Normalized("", None, 0)
    source = text[:limit]
    if not _LENGTH_CHANGING.search(source):
        return Normalized(source.translate(_ONE_FOR_ONE), None, len(source))
    # Runs between the length-changing characters are translated whole (per character in
    # Python, this was a fifth of the extractor's time on pages with zero-width spaces).
    out: list[str] = []
    origins: list[int] = []
    pos = 0
    for m in _LENGTH_CHANGING.finditer(source):
        out.append(source[pos : m.start()].translate(_ONE_FOR_ONE))
        origins.extend(range(pos, m.start()))
        if m.group(0) in _PAIRS:
            out.append(_PAIRS[m.group(0)])
            origins.append(m.start())
        pos = m.end()
    out.append(source[pos:].translate(_ONE_FOR_ONE))
    origins.extend(range(pos, len(source)))
    return Normalized("".join(out), tuple(origins), len(source))


def norm(text: str | None) -> str:
    """Only the normalised string (for short strings such as titles and names)."""
    return normalize(text).text


def squash_spaces(text: str) -> str:
    """Runs of spaces to one, trimmed: for values reported 'as written'."""
    return " ".join(text.split())
