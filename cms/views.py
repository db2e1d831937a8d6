"""Views of the core."""

from django.urls import re_path

from wagtail.views import serve

# A page's file-like route: ``stadtteilprofile/karte.geojson``, later ``.ics`` or ``.rss`` feeds.
PAGE_FILE_PATTERN = r"^(?P<page_path>(?:[\w\-]+/)*)(?P<filename>[\w\-]+\.[A-Za-z0-9]{1,10})$"


def serve_page_file(request, page_path: str, filename: str):
    """Serve ``<page>/<name>.<ext>`` through Wagtail's own page serving.

    Wagtail's URL pattern only matches paths of word characters ending in "/", so a file name
    never reaches a page. Here it is handed to Wagtail as the subpage path ``<name>.<ext>/``;
    routing, live status, view restrictions and serve hooks then apply exactly as for the page,
    and the page's routable view (``@path("karte.geojson/")``) answers.
    """
    return serve(request, f"{page_path}{filename}/")


urlpatterns = [re_path(PAGE_FILE_PATTERN, serve_page_file, name="page_file")]
