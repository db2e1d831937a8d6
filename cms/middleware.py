"""Middleware of the core."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# URLs outside the language prefixes; a 404 there is a real 404, not a missing /de/.
UNPREFIXED_PATHS = ("/api/", "/admin/", "/documents/", "/static/", "/media/", "/sitemap.xml")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that it leaves the API, admin and files alone.

    Django redirects any unknown address without a language prefix to "/de/…" (Wagtail's
    catch-all makes every such path look valid). For "/ueber-uns/" that helps visitors with old
    links; for "/api/v2/pages/999/" it would answer an API client's 404 with a redirect to an
    HTML page.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
