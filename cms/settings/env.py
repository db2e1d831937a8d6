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
    """Django's CACHES: the default cache, the anonymous page cache ("pages") and Wagtail's
    image renditions ("renditions")."""

    def cache(name: str, file_backend="django.core.cache.backends.filebased.FileBasedCache"):
        if redis_url:
            return {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": f"sozialestadt-{name}",
            }
        if cache_dir:
            return {
                "BACKEND": file_backend,
                "LOCATION": os.path.join(cache_dir, name),
                "OPTIONS": {"MAX_ENTRIES": 20_000},
            }
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name}

    return {
        "default": cache("default"),
        "pages": cache("pages"),
        # Wagtail writes a rendition to its cache on every use; this one skips what it holds.
        "renditions": cache("renditions", "cms.cache.RenditionFileCache"),
    }


def media_storage(kind: str) -> dict:
    """Django's STORAGES["default"]: the local MEDIA_ROOT, or an S3-compatible bucket."""
    kind = kind.strip().lower()
    if kind in ("", "filesystem", "local"):
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if kind != "s3":
        raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'filesystem' or 's3', got {kind!r}.")
    bucket = env_str("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    return {
        "BACKEND": "cms.storage.S3MediaStorage",
        "OPTIONS": {
            "bucket_name": bucket,
            # Unset values fall back to boto3's own chain (environment, instance role).
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
            "location": env_str("AWS_LOCATION"),
            "addressing_style": env_str("AWS_S3_ADDRESSING_STYLE") or None,
            "default_acl": None,  # the bucket's own policy: keep it private
            "file_overwrite": False,
        },
    }
