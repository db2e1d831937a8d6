#!/usr/bin/env bash
# Start the production settings locally the way the recipe does: migrate, collect static files,
# gunicorn with deploy/gunicorn.conf.py. Used by `make serve-production`.
# SQLite by default (db.sqlite3), or DATABASE_URL. Loopback only, plain HTTP.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV_BIN:-.venv/bin}"   # the virtualenv's bin directory (python, gunicorn)
export DJANGO_SETTINGS_MODULE=cms.settings.production
PORT="${PORT:-8000}"
export SECRET_KEY="${SECRET_KEY:-$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(64))')}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://127.0.0.1:${PORT}}"
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-0}"   # no TLS on loopback
export SECURE_HSTS_SECONDS="${SECURE_HSTS_SECONDS:-0}"
export CACHE_DIR="${CACHE_DIR:-$PWD/var/cache}"
export EMAIL_BACKEND="${EMAIL_BACKEND:-django.core.mail.backends.console.EmailBackend}"
export GUNICORN_BIND="${GUNICORN_BIND:-127.0.0.1:${PORT}}"
export GUNICORN_WORKERS="${GUNICORN_WORKERS:-2}"
"$BIN/python" manage.py migrate --noinput
"$BIN/python" manage.py collectstatic --noinput --verbosity 0
exec "$BIN/gunicorn" --config deploy/gunicorn.conf.py
