# Retorno — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEMO_PERSONS ?= 5000
PYTEST := $(BIN)/python -m pytest

.PHONY: demo serve install test test-sqlite test-postgres test-browser lint messages bench-install clean

$(BIN)/.installed: requirements/base.txt requirements/test.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@

install: $(BIN)/.installed

## make demo: install, migrate, load the demo programme into SQLite, serve on 127.0.0.1:$(PORT)
demo: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py demo_data --persons $(DEMO_PERSONS)
	@echo "Retorno is at http://127.0.0.1:$(PORT)/  (Ctrl-C to stop; the background worker runs beside it)"
	$(BIN)/python manage.py worker -v 0 & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## make test: lint, then the suite on SQLite, on a throwaway PostgreSQL 15, and in headless Chromium
test: install lint test-sqlite test-postgres test-browser
	@scripts/test-summary var/test-sqlite.xml var/test-postgres.xml var/test-browser.xml

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	# Apps import only from the layers below them (.importlinter says which and why).
	$(BIN)/lint-imports
	# Security: bandit at medium and high severity (justify a false positive inline: # nosec BXXX - why),
	# then known vulnerabilities in the pinned packages (skipped, and said so, when PyPI is unreachable).
	$(BIN)/bandit -q -r retorno --severity-level medium -x "*/tests/*,*/tests_api/*,*/tests_browser/*,*/migrations/*"
	BIN=$(BIN) scripts/pip-audit-or-skip
	DEBUG=False SECRET_KEY=ci-deploy-check-$$(printf '%064d' 0) RETORNO_ENCRYPTION_KEYS=$$($(BIN)/python -c 'import base64; print(base64.urlsafe_b64encode(bytes(range(32))).decode())') ALLOWED_HOSTS=retorno.example.org \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

test-sqlite: install
	@echo "== SQLite leg =="
	mkdir -p var && $(PYTEST) -m "not browser and not bench" -n 2 --junitxml=var/test-sqlite.xml

test-postgres: install
	@echo "== PostgreSQL leg =="
	# The matrix, the fuzzing and the page walker check permissions, API validation and rendering,
	# which do not depend on the database: they run once, in the SQLite leg.
	mkdir -p var && scripts/with-postgres $(PYTEST) -m "not browser and not bench and not matrix and not fuzz and not walker" -n 2 --junitxml=var/test-postgres.xml

test-browser: install
	@echo "== Browser leg (Chromium) =="
	scripts/ensure-chromium
	# A file database, not shared-cache memory: the live server answers HTMX polls while the test
	# writes, and SQLite's shared cache then fails with "table is locked" instead of waiting.
	mkdir -p var && TEST_SQLITE_NAME=$(CURDIR)/var/test-browser.sqlite3 $(PYTEST) -m browser --junitxml=var/test-browser.xml

messages:
	cd retorno && ../$(BIN)/django-admin makemessages -l es -l en --no-obsolete && ../$(BIN)/django-admin compilemessages

bench-install: install
	$(BIN)/pip install --quiet -r requirements/bench.txt

clean:
	rm -rf $(VENV) var staticfiles
