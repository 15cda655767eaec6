"""Local web sites for the crawler's tests and benchmark, served on 127.0.0.1, port 0.

Each site is a plain object answering `handle(request) -> Reply`; `serve(site)` runs it.
They imitate what real education-office sites do: WordPress (pretty links, `?p=N`,
`?rest_route=`, one install per year), feed-only and sitemap-only sites, a Joomla-like
listing in windows-874, and a faulty site that does everything wrong.
"""

from edunews_sim.articles import Article, load_articles
from edunews_sim.server import Reply, Request, serve

__all__ = ["Reply", "Request", "Article", "load_articles", "serve"]
