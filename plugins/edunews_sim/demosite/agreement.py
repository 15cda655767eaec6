"""How far the warehouse agrees with what the demo site's generator wrote."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from edunews.warehouse import connect
from edunews_sim.articles import Article

_EVENTS = """
    select e.source_url, e.title, e.date_start, e.date_end,
           o.office_kind, o.province, o.area_no
    from marts.fct_events e
    left join marts.dim_office o using (office_key)
"""


@dataclass
class Agreement:
    events: int = 0
    unknown_urls: list[str] = field(default_factory=list)
    missing_slugs: list[str] = field(default_factory=list)
    titles_right: int = 0
    dates_right: int = 0
    offices_right: int = 0

    def line(self) -> str:
        return (
            f"{self.events} events: dates right {self.dates_right},"
            f" offices right {self.offices_right}, titles right {self.titles_right};"
            f" {len(self.missing_slugs)} articles missing"
        )


def slug_of(url: str) -> str:
    """The demo site's pretty links end with /slug/."""
    return url.rstrip("/").rsplit("/", 1)[-1]


def marts_agreement(articles: Sequence[Article]) -> Agreement:
    """Compare marts.fct_events (read as the reader role) with the articles' truths;
    notices (no truth) are not events and not counted."""
    by_slug = {article.slug: article for article in articles if article.truth is not None}
    result = Agreement()
    with connect("reader") as conn:
        rows = conn.execute(_EVENTS).fetchall()
    seen = set()
    for url, title, date_start, date_end, kind, province, area_no in rows:
        article = by_slug.get(slug_of(url))
        if article is None:
            result.unknown_urls.append(url)
            continue
        seen.add(article.slug)
        truth = article.truth
        result.events += 1
        result.titles_right += title == article.title
        result.dates_right += (date_start, date_end) == (truth.date_start, truth.date_end)
        office = (truth.office["kind"], truth.office["province"], truth.office["area_no"])
        result.offices_right += (kind, province, area_no) == office
    result.missing_slugs = sorted(set(by_slug) - seen)
    return result
