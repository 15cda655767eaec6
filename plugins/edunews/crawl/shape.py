"""The shape of a site's article addresses, learned from articles the crawler has read.

A shape keeps what every article URL of a site shares and abstracts what varies: numbers
(`<n>`), slugs (`<slug>`, `<n-slug>`), and query values that are ids. So
`/index.php?option=com_content&view=article&id=57&catid=9` gives
`/index.php?option=com_content&view=article&id=<n>` (a category page, `view=category`, does
not match), `/2567/05/12/slug/` gives `/<n>/<n>/<n>/<slug>/` and `/news.php?id=5` gives
`/news.php?id=<n>` (the same site's `/news.php?page=2` does not match).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

# Paging and tracking parameters: never part of an article's identity.
PAGING_KEYS = frozenset(
    {"limitstart", "start", "page", "paged", "pg", "pageno", "offset", "updated-max"}
)
_IGNORED_KEYS = re.compile(r"^(utm_.*|fbclid|gclid|lang|sid|phpsessid)$", re.I)
_EXTENSION = re.compile(r"^(.*?)(\.(?:html?|php\d?|aspx?|jsp|cfm|shtml))$", re.I)
_N_SLUG = re.compile(r"^\d+[-_:].+$")
# Ids some systems write opaque so they cannot be guessed: hex digests, UUIDs, base64
# (padded, or with digits in it). Words (view=article, file=readnews) are none of these.
_TOKEN = re.compile(r"^[A-Za-z0-9_\-+/=.]{6,}$")


def _opaque_id(value: str) -> bool:
    if not _TOKEN.match(value) or value.startswith("/"):  # a path (rest_route=/wp/v2/..)
        return False
    has_digit = any(c.isdigit() for c in value)
    has_alpha = any(c.isalpha() for c in value)
    return value.endswith("=") or (has_digit and has_alpha) or len(value) >= 20


def _stem_token(stem: str, after_number: bool) -> str:
    if stem.isdigit():
        return "<n>"
    if _N_SLUG.match(stem):
        return "<n-slug>"
    variable = any(c.isdigit() or c in "-_%+ ." or ord(c) > 127 for c in stem) or len(stem) > 30
    # A word right after a number (/2567/05/meeting/) is a post's slug, not a section.
    if variable or (after_number and stem):
        return "<slug>"
    return stem.lower()


def path_tokens(path: str) -> tuple[str, ...]:
    tokens: list[str] = []
    for segment in unquote(path).split("/"):
        match = _EXTENSION.match(segment)
        after_number = bool(tokens) and tokens[-1] == "<n>"
        if match:
            stem, ext = match.groups()
            token = _stem_token(stem, after_number) if stem else ""
            tokens.append(token + ext.lower())
        else:
            tokens.append(_stem_token(segment, after_number))
    return tuple(tokens)


def query_parts(query: str) -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
    """(the literal key=value pairs, the keys whose values are ids)."""
    literal, ids = set(), set()
    for key, value in parse_qsl(query, keep_blank_values=True):
        key = key.lower()
        if _IGNORED_KEYS.match(key):
            continue
        if value.isdigit() or _N_SLUG.match(value) or key in PAGING_KEYS or _opaque_id(value):
            ids.add(key)
        else:
            literal.add((key, value.lower()))
    return frozenset(literal), frozenset(ids)


@dataclass(frozen=True)
class Shape:
    path: tuple[str, ...]
    literal: frozenset[tuple[str, str]]
    ids: frozenset[str]

    @classmethod
    def of(cls, url: str) -> Shape:
        parts = urlsplit(url)
        literal, ids = query_parts(parts.query)
        return cls(path_tokens(parts.path), literal, ids)

    def matches(self, url: str) -> bool:
        other = Shape.of(url)
        if other.path != self.path or other.literal != self.literal:
            return False
        if (other.ids & PAGING_KEYS) - self.ids:
            return False  # page 2 of something is a listing, whatever else it looks like
        # Templates add or drop `catid`, `Itemid`: one shared id key is enough.
        return (not self.ids and not other.ids) or bool(self.ids & other.ids)

    @property
    def has_variable(self) -> bool:
        """An article address names one article: a number, a slug or an id somewhere."""
        return bool(self.ids) or any("<" in token for token in self.path)

    def text(self) -> str:
        """Readable: `/index.php?option=com_content&view=article&id=<n>`."""
        path = "/".join(self.path) or "/"
        pairs = [f"{k}={v}" for k, v in sorted(self.literal)]
        pairs += [f"{k}=<n>" for k in sorted(self.ids)]
        return path + ("?" + "&".join(pairs) if pairs else "")

    def as_json(self) -> dict:
        return {"path": list(self.path), "literal": sorted(self.literal), "ids": sorted(self.ids)}

    @classmethod
    def from_json(cls, data: dict) -> Shape:
        return cls(
            tuple(data["path"]),
            frozenset((str(k), str(v)) for k, v in data.get("literal", [])),
            frozenset(data.get("ids", [])),
        )
