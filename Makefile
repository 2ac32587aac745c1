# Two commands do all set-up: `make serve` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test check install install-test browser clean readability lighthouse

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Marker files: reinstall only when the pinned requirements change.
$(VENV)/.installed: requirements.txt constraints.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt requirements.txt constraints.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-test.txt -c constraints.txt
	touch $@

# The HTML checker (vnu-jar, runs on Java) and Lighthouse come from npm, pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test browser node_modules/.installed

## serve: install, build and serve on http://127.0.0.1:8000 with live reload
serve: install
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

## build: a strict build into site/; a failed build leaves the old site/ as it was
build: install
	rm -rf .build/site.new
	$(BIN)/mkdocs build --strict --quiet --site-dir .build/site.new
	rm -rf .build/site.old
	if [ -d site ]; then mv site .build/site.old; fi
	mv .build/site.new site
	rm -rf .build/site.old

## browser: Debian's Chromium for the browser tests (Playwright cannot download one here)
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Debian's chromium…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

## test: install what the tests need and run the whole suite
test: install-test
	$(BIN)/ruff check macros tests scripts
	$(BIN)/python -m pytest

clean:
	rm -rf .build site test-output

## readability: Flesch-Douma (Dutch) and Flesch Reading Ease (English) per page, on a fresh build
readability: build $(VENV)/.installed-test
	$(BIN)/python scripts/readability.py site

## lighthouse: a report of Lighthouse's four scores per page type (not a test)
lighthouse: build install-test
	$(BIN)/python scripts/lighthouse.py
