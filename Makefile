# Teilhabe: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format venv browser demo migrate messages clean bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

# Browser tests drive Debian's chromium (never a downloaded browser build).
browser:
	@test -x /usr/bin/chromium || { \
	  echo "Installing Debian's chromium for the browser tests ..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

migrate: $(STAMP)
	@mkdir -p var
	$(BIN)/teilhabe migrate --noinput

demo: migrate
	$(BIN)/teilhabe demo

# The job worker runs beside the server; Ctrl-C (or the server ending) stops both.
run: demo
	@DEBUG=1 $(BIN)/teilhabe db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(BIN)/teilhabe runserver 127.0.0.1:$${PORT:-8000}

test: $(STAMP) browser
	@mkdir -p var
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Translation catalogues: compiled .mo files are committed, so only translators need gettext.
messages: $(STAMP)
	cd teilhabe && ../$(BIN)/teilhabe makemessages -l en --ignore "*/tests/*"
	cd teilhabe && ../$(BIN)/teilhabe compilemessages

bench: $(STAMP)
	$(BIN)/python bench/concept.py
	$(BIN)/python bench/factcheck.py

clean:
	rm -rf $(VENV) var build *.egg-info
