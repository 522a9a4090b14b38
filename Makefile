# Two commands on a machine that has only Python 3.11: `make run` and `make test`.
# Everything else is installed into .tools/ (uv) and .venv/ (the project) from uv.lock.

PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: install run serve demo test lint format check bench loadtest clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.installed

## make run: install, migrate, load the demo content and serve on http://127.0.0.1:8000
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: export WAGTAILAPI_BASE_URL ?= http://$(HOST):$(PORT)
run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo_content
	$(PY) manage.py runserver $(HOST):$(PORT)

## make test: install and run the whole suite (browser tests run where Chromium is installed)
test: install
	$(PY) -m pytest $(PYTEST_ARGS)

.PHONY: lighthouse screenshots
## make lighthouse: Lighthouse 12 (mobile) on four demo pages served production-like; medians of 3
## runs. LIGHTHOUSE_ARGS=--check fails below 100 in accessibility, best practices or SEO (CI).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

lighthouse: install node_modules/.installed
	$(PY) -m tests.browser.lighthouse $(LIGHTHOUSE_ARGS)

## make screenshots: phone and desktop screenshots of every page type in both languages (screenshots/)
screenshots: install
	$(PY) -m tests.browser.screenshots

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

## make bench: seed demo + BENCH_PAGES (500) pages, serve with gunicorn on loopback, print timings
bench: install
	$(PY) bench/run.py

## make loadtest: 64 connections for 30 s while an editor publishes; fails on any error or stale page
loadtest: install
	$(PY) bench/loadtest.py

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .ruff_cache .bench
