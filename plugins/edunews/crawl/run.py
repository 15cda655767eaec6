"""Crawl one source: discover its articles, fetch what is new or changed, land everything.

Every URL discovered ends in raw.pages or raw.fetch_log with an outcome and a reason, and
every request discovery made is logged too. A run that read all its listings is "complete";
the next run asks only for what changed since a complete run started. Pages this source
already landed are not fetched again unless the site says they changed since (so a run
stopped by its budget, or killed, resumes where it stopped). One run at a time per source
(a PostgreSQL advisory lock); each run within the source's budget of articles and minutes.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

import psycopg

from edunews.crawl import auto, feeds, listing, sitemaps, wordpress
from edunews.crawl.article import parse_article
from edunews.crawl.discovery import Context, Found, ListingFailure
from edunews.crawl.encoding import decode_body
from edunews.crawl.http import FetchError, HttpClient, Response
from edunews.crawl.land import (
    MAX_URL_CHARS,
    FetchedPage,
    Lander,
    LogRow,
    loggable_url,
)
from edunews.crawl.learned import Learned, load_learned, save_learned
from edunews.crawl.outcome import FetchOutcome
from edunews.crawl.state import SourceState, load_state, record_run, source_lock
from edunews.crawl.urls import foreign_host, page_key, without_session
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
# Some sitemaps stamp every URL with the time they were generated: each night every known
# page "changed", and re-fetching them spent the budget before any new page was reached.
# After this many known pages re-fetched on the word of lastmod came back unchanged, with
# none changed, a run stops believing the site's lastmod (the next run believes it again).
LASTMOD_DOUBT_AFTER = 20
# Found URLs settled without a request (other hosts, too long, malformed posts) logged one
# row each, up to this many a run; the rest are counted in the summary, neither logged nor
# remembered. A sitemap index of 200 x 150,000 links elsewhere logged 480,000 rows a minute
# and kept every URL in memory: 30 million rows and gigabytes in a night's 60 minutes.
MAX_REFUSED_LOGGED = 1000
_HTML_TYPES = ("text/html", "application/xhtml+xml", "")


@dataclass
class CrawlSummary:
    source_id: str
    outcomes: Counter[FetchOutcome] = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)  # "outcome: reason" -> count
    new: int = 0
    changed: int = 0
    skipped_known: int = 0  # known URLs an increment did not ask for again
    complete: bool = True
    stopped: str | None = None  # "budget of N articles reached": the rest waits for next run
    skipped: str | None = None  # the run did not crawl at all, and why
    crashed: str | None = None  # the crawl of this source raised: "TypeName: message"

    @property
    def no_articles(self) -> str | None:
        """Why the source yielded no article at all, when it did not."""
        for reason in self.failures:
            if reason.startswith("no_articles: "):
                return reason.removeprefix("no_articles: ").removeprefix("listing failed: ")
        return None

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    def count(self, row: LogRow) -> None:
        self.outcomes[row.settled] += 1
        if row.outcome == FetchOutcome.STORED:
            if row.reason == "new":
                self.new += 1
            else:
                self.changed += 1
        elif row.outcome not in (
            FetchOutcome.UNCHANGED,
            FetchOutcome.NOT_MODIFIED,
            FetchOutcome.LISTED,
        ):
            self.failures[f"{row.outcome}: {row.reason}"] += 1

    def line(self) -> str:
        unchanged = self.outcomes[FetchOutcome.UNCHANGED] + self.outcomes[FetchOutcome.NOT_MODIFIED]
        text = (
            f"{self.source_id}: new {self.new}, changed {self.changed}, unchanged {unchanged},"
            f" failed {self.failed}"
        )
        if self.skipped:
            return f"{self.source_id}: skipped: {self.skipped}"
        if self.crashed:
            return f"{self.source_id}: CRASHED: {self.crashed}"
        if self.stopped:
            text += f" (stopped: {self.stopped})"
        elif self.no_articles:
            text += f" (FAILED: {self.no_articles})"
        elif not self.complete:
            text += " (incomplete: a listing could not be read)"
        return text

    def as_dict(self) -> dict:
        return {
            "source_id": self.source_id,
            # Plain strings: the summary travels as JSON (XCom, raw.crawl_runs.counts).
            "outcomes": {str(outcome): n for outcome, n in self.outcomes.items()},
            "failures": dict(self.failures),
            "new": self.new,
            "changed": self.changed,
            "complete": self.complete,
            "stopped": self.stopped,
            "skipped": self.skipped,
            "crashed": self.crashed,
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
    `max_pages` overrides the source's budget of articles (`max_articles`); its
    `max_minutes` bounds the run's wall clock, discovery included.
    """
    run_id = run_id or new_run_id()
    started = datetime.now(UTC)
    summary = CrawlSummary(source.id)
    client = client or client_for(source, allow_private_network, rate)
    budget = _Budget(
        articles=max_pages if max_pages is not None else source.max_articles,
        minutes=source.max_minutes,
    )
    # Autocommit: each batch the lander writes is a transaction of its own, committed as it
    # lands (without it the run's first select opens a transaction that every batch joins as
    # a savepoint, and a crash anywhere loses the whole run).
    with (
        connect("loader", autocommit=True) as conn,
        source_lock(conn, source.id) as locked,
        # Discovery's requests and the pages' stop at the budget's deadline too.
        client.stopping_at(budget.deadline),
    ):
        if not locked:
            # Two runs landing one source at once land every page twice: the second yields.
            summary.skipped = "another run is crawling this source"
            summary.complete = False
            record_run(conn, run_id, source.id, started, since, False, summary.as_dict())
            # INFO, as every summary line: the caller shows it (the command prints it, and
            # at WARNING the command's logging would show it a second time)
            log.info(summary.line())
            return summary
        state = load_state(conn, source.id)
        learned = load_learned(conn, source.id)  # article shapes and listings found before
        # An explicit date means "look again from then": known pages are asked for again,
        # conditionally; a nightly increment skips those the site does not say changed.
        revisit = since is not None
        if since is None and state.last_complete_start is not None:
            # A margin for the sites' clocks and for posts saved while the last run ran;
            # what it asks again comes back unchanged and is not stored twice.
            since = state.last_complete_start - INCREMENT_OVERLAP
        lander = Lander(
            conn,
            run_id,
            source.id,
            on_landed=summary.count,
            hosts=frozenset(source.sites),
            homes=frozenset(source.start_urls),
        )
        crawl = _SourceCrawl(source, client, state, since, lander, summary, budget, revisit)
        crawl.learned = learned
        crawl.run()
        lander.flush()
        save_learned(conn, source.id, run_id, learned)
        if summary.stopped:
            # Not complete: the next night must not take this run's start as its "since"
            # and skip what was never seen.
            summary.complete = False
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
class _Budget:
    """What one run of a source may spend: articles fetched or taken from an API, minutes."""

    articles: int
    minutes: float
    deadline: float = 0.0  # time.monotonic() when the minutes are up

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.minutes * 60

    def spent(self, articles: int) -> str | None:
        """Why the run must stop now, or None."""
        if articles >= self.articles:
            return f"budget of {self.articles} articles reached"
        return self.out_of_time()

    def out_of_time(self) -> str | None:
        if time.monotonic() >= self.deadline:
            return f"budget of {self.minutes:g} min reached"
        return None


