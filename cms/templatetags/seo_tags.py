"""Document title, meta description, canonical address and link previews (cms.seo)."""

from django import template
from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail.models import Page, Site

from cms import seo, shell
from cms.models import SiteSettings
from cms.models.topics import current_language
from cms.querysets import visible

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # Template output is escaped already; whitespace is collapsed (titles span lines).
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}``: render the enclosed part (e.g. a block that
    child templates override) into a variable instead of the page."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


def _site_settings(request):
    if request is None:
        return None
    shell.site_shell(request)  # the cached shell holds the settings (no query when warm)
    return SiteSettings.for_request(request)


@register.inclusion_tag("cms/includes/seo_head.html", takes_context=True)
def seo_head(context, title="", description="", error=False):
    """Title, meta description and, for pages that may be indexed and shared, the canonical
    link and the Open Graph and Twitter card tags. ``title`` and ``description`` are the
    captured (escaped) blocks of the template."""
    request = context.get("request")
    page = context.get("page")
    language = current_language()
    site_settings = _site_settings(request)
    description = description or escape(seo.default_description(site_settings, language))
    data = {
        "document_title": mark_safe(seo.document_title(title)),
        "description": description,
        "error": error,
    }
    if error or request is None:
        return data
    image = getattr(page, "teaser_image", None) if isinstance(page, Page) else None
    if image is None and site_settings is not None:
        image = site_settings.share_image
    rendition = seo.share_image(image)
    current = seo.OG_LOCALES.get(language)
    data.update(
        {
            "title": title or escape(seo.site_name()),
            "site_name": seo.site_name(),
            "canonical": seo.canonical_url(request),
            "og_type": getattr(page, "og_type", "website"),
            "og_locale": current,
            "og_locale_alternates": [
                seo.OG_LOCALES[link["code"]]
                for link in context.get("language_links") or []
                if link["code"] in seo.OG_LOCALES and seo.OG_LOCALES[link["code"]] != current
            ],
            "image": (
                {
                    "url": seo.public_url(request, rendition.url),
                    "width": rendition.width,
                    "height": rendition.height,
                    "alt": rendition.alt,
                }
                if rendition is not None
                else None
            ),
        }
    )
    return data


@register.simple_tag(takes_context=True)
def start_page_links(context):
    """For pages that do not exist (404): the start page in every language it is published in,
    in the shape of ``language_links`` (the same address in another language is missing too)."""
    request = context.get("request")
    if request is None:
        return []
    site = Site.find_for_request(request)
    if site is None:
        return []
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    current = current_language()
    translations = {
        page.locale.language_code: page
        for page in visible(site.root_page.get_translations(inclusive=True)).select_related(
            "locale"
        )
    }
    links = []
    for code, __ in settings.WAGTAIL_CONTENT_LANGUAGES:
        page = translations.get(code)
        url = page.get_url(request=request) if page is not None else None
        if url:
            links.append(
                {
                    "code": code,
                    "name": names.get(code, code),
                    "url": url,
                    "absolute_url": request.build_absolute_uri(url),
                    "current": code == current,
                }
            )
    return links if len(links) > 1 else []
