"""The mistakes a newcomer makes first: each is one line on stderr that says the fix, a
non-zero exit, no traceback, and nothing done (no server started, no file overwritten)."""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from edunews.cli import build_parser, main
from helpers.servers import free_port


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def busy_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


@pytest.mark.parametrize("command", ["demo-site", "standalone"])
@pytest.mark.parametrize("port", ["0", "70000", "-1"])
def test_a_port_out_of_range_says_the_range(command, port, capsys):
    assert main([command, "--port", port]) == 2
    line = _one_line(capsys.readouterr().err)
    assert f"--port {port} is not a port number" in line and "1 to 65535" in line


@pytest.mark.parametrize("command", ["demo-site", "standalone"])
def test_a_port_in_use_says_to_pick_another(command, busy_port, capsys):
    assert main([command, "--port", str(busy_port)]) == 2
    line = _one_line(capsys.readouterr().err)
    assert f"port {busy_port} on 127.0.0.1 is in use" in line
    free = int(line.rsplit("--port ", 1)[1].split(",")[0])  # the port it suggests is free
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", free))


@pytest.mark.parametrize(
    "argv",
    [
        ["crawl", "--url", "http://127.0.0.1:9/"],
        ["crawl", "--url", "http://localhost:9/news/"],
        ["crawl", "--url", "http://192.168.1.20/"],
        ["sources", "probe", "http://127.0.0.1:9/"],
    ],
)
def test_a_private_url_names_the_flag(argv, capsys):
    assert main(argv) == 2
    line = _one_line(capsys.readouterr().err)
    assert "loopback or private address" in line and "add --allow-private-network" in line


