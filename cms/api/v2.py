"""API v2 (Django REST framework) for clients that speak Wagtail's classic headless API.

Pages, images and documents at /api/v2/; each page type's ``api_fields`` decide what a detail
response contains. Images and documents follow the file rules of ``cms.files.api``.

Every endpoint the router registers gets :class:`BadInputIsA400` (whichever viewset class is
registered), so that input Wagtail's v2 views do not expect is answered with a 400 instead of a
server error. The request guard (``cms.params``) has already refused what no view can use.
"""

from django.core.exceptions import ValidationError

from wagtail.api.v2 import filters
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet

from cms.files.api import DocumentsAPIViewSet, ImagesAPIViewSet
from cms.querysets import visible, visible_for_search


class FieldsFilter(filters.FieldsFilter):
    """Wagtail's filter by a model's fields (``?type=events.EventPage&start_date=…``); a
    value the model field cannot read (``2024-13-01`` for a date) is a 400, not a server
    error (Wagtail turns only ``ValueError`` into a 400, Django's fields raise
    ``ValidationError``)."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except ValidationError as error:
            raise BadRequestError("field filter error: " + " ".join(error.messages)) from error


class BadInputIsA400:
    """Mixed into every v2 endpoint: the field filter above, and ``find/?id=`` only with a
    number (Wagtail looks any value up with ``queryset.get(id=…)``)."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.filter_backends = [
            FieldsFilter if backend is filters.FieldsFilter else backend
            for backend in cls.filter_backends
        ]

    def find_object(self, queryset, request):
        value = request.GET.get("id")
        if value is not None and not (value.isascii() and value.isdigit()):
            raise BadRequestError(f"id: expected a number, got {value[:40]!r}")
        return super().find_object(queryset, request)


class ProjectAPIRouter(WagtailAPIRouter):
    """Wagtail's router; each registered viewset is used with :class:`BadInputIsA400`."""

    def register_endpoint(self, name, cls):
        if not issubclass(cls, BadInputIsA400):
            cls = type(cls.__name__, (BadInputIsA400, cls), {"__module__": __name__})
        super().register_endpoint(name, cls)


class PagesAPIViewSet(WagtailPagesAPIViewSet):
    """Wagtail's pages endpoint under the project's visibility rule (``visible``: also hides
    expired pages and untranslated placeholders), without its query per item for
    ``meta.locale``.

    A search (``?search=``, Wagtail searches whenever the parameter is present) hands the
    queryset to the search backend, which filters by plain indexed values only; there the same
    rule comes as ``visible_for_search`` (ids instead of subqueries).
    """

    def get_queryset(self):
        rule = visible_for_search if "search" in self.request.GET else visible
        return rule(super().get_queryset()).select_related("locale")


api_router = ProjectAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
