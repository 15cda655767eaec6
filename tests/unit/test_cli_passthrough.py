"""`edunews transform`, `edunews dbt` and `edunews airflow` hand what follows them to dbt and
airflow untouched."""

from __future__ import annotations

import pytest

from edunews.cli import _split_passthrough, main


@pytest.mark.parametrize(
    ("argv", "head", "passed_on"),
    [
        (["transform", "--select", "fct_events", "--full-refresh"], ["transform"],
         ["--select", "fct_events", "--full-refresh"]),
        (["-v", "airflow", "dags", "trigger", "x", "--conf", "{}"], ["-v", "airflow"],
         ["dags", "trigger", "x", "--conf", "{}"]),
        (["crawl", "--source", "transform"], ["crawl", "--source", "transform"], []),
        (["transform"], ["transform"], []),
        (["dbt", "source", "freshness", "--select", "source:raw"], ["dbt"],
         ["source", "freshness", "--select", "source:raw"]),
    ],
)  # fmt: skip
def test_options_after_the_command_are_passed_on(argv, head, passed_on):
    assert _split_passthrough(argv) == (head, passed_on)


def test_other_commands_still_refuse_unknown_options(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "--select", "x"])
    assert exit_.value.code == 2
    assert "unrecognized arguments: --select x" in capsys.readouterr().err
