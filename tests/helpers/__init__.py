"""What several test modules need: import from here, never copy into a module.

`tests/` is on sys.path (pytest puts the rootdir conftest's folder there), so a test
imports `from helpers.raw import latest_outcomes`; the fixtures of `helpers.fixtures` are
registered by tests/conftest.py for every test.
"""
