"""Navigation for the public templates: main menu, breadcrumbs, language switcher, footer."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, Q
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.models import Page, Site

from cms.localization import PAGE_LINK_FIELDS, language_of_locale, localize_pages
from cms.models import FooterText, SiteSettings
from cms.querysets import visible

register = template.Library()


def _site_home(request):
    """The site's root page in the active language (the German one if not translated)."""
    if request is None:
        return None
    cache_attr = "_cms_site_home"
    if not hasattr(request, cache_attr):
        site = Site.find_for_request(request)
        setattr(request, cache_attr, site.root_page.localized.specific if site else None)
    return getattr(request, cache_attr)


@register.simple_tag(takes_context=True)
def site_home(context):
    return _site_home(context.get("request"))


@register.inclusion_tag("cms/includes/main_menu.html", takes_context=True)
def main_menu(context):
    home = _site_home(context.get("request"))
    current = context.get("page")
    items = []
    if home is not None:
        current_path = current.path if isinstance(current, Page) else ""
        for child in (
            visible(home.get_children())
            .in_menu()
            .only("id", "title", "path", "depth", "url_path", "locale_id")
        ):
            items.append(
                {
                    "title": child.title,
                    "url": child.get_url(request=context.get("request")),
                    "active": bool(current_path) and current_path.startswith(child.path),
                    "current": bool(current_path) and current_path == child.path,
                }
            )
    return {"home": home, "items": items, "request": context.get("request")}


SECTION_DEPTH = 3  # the start page's children begin the sections ("Über uns", "Leichte Sprache")


def section_of(page, request=None) -> dict | None:
    """The section ``page`` belongs to: its top page (a child of the start page) and that
    page's visible children in menu order (the tree order editors arrange), as specific pages
    with their teasers; ``None`` when the section has no visible subpages.

    One query for the pages and one per page type among them, however many children there are;
    computed once per request (the menu and the landing page's child links share it).
    """
    if not isinstance(page, Page) or page.depth < SECTION_DEPTH:
        return None
    cache_attr = "_cms_section"
    cached = getattr(request, cache_attr, None) if request is not None else None
    if cached is not None and cached[0] == page.pk:
        return cached[1]
    top_path = page.path[: Page.steplen * SECTION_DEPTH]
    pages = list(
        visible(
            Page.objects.filter(
                Q(path=top_path) | Q(path__startswith=top_path, depth=SECTION_DEPTH + 1)
            )
        )
        .order_by("path")
        .defer_streamfields()
        .specific()
    )
    section = None
    if len(pages) > 1 and pages[0].path == top_path:
        section = {"top": pages[0], "children": pages[1:]}
    if request is not None:
        setattr(request, cache_attr, (page.pk, section))
    return section


@register.inclusion_tag("cms/includes/section_menu.html", takes_context=True)
def section_menu(context):
    """In-page navigation of the section the page belongs to: its top page and subpages, the
    current page marked (``aria-current``), the subpage above a deeper page highlighted."""
    request, page = context.get("request"), context.get("page")
    section = section_of(page, request)
    if section is None:
        return {"section": None}

    def item(entry):
        return {
            "title": entry.title,
            "url": entry.get_url(request=request),
            "current": entry.path == page.path,
            "active": entry.path != page.path and page.path.startswith(entry.path),
        }

    return {
        "section": item(section["top"]),
        "items": [item(child) for child in section["children"]],
    }


@register.simple_tag(takes_context=True)
def section_children(context):
    """The visible subpages of the page when it is a section's top page (the landing page's
    "Hier finden Sie…" links), else an empty list."""
    request, page = context.get("request"), context.get("page")
    section = section_of(page, request)
    if section is None or section["top"].pk != page.pk:
        return []
    return section["children"]


