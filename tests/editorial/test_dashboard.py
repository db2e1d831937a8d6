"""The editors' dashboard: "my drafts", "awaiting your review" and the district profiles whose
yearly review by the municipality is due."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupPagePermission

import pytest

from profiles.dashboard import review_due_before, stale_profiles
from tests.home.factories import ContentPageFactory
from tests.profiles.factories import (
    DistrictProfileIndexPageFactory,
    DistrictProfilePageFactory,
    MunicipalityPageFactory,
)
from tests.queries import queries_for

TODAY = timezone.localdate()
LONG_AGO = TODAY - datetime.timedelta(days=500)
RECENTLY = TODAY - datetime.timedelta(days=30)


def edit_link(page) -> str:
    return f'href="{reverse("wagtailadmin_pages:edit", args=[page.pk])}"'


def panel(html: str, panel_id: str) -> str:
    """The HTML of one dashboard panel (empty if it is not shown)."""
    start = html.find(f'id="{panel_id}-section"')
    if start == -1:
        return ""
    end = html.find('<section class="w-panel', start)
    return html[start : end if end != -1 else None]


@pytest.fixture
def profile_index(home):
    return DistrictProfileIndexPageFactory(parent=home)


@pytest.fixture
def essen(profile_index):
    return MunicipalityPageFactory(parent=profile_index, title="Essen", ags="05113000")


@pytest.fixture
def dortmund(profile_index):
    return MunicipalityPageFactory(
        parent=profile_index, title="Dortmund", ags="05913000", regierungsbezirk="arnsberg"
    )


def profile(parent, title, last_reviewed):
    return DistrictProfilePageFactory(parent=parent, title=title, last_reviewed=last_reviewed)


def test_dashboard_lists_profiles_not_reviewed_for_a_year(admin_client, essen):
    stale = profile(essen, "Katernberg", LONG_AGO)
    never = profile(essen, "Altendorf", None)
    fresh = profile(essen, "Bochold", RECENTLY)

    html = panel(admin_client.get(reverse("wagtailadmin_home")).text, "stale-profiles")

    assert edit_link(stale) in html
    assert edit_link(never) in html
    assert edit_link(fresh) not in html
    assert html.index("Altendorf") < html.index("Katernberg")  # never reviewed comes first
    assert "Essen" in html  # the municipality
    assert LONG_AGO.strftime("%d.%m.%Y") in html


def test_a_year_and_a_day_is_due_a_year_is_not(essen, admin_user):
    due = profile(essen, "Katernberg", review_due_before() - datetime.timedelta(days=1))
    on_time = profile(essen, "Altendorf", review_due_before())
    found = set(stale_profiles(admin_user))
    assert due in found
    assert on_time not in found


def test_english_translations_are_not_listed(essen, admin_user, english):
    german = profile(essen, "Katernberg", LONG_AGO)
    essen.copy_for_translation(english, copy_parents=True)
    english_profile = german.copy_for_translation(english)
    found = set(stale_profiles(admin_user))
    assert german in found
    assert english_profile not in found


def test_panel_is_hidden_when_every_profile_is_reviewed(admin_client, essen):
    profile(essen, "Katernberg", RECENTLY)
    html = admin_client.get(reverse("wagtailadmin_home")).text
    assert panel(html, "stale-profiles") == ""
    assert 'id="stale-profiles' not in html


def test_panel_lists_only_profiles_the_user_may_edit(client, django_user_model, essen, dortmund):
    own = profile(essen, "Katernberg", LONG_AGO)
    other = profile(dortmund, "Nordstadt", LONG_AGO)
    group = Group.objects.create(name="Stadt Essen (Test)")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=essen,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    user = django_user_model.objects.create_user("essen", password="x" * 12)
    user.groups.add(group)
    client.force_login(user)

    html = panel(client.get(reverse("wagtailadmin_home")).text, "stale-profiles")
    assert edit_link(own) in html
    assert edit_link(other) not in html


def count_dashboard_queries(client) -> int:
    return queries_for(client, reverse("wagtailadmin_home"), warm=False)


def test_dashboard_queries_do_not_grow_with_stale_profiles(admin_client, essen, dortmund):
    for number in range(2):
        profile(essen, f"Quartier {number}", LONG_AGO)
    count_dashboard_queries(admin_client)  # warm caches (content types, site)
    few = count_dashboard_queries(admin_client)
    for number in range(8):
        profile(dortmund, f"Gebiet {number}", None)
    many = count_dashboard_queries(admin_client)
    html = panel(admin_client.get(reverse("wagtailadmin_home")).text, "stale-profiles")
    assert html.count("/edit/") == 10
    assert many == few


# --------------------------------------------------------------------------------- drafts


def test_my_drafts_lists_my_unpublished_changes(admin_client, admin_user, django_user_model, home):
    colleague = django_user_model.objects.create_superuser("kollegin", password="x" * 12)
    new_page = ContentPageFactory(parent=home, title="Neue Seite", live=False)
    new_page.save_revision(user=admin_user)
    changed = ContentPageFactory(parent=home, title="Zielsetzung")
    changed.title = "Zielsetzung (überarbeitet)"
    changed.save_revision(user=admin_user)
    published = ContentPageFactory(parent=home, title="Kontakt")
    published.save_revision(user=admin_user).publish()
    theirs = ContentPageFactory(parent=home, title="Impressum")
    theirs.title = "Impressum (neu)"
    theirs.save_revision(user=colleague)

    html = panel(admin_client.get(reverse("wagtailadmin_home")).text, "my-drafts")

    assert edit_link(new_page) in html
    assert edit_link(changed) in html
    assert "Zielsetzung (überarbeitet)" in html
    assert reverse("wagtailadmin_pages:view_draft", args=[changed.pk]) in html
    assert edit_link(published) not in html
    assert edit_link(theirs) not in html


def test_my_drafts_queries_do_not_grow_with_drafts(admin_client, admin_user, home):
    def draft(number):
        page = ContentPageFactory(parent=home, title=f"Entwurf {number}", live=False)
        page.save_revision(user=admin_user)

    for number in range(2):
        draft(number)
    count_dashboard_queries(admin_client)
    few = count_dashboard_queries(admin_client)
    for number in range(2, 10):
        draft(number)
    assert count_dashboard_queries(admin_client) == few


def test_dashboard_shows_what_awaits_my_review(admin_client, admin_user, django_user_model, home):
    """Wagtail's own panel; the approval workflow sends pages there."""
    from wagtail.models import Workflow

    author = django_user_model.objects.create_superuser("autorin", password="x" * 12)
    page = ContentPageFactory(parent=home, title="Zur Freigabe")
    workflow = Workflow.objects.get(active=True)  # the roles migration's approval workflow
    page.title = "Zur Freigabe (geändert)"
    page.save_revision(user=author)
    workflow.start(page, author)

    html = admin_client.get(reverse("wagtailadmin_home")).text
    assert "Zur Freigabe (geändert)" in html
