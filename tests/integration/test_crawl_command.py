"""`edunews crawl` end to end: a site it has never seen, then again, then the registry."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from edunews.cli import main
from edunews.warehouse import connect
from edunews_sim.testsites import Reply, load_articles, serve
from edunews_sim.testsites.catalog import build_site
from edunews_sim.testsites.joomla import JoomlaSite


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


class Unwelcoming:
    """A sitemap of pages the crawler must not or cannot have; none costs a retry."""

    def handle(self, request):
        host = "http://" + request.headers["host"]
        if request.path == "/robots.txt":
            return Reply(200, b"User-agent: *\nDisallow: /private/\n")
        if request.path == "/sitemap.xml":
            urls = [f"{host}/private/1", f"{host}/private/2", "http://elsewhere.example/1"]
            locs = "".join(f"<url><loc>{u}</loc></url>" for u in [*urls, f"{host}/gone"])
            return Reply.xml(f"<urlset>{locs}</urlset>")
        return Reply.not_found()


def test_registry_sources_by_id_with_summary_by_reason(empty_raw, sources_registry, capsys):
    with serve(build_site("wordpress", 3)) as wp, serve(Unwelcoming()) as faulty:
        sources_registry(
            "sources:\n"
            f"  - {{id: wp, name: wp, kind: auto, start_urls: ['{wp.url}']}}\n"
            f"  - {{id: bad, name: bad, kind: sitemap, start_urls: ['{faulty.url}']}}\n"
            f"  - {{id: other, name: other, start_urls: ['{wp.url}']}}\n"
        )
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
    assert "     2  robots_disallowed: robots.txt disallows this path" in out
    assert "off_site" in out and "http_error: HTTP 404" in out
    assert count_pages("other") == 0


def test_unknown_source_id_is_an_error(sources_registry, capsys):
    sources_registry("sources: []\n")
    assert main(["crawl", "--source", "nowhere"]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_each_source_line_is_printed_once(empty_raw):
    """The command prints each source's line; the crawl logs it too (for Airflow's task log),
    which the command's default logging showed a second time."""
    with serve(build_site("wordpress", 2)) as site:
        source_id = site.url.split("/")[2]
        done = subprocess.run(
            [str(Path(sys.executable).with_name("edunews")), "crawl", "--url", site.url,
             "--allow-private-network", "--rate", "100"],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    both = done.stdout + done.stderr
    assert both.count(f"{source_id}: new 2") == 1, both
