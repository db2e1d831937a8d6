"""The coordination office manages municipal editors' accounts, and nothing beyond them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from cms.roles import EDITORS, MODERATORS

pytestmark = pytest.mark.django_db

User = get_user_model()


def new_user_form(**overrides):
    data = {
        "username": "neu",
        "email": "neu@example.org",
        "first_name": "Nora",
        "last_name": "Neu",
        "password1": "ein-langes-passwort-2026",
        "password2": "ein-langes-passwort-2026",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def bulk_action_url(action):
    return reverse(
        "wagtail_bulk_action", args=(User._meta.app_label, User._meta.model_name, action)
    )


@pytest.fixture
def office(users, client):
    client.force_login(users.moderator)
    return client


def test_the_office_creates_a_municipal_editor(office, tree):
    essen = Group.objects.get(name="Kommune Essen")
    response = office.post(reverse("wagtailusers_users:add"), new_user_form(groups=[essen.pk]))
    assert response.status_code == 302
    user = User.objects.get(username="neu")
    assert list(user.groups.all()) == [essen]
    assert not user.is_superuser
    assert tree.katernberg.permissions_for_user(user).can_edit()


def test_the_form_offers_only_municipal_groups_and_no_administrator_box(office):
    form = office.get(reverse("wagtailusers_users:add")).context["form"]
    assert "is_superuser" not in form.fields
    names = set(form.fields["groups"].queryset.values_list("name", flat=True))
    assert names == {"Kommune Essen", "Kommune Dortmund"}


@pytest.mark.parametrize("group", [MODERATORS, EDITORS, "Moderators"])
def test_the_office_cannot_hand_out_other_roles(office, group):
    data = new_user_form(groups=[Group.objects.get(name=group).pk], is_superuser="on")
    response = office.post(reverse("wagtailusers_users:add"), data)
    assert response.status_code == 200  # the form says the choice is not valid
    assert not User.objects.filter(username="neu").exists()


def test_ticking_administrator_by_hand_has_no_effect(office, users):
    url = reverse("wagtailusers_users:edit", args=(users.essen_editor.pk,))
    data = new_user_form(username="essen", email="essen@example.org", is_superuser="on")
    data.update(password1="", password2="")
    office.post(url, data)
    assert not User.objects.get(pk=users.essen_editor.pk).is_superuser


@pytest.mark.parametrize("role", ["superuser", "editor", "moderator"])
def test_other_accounts_are_out_of_reach(office, users, role):
    target = getattr(users, role)
    listing = office.get(reverse("wagtailusers_users:index")).text
    assert f">{target.username}<" not in listing
    for view in ("edit", "delete"):
        response = office.get(reverse(f"wagtailusers_users:{view}", args=(target.pk,)))
        assert response["Location"] == reverse("wagtailadmin_home")
    office.post(reverse("wagtailusers_users:delete", args=(target.pk,)))
    assert User.objects.filter(pk=target.pk).exists()


def test_bulk_assigning_a_role_outside_the_municipal_groups_is_refused(office, users):
    moderators = Group.objects.get(name=MODERATORS)
    url = bulk_action_url("assign_role")
    response = office.post(f"{url}?id={users.essen_editor.pk}", {"role": moderators.pk})
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not users.essen_editor.groups.filter(pk=moderators.pk).exists()


def test_bulk_deleting_accounts_beyond_the_municipal_ones_is_refused(office, users):
    url = bulk_action_url("delete")
    response = office.post(f"{url}?id={users.editor.pk}&id={users.essen_editor.pk}")
    assert response["Location"] == reverse("wagtailadmin_home")
    assert User.objects.filter(pk__in=[users.editor.pk, users.essen_editor.pk]).count() == 2


def test_administrators_keep_the_full_user_admin(users, client):
    client.force_login(users.superuser)
    form = client.get(reverse("wagtailusers_users:add")).context["form"]
    assert "is_superuser" in form.fields
    assert form.fields["groups"].queryset.filter(name=MODERATORS).exists()
