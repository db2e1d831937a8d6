"""Settings shared by every environment.

Everything that differs between machines comes from environment variables (see README,
"Configuration"); the defaults give a working local site on the embedded SQLite database.
"""

import datetime
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

from .env import cache_settings, env_bool, env_int, env_list, env_str, media_storage
from .logs import logging_config
from .translation import machine_translator

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env_str("SECRET_KEY", "insecure-local-development-key-do-not-use-in-production")
DEBUG = env_bool("DEBUG", False)
# Demo content and dev logins (cms.management.demo_guard): off unless a settings module for
# development switches them on; production keeps them off.
DEMO_COMMANDS_ALLOWED = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first, so their templates and translations win over the libraries' defaults.
    "cms",
    "home",
    "profiles",
    "knowledge",
    "events",
    "search",
    # Translation workflow (replaces wagtail.locales).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtailgeowidget",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "rest_framework",
    "ninja",  # serves the API v3 docs' Swagger UI from our static files, not a CDN
    "corsheaders",
    "csp",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "cms.users.apps.UsersConfig",  # wagtail.users, its user admin limited (cms.users.views)
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",  # trigram lookups of the search fallback (PostgreSQL)
]
# Documents and images under the approval rule; last, because it wraps Wagtail's document and
# image API endpoints, which exist only once those apps are ready.
INSTALLED_APPS += ["cms.files"]

