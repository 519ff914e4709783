# Teilhabe: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format venv browser fonts office a11y a11y-tools vendor-axe demo migrate messages clean bench bench-load lock audit

# Dependencies come pinned and hashed from requirements-dev.lock (`make lock` refreshes it) first; the editable
# install then adds the project itself and anything added to pyproject.toml since the last `make lock`.
$(STAMP): pyproject.toml requirements.lock requirements-dev.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

# Browser tests drive Debian's chromium (never a downloaded browser build).
browser:
	@test -x /usr/bin/chromium || { \
	  echo "Installing Debian's chromium for the browser tests ..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

# The PDFs (bulletins, sign-in sheets) print Latin, Cyrillic and Arabic with Debian's DejaVu fonts (Arabic right to
# left); Noto (fonts-noto-core) is used too where installed. Nothing is downloaded at print time.
fonts:
	@fc-list :lang=ar family | grep -q . || { \
	  echo "Installing Debian's DejaVu fonts for the PDFs ..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq fonts-dejavu-core fontconfig >/dev/null; }

# The activity report's PPTX and DOCX are converted by LibreOffice in a test (headless, Debian's packages without
# the desktop parts), as an office would open them.
office:
	@command -v soffice >/dev/null || { \
	  echo "Installing Debian's LibreOffice (Writer, Impress, headless) for the report conversion test ..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libreoffice-writer-nogui libreoffice-impress-nogui >/dev/null; }

# The accessibility checkers: Java for the Nu HTML Checker, node for Pa11y (apt, where missing), and the npm
# packages of the committed package-lock.json. No browser download: Pa11y drives Debian's chromium.
A11Y_STAMP := node_modules/.installed
$(A11Y_STAMP): package.json package-lock.json
	@command -v java >/dev/null && command -v npm >/dev/null || { \
	  echo "Installing Java and node for the accessibility checks ..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless nodejs npm >/dev/null; }
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(A11Y_STAMP)

a11y-tools: browser $(A11Y_STAMP)

# Every page for every role, German and English, and every form in its error state: axe-core, the Nu HTML Checker,
# Pa11y (A11Y_PAGES=name,... for some pages, A11Y_ROLES=public,office for some roles; README "Barrierefreiheit prüfen").
a11y: $(STAMP) a11y-tools
	@mkdir -p var
	$(BIN)/pytest -m a11y

# After an update of axe-core in package.json: refresh the vendored copy the walk injects.
vendor-axe: $(A11Y_STAMP)
	cp node_modules/axe-core/axe.min.js teilhabe/testing/vendor/axe.min.js

migrate: $(STAMP)
	@mkdir -p var
	$(BIN)/teilhabe migrate --noinput

demo: migrate
	$(BIN)/teilhabe demo

# The job worker runs beside the server; Ctrl-C (or the server ending) stops both.
# The worker runs quiet (--verbosity 0: no line per job, which scrolled the demo logins away); a job that
# crashes is still logged (teilhabe.jobs), and every job's outcome is on the office's job pages.
run: demo
	@DEBUG=1 $(BIN)/teilhabe db_worker --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(BIN)/teilhabe runserver 127.0.0.1:$${PORT:-8000}

test: $(STAMP) browser fonts office a11y-tools
	@mkdir -p var
	$(BIN)/pytest -m "not a11y"
	$(MAKE) --no-print-directory a11y

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
	$(BIN)/python bench/upload.py
	$(BIN)/python bench/activities.py
	$(BIN)/python bench/registrations.py

# Load test (bench/load.py): a fresh PostgreSQL database with the demo data, gunicorn with 2 workers on port 8115,
# 50 simulated people for 5 minutes. locust is installed here on demand (it is not needed for anything else).
BENCH_DB ?= teilhabe_bench
BENCH_URL = postgres://postgres@127.0.0.1:5432/$(BENCH_DB)
bench-load: $(STAMP)
	$(BIN)/python -m pip install --quiet "locust>=2.30"
	psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $(BENCH_DB)" && psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $(BENCH_DB)"
	DATABASE_URL=$(BENCH_URL) $(BIN)/teilhabe migrate -v0 && DATABASE_URL=$(BENCH_URL) $(BIN)/teilhabe demo >/dev/null
	DATABASE_URL=$(BENCH_URL) STATIC_ROOT=var/bench-static $(BIN)/teilhabe collectstatic --noinput -v0
	DATABASE_URL=$(BENCH_URL) STATIC_ROOT=var/bench-static HTTPS=0 SECRET_KEY=bench-only-$$$$ \
	  $(BIN)/gunicorn teilhabe.wsgi -w 2 -b 127.0.0.1:8115 --pid var/bench-gunicorn.pid --daemon
	sleep 5; DATABASE_URL=$(BENCH_URL) $(BIN)/python bench/load.py --host http://127.0.0.1:8115 --users 50 --minutes 5; \
	  status=$$?; kill $$(cat var/bench-gunicorn.pid); exit $$status

# Refresh the lock files from pyproject.toml (keeps existing pins; `make lock UPGRADE=1` moves every pin to the
# newest release). requirements.lock: the application (deployment); requirements-dev.lock: with the dev tools.
LOCK_ARGS = pyproject.toml --generate-hashes --universal --python-version 3.11 --quiet $(if $(UPGRADE),--upgrade)
lock: $(STAMP)
	$(BIN)/uv pip compile $(LOCK_ARGS) -o requirements.lock
	$(BIN)/uv pip compile $(LOCK_ARGS) --extra dev -o requirements-dev.lock

# Known vulnerabilities in the pinned dependencies (skipped with a notice when the service cannot be reached).
audit: $(STAMP)
	bash .ci/audit

clean:
	rm -rf $(VENV) var build *.egg-info node_modules
