"""Production: refuses to start without a real secret key, host names and public address."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str
from .validation import (
    validate_hsts,
    validate_production_environment,
    validate_public_base_url,
)

DEBUG = False
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
