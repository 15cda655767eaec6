"""The extraction record's shape as spec/EXTRACTION.md gives it."""

from __future__ import annotations

# The keys of a record's `event`: the extractor writes them, the simulated articles' truth
# is shaped like them.
EVENT_KEYS = {
    "event_type",
    "date_start",
    "date_end",
    "venue",
    "province",
    "organizer_office",
    "participant_count",
}
