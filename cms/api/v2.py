"""API v2 (Django REST framework) for clients that speak Wagtail's classic headless API.

Pages, images and documents at /api/v2/; each page type's ``api_fields`` decide what a detail
response contains. Images and documents follow the file rules of ``cms.files.api``.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet

from cms.files.api import DocumentsAPIViewSet, ImagesAPIViewSet
from cms.querysets import visible


class PagesAPIViewSet(WagtailPagesAPIViewSet):
    """Wagtail's pages endpoint under the project's visibility rule (``visible``: also hides
    expired pages and untranslated placeholders), without its query per item for
    ``meta.locale``."""

    def get_queryset(self):
        return visible(super().get_queryset()).select_related("locale")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
