# Two commands do everything on a fresh machine: `make test` and `make serve`.
# Both create .venv (with a Python >= 3.12 found below) and install
# requirements.txt into it; the venv is reused until requirements.txt changes.

SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-requirements
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# pytest-xdist processes for make test and make pytest.
JOBS ?= auto

# A Python >= 3.12: $(PYTHON) if given, else the first that runs from PATH,
# else the newest pyenv version (pyenv shims refuse to run unselected versions,
# so each candidate is actually run, not just found).
IS_312 := -c 'import sys; sys.exit(sys.version_info < (3, 12))'
PYTHON ?= $(shell \
	for c in python3.14 python3.13 python3.12 python3 python; do \
		p=$$(command -v $$c) && $$p $(IS_312) 2>/dev/null && { echo $$p; exit; }; \
	done; \
	root=$$(pyenv root 2>/dev/null || echo "$$HOME/.pyenv"); \
	for p in $$(ls -d "$$root"/versions/3.*/bin/python3 2>/dev/null | sort -rV); do \
		$$p $(IS_312) 2>/dev/null && { echo $$p; exit; }; \
	done)

.PHONY: help venv test lint format pytest check build serve update-examples snippets matrix test-postgres traces bench bench-suite lighthouse screenshots zensical clean

# `make help` prints the targets that have a `## what it does` comment.
help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-z-]*:.*## / {printf "  make %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

venv: $(STAMP)

$(STAMP): requirements.txt
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: no Python >= 3.12 found. Looked for python3.14..python3 on PATH and in pyenv's versions."; \
		echo "Install Python 3.12 or newer, or name one: make $(MAKECMDGOALS) PYTHON=/path/to/python3.12"; \
		exit 1; \
	fi
	@echo "Creating $(VENV) with $(PYTHON) ($$($(PYTHON) --version))"
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# The tests reuse the site that `build` just made (browser and HTML checks).
test: lint build ## everything: lint, strict build, every test with coverage (what CI runs)
	$(MAKE) --no-print-directory pytest HANDBOOK_SITE_DIR=site

lint: venv node_modules/.installed ## ruff, formatting, spelling, workflows, Markdown
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/typos
	$(BIN)/zizmor --offline --persona=pedantic .github
	$(BIN)/actionlint -oneline
	node_modules/.bin/markdownlint-cli2

format: venv ## apply ruff formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# On two processes (pytest-xdist); coverage of examples/ must be 100%.
# Without HANDBOOK_SITE_DIR, the tests that need the built site build it.
pytest: venv ## the pytest part of make test alone; PYTEST_ARGS="..." passes options
	HANDBOOK_SITE_DIR=$(HANDBOOK_SITE_DIR) $(BIN)/pytest -n $(JOBS) --dist loadgroup --cov --cov-report=term-missing:skip-covered $(PYTEST_ARGS)

check: venv ## PAGE=docs/x.md: what make test checks for one page, in seconds
	@test -n "$(PAGE)" || { echo "usage: make check PAGE=docs/some/page.md"; exit 1; }
	$(BIN)/python -m scripts.check_page $(PAGE)

# The suite on PostgreSQL: scripts/postgres.py starts a throwaway server (or
# uses $$DATABASE_URL) and removes it afterwards. The built-site and browser
# checks do not depend on the database; make test runs them.
test-postgres: venv ## every database-dependent test on PostgreSQL (throwaway server or DATABASE_URL)
	$(BIN)/python -m scripts.postgres -- $(BIN)/pytest -n $(JOBS) --dist loadgroup \
		--ignore=tests/browser --ignore=tests/test_built_site.py $(PYTEST_ARGS)

build: venv ## build the site into site/, strictly
	$(BIN)/mkdocs build --strict

# Fast rebuilds while writing: only changed pages, no llms.txt, no API page.
serve: venv ## build and serve the site on http://127.0.0.1:8000, rebuilding on change
	HANDBOOK_FULL_SITE=false $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

update-examples: venv ## rewrite the #> output lines and formatting of snippets (PAGE= to limit)
	$(BIN)/pytest tests/test_docs.py --update-examples -p no:randomly $(if $(PAGE),--page $(PAGE))

snippets: venv ## PAGE=docs/x.md: run one page's snippets only
	@test -n "$(PAGE)" || { echo "usage: make snippets PAGE=docs/some/page.md"; exit 1; }
	$(BIN)/pytest tests/test_docs.py --page $(PAGE)

# SERIES="5.2 6.0" limits it to those Django series (on SQLite).
matrix: venv ## the Django-dependent tests on every supported Django, and on PostgreSQL (nox)
	$(BIN)/nox --force-python $(BIN)/python $(if $(SERIES),--session $(foreach s,$(SERIES),"tests(django='$(s)')"))

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

traces: venv ## re-record the signal-order traces and regenerate the reference tables
	$(BIN)/python -m scripts.update

bench: venv ## measure what signals cost on this machine (about 30 s)
	cd examples && ../$(BIN)/python -m toolbox.bench

bench-suite: venv node_modules/.installed ## time the contributor loops (make test, check, serve, matrix)
	$(BIN)/python -m scripts.bench_suite

lighthouse: venv node_modules/.installed ## Lighthouse scores of three pages (needs chromium)
	$(BIN)/python -m scripts.lighthouse

screenshots: venv ## full-page screenshots, light/dark, phone/desktop, into screenshots/
	$(BIN)/python -m scripts.screenshots screenshots

# Informative: it fails only when a build fails. Zensical (the theme's successor)
# builds the site in a nox environment; scripts/zensical_check.py compares it with mkdocs'.
zensical: venv ## build the site with Zensical too and list the pages and anchors that differ
	$(BIN)/nox --force-python $(BIN)/python --session zensical

clean: ## remove .venv, site/ and caches
	rm -rf $(VENV) node_modules site screenshots .nox .pytest_cache .ruff_cache .coverage htmlcov
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
