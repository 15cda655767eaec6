"""The site simulator (plugins/edunews_sim) is no part of the product: the package never
imports it at module level, the image leaves it out, and the two commands that need it say
so in one line where it is missing."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from edunews.cli import main

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ROOT / "plugins" / "edunews"
# The demo commands import the simulator inside the functions that need it.
NEEDS_SIMULATOR = {"cli.py", "demo.py"}


def _imports(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_product_never_imports_the_simulator_at_module_level():
    for path in PRODUCT.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_imports = {
            name
            for node in tree.body
            if isinstance(node, ast.Import | ast.ImportFrom)
            for name in _imports(node)
        }
        assert not any(n.startswith("edunews_sim") for n in module_imports), path
        if path.name not in NEEDS_SIMULATOR:
            assert not any(n.startswith("edunews_sim") for n in _imports(tree)), path


def test_the_image_copies_only_the_product():
    copies = [
        line.split()
        for line in (ROOT / "Dockerfile").read_text().splitlines()
        if line.startswith("COPY")
    ]
    sources = {word for words in copies for word in words[1:-1] if not word.startswith("--")}
    assert "plugins/edunews" in sources
    assert not {"plugins", "plugins/", "plugins/edunews_sim", "."} & sources


@pytest.mark.parametrize("command", [["demo-site"], ["demo"]])
def test_the_demo_commands_say_in_one_line_that_the_simulator_is_missing(
    command, monkeypatch, capsys
):
    monkeypatch.setitem(sys.modules, "edunews_sim", None)  # as in the image
    assert main(command) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "make install" in err
