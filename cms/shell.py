"""The site shell: what every public page shows around its own content – the start page's
address, the main menu, the header's Leichte Sprache and sign-language links, the footer's
contact details, text and links, and the site settings behind them.

The shell is the same for every page of a site in one language, so it is built once and kept in
the ``pages`` cache (Redis or the shared cache directory in production) under the page cache's
*generation* (``cms.pagecache``): every change a visitor could see – publishing, unpublishing,
moving or deleting a page, edits of the site settings, footer texts and links, view
restrictions, sites and locales (``cms.signals``) – starts a new generation, and the next request
builds the shell afresh. Per page, the breadcrumbs and the language links are kept the same way.

``SHELL_CACHE_SECONDS`` (0 switches it off) says how long an entry lives at most. What the cache
holds is plain data (titles, addresses, tree paths) plus the site settings row; whether the menu
item of the current page is marked is decided per request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Q
from django.utils.translation import get_language

from wagtail.models import Page, Site

from cms import pagecache
from cms.localization import PAGE_LINK_FIELDS, language_of_locale, localize_pages
from cms.models import FooterText, SiteSettings
from cms.querysets import visible

logger = logging.getLogger(__name__)

_REQUEST_ATTR = "_cms_shell"


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    path: str = ""  # the page's tree path (which menu item the current page lies under)
    language: str = ""  # the linked page's language


@dataclass(frozen=True)
class Shell:
    home_url: str
    home_path: str
    menu: tuple[Link, ...]
    footer_links: tuple[Link, ...]
    easy_language: Link | None
    sign_language: Link | None
    footer_text: str  # the footer's rich text (source HTML) in the visitor's language
    settings: SiteSettings | None


def cached(key: str, build: Callable):
    """``build()``'s value under ``key`` in the current generation of the ``pages`` cache; built
    anew (and not stored) when the cache is switched off or unavailable."""
    seconds = settings.SHELL_CACHE_SECONDS
    if seconds <= 0:
        return build()
    cache = pagecache.page_cache()
    try:
        full_key = f"shell:{pagecache.generation()}:{key}"
        value = cache.get(full_key)
    except Exception:  # a cache outage must not take the site down
        logger.exception("shell cache unavailable")
        return build()
    if value is None:
        value = build()
        try:
            cache.set(full_key, value, seconds)
        except Exception:
            logger.exception("shell cache unavailable")
    return value


def site_shell(request) -> Shell | None:
    """The shell of the request's site in the active language (``None`` without a site)."""
    if request is None:
        return None
    if hasattr(request, _REQUEST_ATTR):
        return getattr(request, _REQUEST_ATTR)
    site = Site.find_for_request(request)
    shell = None
    if site is not None:
        language = get_language()
        shell = cached(f"site:{site.pk}:{language}", lambda: _build(site, request, language))
        if shell.settings is not None:
            # Wagtail's own per-request cache of the setting: for_request() finds it there
            shell.settings._request = request
            setattr(request, SiteSettings.get_cache_attr_name(), shell.settings)
    setattr(request, _REQUEST_ATTR, shell)
    return shell


def _build(site: Site, request, language: str) -> Shell:
    root = site.root_page
    home = (
        localize_pages(visible(Page.objects.filter(pk=root.pk)).only(*PAGE_LINK_FIELDS)) or [root]
    )[0]
    menu = tuple(
        Link(title=child.title, url=child.get_url(request=request) or "", path=child.path)
        for child in visible(home.get_children())
        .in_menu()
        .only("id", "title", "path", "depth", "url_path", "locale_id")
    )
    site_settings = SiteSettings.for_site(site)
    links = _site_links(site_settings, request)
    footer_texts = {
        text.locale.language_code: text.body
        for text in FooterText.objects.filter(
            locale__language_code__in={language, settings.LANGUAGE_CODE}
        ).select_related("locale")
    }
    return Shell(
        home_url=home.get_url(request=request) or "/",
        home_path=home.path,
        menu=menu,
        footer_links=links["footer"],
        easy_language=links["easy_language"],
        sign_language=links["sign_language"],
        footer_text=footer_texts.get(language) or footer_texts.get(settings.LANGUAGE_CODE) or "",
        settings=site_settings,
    )


def _link(page: Page, request) -> Link:
    return Link(
        title=page.title,
        url=page.get_url(request=request) or "",
        path=page.path,
        language=language_of_locale(page.locale_id),
    )


def _site_links(cms_settings: SiteSettings, request) -> dict:
    """The pages the header (Leichte Sprache, Gebärdensprache) and the footer link to, in the
    visitor's language where translated: one query for header and footer together (two with
    translations to look up). A page visitors may not see is left out."""
    header_ids = {
        "easy_language": cms_settings.easy_language_page_id,
        "sign_language": cms_settings.sign_language_page_id,
    }
    rows = (
        visible(
            Page.objects.filter(
                Q(footer_links__settings=cms_settings)
                | Q(pk__in=[pk for pk in header_ids.values() if pk])
            )
        )
        .annotate(
            footer_settings=F("footer_links__settings_id"),
            footer_order=F("footer_links__sort_order"),
        )
        .order_by("footer_links__sort_order", "pk")
        .only(*PAGE_LINK_FIELDS)
    )
    pages, footer_ids = {}, []
    for row in rows:  # a page may come once per footer link (of any site)
        pages.setdefault(row.pk, row)
        if row.footer_settings == cms_settings.pk and row.pk not in footer_ids:
            footer_ids.append(row.pk)
    localized = dict(zip(pages, localize_pages(pages.values()), strict=True))
    links = {"footer": tuple(_link(localized[pk], request) for pk in footer_ids)}
    for name, pk in header_ids.items():
        links[name] = _link(localized[pk], request) if pk in localized else None
    return links


def page_cached(request, page: Page, name: str, build: Callable):
    """``build()`` for ``page`` kept like the shell (breadcrumbs, language links); drafts and
    previews are built fresh."""
    if getattr(request, "is_preview", False) or getattr(request, "is_dummy", False):
        return build()
    site = Site.find_for_request(request) if request is not None else None
    if site is None or not page.pk or not page.live:
        return build()
    return cached(f"page:{site.pk}:{get_language()}:{page.pk}:{name}", build)
