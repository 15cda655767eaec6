"""Every kind of test site by name, as the bench's farm and the command line build them."""

from __future__ import annotations

import functools
from collections.abc import Callable

from edunews_sim.articles import load_articles
from edunews_sim.server import Site
from edunews_sim.testsites.farm_faulty import FaultySite
from edunews_sim.testsites.joomla import CATEGORY, JoomlaSite
from edunews_sim.testsites.plain import FeedSite, SitemapSite
from edunews_sim.testsites.shapes_common import ZOO, ZooSite
from edunews_sim.testsites.shapes_unseen import ZOO2
from edunews_sim.testsites.wordpress import WordPressSite, YearlyInstalls


def _zoo(name: str, articles) -> Site:
    return ZooSite(ZOO[name](), articles)


def _yearly(articles) -> Site:
    half = len(articles) // 2
    return YearlyInstalls(
        {
            "/2563/": WordPressSite(articles[:half], prefix="/2563/"),
            "/2567/": WordPressSite(articles[half:], prefix="/2567/", links="plain"),
        }
    )


KINDS: dict[str, Callable[[list], Site]] = {
    "wordpress": WordPressSite,
    "wordpress-plain": lambda a: WordPressSite(a, links="plain"),
    "wordpress-yearly": _yearly,
    "rss": FeedSite,
    "atom": lambda a: FeedSite(a, atom=True),
    "sitemap": SitemapSite,
    "joomla": JoomlaSite,
    "faulty": FaultySite,
}
# The zoos' shapes of office sites nobody described (`zoo-joomla15`, `zoo2-maxsite` ...),
# to try `edunews crawl --url` and `edunews sources probe` on by hand.
KINDS.update({f"zoo-{name}": functools.partial(_zoo, name) for name in ZOO})
KINDS.update({f"zoo2-{name}": shape for name, shape in ZOO2.items()})

# How a registry entry for each kind looks (start paths relative to the site's root).
REGISTRY = {
    "wordpress": {"kind": "auto", "paths": ["/"]},
    "wordpress-plain": {"kind": "auto", "paths": ["/"]},
    "wordpress-yearly": {"kind": "auto", "paths": ["/2563/", "/2567/"]},
    "rss": {"kind": "auto", "paths": ["/"]},
    "atom": {"kind": "rss", "paths": ["/rss.php"]},
    "sitemap": {"kind": "auto", "paths": ["/"]},
    "joomla": {
        "kind": "html",
        "paths": ["/"],
        "settings": {"listing_url": "/" + CATEGORY, "link_pattern": "view=article"},
    },
    "faulty": {"kind": "sitemap", "paths": ["/"]},
}


def build_site(kind: str, articles: int, offset: int = 0) -> Site:
    return KINDS[kind](load_articles(articles, offset=offset))
