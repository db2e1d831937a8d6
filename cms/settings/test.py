"""Test runs: fast hashing, files kept in memory, no outside network.

The database still comes from DATABASE_URL, so CI runs the suite against PostgreSQL.
"""

from .base import *  # noqa: F403
from .env import cache_settings

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = cache_settings(redis_url="", cache_dir="")  # process memory, whatever the environment
PAGE_CACHE_SECONDS = 0  # tests of the page cache switch it on (tests/cms/test_pagecache.py)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
DEV_SUPERUSER_ALLOWED = True
DEMO_COMMANDS_ALLOWED = True
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
TWO_FACTOR_ENFORCED = True  # test logins pass it through tests/conftest.py unless they test it
TWO_FACTOR_REQUIRED_FOR_ALL = False
