"""The mistakes a newcomer makes first: each is one line on stderr that says the fix, a
non-zero exit, no traceback, and nothing done (no server started, no file overwritten)."""

from __future__ import annotations

import argparse
import socket

import pytest

from edunews.cli import build_parser, main


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
    seen = 0
    for path, parser in _parsers(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
                continue
            seen += 1
            name = "/".join(action.option_strings) or action.dest
            assert action.help and action.help.strip(), f"`{path}` {name} has no help"
    assert seen >= 30
