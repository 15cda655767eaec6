"""The dbt project's files, without a database: one copy of each code list, seeds that agree
with the extractor's gazetteers and the spec, and every model and mart column described."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml

from edunews.config import dbt_project_dir
from edunews.crawl.outcome import FetchOutcome

PROJECT = Path(dbt_project_dir())
EXTRACTOR_DATA = PROJECT.parent / "plugins" / "edunews" / "extract" / "data"
SHARED = PROJECT.parent.parent / "shared"


def _csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_code_lists_exist_once_the_extractors():
    link = PROJECT / "extractor_data"
    assert link.is_symlink()
    assert link.resolve() == EXTRACTOR_DATA.resolve()
    project = yaml.safe_load((PROJECT / "dbt_project.yml").read_text())
    assert "extractor_data" in project["seed-paths"]
    seeds = PROJECT / "seeds"
    for name in ("event_types.csv", "initiatives.csv", "provinces.csv"):
        assert not (seeds / name).exists(), f"{name} copied into seeds/: keep one copy"


def test_province_regions_cover_the_77_provinces_of_the_gazetteer():
    regions = _csv(PROJECT / "seeds" / "province_regions.csv")
    provinces = _csv(EXTRACTOR_DATA / "provinces.csv")
    assert sorted(r["province_name_th"] for r in regions) == sorted(p["name_th"] for p in provinces)
    assert len(regions) == 77
    sizes = {}
    for r in regions:
        sizes[r["region_code"]] = sizes.get(r["region_code"], 0) + 1
    assert sizes == {"north": 9, "northeast": 20, "central": 22, "east": 7, "west": 5, "south": 14}


def test_participant_roles_are_the_specs_role_codes():
    roles = {r["role_code"] for r in _csv(PROJECT / "seeds" / "participant_roles.csv")}
    spec = SHARED / "spec" / "EXTRACTION.md"
    if not spec.exists():
        pytest.skip("shared/spec is not beside the checkout")
    text = spec.read_text(encoding="utf-8")
    paragraph = text[text.index("`role` codes") : text.index("- `province`")]
    assert set(re.findall(r"`([a-z_]+)`", paragraph)) - {"role"} == roles - {"unspecified"}


def _yaml_models(folder: Path) -> dict[str, dict]:
    models = {}
    for path in folder.glob("*.yml"):
        for model in yaml.safe_load(path.read_text(encoding="utf-8")).get("models", []):
            models[model["name"]] = model
    return models


def _model_files() -> list[Path]:
    return sorted((PROJECT / "models").rglob("*.sql"))


def test_every_model_has_its_own_yaml_beside_it():
    """jaffle-shop's layout: models/marts/dim_date.sql is described in models/marts/dim_date.yml,
    which describes that model alone (and holds its unit tests); no folder-wide YAML."""
    sources = {"_raw__sources.yml"}
    for sql in _model_files():
        own = sql.with_suffix(".yml")
        assert own.exists(), f"{sql.relative_to(PROJECT)} has no {own.name} beside it"
        doc = yaml.safe_load(own.read_text(encoding="utf-8"))
        assert [m["name"] for m in doc.get("models", [])] == [sql.stem], own.name
        assert {u["model"] for u in doc.get("unit_tests", [])} <= {sql.stem}, own.name
        assert set(doc) <= {"version", "models", "unit_tests"}, own.name
    for path in (PROJECT / "models").rglob("*.yml"):
        assert path.with_suffix(".sql").exists() or path.name in sources, (
            f"{path.relative_to(PROJECT)} describes no model of its name"
        )


def test_every_model_and_column_is_described_and_every_model_tested():
    for sql in _model_files():
        doc = yaml.safe_load(sql.with_suffix(".yml").read_text(encoding="utf-8"))
        model = doc["models"][0]
        assert model.get("description"), f"{sql.stem} has no description"
        columns = model.get("columns", [])
        for column in columns:
            assert column.get("description"), f"{sql.stem}.{column['name']}"
        tested = (
            model.get("data_tests")
            or doc.get("unit_tests")
            or any(column.get("data_tests") for column in columns)
        )
        assert tested, f"{sql.stem} has no data test and no unit test"


def test_seeds_and_analyses_are_described_in_one_yaml_each():
    for folder, name in (("seeds", "_seeds.yml"), ("analyses", "_analyses.yml")):
        assert [p.name for p in (PROJECT / folder).glob("*.yml")] == [name]
    analyses = PROJECT / "analyses"
    assert len(list(analyses.glob("*.sql"))) >= 5
    described = {
        a["name"]: a for a in yaml.safe_load((analyses / "_analyses.yml").read_text())["analyses"]
    }
    for sql in analyses.glob("*.sql"):
        assert described.get(sql.stem, {}).get("description"), sql.name


def test_every_mart_column_is_described_typed_and_contracted():
    for name, model in _yaml_models(PROJECT / "models" / "marts").items():
        assert model["config"]["contract"]["enforced"] is True, name
        for column in model["columns"]:
            assert column.get("description"), f"{name}.{column['name']}"
            assert column.get("data_type"), f"{name}.{column['name']}"
        first = model["columns"][0]
        assert {"unique", "not_null"} <= set(first.get("data_tests", [])), f"{name} key"


def test_source_only_in_staging_and_sql_lowercase():
    files = [
        p for folder in ("models", "analyses", "tests") for p in (PROJECT / folder).rglob("*.sql")
    ]
    for sql in files:
        text = sql.read_text(encoding="utf-8")
        if sql.parent.name != "staging":
            assert "source(" not in text, sql.name
        code = re.sub(r"--.*|\{#.*?#\}|'[^']*'", "", text, flags=re.S)
        assert not re.search(r"\b(SELECT|FROM|WHERE|JOIN|GROUP BY)\b", code), sql.name


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice in one mapping (PyYAML, and dbt, keep
    the last one silently: a second `data_tests:` would drop the first's tests)."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        duplicates = {key for key in keys if keys.count(key) > 1}
        if duplicates:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate keys {sorted(duplicates)}", node.start_mark
            )
        return super().construct_mapping(node, deep=deep)


def test_no_yaml_key_given_twice():
    for path in PROJECT.rglob("*.yml"):
        if "target" not in path.parts:
            yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)


def test_seeds_are_opt_in_and_every_seed_is_described():
    """extractor_data is the extractor's folder: a file it adds is not seeded unnoticed."""
    project = yaml.safe_load((PROJECT / "dbt_project.yml").read_text(encoding="utf-8"))
    settings = project["seeds"]["edunews"]
    assert settings["+enabled"] is False
    enabled = {
        name
        for name, conf in settings.items()
        if isinstance(conf, dict) and conf.get("+enabled") is True
    }
    described = {
        seed["name"]
        for seed in yaml.safe_load((PROJECT / "seeds" / "_seeds.yml").read_text())["seeds"]
    }
    csvs = {p.stem for folder in project["seed-paths"] for p in (PROJECT / folder).glob("*.csv")}
    assert enabled == described
    assert enabled <= csvs
    # seeds/ holds only the warehouse's own seeds: all of them used
    assert {p.stem for p in (PROJECT / "seeds").glob("*.csv")} <= enabled


