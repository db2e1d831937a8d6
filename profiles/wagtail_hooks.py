"""Admin additions of the district profiles: the dashboard panel of profiles due for review, the
"Als geprüft markieren" action and its audit-log entry."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .admin_views import mark_profile_reviewed
from .dashboard import StaleProfilesPanel
from .reviews import MARK_REVIEWED
from .roles import ACCOUNT_DEACTIVATED, MUNICIPALITY_RETIRED


@hooks.register("construct_homepage_panels")
def add_stale_profiles_panel(request, panels):
    panels.append(StaleProfilesPanel())


@hooks.register("register_admin_urls")
def register_review_url():
    return [
        path(
            "profiles/<int:page_id>/reviewed/",
            mark_profile_reviewed,
            name="profiles_mark_reviewed",
        )
    ]


@hooks.register("register_log_actions")
def register_review_log_action(actions):
    actions.register_action(MARK_REVIEWED, _("Mark as reviewed"), _("Marked as reviewed"))
    actions.register_action(
        MUNICIPALITY_RETIRED,
        _("Municipality retired"),
        _("Municipality page deleted: group removed, collection moved to the archive"),
    )
    actions.register_action(
        ACCOUNT_DEACTIVATED,
        _("Account deactivated"),
        _("Account deactivated: its municipality page was deleted"),
    )
