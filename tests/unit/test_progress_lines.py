"""One line per stage: the finished line only when not on a terminal; on one, the line is
redrawn in place (never wider than 80 columns) and ends as the finished line."""

from __future__ import annotations

import io
import time

import pytest

from edunews.progress import StageFailed, _duration, stage


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_off_a_terminal_only_the_finished_line():
    out = io.StringIO()
    with stage("crawl", progress=lambda: "3 pages landed", out=out, interval=0.01) as step:
        time.sleep(0.05)
        step.result = "43 pages landed (43 new, 0 changed)"
    assert out.getvalue() == (
        f"  crawl     {'43 pages landed (43 new, 0 changed)':<52}        0 s\n"
    )


def test_on_a_terminal_the_line_counts_up_in_place():
    out = Terminal()
    seen = iter(range(1, 1000))
    with stage("extract", progress=lambda: f"{next(seen)} records" + " x" * 40, out=out,
               interval=0.01):  # fmt: skip
        time.sleep(0.2)
    text = out.getvalue()
    assert text.count("\n") == 1 and text.endswith(" s\n")
    *redraws, finished = text.split("\r\033[K")[1:]
    assert len(redraws) >= 3
    assert all(len(line) < 80 for line in redraws), redraws
    assert finished.startswith("  extract   ") and finished.endswith(" s\n")
    assert "1 records" in redraws[0]


def test_a_failing_stage_prints_its_reason_and_goes_on_up():
    out = io.StringIO()
    with pytest.raises(StageFailed), stage("dbt", out=out):
        raise StageFailed("edunews_transform: task dbt.fct_events_model_build failed")
    assert out.getvalue().startswith(
        "  dbt       FAILED: edunews_transform: task dbt.fct_events_model_build failed"
    )
    assert out.getvalue().count("\n") == 1


@pytest.mark.parametrize(
    ("seconds", "shown"), [(0.4, "0 s"), (59.7, "59 s"), (60, "1 min 00 s"), (419.9, "6 min 59 s")]
)
def test_durations(seconds, shown):
    assert _duration(seconds) == shown