def test_an_unknown_source_names_the_closest_ids(tmp_path, monkeypatch, capsys):
    registry = tmp_path / "sources.yml"
    registry.write_text(
        "sources:\n"
        "  - {id: chiangmaiarea3, name: a, start_urls: ['https://a.example/']}\n"
        "  - {id: chiangmaiarea4, name: b, start_urls: ['https://b.example/']}\n"
        "  - {id: obec, name: c, start_urls: ['https://c.example/']}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDUNEWS_SOURCES", str(registry))
    assert main(["crawl", "--source", "chiangmai-area3", "--source", "obec"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert "no source 'chiangmai-area3' (closest: chiangmaiarea3, chiangmaiarea4)" in line
    assert "'obec'" not in line


@pytest.mark.parametrize("spelling", ["same", "dotted", "link"])
def test_extract_refuses_to_write_over_its_input(spelling, tmp_path, monkeypatch, capsys):
    articles = tmp_path / "articles.jsonl"
    text = '{"id": "a1", "title": "ประชุม", "text": "ประชุมครู"}\n'
    articles.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    output = {"same": "articles.jsonl", "dotted": "./sub/../articles.jsonl", "link": "link"}
    (tmp_path / "sub").mkdir()
    (tmp_path / "link").symlink_to(articles)
    assert main(["extract", "--input", "articles.jsonl", "--output", output[spelling]]) == 2
    assert "--output is the --input file" in _one_line(capsys.readouterr().err)
    assert articles.read_text(encoding="utf-8") == text


def test_extract_to_another_file_still_works(tmp_path, capsys):
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "a1", "title": "ประชุม", "text": "ประชุมครู"}\n', "utf-8")
    assert main(["extract", "--input", str(articles), "--output", str(tmp_path / "r.jsonl")]) == 0
    assert (tmp_path / "r.jsonl").read_text(encoding="utf-8").count("\n") == 1


def _parsers(parser: argparse.ArgumentParser, path: str = "edunews"):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helped = {choice.dest for choice in action._choices_actions if choice.help}
            for name, child in action.choices.items():
                assert name in helped, f"`{path} {name}` has no help line"
                yield from _parsers(child, f"{path} {name}")


def test_every_subcommand_and_option_has_help():
    seen = described = 0
    for path, parser in _parsers(build_parser()):
        # `edunews X --help` opens with what X does, not only its usage line.
        assert parser.description and parser.description.strip(), f"`{path}` has no description"
        described += 1
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
                continue
            seen += 1
            name = "/".join(action.option_strings) or action.dest
            assert action.help and action.help.strip(), f"`{path}` {name} has no help"
            valued = action.option_strings and action.nargs != 0
            if valued and action.default is not None:
                assert "default" in action.help, f"`{path}` {name} hides its default"
    assert seen >= 30 and described >= 15


def test_a_subcommand_help_says_what_it_does(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["manifest", "--help"])
    assert exit_.value.code == 0
    assert "Run dbt parse to write the manifest" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["crawl", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "sources crawled at once (default: 4)" in out
    assert "articles per source, at most (default: no limit)" in out


def test_standalone_suggests_a_port_near_airflows(capsys):
    assert main(["standalone", "--port", "0"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert line.startswith("edunews standalone: --port 0 is not a port number")
    free = int(line.rsplit("--port ", 1)[1].split(",")[0])
    assert 8080 <= free < 8100  # Airflow's port or one just above, never the demo site's 8765
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", free))


def test_analyses_csv_to_a_missing_folder_fails_before_the_query(tmp_path, monkeypatch, capsys):
    # No warehouse is running and the warehouse URL points nowhere: had the query run first,
    # the error would be about the database, not the CSV.
    monkeypatch.setenv("EDUNEWS_HOME", str(tmp_path / "home"))
    target = tmp_path / "nonexistent" / "dir" / "x.csv"
    assert main(["analyses", "run", "fiscal_year_trends", "--csv", str(target)]) == 2
    line = _one_line(capsys.readouterr().err)
    assert line.startswith(f"edunews analyses: cannot write {target}: ")
    assert f"no folder {target.parent}" in line
    assert not target.parent.exists()


def test_analyses_csv_onto_a_folder_is_refused(tmp_path, capsys):
    assert main(["analyses", "run", "fiscal_year_trends", "--csv", str(tmp_path)]) == 2
    line = _one_line(capsys.readouterr().err)
    assert line == f"edunews analyses: cannot write {tmp_path}: it is a folder: name a file"


def _articles(tmp_path):
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "a1", "title": "ประชุม", "text": "ประชุมครู"}\n', "utf-8")
    return articles


def test_extract_blames_an_unwritable_output_not_the_input(tmp_path, capsys):
    articles = _articles(tmp_path)
    output = tmp_path / "nonexistent" / "out.jsonl"
    assert main(["extract", "--input", str(articles), "--output", str(output)]) == 2
    line = _one_line(capsys.readouterr().err)
    assert line.startswith(f"edunews extract: cannot write {output}: No such file or directory")
    assert "--output must be a file in an existing, writable folder" in line
    assert "cannot read" not in line


def test_extract_names_a_missing_input(tmp_path, capsys):
    missing = tmp_path / "nosuch.jsonl"
    output = tmp_path / "out.jsonl"
    assert main(["extract", "--input", str(missing), "--output", str(output)]) == 2
    line = _one_line(capsys.readouterr().err)
    assert line.startswith(f"edunews extract: cannot read {missing}: No such file or directory")
    assert "--input must be a readable JSON Lines file" in line
    assert not output.exists()  # a missing input leaves no empty output behind


def test_extract_half_given_has_the_prefix(capsys):
    assert main(["extract", "--input", "in.jsonl"]) == 2
    assert _one_line(capsys.readouterr().err) == (
        "edunews extract: --input and --output go together"
    )


@pytest.fixture
def stopped_warehouse(monkeypatch):
    """The warehouse's port with nothing listening on it."""
    port = free_port()
    monkeypatch.setenv("EDUNEWS_PG_PORT", str(port))
    return port


def _says_start_the_warehouse(line: str, where: str) -> None:
    assert f"the warehouse at {where} is not reachable" in line, line
    assert "`edunews db start`" in line and "EDUNEWS_WAREHOUSE_URL" in line


@pytest.mark.parametrize(
    "argv",
    [
        ["crawl", "--url", "http://127.0.0.1:9/", "--allow-private-network"],
        ["analyses", "run", "most_active_officials"],
        ["extract"],
        ["transform"],
    ],
)
def test_a_stopped_warehouse_says_how_to_start_it(argv, stopped_warehouse, capsys):
    assert main(argv) == 2
    captured = capsys.readouterr()
    _says_start_the_warehouse(_one_line(captured.err), f"127.0.0.1:{stopped_warehouse}")
    assert captured.out == ""


def test_an_unreachable_warehouse_url_is_named(stopped_warehouse, monkeypatch, capsys):
    url = f"postgresql://someone:secret@127.0.0.1:{stopped_warehouse}/edunews"
    monkeypatch.setenv("EDUNEWS_WAREHOUSE_URL", url)
    assert main(["analyses", "run", "most_active_officials"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert f"the warehouse at 127.0.0.1:{stopped_warehouse} (EDUNEWS_WAREHOUSE_URL)" in line
    assert "secret" not in line


def test_the_crawl_command_with_a_stopped_warehouse_prints_one_line(stopped_warehouse):
    # As a newcomer runs it: the installed command, its own logging and exit code.
    edunews = Path(sys.executable).with_name("edunews")
    argv = [str(edunews), "crawl", "--url", "http://127.0.0.1:9/", "--allow-private-network"]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stdout == ""
    _says_start_the_warehouse(_one_line(proc.stderr), f"127.0.0.1:{stopped_warehouse}")
