"""Deferring search indexing during bulk writes (the demo loader): every saved object is indexed
once at the end instead of at each of its saves (a page is saved five to ten times while it is
created, published and translated; each save would rewrite its index entry)."""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_save

from wagtail.search import index
from wagtail.search.backends import get_search_backends

from modelsearch.signal_handlers import post_save_signal_handler

_deferred: ContextVar[dict | None] = ContextVar("deferred_search_index", default=None)


def indexing_deferred() -> bool:
    return _deferred.get() is not None


def note_saved(instance) -> None:
    """Remember an object to index when the deferral ends."""
    pending = _deferred.get()
    if pending is not None:
        pending[type(instance)].add(instance.pk)


def _collect(sender, instance, raw=False, **kwargs):
    if not raw:
        note_saved(instance)


@contextmanager
def deferred_search_index():
    models = [
        model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]
    pending: dict[type, set] = defaultdict(set)
    token = _deferred.set(pending)
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(_collect, sender=model, dispatch_uid=f"deferred-index-{model}")
    try:
        yield
    finally:
        for model in models:
            post_save.disconnect(sender=model, dispatch_uid=f"deferred-index-{model}")
            post_save.connect(post_save_signal_handler, sender=model)
        _deferred.reset(token)
    for model, pks in pending.items():
        objects = list(model.get_indexed_objects().filter(pk__in=pks))
        for backend in get_search_backends(with_auto_update=True):
            backend.get_index_for_model(model).add_items(model, objects)
