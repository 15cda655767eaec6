"""`edunews crawl` end to end: a site it has never seen, then again, then the registry."""

from __future__ import annotations

import pytest

from edunews.cli import main
from edunews.testsites import load_articles, serve
from edunews.testsites.catalog import REGISTRY, build_site
from edunews.testsites.joomla import JoomlaSite
from edunews.warehouse import connect

pytestmark = pytest.mark.integration


def count_pages(source_id: str) -> int:
    with connect() as conn:
        query = "select count(*) from raw.pages where source_id = %s"
        return conn.execute(query, (source_id,)).fetchone()[0]


def test_unknown_joomla_site_by_url_then_nothing_new(empty_raw, capsys):
    articles = load_articles(6)
    with serve(JoomlaSite(articles)) as served:
        argv = ["crawl", "--url", served.url, "--allow-private-network", "--rate", "100"]
        assert main(argv) == 0
        first = capsys.readouterr().out
        assert main(argv) == 0
        second = capsys.readouterr().out
        source_id = served.url.split("/")[2]
    assert f"{source_id}: new 6, changed 0" in first
    assert f"{source_id}: new 0, changed 0" in second
    assert count_pages(source_id) == 6


def test_registry_sources_by_id_with_summary_by_reason(empty_raw, tmp_path, monkeypatch, capsys):
    sites = {kind: build_site(kind, 3) for kind in ("wordpress", "faulty")}
    with serve(sites["wordpress"]) as wp, serve(sites["faulty"]) as faulty:
        registry = tmp_path / "sources.yml"
        registry.write_text(
            "sources:\n"
            f"  - {{id: wp, name: wp, kind: auto, start_urls: ['{wp.url}']}}\n"
            f"  - {{id: bad, name: bad, kind: {REGISTRY['faulty']['kind']},"
            f" start_urls: ['{faulty.url}']}}\n"
            f"  - {{id: other, name: other, start_urls: ['{wp.url}']}}\n",
            encoding="utf-8",
        )
        monkeypatch.setenv("EDUNEWS_SOURCES", str(registry))
        code = main(
            [
                "crawl",
                "--source",
                "wp",
                "--source",
                "bad",
                "--allow-private-network",
                "--rate",
                "100",
                "--since",
                "2001-01-01",
            ]
        )
    out = capsys.readouterr().out
    assert code == 0
    assert "wp: new 3" in out and "bad: new" in out and "other" not in out
    assert "failed by reason:" in out
    assert "robots_disallowed" in out and "off_site" in out
    assert count_pages("other") == 0


def test_unknown_source_id_is_an_error(tmp_path, monkeypatch, capsys):
    registry = tmp_path / "sources.yml"
    registry.write_text("sources: []\n", encoding="utf-8")
    monkeypatch.setenv("EDUNEWS_SOURCES", str(registry))
    assert main(["crawl", "--source", "nowhere"]) == 2
    assert "nowhere" in capsys.readouterr().err
