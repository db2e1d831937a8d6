"""The editors' dashboard panel "profiles not reviewed for 12 months".

Municipalities are asked to check their district profiles once a year (``last_reviewed``). The
panel lists the German profiles the user may edit whose check is missing or older than a year,
oldest first, so the coordination office can follow up.
"""

import datetime

from django.conf import settings
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import DistrictProfilePage

REVIEW_INTERVAL = datetime.timedelta(days=365)


def review_due_before(today: datetime.date | None = None) -> datetime.date:
    """Profiles last reviewed before this day are due (older than 12 months)."""
    return (today or timezone.localdate()) - REVIEW_INTERVAL


def stale_profiles(user, today: datetime.date | None = None):
    """The user's editable German profiles whose review is due: never reviewed first, then the
    oldest. One query, with the municipality's name (the parent page) as ``municipality``."""
    editable = PagePermissionPolicy(DistrictProfilePage).instances_user_has_permission_for(
        user, "change"
    )
    due = review_due_before(today)
    parent_title = Page.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    ).values("title")[:1]
    return (
        editable.filter(locale__language_code=settings.LANGUAGE_CODE)
        .filter(Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=due))
        .annotate(municipality=Subquery(parent_title))
        .only("id", "title", "path", "last_reviewed", "live", "has_unpublished_changes")
        .order_by(F("last_reviewed").asc(nulls_first=True), "title", "pk")
    )


class StaleProfilesPanel(Component):
    name = "stale_profiles"
    template_name = "profiles/admin/stale_profiles_panel.html"
    order = 230  # after Wagtail's "awaiting your review" (220)
    limit = 20

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        profiles = stale_profiles(parent_context["request"].user)
        shown = list(profiles[: self.limit])
        context["profiles"] = shown
        context["count"] = len(shown) if len(shown) < self.limit else profiles.count()
        context["more"] = context["count"] - len(shown)
        context["due_before"] = review_due_before()
        # The "mark as reviewed" forms post back with the page's CSRF token.
        context["request"] = parent_context["request"]
        context["csrf_token"] = parent_context.get("csrf_token")
        return context
