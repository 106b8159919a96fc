# The two commands of the README: `make serve` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TEST_DATABASE_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
export TEST_DATABASE_URL

.PHONY: serve test setup browser-deps lint bench bench-scale bench-load bench-realdata bench-first-chart fuzz crash-test

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium and its driver, for the browser tests (never downloaded at run time).
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	  else \
	    echo "The browser tests need Debian's chromium and chromium-driver:"; \
	    echo "  sudo apt-get install -y chromium chromium-driver"; exit 1; \
	  fi; \
	fi

# Starts the dashboard; on first use builds the demo database (data/roadmap.db).
serve: setup
	@if [ -z "$$DATABASE_URL" ] && [ ! -f data/roadmap.db ]; then $(BIN)/roadmap demo; fi
	$(BIN)/roadmap serve

# The whole test suite: the data layer type-checked (mypy, [tool.mypy]), then pytest: SQLite always,
# PostgreSQL when TEST_DATABASE_URL answers, real Chromium. The tests without a browser run on two
# workers (pytest-xdist); the browser tests after them, also on two workers (one at a time they
# leave a core idle a third of the time). The slowest tests are listed at the end of each run.
# Python may write its bytecode caches (some machines set PYTHONDONTWRITEBYTECODE): Dash executes
# the page modules again for every app a test builds, and each command a test starts imports the
# package, which then compiles from source every time (24 ms more per app, measured).
test: setup browser-deps node_modules/.installed
	$(BIN)/mypy
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n 2 --durations=15 --ignore=tests/browser --ignore=tests/test_auth_browser.py
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n 2 --durations=10 tests/browser tests/test_auth_browser.py

lint: setup
	$(BIN)/ruff check .

bench: setup
	$(BIN)/python benchmarks/ingest.py

# Dashboard callbacks at 10k, 1M and 10M observations; requests/s under load (needs wrk).
bench-scale: setup
	$(BIN)/python benchmarks/dashboard.py --sizes 10k,1M,10M

# The real exports of ../shared/realdata: each plain load's time, and profile recognition.
bench-realdata: setup
	$(BIN)/python benchmarks/realdata.py

# The overview's first chart in headless Chromium, empty cache, against a small page's load.
bench-first-chart: setup browser-deps node_modules/.installed
	$(BIN)/python benchmarks/first_chart.py

bench-load: setup
	@command -v wrk >/dev/null || { echo "bench-load needs wrk: apt-get install -y wrk"; exit 1; }
	$(BIN)/python benchmarks/load.py

# 10,000 mutated and generated files through the three loaders; one JSON line of counts
# (tracebacks, hangs, memory, partial writes: each must be 0). REALDATA_DIR: the real exports.
fuzz: setup
	$(BIN)/python -m tests.fuzz.run --cases 10000

# 100 kill -9 of a big `roadmap load` per backend (SQLite, and PostgreSQL at TEST_DATABASE_URL):
# no orphan checker, no half-visible batch, the next import runs. One JSON line per backend.
crash-test: setup
	$(BIN)/python -m tests.crash.run --kills 100 --database-url $(TEST_DATABASE_URL)
