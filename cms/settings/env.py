"""Small helpers that read configuration from environment variables.

Settings modules call these instead of touching ``os.environ`` directly, so every variable has one
parser, one default and one place where a malformed value becomes a clear error at start-up.
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}.") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """A comma-separated list; blanks are dropped so ``"a, b,"`` gives ``["a", "b"]``."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def cache_settings(redis_url: str, cache_dir: str) -> dict:
    """Django's CACHES: the default cache and the anonymous page cache ("pages")."""

    def cache(name: str) -> dict:
        if redis_url:
            return {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": f"sozialestadt-{name}",
            }
        if cache_dir:
            return {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": os.path.join(cache_dir, name),
                "OPTIONS": {"MAX_ENTRIES": 20_000},
            }
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name}

    return {"default": cache("default"), "pages": cache("pages")}
