"""The code lists and gazetteers shipped in `data/`, read once.

The two code lists are copies of the project's spec (spec/event_types.csv and
spec/initiatives.csv): the extractor must run without the shared folder beside it.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources


@cache
def read_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of data/NAME as dicts (cached: the files never change while running)."""
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return tuple(csv.DictReader(io.StringIO(text)))


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of data/NAME."""
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def split_list(cell: str | None) -> list[str]:
    """The a|b|c lists inside one CSV cell."""
    return [part.strip() for part in (cell or "").split("|") if part.strip()]
