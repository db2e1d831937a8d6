"""Cache backends of our own."""

from django.core.cache.backends.filebased import FileBasedCache


class RenditionFileCache(FileBasedCache):
    """The image renditions' cache in a directory shared by the worker processes.

    Wagtail stores a rendition in its cache after every ``get_rendition``, also when it has
    just read it from there; the file-based cache then writes a file, renames it and lists the
    whole directory to decide whether to cull it, for every image on every page (five on the
    start page). A value that is already stored is not written again: a rendition that was
    deleted and made anew has another primary key, so it is stored."""

    def set(self, key, value, timeout=None, version=None):
        missing = object()
        if self.get(key, missing, version=version) == value:
            return
        super().set(key, value, timeout, version)
