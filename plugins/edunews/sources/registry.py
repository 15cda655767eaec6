"""Sources are entries of a YAML file, not classes: adding a site is adding an entry."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from edunews.config import project_dir

KINDS = ("wordpress",)


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

    def to_dict(self) -> dict:
        """Plain values, for XCom and JSON."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "start_urls": list(self.start_urls),
            "office": dict(self.office),
            "extra_hosts": list(self.extra_hosts),
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
        )

    @property
    def hosts(self) -> set[str]:
        return {urlsplit(u).hostname or "" for u in self.start_urls} | set(self.extra_hosts)


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
    kind = entry.get("kind", "wordpress")
    if kind not in KINDS:
        raise RegistryError(f"{where}: kind {kind!r} is not one of {KINDS}")
    return Source(
        id=str(entry["id"]),
        name=entry.get("name", entry["id"]),
        kind=kind,
        start_urls=tuple(urls),
        office=entry.get("office") or {},
        extra_hosts=tuple(entry.get("extra_hosts") or ()),
    )
