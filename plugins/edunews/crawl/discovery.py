"""What every discovery module yields, and the context it works in.

A discovery module turns a site's base URL into article URLs (`Found`), sometimes with the
article itself when an API gave it (WordPress REST), and reports listings it could not read
(`ListingFailure`): the run then counts as incomplete and the next one looks again.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from datetime import datetime

from edunews.crawl.article import Article
from edunews.crawl.http import FetchError, HttpClient, Response, Validators
from edunews.crawl.outcome import FetchOutcome


@dataclass(frozen=True)
class Found:
    url: str
    lastmod: datetime | None = None  # the site's own "last changed", when it says
    article: Article | None = None  # given by an API: no need to fetch the page
    html: str | None = None  # the API's rendered content, kept as the page's html
    # Why this item cannot be taken (a malformed REST post): logged as parse_error, not fetched.
    error: str | None = None


@dataclass(frozen=True)
class ListingFailure:
    url: str
    error: FetchError


@dataclass(frozen=True)
class ListingFetch:
    """One request discovery made, for raw.fetch_log."""

    url: str
    status: int | None
    elapsed_ms: int | None
    reason: str
    validators: Validators


@dataclass
class Context:
    client: HttpClient
    since: datetime | None = None  # only what is new or changed since then (None: all)
    settings: dict = field(default_factory=dict)
    is_known: Callable[[str], bool] = lambda url: False
    validators: Callable[[str], Validators | None] = lambda url: None
    fetched: list[ListingFetch] = field(default_factory=list)

    def fetch(
        self, url: str, params: dict | None = None, why: str = "listing", conditional: bool = True
    ) -> Response:
        """A discovery request, logged; conditional when the URL was seen before, unless the
        caller needs the body whatever happens (a home page to read links from)."""
        full_url = _with_params(url, params)
        validators = self.validators(full_url) if conditional else None
        # The client joins the params itself: a URL it cannot read becomes a FetchError there.
        resp = self.client.get(url, params=params or None, validators=validators)
        reason = f"{why}: HTTP {resp.status}" + (" (not modified)" if resp.not_modified else "")
        self.fetched.append(
            ListingFetch(full_url, resp.status, resp.elapsed_ms, reason, resp.validators)
        )
        return resp


def fetch_listing(
    ctx: Context, url: str, why: str, name: str
) -> Generator[ListingFailure, None, Response | None]:
    """A listing's page (a feed, a page of an HTML listing), asked for conditionally:
    `resp = yield from fetch_listing(...)` is the response when it answered 200, else None,
    having yielded the failure to report ("`name` answered HTTP 404"); None and nothing
    yielded when it is unchanged since the last fetch. `why` is the request's, as logged."""
    try:
        resp = ctx.fetch(url, why=why)
    except FetchError as exc:
        yield ListingFailure(url, exc)
        return None
    if resp.not_modified:
        return None
    if resp.status != 200:
        reason = f"{name} answered HTTP {resp.status}"
        yield ListingFailure(url, FetchError(FetchOutcome.HTTP_ERROR, reason, resp.status))
        return None
    return resp


def _with_params(url: str, params: dict | None) -> str:
    """The URL with its query, for the log and the validators; `url` as it is when a
    hostile site's link cannot carry one (the client refuses it with a FetchError)."""
    if not params:
        return url
    import requests

    try:
        return requests.Request("GET", url, params=params).prepare().url or url
    except (requests.RequestException, ValueError):
        return url


def looks_like_xml_or_json(resp: Response) -> bool:
    return resp.status == 200 and bool(resp.body.strip())