@dataclass
class _SourceCrawl:
    source: Source
    client: HttpClient
    state: SourceState
    since: datetime | None
    lander: Lander
    summary: CrawlSummary
    budget: _Budget
    revisit_known: bool = False
    seen: set[str] = field(default_factory=set)
    articles: int = 0
    lastmod_wrong: int = 0  # known pages lastmod called changed that were not
    lastmod_right: int = 0
    refused: int = 0  # found URLs settled without a request (see MAX_REFUSED_LOGGED)
    learned: Learned = field(default_factory=Learned)

    def run(self) -> None:
        discover = DISCOVERY[self.source.kind]
        for base in self.source.start_urls:
            ctx = Context(
                self.client,
                since=self.since,
                settings={**self.source.settings, "learned": self.learned},
                is_known=self._is_known,
                validators=self.state.validators.get,
            )
            try:
                for item in discover(ctx, base):
                    self._log_listings(ctx)
                    self._take(item)
                    if self._stopped():
                        break
            except Exception as exc:  # noqa: BLE001 (a site we cannot read must not stop the run)
                if isinstance(exc, FetchError) and exc.outcome == FetchOutcome.OVER_BUDGET:
                    self.summary.stopped = self.budget.out_of_time() or exc.reason
                else:
                    log.exception("%s: discovery of %s failed", self.source.id, base)
                    reason = f"discovery failed: {type(exc).__name__}: {exc}"
                    self._take(ListingFailure(base, FetchError(FetchOutcome.PARSE_ERROR, reason)))
            finally:
                self._log_listings(ctx)
            if self._stopped():  # a module may swallow a refused request: ask the clock too
                return
        if not self.seen and not self.state.known and self.summary.complete:
            # A source that never yielded an article is broken, not quiet: say so.
            reason = "discovery found no article; try listing_url or link_pattern in sources.yml"
            self._take(
                ListingFailure(
                    self.source.start_urls[0], FetchError(FetchOutcome.NO_ARTICLES, reason)
                )
            )
        for url in self.state.retry:
            try:
                if page_key(url) not in self.seen:
                    self._take(Found(url))
            except psycopg.Error:
                raise  # the database is gone: no later page could land either
            except Exception as exc:  # noqa: BLE001 (one page must not stop the source)
                log.exception("%s: retrying %s failed", self.source.id, url[:200])
                self.lander.add(LogRow(url, FetchOutcome.PARSE_ERROR, crawler_error(exc)))
            if self._stopped():
                return

    def _stopped(self) -> bool:
        if not self.summary.stopped:
            self.summary.stopped = self.budget.out_of_time()
        return self.summary.stopped is not None

    def _is_known(self, url: str) -> bool:
        return not self.revisit_known and loggable_url(url) in self.state.known

    def _take(self, item: Found | ListingFailure) -> None:
        """Settle one thing discovery yielded: a listing's failure is logged; a found URL
        is taken once, then skipped, refused, or fetched (or taken from the API) and
        landed, within the run's budget."""
        if isinstance(item, ListingFailure):
            self._take_failure(item)
            return
        item, key = _as_taken(item)
        if key in self.seen:
            return
        self.seen.add(key)
        if item.error:  # a post the API gave malformed
            self._refuse(key, LogRow(item.url, FetchOutcome.PARSE_ERROR, item.error))
            return
        if self._unchanged_since_last_run(item):
            self.summary.skipped_known += 1
            return
        refusal = self._refusal(item)
        if refusal is not None:
            self._refuse(key, refusal)
            return
        self.summary.stopped = self.budget.spent(self.articles)
        if self.summary.stopped:
            self.seen.discard(key)  # not taken: the next run takes it
            return
        self._land(item)

    def _take_failure(self, item: ListingFailure) -> None:
        if item.error.outcome == FetchOutcome.OVER_BUDGET or self.budget.out_of_time():
            # A listing refused at the deadline, or a way given up after a refused request
            # ("found no article"): the budget's doing, not the site's; the next run reads it.
            self.summary.stopped = self.budget.out_of_time() or item.error.reason
            return
        self.summary.complete = False
        reason = f"listing failed: {item.error.reason}"
        self.lander.add(LogRow(item.url, item.error.outcome, reason, item.error.status))

    def _refusal(self, item: Found) -> LogRow | None:
        """Why a found URL is settled without a request (never counted in the budget: a
        listing of foreign or absurd links cannot spend a night), or None."""
        if len(item.url) > MAX_URL_CHARS:
            # Logged (shortened) once, settled like any final failure: never fetched.
            reason = f"URL of {len(item.url)} characters: too long for an article's"
            return LogRow(item.url, FetchOutcome.PARSE_ERROR, reason)
        host = foreign_host(item.url, self.source.sites)
        if host is None:
            return None
        # A REST post's address is its identity: elsewhere, not its own.
        if item.article is not None:
            reason = f"REST post link to {host} is outside the source's hosts"
        else:
            reason = f"host {host} is not one of the source's hosts"
        return LogRow(item.url, FetchOutcome.OFF_SITE, reason)

    def _land(self, item: Found) -> None:
        """Fetch the page (or take the API's copy of it) and hand it to the lander."""
        self.articles += 1
        row = _from_api(self.source.id, item) if item.article is not None else self._fetch(item.url)
        self._judge_lastmod(item, row)
        if row.outcome == FetchOutcome.OVER_BUDGET:
            # The deadline passed while the page was due: nothing was fetched, nothing said
            # about the page; the next run asks for it.
            self.articles -= 1
            self.summary.stopped = self.budget.out_of_time() or row.reason
            return
        self.lander.add(row)

    def _refuse(self, key: str, row: LogRow) -> None:
        """Settle a found URL that is never fetched: logged while few, counted after."""
        self.refused += 1
        if self.refused <= MAX_REFUSED_LOGGED:
            self.lander.add(row)
            return
        self.seen.discard(key)  # memory stays flat however many links a listing holds
        self.summary.outcomes[row.settled] += 1
        more = f"{row.outcome}: more found links refused, after {MAX_REFUSED_LOGGED} logged"
        self.summary.failures[more] += 1

    def _unchanged_since_last_run(self, item: Found) -> bool:
        """A page this source landed (or settled) before, which the site does not say changed
        since: with or without a complete run behind it (a killed or budget-stopped run left
        none), it is not asked for again. --since asks for every known page again."""
        if not self._is_known(item.url):
            return False
        checked = self.state.checked.get(loggable_url(item.url))
        if item.lastmod is None or checked is None:
            return True
        # The margin covers the sites' clocks: one extra (conditional) request at most.
        return item.lastmod <= checked - INCREMENT_OVERLAP or self._lastmod_doubted()

    def _lastmod_doubted(self) -> bool:
        return self.lastmod_wrong >= LASTMOD_DOUBT_AFTER and self.lastmod_right == 0

    def _judge_lastmod(self, item: Found, row: LogRow) -> None:
        """Was the site right that this known page changed?"""
        if item.lastmod is None or not self._is_known(item.url):
            return
        newest = self.state.newest_sha.get(loggable_url(item.url))
        if row.outcome == FetchOutcome.NOT_MODIFIED or (
            row.page and row.page.content_sha256 == newest
        ):
            self.lastmod_wrong += 1
            if self._lastmod_doubted() and self.lastmod_wrong == LASTMOD_DOUBT_AFTER:
                log.warning(
                    "%s: %d known pages its lastmod called changed were not: lastmod is not"
                    " believed for the rest of the run",
                    self.source.id,
                    self.lastmod_wrong,
                )
        elif row.page is not None:
            self.lastmod_right += 1

    def _fetch(self, url: str) -> LogRow:
        try:
            return self._fetch_and_read(url)
        except FetchError as exc:
            return LogRow(url, exc.outcome, exc.reason, exc.status)
        except Exception as exc:  # noqa: BLE001 (a crawler bug on one page must not stop the run)
            # The page is settled as failed, with the bug's name, and its neighbours go on;
            # the task log keeps the traceback.
            log.exception("%s: fetching or reading %s failed", self.source.id, url[:200])
            return LogRow(url, FetchOutcome.PARSE_ERROR, crawler_error(exc))

    def _fetch_and_read(self, url: str) -> LogRow:
        resp = self.client.get(url, validators=self.state.validators.get(url))
        validators = resp.validators
        row = LogRow(
            url, None, None, resp.status, resp.elapsed_ms, validators.etag, validators.last_modified
        )
        if resp.not_modified:
            row.outcome, row.reason = (
                FetchOutcome.NOT_MODIFIED,
                "HTTP 304: unchanged since the last fetch",
            )
        elif resp.status != 200:
            row.outcome, row.reason = FetchOutcome.HTTP_ERROR, f"HTTP {resp.status}"
        elif resp.content_type not in _HTML_TYPES:
            row.outcome, row.reason = (
                FetchOutcome.PARSE_ERROR,
                f"not an HTML page ({resp.content_type})",
            )
        else:
            row.page, problem = _page(self.source.id, url, resp)
            if problem:
                row.outcome, row.reason, row.page = FetchOutcome.PARSE_ERROR, problem, None
        return row

    def _log_listings(self, ctx: Context) -> None:
        fetched, ctx.fetched[:] = list(ctx.fetched), []
        for request in fetched:
            self.lander.add(
                LogRow(
                    request.url,
                    FetchOutcome.LISTED,
                    request.reason,
                    request.status,
                    request.elapsed_ms,
                    request.validators.etag,
                    request.validators.last_modified,
                )
            )


def _as_taken(item: Found) -> tuple[Found, str]:
    """The found item as it is fetched, and the key it is taken once by. Every spelling of
    one address is one page (a session id in each link made every visit a new article):
    fetched and stored as the site wrote it, less those. A malformed post's address is its
    listing's and its place there: kept exact."""
    if item.error:
        return item, item.url
    item = replace(item, url=without_session(item.url))
    return item, page_key(item.url)


def crawler_error(exc: BaseException) -> str:
    """The reason logged for a page (or source) an unexpected exception failed."""
    return f"crawler error: {type(exc).__name__}: {exc}"[:300]


def crawl_error_summary(source_id: str, exc: BaseException) -> CrawlSummary:
    """The summary of a source whose crawl raised: failed, incomplete, with the reason."""
    summary = CrawlSummary(source_id, complete=False, crashed=f"{type(exc).__name__}: {exc}"[:300])
    summary.failures[f"crashed: {crawler_error(exc)}"] += 1
    return summary


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
        return LogRow(item.url, FetchOutcome.PARSE_ERROR, "the API gave a post without text")
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
    return LogRow(item.url, None, "from the REST API", 200, page=page)
