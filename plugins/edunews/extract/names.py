"""Thai given and family names: pythainlp's offline word lists (12,222 given, 9,836 family).

They decide what the shapes of a name cannot: whether the word after a given name is a
family name or a verb that happens to start like a clause word ("นำพา", "ร่วมสุข",
"เข้ารัมย์" are family names), and whether two words with no honorific are a person.
Words that are also everyday words or titles (ประธาน, พร้อม, ศึกษา ...) are left out: the
lists hold them, running text uses them otherwise.
"""

from __future__ import annotations

from functools import cache

from .data_files import read_lines

_MIN_LENGTH = 3


@cache
def _common_words() -> frozenset[str]:
    return frozenset(read_lines("name_stopwords.txt"))


def _clean(names: frozenset[str]) -> frozenset[str]:
    common = _common_words()
    return frozenset(n for n in names if len(n) >= _MIN_LENGTH and n not in common)


@cache
def family_names() -> frozenset[str]:
    """Family names of pythainlp, without everyday words."""
    from pythainlp.corpus import thai_family_names  # imported late: a second of start-up

    return _clean(thai_family_names())


@cache
def given_names() -> frozenset[str]:
    """Male and female given names of pythainlp, without everyday words."""
    from pythainlp.corpus import thai_female_names, thai_male_names

    return _clean(thai_male_names() | thai_female_names())


def is_family_name(word: str) -> bool:
    return word in family_names()


def is_given_name(word: str) -> bool:
    return word in given_names()
