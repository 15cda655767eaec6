"""The pipeline step: extract every page without a record for the current extractor version.

Incremental by construction: a page is pending while raw.extractions has no row for
(page_id, EXTRACTOR_VERSION); raising the version makes every page pending again, and the
older records stay.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from psycopg.types.json import Jsonb

from edunews.extract.record import EXTRACTOR_VERSION, extract_article
from edunews.extract.record_types import ErrorRecord, Record, is_error
from edunews.thai_calendar import TIMEZONE_NAME
from edunews.warehouse import connect

log = logging.getLogger(__name__)

# The day a page was published on is Bangkok's day: 00:30 there is still yesterday in UTC.
_LOCAL_DAY = f"(p.published_at at time zone '{TIMEZONE_NAME}')::date"
_PENDING = f"""
    select p.page_id, p.title, p.body_text, p.url, {_LOCAL_DAY}
    from raw.pages p
    where p.page_id > %(after)s
      and not exists (select 1 from raw.extractions e
                      where e.page_id = p.page_id and e.extractor_version = %(version)s)
      and (%(sources)s::text[] is null or p.source_id = any(%(sources)s::text[]))
      and (%(published_from)s::date is null
           or {_LOCAL_DAY} >= %(published_from)s::date)
      and (%(published_to)s::date is null
           or {_LOCAL_DAY} <= %(published_to)s::date)
    order by p.page_id
    limit %(limit)s
"""


@dataclass
class ExtractResult:
    version: str
    extracted: int = 0
    errors: int = 0

    def as_dict(self) -> dict:
        """Plain values, for XCom and raw.run_reports."""
        return {"version": self.version, "extracted": self.extracted, "errors": self.errors}

    def line(self) -> str:
        return (
            f"extractor {self.version}: {self.extracted} page(s) extracted,"
            f" {self.errors} with an error record"
        )


def extract_pending(
    batch_size: int = 500,
    source_ids: list[str] | None = None,
    published_from: date | None = None,
    published_to: date | None = None,
) -> ExtractResult:
    """Extract pending pages in batches, one transaction a batch.

    The filters narrow a backfill to some sources or a publishing-date range.
    """
    result = ExtractResult(EXTRACTOR_VERSION)
    after = 0
    filters = {
        "sources": list(source_ids) if source_ids else None,
        "published_from": published_from,
        "published_to": published_to,
    }
    # Autocommit: each batch is a transaction of its own, kept when a later one fails.
    with connect("loader", autocommit=True) as conn:
        while True:
            rows = conn.execute(
                _PENDING,
                {"after": after, "version": EXTRACTOR_VERSION, "limit": batch_size, **filters},
            ).fetchall()
            if not rows:
                break
            records = [
                (page_id, _extract(page_id, title, body, url, published))
                for page_id, title, body, url, published in rows
            ]
            with conn.transaction(), conn.cursor() as cur:
                cur.executemany(
                    "insert into raw.extractions (page_id, extractor_version, record)"
                    " values (%s, %s, %s) on conflict (page_id, extractor_version) do nothing",
                    [(page_id, EXTRACTOR_VERSION, Jsonb(record)) for page_id, record in records],
                )
            result.extracted += len(records)
            result.errors += sum(1 for _, record in records if is_error(record))
            after = rows[-1][0]
    log.info(result.line())
    return result


def _extract(
    page_id: int, title: str | None, body: str | None, url: str, published: date | None
) -> Record:
    article = {
        "id": str(page_id),
        "title": title,
        "text": body or "",
        "url": url,
        "published_at": published.isoformat() if published else None,
    }
    try:
        return extract_article(article)
    except Exception as exc:  # one bad page must not stop the batch
        log.exception("extractor failed on page %s", page_id)
        failed: ErrorRecord = {
            "id": str(page_id),
            "extractor_version": EXTRACTOR_VERSION,
            "error": f"{type(exc).__name__}: {exc}",
        }
        return failed
