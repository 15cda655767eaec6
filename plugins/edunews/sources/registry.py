"""Sources are entries of a YAML file, not classes: adding a site is adding an entry."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from edunews.config import project_dir
from edunews.crawl.urls import www_twin

KINDS = ("auto", "wordpress", "rss", "sitemap", "html")
# Per-source settings a registry entry may carry (see README, "Sources").
SETTINGS = (
    "listing_url",
    "link_pattern",
    "max_listing_pages",
    "max_discovery_pages",
    "rate_limit",
    "sitemaps",
    "api_root",
    "max_articles",
    "max_minutes",
)
# A run's budget per source, unless its entry says otherwise. 2,000 articles is more than
# any office publishes in a year (the busiest post a few a day), so a nightly increment never
# meets it; only a first crawl or a backlog does, and it resumes the next night. 60 minutes:
# 2,000 pages at the default 1 request a second is ~35 min, with room for discovery and slow
# hosts, while 230 sources at 8 at a time still finish within a night.
DEFAULT_MAX_ARTICLES = 2000
DEFAULT_MAX_MINUTES = 60


class RegistryError(ValueError):
    """The registry file is malformed; the message names the entry and the problem."""


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    kind: str
    start_urls: tuple[str, ...]
    office: dict = field(default_factory=dict)
    extra_hosts: tuple[str, ...] = ()
    settings: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """Plain values, for XCom and JSON."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "start_urls": list(self.start_urls),
            "office": dict(self.office),
            "extra_hosts": list(self.extra_hosts),
            "settings": dict(self.settings),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Source:
        return cls(
            id=data["id"],
            name=data["name"],
            kind=data["kind"],
            start_urls=tuple(data["start_urls"]),
            office=dict(data.get("office") or {}),
            extra_hosts=tuple(data.get("extra_hosts") or ()),
            settings=dict(data.get("settings") or {}),
        )

    @classmethod
    def ad_hoc(cls, url: str, kind: str = "auto", source_id: str | None = None) -> Source:
        """A site that is not in the registry, identified by its host."""
        return cls(id=source_id or urlsplit(url).netloc, name=url, kind=kind, start_urls=(url,))

    @property
    def hosts(self) -> set[str]:
        """Hosts the crawler may fetch from: the start URLs' (with and without `www.`, since
        sites redirect between the two) and the extra ones."""
        hosts = {(urlsplit(u).hostname or "").lower() for u in self.start_urls}
        twins = {twin for h in hosts if (twin := www_twin(h)) is not None}
        return hosts | twins | {h.lower() for h in self.extra_hosts}

    @property
    def sites(self) -> set[str]:
        """`hosts` with the port where a start URL names one: where the source's articles
        may live. A page's identity (its URL, its canonical link) must be on one of these;
        two sites on one host differ by their port."""
        sites = set()
        for url in self.start_urls:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
            default = {"http": 80, "https": 443}.get(parts.scheme)
            port = f":{parts.port}" if parts.port and parts.port != default else ""
            sites |= {name + port for name in (host, www_twin(host)) if name is not None}
        return sites | {h.lower() for h in self.extra_hosts}

    @property
    def max_articles(self) -> int:
        """Articles one run may fetch or take from an API (the rest wait for the next run)."""
        return int(self.settings.get("max_articles") or DEFAULT_MAX_ARTICLES)

    @property
    def max_minutes(self) -> float:
        """Wall-clock minutes one run may spend on the source, discovery included."""
        return float(self.settings.get("max_minutes") or DEFAULT_MAX_MINUTES)


def registry_path() -> Path:
    return Path(os.environ.get("EDUNEWS_SOURCES", project_dir() / "sources.yml"))


def load_sources(path: Path | None = None) -> list[Source]:
    path = path or registry_path()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    sources = [_source(entry, i) for i, entry in enumerate(data.get("sources") or [])]
    ids = [s.id for s in sources]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise RegistryError(f"{path}: duplicate source ids {sorted(duplicates)}")
    return sources


def _source(entry: dict, index: int) -> Source:
    where = f"source #{index + 1} ({entry.get('id', 'no id')})"
    if not isinstance(entry, dict) or not entry.get("id"):
        raise RegistryError(f"{where}: needs an id")
    urls = entry.get("start_urls") or ([entry["url"]] if entry.get("url") else [])
    if not urls:
        raise RegistryError(f"{where}: needs start_urls")
    kind = entry.get("kind", "auto")
    if kind not in KINDS:
        raise RegistryError(f"{where}: kind {kind!r} is not one of {KINDS}")
    _check_settings(entry, where)
    return Source(
        id=str(entry["id"]),
        name=entry.get("name", entry["id"]),
        kind=kind,
        start_urls=tuple(urls),
        office=entry.get("office") or {},
        extra_hosts=tuple(entry.get("extra_hosts") or ()),
        settings={key: entry[key] for key in SETTINGS if entry.get(key) is not None},
    )


def _check_settings(entry: dict, where: str) -> None:
    import re

    if entry.get("link_pattern"):
        try:
            re.compile(entry["link_pattern"])
        except re.error as exc:
            raise RegistryError(
                f"{where}: link_pattern is not a regular expression: {exc}"
            ) from exc
    rate = entry.get("rate_limit")
    if rate is not None and (not isinstance(rate, int | float) or rate <= 0):
        raise RegistryError(f"{where}: rate_limit must be a positive number of requests a second")
    articles = entry.get("max_articles")
    if articles is not None and (
        isinstance(articles, bool) or not isinstance(articles, int) or articles <= 0
    ):
        raise RegistryError(f"{where}: max_articles must be a positive whole number")
    minutes = entry.get("max_minutes")
    if minutes is not None and (
        isinstance(minutes, bool) or not isinstance(minutes, int | float) or minutes <= 0
    ):
        raise RegistryError(f"{where}: max_minutes must be a positive number of minutes")


def largest_budget_minutes(sources: list[Source]) -> float:
    """The longest any source's run may take: what a crawl task's timeout must exceed."""
    return max([DEFAULT_MAX_MINUTES, *(s.max_minutes for s in sources)])


def largest_budget_minutes_in(path: Path | None = None) -> float:
    """largest_budget_minutes of the registry file, without parsing its YAML (~170 ms for 230
    entries) when no entry sets max_minutes: DAG files ask for it every time they are parsed."""
    path = path or registry_path()
    if "max_minutes" not in path.read_text(encoding="utf-8"):
        return float(DEFAULT_MAX_MINUTES)
    return largest_budget_minutes(load_sources(path))
