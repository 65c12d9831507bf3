# Two entry points, both of which set everything up on a fresh machine:
#   make run    extract every edition of the bundled corpus, diff them, write out/report.html (+ .md, .json, CSV) and each edition's and pair's files
#   make test   run the test suite (what CI runs, through .ci/run)
#   make bench  the speed scripts of benchmarks/, each against a baseline measured in the same run
# Developer targets over the test harness (`evaluation/`, run from this folder, never shipped):
#   make score          the diff measured on seeded perturbations (the three profiles, every 10th trial via PDF; then
#                       40 trials of the default and vocabulary profiles typeset by every producer of the layout family)
#   make corpus-pdfs    re-typeset the corpus PDFs and record their sha256 in corpus/manifest.toml
#   make run-reference  record the sha256 of `make run`'s outputs (tests/data/run-outputs.sha256)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The harness is imported from the checkout: the repository root goes on the path.
HARNESS := PYTHONPATH=$(CURDIR) $(BIN)/python
# The producers `make score` typesets trials in (a producer whose program is absent is skipped, with a line saying so).
PRODUCERS ?= pymupdf,reportlab,chromium,libreoffice

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

.PHONY: install run test bench score corpus-pdfs run-reference
install: $(BIN)/.installed

run: $(BIN)/.installed
	$(BIN)/editiondiff report

test: $(BIN)/.installed
	$(BIN)/pytest -q

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench_pdf.py
	$(BIN)/python benchmarks/bench_diff.py
	$(BIN)/python benchmarks/bench_startup.py
	$(BIN)/python benchmarks/bench_report.py
	$(BIN)/python benchmarks/bench_store.py

score: $(BIN)/.installed
	$(HARNESS) -m evaluation score --trials 200 --pdf-every 10
	$(HARNESS) -m evaluation score --trials 200 --pdf-every 10 --profile hard
	$(HARNESS) -m evaluation score --trials 200 --pdf-every 10 --profile vocabulary
	$(HARNESS) -m evaluation score --trials 40 --producers $(PRODUCERS)
	$(HARNESS) -m evaluation score --trials 40 --producers $(PRODUCERS) --profile vocabulary

corpus-pdfs: $(BIN)/.installed
	$(HARNESS) -m evaluation corpus-build

run-reference: $(BIN)/.installed
	rm -rf out/reference && $(BIN)/editiondiff run --no-store --out out/reference
	cd out/reference && LC_ALL=C sh -c 'sha256sum *' > $(CURDIR)/tests/data/run-outputs.sha256
