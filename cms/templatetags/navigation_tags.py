"""Navigation for the public templates: main menu, breadcrumbs, language switcher, footer."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.models import Page, Site

from cms.localization import PAGE_LINK_FIELDS, localize_pages
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


@register.inclusion_tag("cms/includes/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    cms_settings = SiteSettings.for_request(request) if request is not None else None
    language = get_language()
    footer_texts = {
        text.locale.language_code: text
        for text in FooterText.objects.filter(
            locale__language_code__in={language, settings.LANGUAGE_CODE}
        ).select_related("locale")
    }
    footer_text = footer_texts.get(language) or footer_texts.get(settings.LANGUAGE_CODE)
    links = []
    if cms_settings is not None:
        pages = localize_pages(
            visible(Page.objects.filter(footer_links__settings=cms_settings))
            .order_by("footer_links__sort_order")
            .only(*PAGE_LINK_FIELDS)
        )
        links = [{"title": page.title, "url": page.get_url(request=request)} for page in pages]
    return {"site_settings": cms_settings, "footer_text": footer_text, "links": links}


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
