"""The `edunews extract` command's work: JSON Lines in, one record per line out, in order."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .record import EXTRACTOR_VERSION, error_record, extract_article
from .record_types import Record, is_error


@dataclass
class ExtractStats:
    lines: int = 0  # non-blank input lines
    records: int = 0  # records written (one per non-blank line)
    errors: int = 0  # records that are {"id", "error"}

    def line(self) -> str:
        """The command's closing line."""
        return (
            f"extractor {EXTRACTOR_VERSION}: {self.records} record(s) written"
            f" from {self.lines} input line(s), {self.errors} with an error record"
        )


def _record_for_line(line: str) -> Record:
    try:
        article = json.loads(line)
    except json.JSONDecodeError as exc:
        return error_record(None, f"line is not JSON: {exc.msg}")
    return extract_article(article)


def extract_file(input_path: str | Path, output_path: str | Path) -> ExtractStats:
    """Extract every article of `input_path` into `output_path`.

    Bad lines give error records and the run goes on; only an unreadable input (or an
    unwritable output) raises, which the command turns into a non-zero exit code.
    """
    stats = ExtractStats()
    with (
        # Lines end at "\n" only: a stray "\r" (or another line break Python knows) inside a
        # line must not split it into several records.
        open(input_path, encoding="utf-8", errors="replace", newline="\n") as src,
        open(output_path, "w", encoding="utf-8") as out,
    ):
        for line in src:
            if not line.strip():
                continue
            stats.lines += 1
            record = _record_for_line(line)
            if is_error(record):
                stats.errors += 1
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            stats.records += 1
    return stats
