# standpoint: `make demo` builds the bundled seed and shows who stands where; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORE ?= standpoint-store
OUT ?= out

.PHONY: demo test install browser lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,neo4j,falkordb]'
	touch $(STAMP)

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

test: $(STAMP) browser
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/pip install --quiet ruff mypy types-PyYAML
	$(BIN)/ruff check standpoint graph loaders ontology visualisations tests

clean:
	rm -rf $(VENV) $(STORE) $(OUT)
