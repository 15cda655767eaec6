"""`edunews sources probe URL`: what `auto` finds on a site, before it is added.

The way it chose (WordPress REST, a feed, a sitemap, or exploring), the listing pages and
the article URL shape it learned, five sample articles with their titles and dates, the
requests made and the time taken, and the `sources.yml` entry to add. Read-only: nothing
lands anywhere, no database is needed.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

import yaml

from edunews.crawl import auto
from edunews.crawl.article import parse_article
from edunews.crawl.discovery import Context, Found, ListingFailure
from edunews.crawl.encoding import decode_body
from edunews.crawl.http import FetchError, HttpClient
from edunews.crawl.learned import Learned
from edunews.crawl.outcome import FetchOutcome
from edunews.sources.registry import Source

MAX_ARTICLES = 2000  # a probe counts what it finds, up to this
MAX_SECONDS = 300.0  # a probe's time budget: a site that trickles or never ends stops here
SAMPLES = 5


@dataclass
class Sample:
    url: str
    title: str
    published: str | None


@dataclass
class ProbeResult:
    url: str
    way: str | None
    articles: int
    listings: list[str] = field(default_factory=list)
    shapes: list[str] = field(default_factory=list)
    samples: list[Sample] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # sample pages the reader broke on
    requests: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.articles > 0

    def entry(self) -> dict:
        """The registry entry for this site (id and name to be edited by the operator)."""
        host = urlsplit(self.url).hostname or "site"
        entry: dict = {
            "id": host.removeprefix("www.").split(".")[0],
            "name": host,
            "kind": "auto",
            "start_urls": [self.url],
        }
        if not self.ok:
            entry["listing_url"] = "TODO: the page that lists the news"
        return entry

    def as_dict(self) -> dict:
        data = asdict(self)
        data["ok"] = self.ok
        data["entry"] = self.entry()
        return data

    def text(self) -> str:
        lines = [f"{self.url}: way {self.way or 'none'}, {self.articles} article(s) found"]
        if self.shapes:
            lines.append("article shape: " + " | ".join(self.shapes))
        if self.listings:
            lines.append("listing pages:")
            lines += [f"  {url}" for url in self.listings]
        if self.samples:
            lines.append("sample articles:")
            lines += [
                f"  {s.published or '(no date)'}  {s.title}\n    {s.url}" for s in self.samples
            ]
        lines += [f"FAILED: {reason}" for reason in self.failures]
        lines += [f"unreadable page: {page}" for page in self.unreadable]
        lines.append(f"{self.requests} request(s) in {self.seconds:.1f} s")
        lines.append("sources.yml entry:")
        listing = yaml.safe_dump([self.entry()], allow_unicode=True, sort_keys=False)
        lines += ["  " + line for line in listing.rstrip().splitlines()]
        return "\n".join(lines)


def probe(
    url: str,
    allow_private_network: bool = False,
    client: HttpClient | None = None,
    max_discovery_pages: int | None = None,
    rate: float = 1.0,
    max_seconds: float = MAX_SECONDS,
) -> ProbeResult:
    """What `auto` finds under `url`; `rate` in requests a second (polite by default),
    within `max_seconds` (what was found by then is the answer, with the reason)."""
    client = client or probe_client(url, allow_private_network, rate)
    with client.stopping_at(time.monotonic() + max_seconds):
        return _probe(url, client, max_discovery_pages)


def probe_client(url: str, allow_private_network: bool = False, rate: float = 1.0) -> HttpClient:
    """The client a crawl of this site would use: its hosts as the registry sees them (the
    www twin too: sites redirect between the two)."""
    return HttpClient(
        allowed_hosts=Source.ad_hoc(url).hosts,
        allow_private_network=allow_private_network,
        interval=1.0 / rate if rate > 0 else 0.0,
    )


def _probe(url: str, client: HttpClient, max_discovery_pages: int | None) -> ProbeResult:
    learned = Learned()
    settings: dict = {"learned": learned}
    if max_discovery_pages:
        settings["max_discovery_pages"] = max_discovery_pages
    ctx = Context(client, settings=settings)
    started = time.monotonic()
    found: list[Found] = []
    failures: list[str] = []
    requests = 0
    try:
        for item in auto.discover(ctx, url):
            if isinstance(item, ListingFailure):
                failures.append(f"{item.error.outcome}: {item.error.reason}")
            elif item.url not in {f.url for f in found[-1:]}:
                found.append(item)
            requests += len(ctx.fetched)
            ctx.fetched.clear()
            if len(found) >= MAX_ARTICLES:
                break
    except FetchError as exc:  # the time budget ran out: what was found so far stands
        failures.append(f"{exc.outcome}: {exc.reason}")
    requests += len(ctx.fetched)
    samples = [Sample(u, t, p) for u, t, p in learned.samples[:SAMPLES]]
    unreadable: list[str] = []
    requests += _more_samples(client, found, samples, unreadable)
    unique = list(dict.fromkeys(f.url for f in found))
    return ProbeResult(
        url=url,
        way=learned.way if unique else None,
        articles=len(unique),
        listings=list(learned.listings),
        shapes=[shape.text() for shape in learned.shapes],
        samples=samples,
        # A failed way that another way made up for is no failure of the site; a probe cut
        # short by its budget says so either way.
        failures=[f for f in failures if f.startswith(FetchOutcome.OVER_BUDGET)]
        if unique
        else failures,
        unreadable=unreadable,
        requests=requests,
        seconds=time.monotonic() - started,
    )


def _more_samples(
    client: HttpClient, found: list[Found], samples: list[Sample], unreadable: list[str]
) -> int:
    """Fill the samples up to five: from the API's articles, else by reading pages."""
    requests = 0
    have = {s.url for s in samples}
    for item in found:
        if len(samples) >= SAMPLES:
            break
        if item.url in have:
            continue
        have.add(item.url)
        article = item.article
        if article is None:
            try:
                resp = client.get(item.url)
            except FetchError:
                continue
            requests += 1
            if resp.status != 200:
                continue
            try:
                html = decode_body(resp.body, resp.headers.get("Content-Type"))[0]
                article = parse_article(html, resp.url)
            except Exception as exc:  # noqa: BLE001 (one page the reader breaks on is a sample's loss)
                unreadable.append(f"{item.url}: {type(exc).__name__}")
                continue
        published = article.published_at.date().isoformat() if article.published_at else None
        samples.append(Sample(item.url, article.title, published))
    return requests
