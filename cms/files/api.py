"""The file rules on the APIs' document and image endpoints (v2 and v3).

* Reads: anonymous clients get public files only (``cms.files.visibility``), in lists, details
  and searches alike. API v3 requests with a token also get the files the token's user may see
  in the admin. API v2 is answered as for anonymous clients even with a session cookie: its
  answers are cached as public (``cms.middleware.ApiCachingMiddleware``).
* Writes (v3): Wagtail's write endpoints run its actions, which ask the permission policy
  (``cms.files.policy``); a change or deletion of a locked file is refused there with 403.
  :func:`install` checks first so the problem document says why.

Wagtail's v3 document and image routers read their queryset through a module function and
have no hook for it; :func:`install` wraps those functions and the write views, once. The
test ``tests/files/test_adapters.py`` fails loudly if Wagtail renames them.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied

from wagtail.api.v2.serializers import TagsField
from wagtail.documents.api.v2.serializers import DocumentSerializer as WagtailDocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer as WagtailImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.permissions import policy_registry

from .visibility import public_ids, publicly_visible, visible_to

SEARCH_PARAM = "search"

LOCKED_API_MESSAGE = (
    "This file is used on a live page. Only the coordination office may change, replace or "
    "delete it; upload a new file and choose it in a draft instead."
)
NOT_YOURS_API_MESSAGE = "You may change and delete only the files you uploaded yourself."


def restrict(request, queryset, *, privileged: bool):
    """``queryset`` narrowed to what the request may see; a list of ids when searching."""
    queryset = queryset.select_related("collection")  # every item shows its collection
    narrowed = visible_to(request.user, queryset) if privileged else publicly_visible(queryset)
    if request.GET.get(SEARCH_PARAM):
        # The search backend translates plain field filters only, not the subqueries.
        return queryset.filter(pk__in=list(narrowed.values_list("pk", flat=True)))
    return narrowed


class PrefetchedTagsField(TagsField):
    """Tags from the prefetched list (Wagtail's field asks the database once per item)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PrefetchedTagsMixin:
    def build_property_field(self, field_name, model_class):
        field_class, kwargs = super().build_property_field(field_name, model_class)
        return (PrefetchedTagsField if field_class is TagsField else field_class), kwargs


class DocumentSerializer(PrefetchedTagsMixin, WagtailDocumentSerializer):
    pass


class ImageSerializer(PrefetchedTagsMixin, WagtailImageSerializer):
    pass


class PublicFilesMixin:
    def get_queryset(self):
        queryset = super().get_queryset().prefetch_related("tags")
        if self.request.GET.get(SEARCH_PARAM):
            return queryset.filter(pk__in=public_ids(queryset))
        return publicly_visible(queryset)


class DocumentsAPIViewSet(PublicFilesMixin, WagtailDocumentsAPIViewSet):
    """Wagtail's v2 documents endpoint, public documents only."""

    base_serializer_class = DocumentSerializer


class ImagesAPIViewSet(PublicFilesMixin, WagtailImagesAPIViewSet):
    """Wagtail's v2 images endpoint, public images only."""

    base_serializer_class = ImageSerializer


# ------------------------------------------------------------------------------------ API v3


def _restricted_queryset(original):
    @wraps(original)
    def get_queryset(request):
        return restrict(request, original(request), privileged=request.user.is_authenticated)

    get_queryset._file_rules = True
    return get_queryset


def checked_write(view, *, model, action: str, id_name: str):
    """Refuse, with 403 and the reason, a change or deletion the policy does not allow."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        obj = model._default_manager.filter(pk=kwargs.get(id_name)).first()
        if obj is not None:
            policy = policy_registry.get_by_type(model)
            if not policy.user_has_permission_for_instance(request.user, action, obj):
                locked = getattr(policy, "is_locked", lambda instance: False)(obj)
                raise PermissionDenied(LOCKED_API_MESSAGE if locked else NOT_YOURS_API_MESSAGE)
        return view(request, *args, **kwargs)

    return wrapper


def _wrap_operations(router, wrappers: dict) -> None:
    for path_view in router.path_operations.values():
        for operation in path_view.operations:
            wrap = wrappers.get(operation.operation_id)
            if wrap and not getattr(operation.view_func, "_file_rules", False):
                operation.view_func = wrap(operation.view_func)
                operation.view_func._file_rules = True


def install() -> None:
    """Put the file rules on Wagtail's v3 document and image endpoints (idempotent)."""
    from wagtail.documents import get_document_model
    from wagtail.documents.api.v3 import router as documents
    from wagtail.images import get_image_model
    from wagtail.images.api.v3 import router as images

    if not getattr(documents.get_documents_queryset, "_file_rules", False):
        documents.get_documents_queryset = _restricted_queryset(documents.get_documents_queryset)
    if not getattr(images.get_images_queryset, "_file_rules", False):
        images.get_images_queryset = _restricted_queryset(images.get_images_queryset)

    for router, model, prefix, id_name in (
        (documents.router, get_document_model(), "documents", "document_id"),
        (images.router, get_image_model(), "images", "image_id"),
    ):
        _wrap_operations(
            router,
            {
                f"{prefix}_update": lambda view, m=model, i=id_name: checked_write(
                    view, model=m, action="change", id_name=i
                ),
                f"{prefix}_delete": lambda view, m=model, i=id_name: checked_write(
                    view, model=m, action="delete", id_name=i
                ),
            },
        )
