# Two entry points: `make run` (the demo site on SQLite) and `make test` (the test suite).
# Both create .venv and install the project on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: run test lint install clean prod

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet '.[dev]'
	touch $@

install: $(BIN)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py local_admin
	@echo "Serving the site at http://$(HOST)/ (admin at http://$(HOST)/admin/)"
	$(BIN)/python manage.py runserver $(HOST)

# Production: granian on PostgreSQL and Redis, DEBUG off (README: Production).
prod: install
	@for var in DJANGO_SECRET_KEY DATABASE_URL REDIS_URL; do \
	    if [ -z "$$(printenv $$var)" ]; then \
	        echo "make prod needs $$var in the environment; see README, section Production."; \
	        echo "A secret key: export DJANGO_SECRET_KEY=\"\$$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')\""; \
	        exit 1; \
	    fi; \
	done
	DJANGO_DEBUG=0 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=0 $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} \
	    exec $(BIN)/python -m config.serve

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) build *.egg-info staticfiles
