"""Settings shared by every environment.

Everything that differs between machines comes from environment variables (see README,
"Configuration"); the defaults give a working local site on the embedded SQLite database.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

from .env import env_bool, env_int, env_list, env_str
from .translation import machine_translator

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env_str("SECRET_KEY", "insecure-local-development-key-do-not-use-in-production")
DEBUG = env_bool("DEBUG", False)
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
    "wagtail.contrib.redirects",
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

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "cms.middleware.QueryGuardMiddleware",
    "cms.middleware.ApiCachingMiddleware",
    "cms.middleware.ApiJsonObjectMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: REDIS_URL selects Redis (needs the "production" extra); a process-local cache otherwise.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "sozialestadt",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
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
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page forms exceed Django's default of 1,000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "soziale-stadt@netzwerk-stadtentwicklung.nrw")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail runs search indexing and reference updates as tasks; one INFO line per task.
        "django_tasks": {"level": "WARNING"},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "Soziale Stadt NRW"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend, with each page indexed in its language's text search
# configuration (search.backend); the search service (search.service) queries that index.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend", "SEARCH_CONFIG": "german"}}
SEARCH_LANGUAGE_CONFIGS = {"de": "german", "en": "english"}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILDOCS_DOCUMENT_MODEL = "cms.CMSDocument"
# Checked by content too (cms.models.documents): a file must be what its name says.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_MB", 50) * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 20) * 1024 * 1024
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_LIMIT_MAX = 100  # largest page size the APIs accept; larger asks get a 400
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
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
