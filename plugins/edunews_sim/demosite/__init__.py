"""A generated WordPress-like news site of Thai education offices, served on loopback.

Used by `make demo`, the end-to-end tests and the crawler tests. The articles are
synthetic (templates + gazetteers), and each carries the truth of what it states.
"""

from __future__ import annotations

import contextlib
import threading

from edunews_sim.articles import Article, ArticleTruth, Person
from edunews_sim.demosite.generator import generate_articles
from edunews_sim.demosite.site import DemoSite

__all__ = ["ArticleTruth", "Article", "DemoSite", "Person", "generate_articles", "serve"]


def serve(articles: int, port: int, host: str = "127.0.0.1", seed: int = 2567) -> None:
    """Serve `articles` generated articles on host:port until Ctrl-C."""
    with DemoSite(generate_articles(articles, seed=seed), host=host, port=port) as site:
        print(f"demo site with {articles} articles (seed {seed}) at {site.url}", flush=True)
        print("press Ctrl-C to stop", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            _wait_forever()


def _wait_forever() -> None:
    threading.Event().wait()
