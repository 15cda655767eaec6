"""`edunews sources probe URL`: what auto finds, the entry to add; read-only, no database."""

from __future__ import annotations

import json

import pytest

from edunews.cli import main
from edunews_sim.testsites import load_articles, serve
from edunews_sim.testsites.shapes_common import build
from edunews_sim.testsites.wordpress import WordPressSite


@pytest.fixture(autouse=True)
def no_database(monkeypatch):
    """A warehouse nobody listens on: the probe must not need one."""
    monkeypatch.setenv("EDUNEWS_WAREHOUSE_URL", "postgresql://probe@127.0.0.1:9/nowhere")


def probe_json(url: str, capsys) -> tuple[int, dict]:
    argv = ["sources", "probe", url, "--allow-private-network", "--rate", "100", "--json"]
    code = main(argv)
    return code, json.loads(capsys.readouterr().out)


def test_probe_of_a_joomla_site_nobody_described(capsys):
    site = build("joomla15", 10)
    with serve(site) as served:
        code, found = probe_json(served.url, capsys)
        truth = site.truth(served.url)
    assert code == 0 and found["ok"]
    assert found["way"] == "explore" and found["articles"] == 10
    assert found["shapes"] == [
        "/index.php?option=com_content&view=article&catid=<n>&id=<n>&itemid=<n>"
    ]
    assert any("view=category" in url for url in found["listings"])
    assert len(found["samples"]) == 5
    for sample in found["samples"]:
        title, day = truth[sample["url"]]
        assert sample["title"] == title and sample["published"] == day.isoformat()
    assert found["requests"] > 0 and found["seconds"] >= 0
    assert found["entry"]["kind"] == "auto" and found["entry"]["start_urls"] == [served.url]


def test_probe_of_a_wordpress_site_names_the_rest_api(capsys):
    with serve(WordPressSite(load_articles(4))) as served:
        code, found = probe_json(served.url, capsys)
    assert code == 0 and found["way"] == "rest" and found["articles"] == 4
    assert len(found["samples"]) == 4 and all(s["title"] for s in found["samples"])


def test_probe_of_a_site_without_news_fails_and_says_what_to_add(capsys):
    with serve(build("no-news")) as served:
        argv = ["sources", "probe", served.url, "--allow-private-network", "--rate", "100"]
        code = main(argv)
    out = capsys.readouterr().out
    assert code == 1
    assert "FAILED: no_articles: looked at" in out and "found no article" in out
    assert "sources.yml entry:" in out and "listing_url:" in out
