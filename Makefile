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
FORMAT ?=
SCALE ?=
PG ?=

# A variable as one shell word, whatever it holds (spaces, quotes, ;, $): $(call arg,DB).
# Its text is taken as given (`value`), never expanded by make nor parsed by the shell.
arg = '$(subst ','\'',$(value $(1)))'

# A variable given on the command line or in the environment is exported to every command, and make
# expands it to do so: `DB=$$(shell ...)` would run. Each becomes a simple variable holding its text as
# written, which nothing expands again.
USER_VARIABLES := PYTHON SOURCES DB CATALOG OUT FORCE KEEP_GOING FULL Q FORMAT SCALE
$(foreach v,$(USER_VARIABLES),$(if $(filter command line environment override,$(origin $(v))),$(eval override $(v) := $$(value $(v)))))

# An empty DB or OUT would name the working folder (an export into it, clean of it): refused before anything runs.
ifneq ($(filter refresh check shell export report query clean,$(MAKECMDGOALS)),)
$(if $(value DB),,$(error DB is empty: name the warehouse file, e.g. DB=data/warehouse.duckdb))
endif
ifneq ($(filter export report clean,$(MAKECMDGOALS)),)
$(if $(value OUT),,$(error OUT is empty: name a folder, e.g. OUT=exports))
endif

# `make help` prints each target's `## ` text with $(DB), $(SOURCES) and $(OUT) replaced by their values.
HELP_AWK = function put(s, name, val, i, out) { out = ""; while ((i = index(s, "$$(" name ")")) > 0) { out = out substr(s, 1, i - 1) val; s = substr(s, i + length(name) + 3) } return out s } \
	/^[a-z]+:.*\#\# / { text = $$0; sub(/^[^\#]*\#\# /, "", text); name = $$0; sub(/:.*/, "", name); \
	text = put(put(put(text, "DB", ENVIRON["HELP_DB"]), "SOURCES", ENVIRON["HELP_SOURCES"]), "OUT", ENVIRON["HELP_OUT"]); \
	printf "  make %-9s %s\n", name, text }

.DEFAULT_GOAL := help
.PHONY: help install refresh test tests check shell export report query publish bench clean

help: ## List the targets
	@HELP_DB=$(call arg,DB) HELP_SOURCES=$(call arg,SOURCES) HELP_OUT=$(call arg,OUT) awk '$(HELP_AWK)' $(MAKEFILE_LIST)

$(INSTALLED): pyproject.toml
	@echo "Installing zhibiao and its tools into $(VENV) with pip (about a minute; again only when pyproject.toml changes)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

install: $(INSTALLED) ## Create .venv and install zhibiao with its tools (done by the other targets when missing)

refresh: $(INSTALLED) ## Build $(DB) from the reports in $(SOURCES) (FORCE=1 to publish despite lost data, KEEP_GOING=1, FULL=1, CATALOG=<dir>)
	$(BIN)/python -m etl refresh --sources=$(call arg,SOURCES) --db=$(call arg,DB) --catalog=$(call arg,CATALOG) $(if $(value FORCE),--force) $(if $(value KEEP_GOING),--keep-going) $(if $(value FULL),--full)

test: $(INSTALLED) ## Lint, check formatting and run the tests
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

# Not a target of its own: a hint for the common slip.
tests:
	@echo "There is no 'make tests': 'make test' runs the tests ('make help' lists the targets)." >&2; exit 2

check: $(INSTALLED) ## Run the data checks on $(DB)
	$(BIN)/python -m etl check --db=$(call arg,DB)

# The native DuckDB binary that the duckdb-cli package ships, run directly (no Python in between),
# so that Ctrl-C cancels a running query instead of ending the shell. On a terminal a statement that
# failed in the session is no failure of make (DuckDB already said what went wrong): the shell ends
# quietly; the shell script waits for it, and Ctrl-C (caught, `trap :`) is for DuckDB alone. Fed from
# a pipe or a file, the shell runs in make's place and its exit status is make's.
shell: $(INSTALLED) ## Open $(DB) read-only in the DuckDB shell
	@test -f $(call arg,DB) || { echo $(call arg,DB)": no warehouse here; run make refresh first" >&2; exit 1; }
	@duckdb="$$(ls -d $(VENV)/lib/python*/site-packages/duckdb_cli/duckdb | head -n 1)"; \
	if [ -t 0 ]; then trap : INT; "$$duckdb" -readonly $(call arg,DB); exit 0; fi; \
	exec "$$duckdb" -readonly $(call arg,DB)