@register.inclusion_tag("cms/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = (
        page.get_ancestors()
        .filter(depth__gte=2)
        .only("id", "title", "path", "depth", "url_path", "locale_id")
    )
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to this page in every language it exists in (for the switcher and hreflang).

    A page links to its live, public translations, so a language without a translation is left
    out; other views (search, 404) link to the same address in the other language. A view of a
    routable page's sub-route (the events archive) names its route per language in the context
    (``language_link_routes``, language code → route name), so each translation's link leads to
    the same sub-route.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    targets: list[tuple[str, str]] = []
    if isinstance(page, Page):
        translations = (
            visible(page.get_translations(inclusive=True))
            .select_related("locale")
            .only("id", "path", "depth", "url_path", "locale__language_code")
        )
        routes = context.get("language_link_routes") or {}
        targets = [
            (translation.locale.language_code, translation.get_url(request=request))
            for translation in translations
        ]
        targets = [
            (code, url + page.reverse_subpage(routes[code]) if url and code in routes else url)
            for code, url in targets
        ]
    elif request is not None and getattr(request, "resolver_match", None):
        targets = [
            (code, translate_url(request.get_full_path(), code))
            for code, __ in settings.WAGTAIL_CONTENT_LANGUAGES
        ]
    order = [code for code, __ in settings.WAGTAIL_CONTENT_LANGUAGES]
    links = [
        {
            "code": code,
            "name": names.get(code, code),
            "url": url,
            "absolute_url": request.build_absolute_uri(url) if request else url,
            "current": code == current,
        }
        for code, url in sorted(targets, key=lambda t: order.index(t[0]) if t[0] in order else 99)
        if url
    ]
    return links if len(links) > 1 else []


def _site_links(request) -> dict:
    """The pages the header (Leichte Sprache, Gebärdensprache) and the footer link to, in the
    visitor's language where translated; computed once per request.

    One query for header and footer together (two with translations to look up), so the
    header's links cost no query of their own. A page visitors may not see is left out.
    """
    cache_attr = "_cms_site_links"
    if request is not None and hasattr(request, cache_attr):
        return getattr(request, cache_attr)
    links = {"footer": [], "easy_language": None, "sign_language": None}
    cms_settings = SiteSettings.for_request(request) if request is not None else None
    if cms_settings is not None:
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
        links["footer"] = [localized[pk] for pk in footer_ids]
        for name, pk in header_ids.items():
            links[name] = localized.get(pk)
    links["settings"] = cms_settings
    if request is not None:
        setattr(request, cache_attr, links)
    return links


def _header_link(page, request, current_language: str) -> dict | None:
    if page is None:
        return None
    language = language_of_locale(page.locale_id)
    return {
        "url": page.get_url(request=request),
        # another language than the visitor's (the German page on the English site)
        "hreflang": language if language != current_language else "",
    }


@register.simple_tag(takes_context=True)
def header_links(context):
    """The header's links to the pages in Leichte Sprache and in German Sign Language (site
    settings). ``None`` for a link that is not set or not visible."""
    request = context.get("request")
    links = _site_links(request)
    language = get_language()
    return {
        "easy_language": _header_link(links["easy_language"], request, language),
        "sign_language": _header_link(links["sign_language"], request, language),
        "language": language,
    }


@register.inclusion_tag("cms/includes/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    links = _site_links(request)
    language = get_language()
    footer_texts = {
        text.locale.language_code: text
        for text in FooterText.objects.filter(
            locale__language_code__in={language, settings.LANGUAGE_CODE}
        ).select_related("locale")
    }
    footer_text = footer_texts.get(language) or footer_texts.get(settings.LANGUAGE_CODE)
    footer_links = [
        {"title": page.title, "url": page.get_url(request=request)} for page in links["footer"]
    ]
    return {"site_settings": links["settings"], "footer_text": footer_text, "links": footer_links}


@register.simple_tag(takes_context=True)
def json_ld(context, page=None):
    """The page's schema.org description as a JSON-LD script, if its type provides one."""
    page = page or context.get("page")
    request = context.get("request")
    if page is None or request is None or not hasattr(page, "json_ld"):
        return ""
    data = json.dumps(page.json_ld(request), cls=DjangoJSONEncoder, ensure_ascii=False)
    # The same escaping as Django's json_script: nothing in the data can end the script.
    escaped = data.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{escaped}</script>')