def test_marts_follow_one_naming_rule():
    """The marts are an API: dim_/fct_/bridge_/agg_ names, every dimension keyed
    <dimension>_key, and a fact's key to a dimension named as the dimension names it."""
    marts = _yaml_models(PROJECT / "models" / "marts")
    assert {name.split("_")[0] for name in marts} <= {"dim", "fct", "bridge", "agg"}, sorted(marts)
    dimension_keys = {}
    for name, model in marts.items():
        if name.startswith("dim_"):
            key = model["columns"][0]["name"]
            assert key == name.removeprefix("dim_") + "_key", name
            dimension_keys[key] = name
    for name, model in marts.items():
        for column in model["columns"]:
            for test in column.get("data_tests", []):
                related = isinstance(test, dict) and test.get("relationships")
                if related and related["arguments"]["field"].endswith("_key"):
                    field = related["arguments"]["field"]
                    assert (
                        related["arguments"]["to"]
                        == f"ref('{dimension_keys.get(field, 'fct_events')}')"
                    )
                    assert column["name"].endswith(field), f"{name}.{column['name']} -> {field}"


def test_fetch_outcomes_accepted_by_dbt_are_the_crawlers():
    """raw.fetch_log.outcome: the crawler's StrEnum, the database's CHECK constraint and
    dbt's accepted_values name one list."""
    doc = yaml.safe_load((PROJECT / "models" / "staging" / "stg_raw__fetch_log.yml").read_text())
    column = next(c for c in doc["models"][0]["columns"] if c["name"] == "outcome")
    accepted = next(t["accepted_values"] for t in column["data_tests"] if "accepted_values" in t)
    values = accepted["arguments"]["values"]
    assert sorted(values) == sorted(o.value for o in FetchOutcome)
    assert len(values) == len(set(values))
