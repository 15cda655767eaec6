"""Crawling many sources at once, and the run's totals: what `edunews crawl` prints.

Sources run in a small thread pool; politeness does not suffer, since the rate limit is
per host and shared by all threads.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime

from edunews.crawl.outcome import FetchOutcome
from edunews.crawl.run import CrawlSummary, crawl_error_summary, crawl_source, new_run_id
from edunews.sources import Source

log = logging.getLogger(__name__)


@dataclass
class RunTotals:
    sources: int = 0
    incomplete: list[str] = field(default_factory=list)
    stopped: list[str] = field(default_factory=list)  # "source: budget of N articles reached"
    skipped: list[str] = field(default_factory=list)  # another run was crawling them
    crashed: list[str] = field(default_factory=list)  # "source (TypeName: message)"
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failures: Counter = field(default_factory=Counter)  # "outcome: reason" -> count

    def add(self, summary: CrawlSummary) -> None:
        self.sources += 1
        self.new += summary.new
        self.changed += summary.changed
        self.unchanged += (
            summary.outcomes[FetchOutcome.UNCHANGED] + summary.outcomes[FetchOutcome.NOT_MODIFIED]
        )
        self.failures.update(summary.failures)
        if summary.crashed:
            self.crashed.append(f"{summary.source_id} ({summary.crashed})")
        elif summary.skipped:
            self.skipped.append(summary.source_id)
        elif summary.stopped:
            self.stopped.append(f"{summary.source_id} ({summary.stopped})")
        elif not summary.complete:
            self.incomplete.append(summary.source_id)

    def lines(self, top: int = 15) -> list[str]:
        failed = sum(self.failures.values())
        lines = [
            f"{self.sources} source(s): new {self.new}, changed {self.changed},"
            f" unchanged {self.unchanged}, failed {failed}"
        ]
        if self.failures:
            lines.append("failed by reason:")
            for reason, count in self.failures.most_common(top):
                lines.append(f"  {count:6d}  {reason}")
            if len(self.failures) > top:
                lines.append(f"  ... and {len(self.failures) - top} more reasons (raw.fetch_log)")
        if self.crashed:
            lines.append("FAILED, the crawler raised (see the log): " + ", ".join(self.crashed))
        if self.incomplete:
            why = "a listing could not be read, or no article found"
            lines.append(f"incomplete ({why}): " + ", ".join(self.incomplete))
        if self.stopped:
            lines.append("stopped by their budget, to resume next run: " + ", ".join(self.stopped))
        if self.skipped:
            lines.append("skipped, another run was crawling them: " + ", ".join(self.skipped))
        return lines


def crawl_sources(
    sources: Iterable[Source],
    workers: int = 4,
    on_done: Callable[[CrawlSummary], None] | None = None,
    **options,
) -> RunTotals:
    """Crawl each source (options as for `crawl_source`), one run id for all of them."""
    totals = RunTotals()
    run_id = options.pop("run_id", None) or new_run_id()
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(crawl_source, s, run_id=run_id, **options): s for s in sources}
        for future in as_completed(futures):
            try:
                summary = future.result()
            except Exception as exc:  # noqa: BLE001 (one source's crash must not lose the others')
                source = futures[future]
                log.error("%s: the crawl raised", source.id, exc_info=exc)
                summary = crawl_error_summary(source.id, exc)
            totals.add(summary)
            if on_done:
                on_done(summary)
    return totals


def parse_since(text: str | None) -> datetime | None:
    """YYYY-MM-DD, taken as midnight in Bangkok (the sites' time)."""
    if not text:
        return None
    from edunews.crawl.published import at_bangkok_midnight

    return at_bangkok_midnight(datetime.strptime(text, "%Y-%m-%d").date())