MIDDLEWARE = [
    "log_request_id.middleware.RequestIDMiddleware",  # first: every log line has the request id
    "django.middleware.security.SecurityMiddleware",
    "cms.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "cms.middleware.QueryGuardMiddleware",
    "cms.middleware.ApiCachingMiddleware",
    "cms.middleware.ApiJsonObjectMiddleware",
    "cms.pagecache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): second factor given
    "cms.accounts.middleware.TwoFactorMiddleware",
    "cms.accounts.middleware.ApiTokenThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.routing.RouteMemoryMiddleware",  # answers Wagtail's routing from memory (process_view)
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the login page's message
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL (postgres://user:pass@host:5432/name); SQLite file by default.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
# PostgreSQL's JIT compiler pays off for long analytical queries, not for a web page's: it
# compiles the facet statement of a listing at 10,000 pages for ~0.7 s on every request
# (measured: /de/stadtteilprofile/ 1.7 s with JIT, see the README's benchmarks). Off per
# connection unless DATABASE_JIT=1.
if DATABASES["default"]["ENGINE"].endswith("postgresql") and not env_bool("DATABASE_JIT", False):
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches: REDIS_URL selects Redis (needs the "production" extra), shared by every application
# server; CACHE_DIR a directory shared by the worker processes of one machine; the process's
# memory otherwise. "pages" holds the anonymous page cache (cms.pagecache).
REDIS_URL = env_str("REDIS_URL")
CACHE_DIR = env_str("CACHE_DIR")
CACHES = cache_settings(REDIS_URL, CACHE_DIR)
# How long an anonymous page, feed or API response is served from the cache at most (0: off).
# Publishing and every other visible change purge it at once.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
# The site shell (menu, header and footer links, site settings; cms.shell) is kept in the same
# cache under the same purge counter, also while the page cache is off; 0 switches it off.
SHELL_CACHE_SECONDS = env_int("SHELL_CACHE_SECONDS", 600)
# Where page addresses lead, kept by each worker process until public content changes
# (cms.routing): at most this many addresses per process; 0 switches it off.
ROUTE_MEMORY_SIZE = env_int("ROUTE_MEMORY_SIZE", 10_000)
# Statements compiled once per content version (listings' facets; cms.statements): at most this
# many per process; 0 switches it off.
STATEMENT_MEMORY_SIZE = env_int("STATEMENT_MEMORY_SIZE", 1_000)
# The remembered and fixed statements run as prepared statements (PostgreSQL; cms.statements):
# 0 for a connection pooler that cannot keep them (PgBouncer before 1.21 in transaction mode).
DATABASE_PREPARED_STATEMENTS = env_bool("DATABASE_PREPARED_STATEMENTS", True)
if DATABASES["default"]["ENGINE"].endswith("postgresql") and DATABASE_PREPARED_STATEMENTS:
    # psycopg prepares nothing while this is None (Django's default). Only the cursors of
    # cms.statements ask for it (``prepare=True``); Django's own cursors bind on the client
    # and never prepare, whatever the number.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("prepare_threshold", 2**31 - 1)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German is the default and the source of every translation; English follows.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["cms.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATIC_URL = env_str("STATIC_URL", "/static/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = env_str("MEDIA_URL", "/media/")
# Uploaded files: MEDIA_ROOT on this machine, or an S3-compatible bucket shared by several
# application servers (MEDIA_STORAGE=s3 with AWS_* settings, "production" extra; README).
STORAGES = {
    "default": media_storage(env_str("MEDIA_STORAGE")),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page forms exceed Django's default of 1,000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
# No default host: an SMTP backend without EMAIL_HOST is reported by `manage.py check` (cms.W001).
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "soziale-stadt@netzwerk-stadtentwicklung.nrw")
# Feedback from the accessibility statement's form goes here (else to the site settings' e-mail);
# each address may send this many messages an hour.
ACCESSIBILITY_FEEDBACK_EMAIL = env_str("ACCESSIBILITY_FEEDBACK_EMAIL")
ACCESSIBILITY_FEEDBACK_PER_HOUR = env_int("ACCESSIBILITY_FEEDBACK_PER_HOUR", 5)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Logs go to stderr, one line per record: LOG_FORMAT=plain (default) or json (production's
# default; cms.settings.logs). Each request gets an id (django-log-request-id) that every line it
# logs carries and that is returned as X-Request-ID. An id sent by the client is used only when
# TRUST_REQUEST_ID_HEADER is set, i.e. a proxy in front sets or overwrites that header.
LOG_FORMAT = env_str("LOG_FORMAT", "plain")
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = logging_config(LOG_FORMAT, LOG_LEVEL)
REQUEST_ID_RESPONSE_HEADER = "X-Request-ID"
if env_bool("TRUST_REQUEST_ID_HEADER", False):
    LOG_REQUEST_ID_HEADER = "HTTP_X_REQUEST_ID"
    GENERATE_REQUEST_ID_IF_NOT_IN_HEADER = True
# One access line per request (method, path, status, user id) from log_request_id.middleware.
LOG_REQUESTS = env_bool("LOG_REQUESTS", False)

# The health check answers a load balancer over plain HTTP too (SECURE_SSL_REDIRECT).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Wagtail
WAGTAIL_SITE_NAME = "Soziale Stadt NRW"
# The site's public address (scheme and host): links in e-mails, API URLs and the sitemap.
# Required in production (cms.settings.validation); WAGTAILADMIN_BASE_URL is the old name.
PUBLIC_BASE_URL = env_str(
    "PUBLIC_BASE_URL", env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
).rstrip("/")
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
# Wagtail's database backend, with each page indexed in its language's text search
# configuration (search.backend); the search service (search.service) queries that index.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend", "SEARCH_CONFIG": "german"}}
SEARCH_LANGUAGE_CONFIGS = {"de": "german", "en": "english"}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILDOCS_DOCUMENT_MODEL = "cms.CMSDocument"
# Checked by content too (cms.models.documents): a file must be what its name says.
# mp4/webm/vtt: sign-language videos and their captions (home.SignLanguagePage).
WAGTAILDOCS_EXTENSIONS = [
    *("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt"),
    *("mp4", "webm", "vtt"),
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_MB", 50) * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 20) * 1024 * 1024
# Files are content (cms.files): every download goes through Django, which checks who may see
# the document; the forms refuse changes to files that live pages use.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.files.forms.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.files.forms.ImageForm"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_LIMIT_MAX = 100  # largest page size the APIs accept; larger asks get a 400
WAGTAILAPI_BASE_URL = PUBLIC_BASE_URL
# Public API responses may be cached this long by browsers and proxies; ETags make revalidation
# cheap (304 without a body).
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 300)

# Cross-origin reads of the APIs (partner websites embedding events or the map): only the origins
# listed, only reading methods.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = env_list("CORS_ALLOW_METHODS") or ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = [
    "accept",
    "accept-language",
    "authorization",
    "content-type",
    "if-none-match",
]
CORS_EXPOSE_HEADERS = ["etag"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Maps. Tiles load in the visitor's browser only after consent. The tile server needs to see
# where requests come from (OpenStreetMap's usage policy), so cross-origin requests carry our
# origin: a Referer without path or query.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende',
)
MAP_TILE_MAX_ZOOM = env_int("MAP_TILE_MAX_ZOOM", 18)
MAP_CENTER = {"lat": 51.43, "lng": 7.66}  # centre of North Rhine-Westphalia
# The editor's map widget (wagtailgeowidget) uses the same tile server.
GEO_WIDGET_DEFAULT_LOCATION = MAP_CENTER
GEO_WIDGET_ZOOM = 8
GEO_WIDGET_LEAFLET_TILE_LAYER = MAP_TILE_URL
GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS = {
    "attribution": MAP_TILE_ATTRIBUTION,
    "maxZoom": MAP_TILE_MAX_ZOOM,
    "referrerPolicy": SECURE_REFERRER_POLICY,
}

# Calendar feeds: UIDs are "<page translation key>@ICAL_UID_DOMAIN", stable across edits.
ICAL_UID_DOMAIN = env_str("ICAL_UID_DOMAIN", "soziale-stadt.nrw")

# Topics are a controlled vocabulary (cms.Topic): editors choose, never invent.
TAGGIT_CASE_INSENSITIVE = True

# wagtail-localize: translations follow the German source until an editor converts them.
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# "Translate" creates the English page as a draft, even if the German one is live: it would
# otherwise be published at once with the German text and show up in the English navigation,
# search and API before anyone translated it. The translator publishes it when done.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation (DeepL) in the translation editor: off unless DEEPL_API_KEY is set.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(
    env_str("DEEPL_API_KEY"), timeout=env_int("DEEPL_TIMEOUT", 30)
)

# A CDN or caching proxy in front is purged on publish, unpublish, move and delete
# (wagtail.contrib.frontend_cache): FRONTEND_CACHE_PURGE_URL is the proxy's purge endpoint (HTTP
# PURGE requests, e.g. Varnish or nginx), or CLOUDFLARE_ZONE_ID with CLOUDFLARE_API_TOKEN.
WAGTAILFRONTENDCACHE = {}
if env_str("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    }
if env_str("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_str("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
    }
# Browser hardening: framing, HSTS, Permissions-Policy, CSP settings (cms.security picks the CSP).
from .security import *  # noqa: E402, F403

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The covering indexes of the profiles and the news (INCLUDE columns, for PostgreSQL) are
    # plain indexes on SQLite, the demo's database: nothing to warn its users about.
    SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "models.W040"]  # noqa: F405

# Account security (cms.accounts, see README "Account security").
INSTALLED_APPS += [
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "cms.accounts",
]
# django-axes checks every login against its lockouts before the password is looked at.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lockout after repeated failed logins: per account (from any address) and per client address
# (for any account), each with its own limit; both end LOGIN_LOCKOUT_MINUTES after the last
# failure (0: only the coordination office unlocks, admin → Einstellungen → Anmeldesperren).
LOGIN_FAILURES_PER_ACCOUNT = env_int("LOGIN_FAILURES_PER_ACCOUNT", 10)
LOGIN_FAILURES_PER_IP = env_int("LOGIN_FAILURES_PER_IP", 30)
LOGIN_LOCKOUT_MINUTES = env_int("LOGIN_LOCKOUT_MINUTES", 30)
# Reverse proxies in front of the application that append the client address to
# X-Forwarded-For; 0 means the application is reached directly (REMOTE_ADDR is the client).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_HANDLER = "cms.accounts.lockout.AccountAndAddressHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = LOGIN_FAILURES_PER_ACCOUNT  # the address limit: see AccountAndAddressHandler
AXES_COOLOFF_TIME = (
    datetime.timedelta(minutes=LOGIN_LOCKOUT_MINUTES) if LOGIN_LOCKOUT_MINUTES > 0 else None
)
AXES_CLIENT_IP_CALLABLE = "cms.accounts.network.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.accounts.lockout.lockout_response"
AXES_ENABLE_ADMIN = False  # the Wagtail view "Anmeldesperren" replaces Django's admin pages
# Attempts while locked out are refused without being recorded: the lockout is not prolonged
# and its records do not grow. Successful logins are not logged (addresses are personal data);
# failures are kept only while they count.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# Second factor (TOTP app, recovery codes) for administrators and the coordination office, or
# for everyone with TWO_FACTOR_REQUIRED_FOR_ALL. Off only in development (cms.settings.dev).
TWO_FACTOR_ENFORCED = True
TWO_FACTOR_REQUIRED_FOR_ALL = env_bool("TWO_FACTOR_REQUIRED_FOR_ALL", False)
TWO_FACTOR_RECOVERY_CODES = 10
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Failed API tokens: after API_TOKEN_FAILURES_PER_IP invalid bearer tokens from one address,
# requests with a token from it are answered 429 until API_TOKEN_LOCKOUT_SECONDS after the
# first failure have passed (counted in the cache).
API_TOKEN_FAILURES_PER_IP = env_int("API_TOKEN_FAILURES_PER_IP", 20)
API_TOKEN_LOCKOUT_SECONDS = env_int("API_TOKEN_LOCKOUT_SECONDS", 15 * 60)
