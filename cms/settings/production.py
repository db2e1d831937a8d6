"""Production: refuses to start without a real secret key, host names and public address."""

from .base import *  # noqa: F403
from .env import cache_settings, env_bool, env_int, env_list, env_str
from .logs import logging_config
from .validation import (
    validate_hsts,
    validate_production_environment,
    validate_public_base_url,
)

DEBUG = False
DEMO_COMMANDS_ALLOWED = False  # load_demo_content & co. refuse unless --force-production
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
validate_production_environment(SECRET_KEY, ALLOWED_HOSTS)
PUBLIC_BASE_URL = validate_public_base_url(env_str("PUBLIC_BASE_URL"), ALLOWED_HOSTS)
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = PUBLIC_BASE_URL
validate_hsts(SECURE_HSTS_SECONDS, SECURE_HSTS_INCLUDE_SUBDOMAINS, SECURE_HSTS_PRELOAD)  # noqa: F405

# Static files are served by the application itself (compressed, cache-busting names).
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405

# Caches: without Redis, one directory shared by the worker processes of this machine, so that a
# purge in one process (or by the scheduler) reaches all of them.
if not REDIS_URL:  # noqa: F405
    CACHES = cache_settings("", env_str("CACHE_DIR", str(BASE_DIR / "var" / "cache")))  # noqa: F405
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)

LOG_FORMAT = env_str("LOG_FORMAT", "json")  # one JSON object per line, with the request id
LOGGING = logging_config(LOG_FORMAT, LOG_LEVEL)  # noqa: F405
# Administrators and the coordination office always sign in with a second factor here.
TWO_FACTOR_ENFORCED = True
