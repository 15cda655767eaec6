"""One line per stage of a long command: its name, what it has done so far, its time.

On a terminal the line is redrawn about once a second while the stage runs; anywhere else
(a pipe, a file, a test) only the finished line is written, so the output is the same
short list of stages either way.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO


class StageFailed(RuntimeError):
    """A stage that could not finish: the message is the one-line reason."""


@dataclass
class Stage:
    name: str
    out: TextIO
    progress: Callable[[], str] | None = None
    started: float = field(default_factory=time.monotonic)
    result: str | None = None

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def line(self, text: str) -> str:
        return f"  {self.name:<{NAME}}{text:<{TEXT}} {_duration(self.elapsed()):>10}"


# Under 80 columns in all: a redrawn line that wraps cannot be redrawn in place.
NAME, TEXT = 10, 52


def _duration(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole} s" if whole < 60 else f"{whole // 60} min {whole % 60:02d} s"


def _safe(progress: Callable[[], str] | None) -> str:
    if progress is None:
        return ""
    try:
        return progress()
    except Exception:  # noqa: BLE001 (a progress figure that cannot be read is no failure)
        return ""


@contextmanager
def stage(
    name: str,
    progress: Callable[[], str] | None = None,
    out: TextIO | None = None,
    interval: float = 1.0,
) -> Iterator[Stage]:
    """Run the body as stage `name`; set `.result` to the finished line's text (else the
    last progress is shown). A StageFailed raised in the body prints the stage as failed
    with its reason, and goes on up."""
    out = out or sys.stdout
    current = Stage(name, out, progress)
    live = out.isatty()
    stop = threading.Event()

    def redraw() -> None:
        while not stop.wait(interval):
            text = (_safe(progress) or "...")[:TEXT]
            out.write("\r\033[K" + current.line(text))
            out.flush()

    ticker = threading.Thread(target=redraw, daemon=True) if live else None
    if ticker:
        ticker.start()
    try:
        yield current
    except StageFailed as exc:
        _finish(current, stop, ticker, f"FAILED: {exc}")
        raise
    except BaseException:
        _finish(current, stop, ticker, "FAILED (see below)")
        raise
    _finish(current, stop, ticker, current.result or _safe(progress))


def _finish(current: Stage, stop: threading.Event, ticker: threading.Thread | None, text: str):
    stop.set()
    if ticker:
        ticker.join()
        current.out.write("\r\033[K")
    current.out.write(current.line(text).rstrip() + "\n")
    current.out.flush()
