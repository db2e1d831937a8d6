"""The places where cms.files plugs into Wagtail without a hook of its own. Each test fails
loudly when a Wagtail upgrade moves what it relies on."""

from django.conf import settings
from django.urls import resolve, reverse

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.api.v3 import router as documents_router
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.images.api.v3 import router as images_router
from wagtail.images.forms import get_image_form
from wagtail.permissions import policy_registry

import pytest

from cms.files import forms, views, wagtail_hooks
from cms.files.policy import FilePermissionPolicy

ADMIN_VIEWS = [
    ("wagtaildocs:edit", views.DocumentEditView),
    ("wagtaildocs:delete", views.DocumentDeleteView),
    ("wagtaildocs:document_usage", views.DocumentUsageView),
    ("wagtailimages:edit", views.ImageEditView),
    ("wagtailimages:delete", views.ImageDeleteView),
    ("wagtailimages:image_usage", views.ImageUsageView),
]


@pytest.mark.parametrize(("name", "view"), ADMIN_VIEWS)
def test_wagtails_admin_addresses_lead_to_the_lock_aware_views(name, view):
    match = resolve(reverse(name, args=(1,)))
    assert match.func.view_class is view


@pytest.mark.parametrize("model", [get_document_model(), get_image_model()])
def test_the_file_policy_is_registered(model):
    assert isinstance(policy_registry.get_by_type(model), FilePermissionPolicy)


def test_the_forms_are_wagtails_base_forms():
    assert issubclass(get_document_form(get_document_model()), forms.DocumentForm)
    assert issubclass(get_image_form(get_image_model()), forms.ImageForm)


def test_the_v3_querysets_are_wrapped():
    assert documents_router.get_documents_queryset._file_rules
    assert images_router.get_images_queryset._file_rules


@pytest.mark.parametrize(
    ("router", "operation_id"),
    [
        (documents_router.router, "documents_update"),
        (documents_router.router, "documents_delete"),
        (images_router.router, "images_update"),
        (images_router.router, "images_delete"),
    ],
)
def test_the_v3_writes_are_checked(router, operation_id):
    operations = {
        operation.operation_id: operation
        for path_view in router.path_operations.values()
        for operation in path_view.operations
    }
    assert operations[operation_id].view_func._file_rules


def test_downloads_go_through_django_and_our_check_first():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert hooks.get_hooks("before_serve_document")[0] is wagtail_hooks.check_document_access
