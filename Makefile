# zhibiao: `make refresh` builds the warehouse, `make test` tests it; both install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SOURCES ?= data/raw
DB ?= data/warehouse.duckdb
CATALOG ?= data/catalog
OUT ?= exports
FORCE ?=
KEEP_GOING ?=
FULL ?=
Q ?=

.DEFAULT_GOAL := help
.PHONY: help install refresh test check shell export report query bench clean

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-9s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

install: $(INSTALLED) ## Create .venv and install zhibiao with its tools (done by the other targets when missing)

refresh: $(INSTALLED) ## Build $(DB) from the reports in $(SOURCES) with the catalogs in $(CATALOG) (FORCE=1 to publish despite lost data, KEEP_GOING=1, FULL=1)
	$(BIN)/python -m etl refresh --sources '$(SOURCES)' --db '$(DB)' --catalog '$(CATALOG)' $(if $(FORCE),--force) $(if $(KEEP_GOING),--keep-going) $(if $(FULL),--full)

test: $(INSTALLED) ## Lint, check formatting and run the tests
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

check: $(INSTALLED) ## Run the data checks on $(DB)
	$(BIN)/python -m etl check --db '$(DB)'

shell: $(INSTALLED) ## Open $(DB) read-only in the DuckDB shell
	$(BIN)/duckdb -readonly '$(DB)'

export: $(INSTALLED) ## Write every v1 view as CSV (and one XLSX workbook) into $(OUT)/
	$(BIN)/python -m etl export --db '$(DB)' --out '$(OUT)'

report: OUT = site
report: $(INSTALLED) ## Write a static site of reports, series and programmes into $(OUT)/ (default site/; opens from disk)
	$(BIN)/python -m etl report --db '$(DB)' --out '$(OUT)'

query: $(INSTALLED) ## Run a ready question: make query Q=<name> (without Q: list them)
	$(BIN)/python -m etl query $(Q) --db '$(DB)'

bench: $(INSTALLED) ## Measure extraction and refresh speed; writes bench/results.json
	$(BIN)/python -m bench

clean: ## Remove the warehouse, exports and caches (keeps .venv)
	rm -rf $(DB) $(DB).wal $(OUT) site test-artifacts .pytest_cache .ruff_cache .hypothesis bench/corpus
	rm -f $(dir $(DB)).$(notdir $(DB)).building-*
	find . -name __pycache__ -type d -not -path './.venv/*' -prune -exec rm -rf {} +
