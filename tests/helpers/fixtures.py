"""Fixtures every test may ask for (registered by tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def sources_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Writes a sources.yml of the given text and makes it the registry (EDUNEWS_SOURCES)
    for the test; returns its path."""

    def write(text: str) -> Path:
        path = tmp_path / "sources.yml"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv("EDUNEWS_SOURCES", str(path))
        return path

    return write
