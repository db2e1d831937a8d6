"""Mount the lock-aware admin views at Wagtail's own URLs, and check every download.

The admin's URL patterns are built from the ``register_admin_urls`` hooks in order; these come
first (``order=-100``), so ``/admin/documents/edit/<id>/`` and its siblings resolve to the views
in ``cms.files.views`` while ``reverse("wagtaildocs:edit", ...)`` keeps giving the same address.
``tests/files/test_adapters.py`` checks that the addresses still match Wagtail's.
"""

from django.urls import path

from wagtail import hooks

from . import views


@hooks.register("register_admin_urls", order=-100)
def mount_lock_aware_views():
    return [
        path("documents/edit/<int:document_id>/", views.DocumentEditView.as_view()),
        path("documents/delete/<int:document_id>/", views.DocumentDeleteView.as_view()),
        path("documents/usage/<int:document_id>/", views.DocumentUsageView.as_view()),
        path("images/<int:image_id>/", views.ImageEditView.as_view()),
        path("images/<int:image_id>/delete/", views.ImageDeleteView.as_view()),
        path("images/usage/<int:image_id>/", views.ImageUsageView.as_view()),
    ]


@hooks.register("before_serve_document", order=-100)
def check_document_access(document, request):
    return views.check_document_access(document, request)
