"""What search engines and link previews read: robots.txt, canonical and public addresses,
document titles, meta descriptions and the image shown when a page is shared.

Rules (README, "Search engines and link previews"):

- Addresses are absolute and come from PUBLIC_BASE_URL (the default site) or the site's own
  root URL (any other site), like the sitemap's, never from the request's Host header.
- The canonical address of a page is its own address without a query string: a filtered or
  paginated listing (``?topic=…``, ``?page=2``) is canonical to the plain listing, which lists
  the same pages; every page it leads to is in the sitemap anyway.
- A document title gets the site name as a suffix only while the whole stays within
  TITLE_MAX_LENGTH characters; a longer title is shown without it.
- A meta description is never empty: the page's search description, else its teaser, else the
  site-wide description of the site settings in the page's language, else a built-in one.
"""

import html

from django.conf import settings
from django.http import HttpResponse
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from wagtail.models import Site

# Search engines show about 60–70 characters of a title.
TITLE_MAX_LENGTH = 70
TITLE_SEPARATOR = " – "
# Open Graph and Twitter cards: 1.91:1, the size Facebook, LinkedIn and Mastodon ask for.
SHARE_IMAGE_SPEC = "fill-1200x630"
# og:locale wants language_TERRITORY.
OG_LOCALES = {"de": "de_DE", "en": "en_GB"}
# Where robots need not go: the editing interface and the API (data, no pages).
ROBOTS_DISALLOW = ("/admin/", "/api/")


def public_base_url(request) -> str:
    """PUBLIC_BASE_URL for the default site, another site's own root URL otherwise (without a
    trailing slash)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None or site.is_default_site:
        return settings.PUBLIC_BASE_URL.rstrip("/")
    return site.root_url.rstrip("/")


def public_url(request, path: str) -> str:
    """An absolute public address for a path or URL (absolute URLs are returned as they are,
    e.g. renditions on an absolute MEDIA_URL)."""
    if path.startswith(("http://", "https://")):
        return path
    if path.startswith("//"):
        return f"{public_base_url(request).split('//', 1)[0]}{path}"
    return public_base_url(request) + escape_uri_path(path)


def canonical_url(request) -> str:
    """This request's address without its query string, at the public address."""
    return public_url(request, request.path)


def site_name() -> str:
    return _("Soziale Stadt NRW")


def document_title(title: str) -> str:
    """``title – Soziale Stadt NRW`` if that fits in TITLE_MAX_LENGTH characters, else the title
    alone. ``title`` is HTML-escaped template output; characters are counted unescaped."""
    title = " ".join(title.split())
    name = html.escape(site_name())
    if not title:
        return name
    if len(html.unescape(title)) + len(TITLE_SEPARATOR) + len(site_name()) > TITLE_MAX_LENGTH:
        return title
    return f"{title}{TITLE_SEPARATOR}{name}"


def default_description(site_settings, language: str) -> str:
    """The site-wide description in ``language`` from the site settings, else a built-in one."""
    if site_settings is not None:
        text = site_settings.description_for(language)
        if text:
            return text
    return _(
        "The working group Soziale Stadt NRW connects the municipalities of North "
        "Rhine-Westphalia in the urban development programme Soziale Stadt: news, events, "
        "district profiles and knowledge from practice."
    )


def share_image(image):
    """The rendition shown in link previews, or None (a broken or missing file never breaks
    the page)."""
    if image is None:
        return None
    try:
        return image.get_rendition(SHARE_IMAGE_SPEC)
    except Exception:  # a missing or unreadable original: share without an image
        return None


@require_safe
@cache_control(public=True, max_age=60 * 60 * 24)
def robots_txt(request):
    """/robots.txt: everything public may be crawled; the sitemap at the public address."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines += ["", f"Sitemap: {public_base_url(request)}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
