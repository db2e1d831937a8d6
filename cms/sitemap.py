"""/sitemap.xml: what search engines may index, in both languages, at the public address."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms.querysets import visible

SITEMAP_PAGE_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "translation_key",
    "locale__language_code",
    "last_published_at",
    "latest_revision_created_at",
)


@dataclass(frozen=True)
class Entry:
    page: Page
    language: str
    location: str
    lastmod: datetime | None


class PageSitemap(Sitemap):
    """Every page of the requested site that an anonymous visitor may see, in every language.

    The same rule as every listing (``cms.querysets.visible``): no drafts, no expired pages, no
    view-restricted pages, no untranslated placeholders. Each page links its translations
    (``xhtml:link rel="alternate" hreflang``, German as ``x-default``). Addresses are absolute
    and come from PUBLIC_BASE_URL, not from the request's host or the Site record's hostname
    (often "localhost"), so a crawler behind any proxy gets the public https address.
    """

    def __init__(self, request=None):
        super().__init__(request)
        self._entries: list[Entry] | None = None

    def pages(self):
        site = self.get_wagtail_site()
        root_paths = Page.objects.filter(
            translation_key=site.root_page.translation_key
        ).values_list("path", flat=True)
        in_site = Q()
        for path in root_paths:
            in_site |= Q(path__startswith=path)
        return (
            visible(Page.objects.filter(in_site))
            .select_related("locale")
            .only(*SITEMAP_PAGE_FIELDS)
            .order_by("path")
        )

    def base_url(self, site_id: int, root_url: str) -> str:
        """PUBLIC_BASE_URL for the default site; another site's own root URL otherwise."""
        site = self.get_wagtail_site()
        if site.pk == site_id and site.is_default_site:
            return settings.PUBLIC_BASE_URL.rstrip("/")
        return root_url.rstrip("/")

    def entries(self) -> list[Entry]:
        if self._entries is None:
            self._entries = []
            for page in self.pages():
                parts = page.get_url_parts(request=self.request)
                if parts is None or parts[2] is None:
                    continue
                site_id, root_url, path = parts
                self._entries.append(
                    Entry(
                        page=page,
                        language=page.locale.language_code,
                        location=self.base_url(site_id, root_url) + path,
                        lastmod=page.last_published_at or page.latest_revision_created_at,
                    )
                )
        return self._entries

    def items(self):
        return self.entries()

    def alternates(self) -> dict[str, list[dict]]:
        """Translation key → the hreflang links of all visible language versions of a page."""
        by_key: dict[str, list[Entry]] = {}
        for entry in self.entries():
            by_key.setdefault(str(entry.page.translation_key), []).append(entry)
        order = [code for code, __ in settings.WAGTAIL_CONTENT_LANGUAGES]
        links = {}
        for key, versions in by_key.items():
            if len(versions) < 2:
                continue
            versions.sort(key=lambda e: order.index(e.language) if e.language in order else 99)
            links[key] = [{"lang_code": e.language, "location": e.location} for e in versions]
            default = next((e for e in versions if e.language == settings.LANGUAGE_CODE), None)
            if default is not None:
                links[key].append({"lang_code": "x-default", "location": default.location})
        return links

    def _urls(self, page, protocol, domain):
        alternates = self.alternates()
        urls = [
            {
                "item": entry.page,
                "location": entry.location,
                "lastmod": entry.lastmod,
                "changefreq": None,
                "priority": None,
                "alternates": alternates.get(str(entry.page.translation_key), []),
            }
            for entry in self.paginator.page(page).object_list
        ]
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
