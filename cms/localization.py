"""Helpers for showing pages in the visitor's language."""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import DraftStateMixin, Locale, Page

from cms.querysets import VISIBLE_NOW, visible

LOCALE_IDS_CACHE_KEY = "cms:locale-ids"


def locale_ids() -> dict[str, int]:
    """Language code → Locale id, cached (locales change about once in a site's life; see
    cms.signals for the invalidation)."""
    ids = cache.get(LOCALE_IDS_CACHE_KEY)
    if ids is None:
        ids = dict(Locale.objects.values_list("language_code", "pk"))
        cache.set(LOCALE_IDS_CACHE_KEY, ids, timeout=60 * 60)
    return ids


def default_language() -> str:
    """The site's own language code (German), as the locales name it."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def language_of_locale(locale_id: int | None) -> str:
    """The language code of a locale id, without a query (German if unknown)."""
    for code, pk in locale_ids().items():
        if pk == locale_id:
            return code
    return default_language()


def active_locale() -> Locale:
    """Wagtail's ``Locale.get_active()`` without a query per call."""
    try:
        code = get_supported_content_language_variant(get_language())
    except LookupError:
        return Locale.get_default()
    pk = locale_ids().get(code)
    return Locale(pk=pk, language_code=code) if pk else Locale.get_default()


def localized(obj):
    """Wagtail's ``obj.localized`` (a translatable snippet in the active language) without
    its query for the active locale: the object itself in its own language, else its
    translation (one query), or the object where there is none (or none live)."""
    locale = active_locale()
    if obj.locale_id == locale.pk:
        return obj
    translation = obj.get_translation_or_none(locale)
    if translation is None or (isinstance(translation, DraftStateMixin) and not translation.live):
        return obj
    return translation


PAGE_LINK_FIELDS = ("id", "title", "path", "depth", "url_path", "locale_id", "translation_key")


def absolute_url(page: Page, request=None) -> str:
    """The page's full URL as the visitor (or feed reader) reached this site: host and scheme
    from the request, so links in feeds work on a dev server as well as behind a proxy."""
    if request is None:
        return page.get_full_url()
    return request.build_absolute_uri(page.get_url(request=request))


def localized_live_pages(page_ids) -> list[Page]:
    """The given pages, each replaced by its visible translation in the active language if there
    is one; pages visitors may not see (cms.querysets.visible) are dropped. Order follows
    ``page_ids``. Two queries at most, however many pages.
    """
    page_ids = [page_id for page_id in page_ids if page_id]
    if not page_ids:
        return []
    pages = visible(Page.objects.filter(pk__in=page_ids)).only(*PAGE_LINK_FIELDS).in_bulk()
    return localize_pages([pages[page_id] for page_id in page_ids if page_id in pages])


def localize_pages(pages) -> list[Page]:
    """Each of ``pages`` (visible ones, e.g. from ``visible(...).only(*PAGE_LINK_FIELDS)``)
    replaced by its visible translation in the active language if there is one; one query."""
    pages = list(pages)
    if not pages:
        return []
    locale = active_locale()
    translations = {
        page.translation_key: page
        for page in visible(
            Page.objects.filter(
                translation_key__in=[page.translation_key for page in pages],
                locale=locale,
            )
        ).only(*PAGE_LINK_FIELDS)
    }
    return [translations.get(page.translation_key, page) for page in pages]


def localized_specific_pages(pages) -> dict[int, Page | None]:
    """Map each page's id to its visible translation in the active language (as its specific
    type), to the page itself where there is none, or to None if visitors may not see the page
    (cms.querysets.visible: a draft, expired or restricted page). One query for the check and
    one per page type of the translations, however many pages; the translations come without
    their StreamFields (lists, links and teasers show plain fields)."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    if all(hasattr(page, VISIBLE_NOW) for page in pages):  # loaded with ``with_visibility``
        shown = {page.pk for page in pages if getattr(page, VISIBLE_NOW)}
    else:
        shown = set(
            visible(Page.objects.filter(pk__in={page.pk for page in pages})).values_list(
                "pk", flat=True
            )
        )
    locale = active_locale()
    keys = {
        page.translation_key for page in pages if page.pk in shown and page.locale_id != locale.pk
    }
    translations = (
        {
            page.translation_key: page
            for page in visible(Page.objects.filter(translation_key__in=keys, locale=locale))
            .specific()
            .defer_streamfields()
        }
        if keys
        else {}
    )
    return {
        page.pk: translations.get(page.translation_key, page) if page.pk in shown else None
        for page in pages
    }
