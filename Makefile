# Two entry points, both of which set everything up on a fresh machine:
#   make run    extract every edition of the bundled corpus, diff them, print a summary
#   make test   run the test suite (what CI runs, through .ci/run)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

.PHONY: install run test bench
install: $(BIN)/.installed

run: $(BIN)/.installed
	$(BIN)/editiondiff run

test: $(BIN)/.installed
	$(BIN)/pytest -q

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench_pdf.py
	$(BIN)/python benchmarks/bench_diff.py
	$(BIN)/python benchmarks/bench_startup.py
