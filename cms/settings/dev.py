"""Local development: debug on, mails to the console, the embedded SQLite database by default."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
INTERNAL_IPS = ["127.0.0.1"]
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# Only here (and in the tests) may `manage.py ensure_dev_superuser` create a login with a printed
# password, and the demo commands run without --force-production (cms.management.demo_guard).
DEV_SUPERUSER_ALLOWED = True
DEMO_COMMANDS_ALLOWED = True

# `make demo` logs in with a password only; set TWO_FACTOR_ENFORCED=1 to try the second factor.
TWO_FACTOR_ENFORCED = env_bool("TWO_FACTOR_ENFORCED", False)
