# Two commands on a machine that has only Python (3.11, 3.12 or 3.13) and make: `make run` and
# `make test`. Everything else is installed into .tools/ (uv) and .venv/ (the project) from uv.lock.

PYTHON ?= python3
# X.Y and path of $(PYTHON), e.g. "3.13 /usr/bin/python3.13" (empty when it does not run).
PYTHON_INFO := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2], sys.executable)' 2>/dev/null)
PYTHON_VERSION := $(word 1,$(PYTHON_INFO))
PYTHON_PATH := $(word 2,$(PYTHON_INFO))
ifeq ($(PYTHON_VERSION),)
ifneq ($(MAKECMDGOALS),clean)
$(error PYTHON=$(PYTHON) does not run: give a Python 3.11, 3.12 or 3.13 interpreter (a command on PATH or a path))
endif
endif
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
# The default python3 installs into .venv; any other PYTHON (PYTHON=python3.13 or a path) gets an
# environment of its own named after its version, e.g. .venv-3.13, so that switching interpreters
# never reuses another one's environment.
ifeq ($(PYTHON),python3)
VENV := .venv
else
VENV := .venv-$(PYTHON_VERSION)
endif
PY := $(VENV)/bin/python
# The stamp names the version too: when python3 itself changes (3.11 -> 3.12), `uv sync` runs
# again and, given the interpreter's path (uv takes a bare `python3` for "any Python 3"), replaces
# the environment.
INSTALLED := $(VENV)/.installed-$(PYTHON_VERSION)
HOST ?= 127.0.0.1
PORT ?= 8000

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: install run serve demo test lint format check bench loadtest faults backup restore clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(INSTALLED): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON_PATH)
	@touch $@

install: $(INSTALLED)

## make run: install, migrate, load the demo content and serve on http://127.0.0.1:8000, with the
## background worker that sends webhooks (stopped with the server)
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: export WAGTAILAPI_BASE_URL ?= http://$(HOST):$(PORT)
run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo_content
	$(PY) manage.py db_worker --backend webhooks --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

## make test: install and run the whole suite (browser tests run where Chromium is installed)
test: install
	$(PY) -m pytest $(PYTEST_ARGS)

.PHONY: lighthouse screenshots guide-screens
## make lighthouse: Lighthouse 12 (mobile) on five demo pages served production-like; medians of 3
## runs. LIGHTHOUSE_ARGS=--check fails below 100 in accessibility, best practices or SEO (CI), and
## runs a page once when it meets them.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

lighthouse: install node_modules/.installed
	$(PY) -m tests.browser.lighthouse $(LIGHTHOUSE_ARGS)

## make screenshots: phone and desktop screenshots of every page type in both languages (screenshots/)
screenshots: install
	$(PY) -m tests.browser.screenshots

## make guide-screens: the screenshots of docs/editors.md's translation journey, taken from the
## real admin on a fresh demo site (docs/images/editors/)
guide-screens: install
	$(PY) docs/images/editors/capture.py

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

## make backup: the database and the media originals in one dated archive (BACKUP_DIR, default
## backups-archive/); it holds patient data and is readable by its owner only (docs/deploy.md)
BACKUP_DIR ?= backups-archive
backup: install
	$(PY) manage.py backup --directory $(BACKUP_DIR)

## make restore FILE=…: bring an archive back into the empty database DATABASE_URL names
restore: install
	@test -n "$(FILE)" || { echo "make restore FILE=backups-archive/clinic-backup-….tar.gz"; exit 2; }
	$(PY) manage.py restore "$(FILE)"

## make bench: seed demo + BENCH_PAGES (500) pages, serve with gunicorn on loopback, print timings
bench: install
	$(PY) bench/run.py

## make loadtest: 64 connections for 30 s while an editor publishes; fails on any error or stale page
loadtest: install
	$(PY) bench/loadtest.py

## make faults: 64 connections for 30 s across a PostgreSQL restart, a Redis restart, a Redis
## FLUSHALL and a killed worker, on servers of its own; fails on any 5xx but the 503 page
faults: install
	$(PY) bench/faults.py

clean:
	rm -rf .venv .venv-3.* $(TOOLS) .pytest_cache .ruff_cache .bench
