# actorgraph: `make up` runs it all locally, `make test` proves it. Everything the project needs is
# installed from here (system packages via apt-get when missing, Python packages into .venv).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: up test lint install system-deps neo4j-start neo4j-stop test-neo4j-stop bench bench-smoke bench-deps bench-neo4j-stop browser-deps web web-deps web-test node-deps clean help

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

up: install web ## fresh machine -> local Neo4j + schema + seed/ loaded + explorer and GraphQL API on :8000
	$(BIN)/actorgraph up

test: install browser-deps web-test ## the explorer's unit tests, then the suite against a real local Neo4j (port 7688)
	$(BIN)/pytest

lint: install ## ruff + mypy (strict)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

install: system-deps $(STAMP) ## create .venv and install the project with its dev extras

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

system-deps: ## Java 17 and Maven for the local Neo4j (apt-get, only when missing)
	@if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless maven; \
	  else echo "Install Java 17 and Maven (e.g. sudo apt-get install openjdk-17-jre-headless maven)"; exit 1; fi; \
	fi

browser-deps: install ## Debian's Chromium (apt-get, only when missing) + Playwright, for tests/browser
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "No /usr/bin/chromium: the browser tests will be skipped (install it: sudo apt-get install chromium)"; fi; \
	fi
	@# Playwright drives /usr/bin/chromium; never `playwright install` (it would download its own browser).
	@$(BIN)/python -c "import playwright" 2>/dev/null || $(BIN)/python -m pip install -q 'playwright>=1.45'

# The explorer (web/): Node from Debian when missing, npm ci from the committed lock, and a build that
# reruns only when web/ or schema.graphql changed (its types are generated from the schema).
WEB_STAMP := web/node_modules/.installed
WEB_INDEX := web/dist/index.html
WEB_SOURCES := $(shell find web/src web/public -type f -not -path 'web/src/gql/*' 2>/dev/null) \
	web/index.html web/package.json web/tsconfig.json web/vite.config.ts web/codegen.ts schema.graphql

node-deps: ## Node.js 20+ and npm for the explorer (apt-get, only when missing)
	@if ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; \
	  else echo "Install Node.js 20+ and npm (e.g. sudo apt-get install nodejs npm)"; exit 1; fi; \
	fi
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Node "+process.versions.node+" is too old for the explorer: it needs 20.19 or newer"); process.exit(1) }'

web-deps: node-deps $(WEB_STAMP) ## install the explorer's packages (npm ci)

$(WEB_STAMP): web/package.json web/package-lock.json | node-deps
	cd web && npm ci --no-audit --no-fund
	touch $(WEB_STAMP)

web: web-deps $(WEB_INDEX) ## build the explorer into web/dist (types from schema.graphql, tsc, vite); cached

$(WEB_INDEX): $(WEB_STAMP) $(WEB_SOURCES)
	cd web && npm run build

web-test: web ## the explorer's unit tests (vitest)
	cd web && npm test

neo4j-start: install ## start the local Neo4j (bolt 7687, browser 7474)
	$(BIN)/actorgraph neo4j start

neo4j-stop: ## stop the local Neo4j
	$(BIN)/actorgraph neo4j stop

test-neo4j-stop: ## stop the Neo4j the tests use
	NEO4J_URI=bolt://127.0.0.1:7688 ACTORGRAPH_HTTP_PORT=7475 $(BIN)/actorgraph neo4j stop

# The benchmark wipes its database, so it has its own local Neo4j (Bolt 7705, HTTP 7405, own data).
BENCH_ENV := NEO4J_URI=bolt://127.0.0.1:7705 ACTORGRAPH_HTTP_PORT=7405 NEO4J_PASSWORD=actorgraph-test

bench: install bench-deps ## full benchmarks (~10 min): results in bench/results/full.json and BENCHMARKS.md
	$(BENCH_ENV) $(BIN)/python -m bench.run

bench-smoke: install bench-deps ## one-minute benchmark run (CI): bench/results/smoke.json, fails only if the harness breaks
	$(BENCH_ENV) $(BIN)/python -m bench.run --smoke

bench-deps: ## wrk, the HTTP load generator of the API benchmark (apt-get, only when missing)
	@if ! command -v wrk >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }; \
	  else echo "wrk not found: the API benchmark will be skipped (sudo apt-get install wrk)"; fi; \
	fi

bench-neo4j-stop: ## stop the Neo4j the benchmark uses
	$(BENCH_ENV) $(BIN)/actorgraph neo4j stop

clean: ## remove the venv and caches (not the Neo4j data in ACTORGRAPH_HOME)
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache web/node_modules web/dist web/src/gql
