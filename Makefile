# Two commands do all set-up: `make serve` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Reproducible builds: every time stamp MkDocs writes is the time of the last commit.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif
# Where `make build` puts the site; the new build is made beside it and swapped in.
SITE ?= site
# Which region: a folder with content/ and data/ (data/region.yaml names the region).
# Without REGION, this repository's own content/ and data/ are built.
REGION ?=
ifneq ($(REGION),)
export REGIOVISIE_REGION := $(abspath $(REGION))
endif

$(if $(filter region,$(MAKECMDGOALS)),$(if $(NAME),,$(error Give the region a name: make region NAME="Noord")))

.PHONY: serve build test check translations register region install install-test browser pdf-libs pdf-tools clean readability lighthouse benchmark

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Marker files: reinstall only when the pinned requirements change.
# make check needs only a few packages (requirements-check.txt): the editors' check job installs just those.
$(VENV)/.installed-check: requirements-check.txt constraints.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements-check.txt -c constraints.txt
	touch $@

$(VENV)/.installed: requirements.txt requirements-check.txt constraints.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt requirements.txt constraints.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-test.txt -c constraints.txt
	touch $@

# The HTML checker (vnu-jar, runs on Java), Siteimprove Alfa and Lighthouse come from npm, pinned in
# package-lock.json. Playwright for Node drives Debian's chromium: it never downloads a browser.
node_modules/.installed: package.json package-lock.json
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	touch $@

## pdf-libs: pango and a font for WeasyPrint (the PDFs), from Debian, when missing
pdf-libs:
	@if ! ldconfig -p | grep -q libpangoft2-1.0.so.0 || ! fc-list 2>/dev/null | grep -qi "DejaVu Sans"; then \
	  echo "Installing pango and fonts for the PDFs…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-dejavu-core >/dev/null; \
	fi

install: $(VENV)/.installed pdf-libs
install-test: $(VENV)/.installed-test browser pdf-tools node_modules/.installed

## serve: install, build and serve on http://127.0.0.1:8000 with live reload; problems show in the browser
# MkDocs' own lines (in English, some twenty a rebuild) only with V=1: editors see ours, in Dutch.
serve: install
	REGIOVISIE_PREVIEW=1 $(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000 $(if $(V),,--quiet)

## build: a strict build into site/; a failed build leaves the old site/ exactly as it was
build: install
	rm -rf $(SITE).new $(SITE).old
	$(BIN)/mkdocs build --strict --quiet --site-dir $(SITE).new
	if [ -d $(SITE) ]; then mv $(SITE) $(SITE).old; fi
	mv $(SITE).new $(SITE)
	rm -rf $(SITE).old

## check: every problem in content/, data/ and docs/ in one list, in a second, without building
check: $(VENV)/.installed-check
	@$(BIN)/python -m macros.cli.check check

## translations: a table of every page's translation status
translations: install
	@$(BIN)/python -m macros.cli.check translations

## register: add the site's new addresses to data/addresses.txt
register: install
	@$(BIN)/python -m macros.cli.check register

## region: start a new region from the example: make region NAME="Noord" [DIR=regions/noord]
region: install
	@$(BIN)/python -m macros.cli.new_region "$(NAME)" $(DIR)

## pdf-tools: pdftoppm (poppler-utils), which renders every PDF page for review in the tests, and
## the Debian Java libraries that ../shared's veraPDF check needs: installed here, once, because
## the tests run two veraPDF checks side by side and two installs at once fight over apt's lock
pdf-tools: pdf-libs
	@if ! command -v pdftoppm >/dev/null || { [ -f ../shared/tools/verapdf/check-pdfua ] && [ ! -f /usr/share/java/pdfbox2.jar ]; }; then \
	  echo "Installing poppler-utils (pdftoppm) and the Java libraries for veraPDF…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq poppler-utils \
	    librhino-java libjaxb-api-java libjaxb-java libjackson2-databind-java libjackson2-core-java \
	    libjackson2-annotations-java libpdfbox2-java >/dev/null; \
	fi

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
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest

clean:
	rm -rf .build site site.new site.old test-output

## readability: Flesch-Douma (Dutch) and Flesch Reading Ease (English) per page, on a fresh build
readability: build $(VENV)/.installed-test
	$(BIN)/python scripts/readability.py site

## lighthouse: a report of Lighthouse's four scores per page type (not a test)
lighthouse: build install-test
	$(BIN)/python scripts/lighthouse.py

## benchmark: median times of make check and the build, and the site's size (a report, not a test)
benchmark: install-test
	$(BIN)/python scripts/benchmark.py
