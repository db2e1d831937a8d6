"""The image renditions' cache (cms.cache.RenditionFileCache): Wagtail stores a rendition after
every use; in the file-based cache a value it already holds is not written again."""

import os
from unittest import mock

from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache

import pytest

from cms.cache import RenditionFileCache
from cms.settings.env import cache_settings
from tests.cms.factories import ImageFactory


def inode(cache: RenditionFileCache, key: str) -> int:
    return os.stat(cache._key_to_file(key)).st_ino


def test_a_value_it_holds_is_not_written_again(tmp_path):
    cache = RenditionFileCache(str(tmp_path), {})
    cache.set("rendition", {"pk": 1})
    written = inode(cache, "rendition")
    cache.set("rendition", {"pk": 1})
    assert inode(cache, "rendition") == written  # not replaced
    cache.set("rendition", {"pk": 2})
    assert inode(cache, "rendition") != written
    assert cache.get("rendition") == {"pk": 2}


class Stored:
    """A value with attributes, as a rendition is."""

    def __init__(self, pk):
        self.pk = pk

    def __eq__(self, other):
        return isinstance(other, Stored) and other.pk == self.pk


def test_a_value_read_from_it_is_neither_read_again_nor_written(tmp_path):
    cache = RenditionFileCache(str(tmp_path), {})
    cache.set("rendition", Stored(1))
    written = inode(cache, "rendition")
    (found,) = cache.get_many(["rendition"]).values()  # as Wagtail reads them
    with mock.patch.object(FileBasedCache, "get") as reading:
        cache.set("rendition", found)
    reading.assert_not_called()
    assert inode(cache, "rendition") == written
    cache.set("rendition", Stored(2))  # another value (not read from here) is stored
    assert cache.get("rendition") == Stored(2)


def test_settings_give_renditions_their_own_cache(tmp_path):
    on_disk = cache_settings("", str(tmp_path))
    assert on_disk["renditions"]["BACKEND"] == "cms.cache.RenditionFileCache"
    assert on_disk["renditions"]["LOCATION"] == str(tmp_path / "renditions")
    shared = cache_settings("redis://127.0.0.1:6379/0", "")
    assert shared["renditions"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert shared["renditions"]["KEY_PREFIX"] == "sozialestadt-renditions"


@pytest.mark.django_db
def test_wagtail_reads_a_rendition_from_it_without_writing(settings, tmp_path):
    settings.CACHES = {
        **settings.CACHES,
        "renditions": cache_settings("", str(tmp_path))["renditions"],
    }
    image = ImageFactory()
    first = image.get_rendition("fill-64x64")
    cache = caches["renditions"]
    (key,) = os.listdir(tmp_path / "renditions")
    written = os.stat(tmp_path / "renditions" / key).st_ino
    image = type(image).objects.get(pk=image.pk)  # no renditions prefetched on the object
    again = image.get_rendition("fill-64x64")
    assert again.pk == first.pk
    assert os.stat(tmp_path / "renditions" / key).st_ino == written
    # A rendition made anew (the old one deleted, e.g. after a new focal point) is stored.
    first.delete()
    image = type(image).objects.get(pk=image.pk)
    renewed = image.get_rendition("fill-64x64")
    assert renewed.pk != first.pk
    assert isinstance(cache, RenditionFileCache)


@pytest.mark.django_db
def test_a_prefetched_rendition_is_neither_read_from_it_nor_stored(settings, tmp_path):
    """Wagtail marks a rendition found among those prefetched with its image (``_from_cache``)
    and still hands it to the cache from ``get_rendition``: it is not stored, and the cache's
    file is not read to compare it."""
    settings.CACHES = {
        **settings.CACHES,
        "renditions": cache_settings("", str(tmp_path))["renditions"],
    }
    image = ImageFactory()
    first = image.get_rendition("fill-64x64")
    (key,) = os.listdir(tmp_path / "renditions")
    os.remove(tmp_path / "renditions" / key)
    image = type(image).objects.prefetch_renditions("fill-64x64").get(pk=image.pk)
    with mock.patch.object(FileBasedCache, "get") as reading:
        again = image.get_rendition("fill-64x64")
    assert again.pk == first.pk
    reading.assert_not_called()
    assert os.listdir(tmp_path / "renditions") == []
