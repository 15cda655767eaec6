"""The source registry: entries are data, malformed entries are named in the error."""

from __future__ import annotations

import pytest

from edunews.sources import Source, load_sources
from edunews.sources.registry import RegistryError


def write(tmp_path, text: str):
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_entries(tmp_path):
    path = write(
        tmp_path,
        """
sources:
  - id: chiangmai6
    name: สพป.เชียงใหม่ เขต 6
    kind: wordpress
    start_urls: [https://www.cmi6.go.th/]
    office: {kind: spp, province: เชียงใหม่, area_no: 6}
""",
    )
    [source] = load_sources(path)
    assert source.id == "chiangmai6"
    assert source.hosts == {"www.cmi6.go.th", "cmi6.go.th"}
    assert source.office["area_no"] == 6


def test_round_trips_through_plain_values(tmp_path):
    source = Source(
        id="a",
        name="A",
        kind="wordpress",
        start_urls=("http://a.test/",),
        extra_hosts=("cdn.a.test",),
    )
    assert Source.from_dict(source.to_dict()) == source


@pytest.mark.parametrize(
    "body, message",
    [
        ("sources:\n  - name: x\n", "needs an id"),
        ("sources:\n  - id: x\n", "needs start_urls"),
        ("sources:\n  - {id: x, url: 'http://x/', kind: gopher}\n", "kind 'gopher'"),
        ("sources:\n  - {id: x, url: 'http://x/'}\n  - {id: x, url: 'http://y/'}\n", "duplicate"),
    ],
)
def test_malformed_entries_are_named(tmp_path, body, message):
    with pytest.raises(RegistryError, match=message):
        load_sources(write(tmp_path, body))
