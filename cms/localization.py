"""Helpers for showing pages in the visitor's language."""

from wagtail.models import Locale, Page

PAGE_LINK_FIELDS = ("id", "title", "path", "depth", "url_path", "locale_id", "translation_key")


def localized_live_pages(page_ids) -> list[Page]:
    """The given pages, each replaced by its live translation in the active language if there is
    one; unpublished pages are dropped. Order follows ``page_ids``. Three queries at most,
    however many pages.
    """
    page_ids = [page_id for page_id in page_ids if page_id]
    if not page_ids:
        return []
    pages = Page.objects.live().filter(pk__in=page_ids).only(*PAGE_LINK_FIELDS).in_bulk()
    if not pages:
        return []
    locale = Locale.get_active()
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(
            translation_key__in=[page.translation_key for page in pages.values()], locale=locale
        )
        .only(*PAGE_LINK_FIELDS)
    }
    return [
        translations.get(pages[page_id].translation_key, pages[page_id])
        for page_id in page_ids
        if page_id in pages
    ]


def localized_specific_pages(pages) -> dict[int, Page]:
    """Map each page's id to its live translation in the active language (as its specific type),
    or to the page itself where there is none. One query per page type, however many pages."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    locale = Locale.get_active()
    keys = {page.translation_key for page in pages if page.locale_id != locale.pk}
    translations = (
        {
            page.translation_key: page
            for page in Page.objects.live()
            .filter(translation_key__in=keys, locale=locale)
            .specific()
        }
        if keys
        else {}
    )
    return {page.pk: translations.get(page.translation_key, page) for page in pages}
