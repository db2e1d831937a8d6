# Soziale Stadt NRW CMS – the one entry point. `make help` lists the targets.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help demo serve serve-production scheduler test checks lint format check pytest messages lock bench bench-postgres bench-http clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# uv (from PyPI, into the venv) installs the pinned dependencies in seconds where pip takes
# about a minute; should it fail, pip installs the same pins.
UV := $(VENV)/bin/uv
TEST_EXTRAS := .[test,production]
INSTALL = $(UV) pip install --python $(PY) --quiet -c constraints.txt -e "$(1)" \
	|| $(PIP) install --quiet -c constraints.txt -e "$(1)"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet uv || echo "uv is not available: pip installs the dependencies"

# Installs are stamped so repeated runs are instant; editing pyproject.toml or the lock reinstalls.
$(VENV)/.installed-demo: pyproject.toml constraints.txt | $(PY)
	$(call INSTALL,.)
	@touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt | $(PY)
	$(call INSTALL,$(TEST_EXTRAS))
	@touch $@ $(VENV)/.installed-demo

demo: $(VENV)/.installed-demo ## Install, migrate SQLite, load demo content, create dev logins (one per role), serve :8000
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) ensure_dev_superuser
	$(MANAGE) ensure_dev_users
	$(MANAGE) runserver $(HOST):$(PORT)

serve-production: $(VENV)/.installed-test ## Production settings under gunicorn on 127.0.0.1:PORT, as deploy/ does (SQLite or DATABASE_URL)
	PORT=$(PORT) deploy/serve-production.sh

serve: $(VENV)/.installed-demo ## Serve the site without reloading demo content
	$(MANAGE) runserver $(HOST):$(PORT)

# Scheduled publishing: go-live and expiry dates take effect when publish_scheduled runs. Start
# this next to the web server (same settings and DATABASE_URL), or use a cron line instead.
SCHEDULER_INTERVAL ?= 60

scheduler: $(VENV)/.installed-demo ## Publish/unpublish scheduled pages every SCHEDULER_INTERVAL seconds (worker)
	$(MANAGE) run_scheduler --interval $(SCHEDULER_INTERVAL)

# The suite runs on both cores (pytest-xdist, one test module per worker at a time, in the
# order of tests/scheduling.py); PYTEST_ARGS="-n 0" runs it in one process. The browser tests
# run beside it in a process of their own, with their own test database: their live server
# empties the database (transactional tests), which later modules of a worker would otherwise
# find without locales and groups. Lint and the checks run beside them too (while the first
# worker migrates the test database, the other core is free). Their output follows the suite's;
# each part prints its time and status.
PYTEST_ARGS ?= -n 2 --dist loadfile --no-loadscope-reorder
BROWSER_PYTEST_ARGS ?= -p no:cacheprovider

test: $(VENV)/.installed-test ## Lint, system checks, migration check and the test suite (DATABASE_URL or SQLite)
	@started=$$(date +%s); checks_log=$$(mktemp); browser_log=$$(mktemp); \
	$(MAKE) --no-print-directory checks >"$$checks_log" 2>&1 & checks=$$!; \
	$(VENV)/bin/pytest tests/browser $(BROWSER_PYTEST_ARGS) >"$$browser_log" 2>&1 & browser=$$!; \
	$(VENV)/bin/pytest $(PYTEST_ARGS) --ignore=tests/browser; suite=$$?; \
	echo "test suite: status $$suite after $$(( $$(date +%s) - started )) s"; \
	wait $$checks; checks_status=$$?; \
	echo "----- lint, system checks, migration check (ran beside the suite) -----"; \
	cat "$$checks_log"; rm -f "$$checks_log"; echo "checks: status $$checks_status"; \
	wait $$browser; browser_status=$$?; \
	echo "----- browser tests (ran beside the suite) -----"; cat "$$browser_log"; rm -f "$$browser_log"; \
	echo "browser tests: status $$browser_status, all done after $$(( $$(date +%s) - started )) s"; \
	test $$suite -eq 0 && test $$checks_status -eq 0 && test $$browser_status -eq 0