export: $(INSTALLED) ## Write every v1 and v2 view as CSV (and one XLSX workbook) into $(OUT)/ (FORMAT=parquet: the v2 views as Parquet)
	$(BIN)/python -m etl export --db=$(call arg,DB) --out=$(call arg,OUT) $(if $(value FORMAT),--format=$(call arg,FORMAT))

# The site's folder is site/ unless OUT is given (the Makefile's own default of OUT is the export folder's).
SITE := site
report: $(INSTALLED) ## Write a static site of reports, series, comparisons and programmes into site/ (OUT=<folder> for another; opens from disk)
	$(BIN)/python -m etl report --db=$(call arg,DB) --out=$(call arg,$(if $(filter override,$(origin OUT)),OUT,SITE))

query: $(INSTALLED) ## Run a ready question on $(DB): make query Q=<name> [FORMAT=csv|tsv|markdown] (without Q: list them)
	@$(BIN)/python -m etl query --db=$(call arg,DB) $(if $(value FORMAT),--format=$(call arg,FORMAT)) $(if $(value Q),-- $(call arg,Q))

# Silent (@): the URL may hold a password, and make would echo the command with it.
publish: $(INSTALLED) ## Copy the v1 and v2 views of $(DB) into PostgreSQL tables: make publish PG=postgresql://user@host/db (FORCE=1: again)
	@test -n $(call arg,PG) || { echo "make publish needs PG=postgresql://[user@]host[:port]/database (docs/team.md)" >&2; exit 2; }
	@$(BIN)/python -m etl publish --db=$(call arg,DB) --to=$(call arg,PG) $(if $(value FORCE),--force)

bench: $(INSTALLED) ## Measure extraction and refresh speed, and a 10,000-report refresh (SCALE=1: 50,000); writes bench/results.json
	$(BIN)/python -m bench $(if $(value SCALE),--scale-large)
	$(BIN)/python -m bench.table_text

# Only what zhibiao made: the warehouse file and its build files, the names an export or the site lists
# in its .zhibiao-files, and then the folder if nothing else is left in it; a folder without that list is kept.
# Each thing removed is said in one line ("removed …"); each thing kept, and why, on stderr.
CLEAN_FOLDER = if [ -f "$$folder/.zhibiao-files" ] && [ ! -L "$$folder/.zhibiao-files" ]; then \
	  n=0; while IFS= read -r name; do case "$$name" in ''|.|..|*/*) ;; *) \
	    if [ -e "$$folder/$$name" ] || [ -L "$$folder/$$name" ]; then rm -rf -- "$$folder/$$name"; n=$$((n + 1)); fi;; esac; \
	  done < "$$folder/.zhibiao-files"; \
	  rm -f -- "$$folder/.zhibiao-files"; \
	  if rmdir -- "$$folder" 2>/dev/null; then echo "removed $$folder/ (the $$n files zhibiao wrote there)"; \
	  else echo "removed the $$n files zhibiao wrote into $$folder/"; echo "$$folder: kept, it holds files zhibiao did not write" >&2; fi; \
	elif [ -e "$$folder" ]; then echo "$$folder: kept, zhibiao did not make it (it has no .zhibiao-files list)" >&2; fi
REMOVE = if [ -e "$$path" ] || [ -L "$$path" ]; then rm -rf -- "$$path" && echo "removed $$path$$why"; fi

clean: ## Remove $(DB), what zhibiao wrote into $(OUT)/ and site/, and caches, saying each (keeps .venv and your own files)
	@if [ -d $(call arg,DB) ]; then echo $(call arg,DB)": kept, a folder is not a warehouse" >&2; \
	else why=""; for path in $(call arg,DB) $(call arg,DB).wal; do $(REMOVE); done; fi
	@why=" (a cache)"; for path in test-artifacts .pytest_cache .ruff_cache .hypothesis bench/corpus; do $(REMOVE); done
	@for folder in $(call arg,OUT) site; do $(CLEAN_FOLDER); done
	@why=" (left by a build or export that was stopped)"; \
	for path in "$$(dirname -- $(call arg,DB))/.$$(basename -- $(call arg,DB))".building-* \
	  "$$(dirname -- $(call arg,OUT))/.$$(basename -- $(call arg,OUT))".exporting-* .site.building-*; do $(REMOVE); done
	@n=$$(find . -name __pycache__ -type d -not -path './.venv/*' -prune -print | wc -l); \
	find . -name __pycache__ -type d -not -path './.venv/*' -prune -exec rm -rf {} +; \
	if [ "$$n" -gt 0 ]; then echo "removed $$n __pycache__ folders (Python's caches)"; fi
