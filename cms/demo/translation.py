"""Create real wagtail-localize translations from parallel German/English demo data.

The English demo texts are given as field values with the same structure as the German ones.
Instead of writing them straight onto a copied page (which the next "sync" from German would
overwrite), they are stored as wagtail-localize string translations, exactly as a translator in
the admin would enter them; wagtail-localize then builds the English page. Gaps raise an error
instead of silently keeping German text.
"""

import copy
from collections import defaultdict

from django.db import transaction

from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class DemoTranslationError(Exception):
    """The English demo data does not line up with the German source."""


def _string_segments_by_context(instance) -> dict[str, list[str]]:
    strings: dict[str, list[str]] = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


def _english_twin(instance, values: dict):
    twin = copy.copy(instance)
    for field_name, value in values.items():
        setattr(twin, field_name, value)
    return twin


@transaction.atomic
def translate(instance, values: dict, language_code: str = "en", user=None):
    """Translate ``instance`` (a page or translatable snippet) into ``language_code``.

    ``values`` holds the translated value for every translatable field that has German text,
    e.g. ``{"title": ..., "slug": ..., "body": [...]}`` (StreamField data with the German block
    ids). Returns the translated object; does nothing if the translation exists already.
    """
    locale = Locale.objects.get(language_code=language_code)
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific if isinstance(existing, Page) else existing

    source, __ = TranslationSource.update_or_create_from_instance(instance)
    Translation.objects.get_or_create(source=source, target_locale=locale)

    english = _string_segments_by_context(_english_twin(instance, values))
    seen: dict[str, int] = defaultdict(int)
    segments = source.stringsegment_set.select_related("string", "context").order_by("order")
    for segment in segments:
        path = segment.context.path
        position = seen[path]
        seen[path] += 1
        try:
            data = english[path][position]
        except IndexError:
            raise DemoTranslationError(
                f"{instance!r}: no English text for {path!r} #{position} "
                f"({segment.string.data[:60]!r})"
            ) from None
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "has_error": False,
                "field_error": "",
            },
        )

    return _save_translation(source, locale, user)


def _save_translation(source, locale, user=None):
    """Write the translation and publish it now.

    wagtail-localize publishes pages in ``transaction.on_commit`` with the page object as it was
    when the translation was written; when a parent and its children are translated in one
    transaction, that stale object would overwrite the parent's child count and hide the
    children. So pages are saved as a draft and their latest revision published from a fresh
    copy right away.
    """
    draftable = issubclass(source.specific_content_type.model_class(), DraftStateMixin)
    translated, __ = source.create_or_update_translation(
        locale, user=user, publish=not draftable, copy_parent_pages=True, fallback=False
    )
    if isinstance(translated, Page):
        fresh = Page.objects.get(pk=translated.pk).specific
        fresh.get_latest_revision().publish(user=user)
        return Page.objects.get(pk=translated.pk).specific
    if draftable:
        translated.get_latest_revision().publish(user=user)
    translated.refresh_from_db()
    return translated


@transaction.atomic
def sync(instance, locale: Locale) -> None:
    """Re-apply the stored translations after the source changed (the admin's "Sync" action)."""
    source, __ = TranslationSource.update_or_create_from_instance(instance)
    _save_translation(source, locale)
