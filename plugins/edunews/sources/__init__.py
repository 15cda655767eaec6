"""The source registry: which sites to crawl, as data."""

from edunews.sources.registry import Source, load_sources

__all__ = ["Source", "load_sources"]
