"""The suite itself: pytest imports test modules by their basename (rootdir "prepend" mode),
so two test_x.py in different folders stop the whole run at collection."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_no_two_test_modules_share_a_name():
    names = Counter(path.name for path in TESTS.rglob("test_*.py"))
    assert [name for name, count in names.items() if count > 1] == []


def test_every_test_module_is_in_a_kind_folder():
    """conftest marks a test unit, integration or e2e by its folder (`make test-fast` runs
    `-m unit`): a module anywhere else would be refused at collection."""
    kinds = {"unit", "integration", "e2e"}
    assert [
        str(path.relative_to(TESTS))
        for path in TESTS.rglob("test_*.py")
        if path.relative_to(TESTS).parts[0] not in kinds
    ] == []
