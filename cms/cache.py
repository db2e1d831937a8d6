"""Cache backends of our own."""

from contextlib import suppress

from django.core.cache.backends.filebased import FileBasedCache

# Wagtail's mark of a rendition that needs no storing: found among the renditions prefetched
# with its image (``Image.find_existing_renditions``); set here on those read from the cache.
FROM_CACHE = "_from_cache"


class RenditionFileCache(FileBasedCache):
    """The image renditions' cache in a directory shared by the worker processes.

    Wagtail stores a rendition in its cache after every ``get_rendition``, also when it has
    just read it from there or found it prefetched with its image (which it marks
    ``_from_cache`` and does not store from ``get_renditions``); the file-based cache then
    wrote a file, renamed it and listed the whole directory to decide whether to cull it, for
    every image on every page (five on the start page). A rendition so marked is not stored
    (nor read to compare: the start page read each of its images' files for nothing); another
    value that is already stored is not written again: a rendition that was deleted and made
    anew has another primary key, so it is stored."""

    def get(self, key, default=None, version=None):
        value = super().get(key, default, version)
        if value is not default:
            with suppress(AttributeError):  # a value without attributes (not a rendition)
                setattr(value, FROM_CACHE, True)
        return value

    def set(self, key, value, timeout=None, version=None):
        if getattr(value, FROM_CACHE, False):
            return
        missing = object()
        if self.get(key, missing, version=version) == value:
            return
        super().set(key, value, timeout, version)