checks: $(VENV)/.installed-test ## Lint, format check, system checks and the migration check (part of test)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run

lint: $(VENV)/.installed-test ## Ruff lint and format check only
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-test ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/.installed-test ## Update and compile the German translations of our interface strings
	$(MANAGE) makemessages --locale de --no-obsolete --ignore ".venv/*" --ignore "tests/*" --add-location file
	$(MANAGE) compilemessages --locale de --ignore ".venv/*"

# Lines with an environment marker (" ; ") are kept as they are: Debian 12's Python is 3.11.2,
# and soupsieve 4 needs 3.11.5, so there soupsieve 2 is pinned (README, "Production").
lock: $(VENV)/.installed-test ## Re-pin constraints.txt to what is installed now
	grep " ; " constraints.txt > constraints.markers || true
	sed 's/==.*/==/' constraints.markers > constraints.marked
	$(PIP) freeze --exclude-editable --exclude soziale-stadt-cms --exclude uv | grep -v "^-e" \
		| grep -v -i -F -f constraints.marked > constraints.txt || true
	cat constraints.markers >> constraints.txt
	rm -f constraints.markers constraints.marked

# Benchmarks run on their own database, filled with the demo content and synthetic pages.
BENCH_PAGES ?= 10000
BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/bench.sqlite3
BENCH_POSTGRES_DB ?= sozialestadt_bench

bench: $(VENV)/.installed-demo ## Response times, query counts and search figures on BENCH_PAGES pages (SQLite)
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) migrate --noinput
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) load_demo_content
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) generate_content --pages $(BENCH_PAGES)
	DATABASE_URL=$(BENCH_DATABASE_URL) DEBUG=0 $(MANAGE) bench

bench-postgres: ## The same benchmark on the local PostgreSQL (database BENCH_POSTGRES_DB)
	createdb -h 127.0.0.1 -U postgres $(BENCH_POSTGRES_DB) 2>/dev/null || true
	$(MAKE) bench BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(BENCH_POSTGRES_DB)

# HTTP throughput of the production stack (gunicorn, production settings, page cache) with wrk
# over loopback, side by side with a static file from the same server. Demo content on PostgreSQL.
BENCH_HTTP_DB ?= sozialestadt_bench_http
BENCH_HTTP_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/$(BENCH_HTTP_DB)
BENCH_HTTP_ARGS ?= --seconds 5 --connections 8

bench-http: $(VENV)/.installed-test ## Requests/s of cached, uncached and uncacheable pages vs a static file (needs wrk, PostgreSQL)
	createdb -h 127.0.0.1 -U postgres $(BENCH_HTTP_DB) 2>/dev/null || true
	DATABASE_URL=$(BENCH_HTTP_DATABASE_URL) $(MANAGE) migrate --noinput -v0
	DATABASE_URL=$(BENCH_HTTP_DATABASE_URL) $(MANAGE) load_demo_content -v0
	DATABASE_URL=$(BENCH_HTTP_DATABASE_URL) GUNICORN_WORKERS=$${GUNICORN_WORKERS:-2} $(PY) deploy/bench_http.py $(BENCH_HTTP_ARGS)

# Backups: the database (pg_dump) and every media file, in a new directory under BACKUP_DIR.
# Runs with the site's own environment (DJANGO_SETTINGS_MODULE, DATABASE_URL, storage settings).
BACKUP_DIR ?= backups
BACKUP_KEEP ?=

.PHONY: backup
backup: $(VENV)/.installed-demo ## Back up database and media files into BACKUP_DIR (PostgreSQL); BACKUP_KEEP=N keeps the N newest
	$(MANAGE) backup_site $(BACKUP_DIR) $(if $(BACKUP_KEEP),--keep $(BACKUP_KEEP))

clean: ## Remove the virtualenv, the SQLite database and uploaded media
	rm -rf $(VENV) db.sqlite3 bench.sqlite3 media
