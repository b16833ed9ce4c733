# The two entry points of the README. Each installs what it needs on a fresh Debian
# machine that has Swift (libedit-dev for line editing, libsqlite3-dev for the store).
SWIFT ?= swift
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
DEMO ?= .demo-workspace

.PHONY: run test deps test-deps bench bench-usage bench-backtest bench-stores bench-reading

PACKAGES ?= libedit-dev libsqlite3-dev pkg-config

deps:
	@missing=""; \
	for pkg in $(PACKAGES); do \
	  dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# Opens the shell on a demo workspace (created on first run, dated from that day), built
# for release as users build it.
run: deps
	SWIFT=$(SWIFT) scripts/build-release
	@[ -f $(DEMO)/workspace.sqlite ] || .build/release/cse init $(DEMO) --demo
	.build/release/cse -w $(DEMO)

# The tests also print the QBR deck and the portfolio page through headless Chromium and
# read the PDFs back with poppler (pdfinfo, pdftoppm, pdftotext); a CJK font draws Chinese.
test-deps:
	@$(MAKE) --no-print-directory deps PACKAGES="chromium poppler-utils fonts-noto-cjk"

# Builds the release product (the optimiser has crashed where debug builds did not), then
# builds and runs every test, transcripts included, against SQLite and against a PostgreSQL
# server of the tests' own (scripts/with-postgres installs, starts and stops it), and ends
# with one "N passed, N failed" line.
test: deps test-deps
	SWIFT=$(SWIFT) scripts/build-release
	$(SWIFT) build --build-tests
	scripts/with-postgres $(SWIFT) test --skip-build 2>&1 | tee .build/test.log
	@awk '/Executed [0-9]+ tests?, with / { n = $$2; s = 0; \
	        for (i = 1; i <= NF; i++) { if ($$i ~ /^failures?$$/) f = $$(i - 1); if ($$i == "skipped") s = $$(i - 2) } } \
	      /Test run with [0-9]+ tests?/ { for (i = 1; i <= NF; i++) if ($$i == "with") { t = $$(i + 1); break } } \
	      /Test .*\(\) failed after/ { tf++ } \
	      END { print n - f - s + t - tf " passed, " f + tf " failed" (s > 0 ? ", " s " skipped" : "") }' .build/test.log

# Speed figures (hyperfine); see bench/run.
bench: deps
	bash bench/run

# Product events: 10,000,000 raw events imported, and scoring with 30 custom metrics.
bench-usage: deps
	bash bench/usage

# backtest and calibrate on 1,000 accounts × 100 weeks, and calibrate against scikit-learn.
bench-backtest: deps
	bash bench/backtest

# The same commands on SQLite and on PostgreSQL (a server of its own); see bench/stores.
bench-stores: deps
	bash bench/stores $(ACCOUNTS)

# Reading a line and completing a name with Tab on 100,000 accounts; see bench/reading.
bench-reading: deps
	bash bench/reading $(ACCOUNTS)
