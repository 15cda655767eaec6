"""Crawl one source: discover its articles, fetch what is new or changed, land everything.

Every URL discovered ends in raw.pages or raw.fetch_log with an outcome and a reason, and
every request discovery made is logged too. A run that read all its listings is "complete";
the next run asks only for what changed since a complete run started.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from edunews.crawl import auto, feeds, listing, sitemaps, wordpress
from edunews.crawl.article import parse_article
from edunews.crawl.discovery import Context, Found, ListingFailure
from edunews.crawl.encoding import decode_body
from edunews.crawl.http import FetchError, HttpClient, Response
from edunews.crawl.land import FetchedPage, Lander, LogRow
from edunews.crawl.state import SourceState, load_state, record_run
from edunews.sources import Source
from edunews.warehouse import connect

log = logging.getLogger(__name__)

DISCOVERY = {
    "auto": auto.discover,
    "wordpress": wordpress.discover,
    "rss": feeds.discover,
    "sitemap": sitemaps.discover,
    "html": listing.discover,
}
INCREMENT_OVERLAP = timedelta(hours=1)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "")


@dataclass
class CrawlSummary:
    source_id: str
    outcomes: Counter = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)  # "outcome: reason" -> count
    new: int = 0
    changed: int = 0
    skipped_known: int = 0  # known URLs an increment did not ask for again
    complete: bool = True

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    def count(self, row: LogRow) -> None:
        self.outcomes[row.outcome] += 1
        if row.outcome == "stored":
            if row.reason == "new":
                self.new += 1
            else:
                self.changed += 1
        elif row.outcome not in ("unchanged", "not_modified", "listed"):
            self.failures[f"{row.outcome}: {row.reason}"] += 1

    def line(self) -> str:
        unchanged = self.outcomes["unchanged"] + self.outcomes["not_modified"]
        text = (
            f"{self.source_id}: new {self.new}, changed {self.changed}, unchanged {unchanged},"
            f" failed {self.failed}"
        )
        if not self.complete:
            text += " (incomplete: a listing could not be read)"
        return text

    def as_dict(self) -> dict:
        return {
            "source_id": self.source_id,
            "outcomes": dict(self.outcomes),
            "failures": dict(self.failures),
            "new": self.new,
            "changed": self.changed,
            "complete": self.complete,
        }


def new_run_id() -> str:
    return "manual__" + datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")


def crawl_source(
    source: Source,
    run_id: str | None = None,
    max_pages: int | None = None,
    allow_private_network: bool = False,
    since: datetime | None = None,
    client: HttpClient | None = None,
    rate: float | None = None,
) -> CrawlSummary:
    """Crawl `source` into raw: an increment since its last complete run, or since `since`.

    `rate` (requests a second per host) overrides the source's; `client` replaces the HTTP
    client its settings give altogether (timeouts, retries: tests use short ones).
    """
    run_id = run_id or new_run_id()
    started = datetime.now(UTC)
    summary = CrawlSummary(source.id)
    client = client or client_for(source, allow_private_network, rate)
    # Autocommit: each batch the lander writes is a transaction of its own, committed as it
    # lands (without it the run's first select opens a transaction that every batch joins as
    # a savepoint, and a crash anywhere loses the whole run).
    with connect("loader", autocommit=True) as conn:
        state = load_state(conn, source.id)
        # An explicit date means "look again from then": known pages are asked for again,
        # conditionally; a nightly increment skips those the site does not say changed.
        revisit = since is not None
        if since is None and state.last_complete_start is not None:
            # A margin for the sites' clocks and for posts saved while the last run ran;
            # what it asks again comes back unchanged and is not stored twice.
            since = state.last_complete_start - INCREMENT_OVERLAP
        lander = Lander(conn, run_id, source.id, on_landed=summary.count)
        crawl = _SourceCrawl(source, client, state, since, lander, summary, max_pages, revisit)
        crawl.run()
        lander.flush()
        record_run(conn, run_id, source.id, started, since, summary.complete, summary.as_dict())
    log.info(summary.line())
    return summary


def client_for(
    source: Source, allow_private_network: bool = False, rate: float | None = None
) -> HttpClient:
    rate = float(rate or source.settings.get("rate_limit") or 1.0)  # requests a second
    return HttpClient(
        allowed_hosts=source.hosts,
        allow_private_network=allow_private_network,
        interval=1.0 / rate if rate > 0 else 0.0,
    )


def crawl_url(
    url: str,
    source_id: str | None = None,
    kind: str = "auto",
    max_pages: int | None = None,
    allow_private_network: bool = False,
    since: datetime | None = None,
) -> CrawlSummary:
    """An ad-hoc crawl of one site that is not in the registry."""
    source = Source.ad_hoc(url, kind=kind, source_id=source_id)
    return crawl_source(
        source, max_pages=max_pages, allow_private_network=allow_private_network, since=since
    )


@dataclass
class _SourceCrawl:
    source: Source
    client: HttpClient
    state: SourceState
    since: datetime | None
    lander: Lander
    summary: CrawlSummary
    max_pages: int | None
    revisit_known: bool = False
    seen: set[str] = field(default_factory=set)
    articles: int = 0

    def run(self) -> None:
        discover = DISCOVERY[self.source.kind]
        for base in self.source.start_urls:
            ctx = Context(
                self.client,
                since=self.since,
                settings=self.source.settings,
                is_known=self._is_known,
                validators=self.state.validators.get,
            )
            try:
                for item in discover(ctx, base):
                    self._log_listings(ctx)
                    if self._full():
                        break
                    self._take(item)
            except Exception as exc:  # noqa: BLE001 (a site we cannot read must not stop the run)
                log.exception("%s: discovery of %s failed", self.source.id, base)
                error = FetchError("parse_error", f"discovery failed: {type(exc).__name__}: {exc}")
                self._take(ListingFailure(base, error))
            finally:
                self._log_listings(ctx)
        for url in self.state.retry:
            if self._full():
                break
            if url not in self.seen:
                self._take(Found(url))

    def _is_known(self, url: str) -> bool:
        return not self.revisit_known and url in self.state.known

    def _full(self) -> bool:
        return self.max_pages is not None and self.articles >= self.max_pages

    def _take(self, item: Found | ListingFailure) -> None:
        if isinstance(item, ListingFailure):
            self.summary.complete = False
            self.lander.add(
                LogRow(
                    item.url,
                    item.error.outcome,
                    f"listing failed: {item.error.reason}",
                    item.error.status,
                )
            )
            return
        if item.url in self.seen:
            return
        self.seen.add(item.url)
        if item.article is not None:
            self.articles += 1
            self.lander.add(_from_api(self.source.id, item))
            return
        if self._unchanged_since_last_run(item):
            self.summary.skipped_known += 1
            return
        self.articles += 1
        self.lander.add(self._fetch(item.url))

    def _unchanged_since_last_run(self, item: Found) -> bool:
        if not self.since or not self._is_known(item.url):
            return False
        return item.lastmod is None or item.lastmod <= self.since

    def _fetch(self, url: str) -> LogRow:
        try:
            resp = self.client.get(url, validators=self.state.validators.get(url))
        except FetchError as exc:
            return LogRow(url, exc.outcome, exc.reason, exc.status)
        validators = resp.validators
        row = LogRow(
            url, "", None, resp.status, resp.elapsed_ms, validators.etag, validators.last_modified
        )
        if resp.not_modified:
            row.outcome, row.reason = "not_modified", "HTTP 304: unchanged since the last fetch"
        elif resp.status != 200:
            row.outcome, row.reason = "http_error", f"HTTP {resp.status}"
        elif resp.content_type not in _HTML_TYPES:
            row.outcome, row.reason = "parse_error", f"not an HTML page ({resp.content_type})"
        else:
            row.page, problem = _page(self.source.id, url, resp)
            if problem:
                row.outcome, row.reason, row.page = "parse_error", problem, None
        return row

    def _log_listings(self, ctx: Context) -> None:
        fetched, ctx.fetched[:] = list(ctx.fetched), []
        for request in fetched:
            self.lander.add(
                LogRow(
                    request.url,
                    "listed",
                    request.reason,
                    request.status,
                    request.elapsed_ms,
                    request.validators.etag,
                    request.validators.last_modified,
                )
            )


def _page(source_id: str, url: str, resp: Response) -> tuple[FetchedPage | None, str | None]:
    """The page to store, or why there is none."""
    if not resp.body.strip():
        return None, "empty page"
    html, charset = decode_body(resp.body, resp.headers.get("Content-Type"))
    try:
        article = parse_article(html, resp.url)
    except Exception as exc:  # noqa: BLE001 (one broken page must not stop the source)
        return None, f"page could not be parsed: {type(exc).__name__}: {exc}"[:300]
    if not article.body_text:
        return None, "no article text found on the page"
    validators = resp.validators
    return FetchedPage(
        source_id=source_id,
        url=url,
        canonical_url=article.canonical_url,
        http_status=resp.status,
        charset=charset,
        html=html,
        title=article.title,
        body_text=article.body_text,
        published_at=article.published_at,
        etag=validators.etag,
        last_modified=validators.last_modified,
    ), None


def _from_api(source_id: str, item: Found) -> LogRow:
    article = item.article
    assert article is not None
    if not article.body_text:
        return LogRow(item.url, "parse_error", "the API gave a post without text")
    page = FetchedPage(
        source_id=source_id,
        url=item.url,
        canonical_url=article.canonical_url,
        http_status=200,
        charset="utf-8",
        html=item.html or "",
        title=article.title,
        body_text=article.body_text,
        published_at=article.published_at,
        etag=None,
        last_modified=None,
    )
    return LogRow(item.url, "", "from the REST API", 200, page=page)
