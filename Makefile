# Each target is one step; `make demo` and `make test` set up .venv themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test test-fast airflow lint format db-start db-stop clean

install: $(STAMP)

# Re-installs only when pyproject.toml changes.
# pip's output goes to .venv/install.log (its last lines are shown if it fails): a fresh
# clone's `make demo` stays short on a terminal.
$(STAMP): pyproject.toml
	@echo "installing $(VENV) (a few minutes; pip's log in $(VENV)/install.log)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@{ $(BIN)/python -m pip install --upgrade pip && $(BIN)/python -m pip install -e '.[dev]'; } \
		> $(VENV)/install.log 2>&1 || { tail -n 20 $(VENV)/install.log; exit 1; }
	@touch $@

demo: install
	@$(BIN)/edunews demo

test: install
	$(BIN)/pytest

# The unit tests only (no database, no Airflow run), for the edit loop.
test-fast: install
	$(BIN)/pytest tests/unit -m unit -q

# Airflow's UI on http://127.0.0.1:8080 with the DAGs, on the embedded warehouse.
airflow: install
	$(BIN)/edunews standalone

# Style and types: ruff over the repo, mypy over the package ([tool.mypy] in pyproject.toml).
lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy plugins/edunews

format: install
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

db-start: install
	$(BIN)/edunews db start && $(BIN)/edunews db migrate

db-stop: install
	$(BIN)/edunews db stop

clean:
	-$(BIN)/edunews db stop
	rm -rf .edunews dbt_project/target dbt_project/logs
