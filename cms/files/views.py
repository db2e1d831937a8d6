"""Admin views for documents and images under the file lock, and the download check.

Wagtail's edit views refuse a file the user may not change with a bare "no permission" page;
for an editor whose upload has since gone live on a page that is a riddle. These subclasses
open such a file read-only instead and say where it is used and who may change it; the form
(``cms.files.forms``) refuses a submission, so nothing changes. The delete views answer a
refused deletion with the same explanation. They are mounted in place of Wagtail's own at the
same admin URLs (``cms.files.wagtail_hooks``).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from wagtail.documents.views import documents as wagtail_documents
from wagtail.images.views import images as wagtail_images

from .policy import LOCKED_MESSAGE
from .usage import live_pages_using
from .visibility import may_download

# Pages listed by name in the lock notice; the usage view lists them all.
MAX_PAGES_LISTED = 10


def file_lock_context(view) -> dict:
    """What the lock notice shows: whether the file is locked, what the user may do, and the
    live pages that use it."""
    policy, user, obj = view.permission_policy, view.request.user, view.object
    locked = policy.is_locked(obj)
    pages = list(live_pages_using(obj)[: MAX_PAGES_LISTED + 1]) if locked else []
    return {
        "locked": locked,
        "may_change": policy.user_has_permission_for_instance(user, "change", obj),
        "may_replace": policy.user_has_permission_for_instance(user, "replace", obj),
        "may_delete": policy.user_has_permission_for_instance(user, "delete", obj),
        "pages": pages[:MAX_PAGES_LISTED],
        "more_pages": len(pages) > MAX_PAGES_LISTED,
    }


class LockAwareEditMixin:
    """Open files the user works with (their own uploads) even when locked, read-only."""

    wagtail_view = None  # the Wagtail view this one takes the place of

    def get_object(self, queryset=None):
        # Skip Wagtail's own check ("change" on the instance), which refuses locked files.
        obj = super(self.wagtail_view, self).get_object(queryset)
        policy, user = self.permission_policy, self.request.user
        if not (
            policy.may_work_on(user, obj)
            or policy.user_has_permission_for_instance(user, "change", obj)
        ):
            raise PermissionDenied
        return obj

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["file_lock"] = file_lock_context(self)
        return context


class DocumentEditView(LockAwareEditMixin, wagtail_documents.EditView):
    wagtail_view = wagtail_documents.EditView
    template_name = "files/document_edit.html"


class ImageEditView(LockAwareEditMixin, wagtail_images.EditView):
    wagtail_view = wagtail_images.EditView
    template_name = "files/image_edit.html"


class LockAwareDeleteMixin:
    """A refused deletion of a file the user works with says why and goes back to the file."""

    edit_url_name = None

    def dispatch(self, request, *args, **kwargs):
        policy, obj = self.permission_policy, self.object
        if not policy.user_has_permission_for_instance(request.user, "delete", obj):
            if policy.may_work_on(request.user, obj) and policy.is_locked(obj):
                messages.error(request, LOCKED_MESSAGE)
                return redirect(reverse(self.edit_url_name, args=(obj.pk,)))
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class DocumentDeleteView(LockAwareDeleteMixin, wagtail_documents.DeleteView):
    edit_url_name = "wagtaildocs:edit"


class ImageDeleteView(LockAwareDeleteMixin, wagtail_images.DeleteView):
    edit_url_name = "wagtailimages:edit"


def check_document_access(document, request):
    """``before_serve_document``: a document nobody may download here is not found."""
    if not may_download(request, document):
        raise Http404("No document found")


class LockAwareUsageMixin:
    """Where a file is used is what explains its lock: show it to the people who work with it."""

    def user_has_permission(self, permission):
        if permission == "change" and self.permission_policy.may_work_on(
            self.request.user, self.object
        ):
            return True
        return super().user_has_permission(permission)


class DocumentUsageView(LockAwareUsageMixin, wagtail_documents.UsageView):
    pass


class ImageUsageView(LockAwareUsageMixin, wagtail_images.UsageView):
    pass
