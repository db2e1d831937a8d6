"""Sort keys kept beside a text column (``SortKeyField``): lists sort by them in SQL.

German alphabetical order ("Ökonomie" between "Oberhausen" and "Paderborn") is the text in
lower case with its umlauts spelt out, compared by code point. Computed in SQL, the key costs
eight nested ``REPLACE`` calls per row and a full sort of every row (20,000 district profiles
at 100,000 pages: 70 of 85 ms of the overview's page query); stored, it is a plain column that
the list sorts by, or that the planner reads in order.

The key follows its source on every save (``pre_save``), so new pages, copies, translations
and published revisions carry it. A raw save (loaddata, pages written in bulk by
``generate_content``) keeps what the instance holds: ``set_sort_keys`` fills it first. Never
edited: not in the editor's form, not translated by wagtail-localize (it follows the
translated title). In migrations it is a plain ``CharField``.
"""

from django.db import models

from cms.models.topics import GERMAN_TRANSLITERATION


def german_sort_key(text: str) -> str:
    """German alphabetical order, for Python's ``sorted`` and for the stored keys."""
    return text.casefold().translate(GERMAN_TRANSLITERATION)


class SortKeyField(models.CharField):
    """The German sort key of the text field ``source`` of the same model."""

    def __init__(self, verbose_name=None, *, source: str = "title", **kwargs):
        for fixed in ("max_length", "editable", "default", "blank"):
            kwargs.pop(fixed, None)  # a plain CharField's arguments, from a migration
        super().__init__(
            verbose_name, max_length=255, editable=False, default="", blank=True, **kwargs
        )
        self.source = source

    def deconstruct(self):
        name, __, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs

    def key_of(self, instance) -> str:
        return german_sort_key(getattr(instance, self.source) or "")[: self.max_length]

    def pre_save(self, model_instance, add):
        setattr(model_instance, self.attname, self.key_of(model_instance))
        return getattr(model_instance, self.attname)


def set_sort_keys(instance) -> None:
    """Fill the sort keys of an instance that is written without ``save()`` (a bulk or raw
    insert): no query."""
    for field in type(instance)._meta.fields:
        if isinstance(field, SortKeyField):
            setattr(instance, field.attname, field.key_of(instance))
