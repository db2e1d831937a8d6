"""Navigation for the public templates: main menu, breadcrumbs, language switcher, footer."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.models import Page

from cms import shell
from cms.querysets import visible

register = template.Library()


@register.simple_tag(takes_context=True)
def site_shell(context):
    """The cached site shell (``cms.shell``): start page address, menu, header and footer."""
    return shell.site_shell(context.get("request"))


@register.inclusion_tag("cms/includes/main_menu.html", takes_context=True)
def main_menu(context):
    site = shell.site_shell(context.get("request"))
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = [
        {
            "title": item.title,
            "url": item.url,
            "active": bool(current_path) and current_path.startswith(item.path),
            "current": bool(current_path) and current_path == item.path,
        }
        for item in (site.menu if site else ())
    ]
    return {"items": items, "request": context.get("request")}


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
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page}

    def build():
        return [
            shell.Link(title=ancestor.title, url=ancestor.get_url(request=request) or "")
            for ancestor in page.get_ancestors()
            .filter(depth__gte=2)
            .only("id", "title", "path", "depth", "url_path", "locale_id")
        ]

    ancestors = shell.page_cached(request, page, "breadcrumbs", build)
    return {"ancestors": ancestors, "page": page, "request": request}


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

        def build():
            return [
                (translation.locale.language_code, translation.get_url(request=request))
                for translation in visible(page.get_translations(inclusive=True))
                .select_related("locale")
                .only("id", "path", "depth", "url_path", "locale__language_code")
            ]

        routes = context.get("language_link_routes") or {}
        targets = shell.page_cached(request, page, "translations", build)
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


def _header_link(link, current_language: str) -> dict | None:
    if link is None:
        return None
    return {
        "url": link.url,
        # another language than the visitor's (the German page on the English site)
        "hreflang": link.language if link.language != current_language else "",
    }


@register.simple_tag(takes_context=True)
def header_links(context):
    """The header's links to the pages in Leichte Sprache and in German Sign Language (site
    settings). ``None`` for a link that is not set or not visible."""
    site = shell.site_shell(context.get("request"))
    language = get_language()
    return {
        "easy_language": _header_link(site.easy_language if site else None, language),
        "sign_language": _header_link(site.sign_language if site else None, language),
        "language": language,
    }


@register.inclusion_tag("cms/includes/footer.html", takes_context=True)
def site_footer(context):
    site = shell.site_shell(context.get("request"))
    if site is None:
        return {"site_settings": None, "footer_text": "", "links": []}
    return {
        "site_settings": site.settings,
        "footer_text": site.footer_text,
        "links": site.footer_links,
    }


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
