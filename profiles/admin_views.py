"""Admin view: "Als geprüft markieren" for a district profile (see profiles.reviews)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import DistrictProfilePage
from .reviews import mark_reviewed


@require_POST
def mark_profile_reviewed(request, page_id: int):
    page = get_object_or_404(DistrictProfilePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    mark_reviewed(page, request.user)
    messages.success(
        request,
        _("“%(title)s” is marked as reviewed today.") % {"title": page.title},
    )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "wagtailadmin_home"
    return redirect(target)
