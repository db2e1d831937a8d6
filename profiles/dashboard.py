"""The editors' dashboard panel "profiles not reviewed for 12 months".

Municipalities are asked to check their district profiles once a year (``last_reviewed``). The
panel lists the German profiles the user may edit whose check is missing or older than a year,
oldest first. It speaks to its reader: a municipal editor reads about "Ihre Profile" and is asked
to check them; the coordination office reads which municipality to ask, with that
municipality's editors to write to.
"""

import datetime

from django.conf import settings
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.querysets import parent_path
from cms.roles import MODERATORS, MUNICIPALITY_GROUP_PREFIX

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
    parent_title = Page.objects.filter(path=parent_path(OuterRef("path"))).values("title")[:1]
    return (
        editable.filter(locale__language_code=settings.LANGUAGE_CODE)
        .filter(Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=due))
        .annotate(municipality=Subquery(parent_title))
        .only("id", "title", "path", "last_reviewed", "live", "has_unpublished_changes")
        .order_by(F("last_reviewed").asc(nulls_first=True), "title", "pk")
    )


def speaks_to_a_municipality(user) -> bool:
    """Whether the panel addresses a municipality's own editor ("Ihre Profile"). Everyone else
    who sees it (the coordination office, the network's editors, administrators) reads which
    municipality to ask."""
    if user.is_superuser or user.groups.filter(name=MODERATORS).exists():
        return False
    return user.groups.filter(name__startswith=MUNICIPALITY_GROUP_PREFIX).exists()


def municipality_contacts(profiles) -> dict[str, list[dict]]:
    """The active editors of each profile's municipality (its group), by the municipality
    page's path; one query for all profiles."""
    steplen = Page.steplen
    paths = {profile.path[:-steplen] for profile in profiles}
    rows = (
        GroupPagePermission.objects.filter(
            page__path__in=paths,
            group__name__startswith=MUNICIPALITY_GROUP_PREFIX,
            group__user__is_active=True,
        )
        .values_list(
            "page__path",
            "group__user__first_name",
            "group__user__last_name",
            "group__user__username",
            "group__user__email",
        )
        .distinct()
        .order_by("page__path", "group__user__last_name", "group__user__username")
    )
    contacts: dict[str, list[dict]] = {}
    for path, first, last, username, email in rows:
        name = f"{first} {last}".strip() or username
        contacts.setdefault(path, []).append({"name": name, "email": email})
    return contacts


class StaleProfilesPanel(Component):
    name = "stale_profiles"
    template_name = "profiles/admin/stale_profiles_panel.html"
    order = 230  # after Wagtail's "awaiting your review" (220)
    limit = 20

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        profiles = stale_profiles(user)
        shown = list(profiles[: self.limit])
        own_profiles = bool(shown) and speaks_to_a_municipality(user)
        if shown and not own_profiles:
            contacts = municipality_contacts(shown)
            for profile in shown:
                profile.municipality_editors = contacts.get(profile.path[: -Page.steplen], [])
        context["ask_the_municipality"] = not own_profiles
        context["several_municipalities"] = len({p.municipality for p in shown}) > 1
        context["profiles"] = shown
        context["count"] = len(shown) if len(shown) < self.limit else profiles.count()
        context["more"] = context["count"] - len(shown)
        context["due_before"] = review_due_before()
        # The "mark as reviewed" forms post back with the page's CSRF token.
        context["request"] = parent_context["request"]
        context["csrf_token"] = parent_context.get("csrf_token")
        return context
