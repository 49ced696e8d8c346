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

.PHONY: help venv test lint format tests build serve update-examples snippets matrix lighthouse screenshots bench traces clean

help:
	@echo "make test             lint, format check, all tests with coverage, strict site build"
	@echo "make serve            build and serve the site on http://127.0.0.1:8000"
	@echo "make build            build the site into site/ (strict)"
	@echo "make update-examples  rewrite the #> output lines and formatting of doc snippets"
	@echo "make snippets PAGE=docs/x.md  run one page's snippets"
	@echo "make matrix           run the tests on Django 5.2, 6.0 and 6.1 (nox)"
	@echo "make traces           re-record the signal-order traces and regenerate reference tables"
	@echo "make bench            measure what signals cost on this machine (about 30 s)"
	@echo "make screenshots      full-page screenshots (light/dark, phone/desktop) into screenshots/"
	@echo "make lighthouse       Lighthouse scores of three pages (needs chromium and npm)"
	@echo "make format           apply ruff formatting and safe fixes"
	@echo "make clean            remove .venv, site/ and caches"

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
test: lint build
	$(MAKE) --no-print-directory tests HANDBOOK_SITE_DIR=site

lint: venv node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/typos
	$(BIN)/zizmor --offline --persona=pedantic .github
	$(BIN)/actionlint -oneline
	node_modules/.bin/markdownlint-cli2

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

tests: venv
	$(BIN)/coverage erase
	HANDBOOK_SITE_DIR=$(HANDBOOK_SITE_DIR) $(BIN)/coverage run -m pytest $(PYTEST_ARGS)
	$(BIN)/coverage report

build: venv
	$(BIN)/mkdocs build --strict

serve: venv
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

update-examples: venv
	$(BIN)/pytest tests/test_docs.py --update-examples -p no:randomly $(if $(PAGE),--page $(PAGE))

snippets: venv
	@test -n "$(PAGE)" || { echo "usage: make snippets PAGE=docs/some/page.md"; exit 1; }
	$(BIN)/pytest tests/test_docs.py --page $(PAGE)

matrix: venv
	$(BIN)/nox --force-python $(BIN)/python

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

traces: venv
	$(BIN)/python -m tests.reference.update

bench: venv
	cd examples && ../$(BIN)/python -m toolbox.bench

lighthouse: venv node_modules/.installed
	$(BIN)/python -m tests.browser.lighthouse

screenshots: venv
	$(BIN)/python -m tests.browser.screenshots screenshots

clean:
	rm -rf $(VENV) node_modules site screenshots .nox .pytest_cache .ruff_cache .coverage htmlcov
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
