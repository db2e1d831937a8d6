import pytest

FAILING_CACHE_FILE = "not-a-directory"


@pytest.fixture
def broken_cache(settings, tmp_path):
    """A file-based cache whose directory cannot be created: every write raises."""
    (tmp_path / FAILING_CACHE_FILE).write_text("in the way")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / FAILING_CACHE_FILE / "cache"),
        }
    }
