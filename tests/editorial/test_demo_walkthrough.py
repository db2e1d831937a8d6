"""The walk-through `make demo` offers: the demo logins take a district profile from draft
through approval to the live site, and a municipality's login stays in its own subtree."""

import io

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page

import pytest

from cms.management.commands.ensure_dev_superuser import DEFAULT_PASSWORD
from profiles.models import DistrictProfilePage, MunicipalityPage

from .test_workflow import submit, workflow_action


@pytest.fixture
def demo_logins(demo):
    call_command("ensure_dev_users", stdout=io.StringIO())


def log_in(client, username):
    """Sign in through the admin's login form, as a person does (and as the login lockout
    sees it: ``client.login`` bypasses the form and has no request to count against)."""
    client.logout()
    response = client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302, f"{username} could not sign in"
    return client


def test_every_demo_municipality_has_its_group(demo):
    municipalities = MunicipalityPage.objects.filter(locale__language_code="de")
    names = {f"Kommune {page.title}" for page in municipalities}
    assert names == set(
        Group.objects.filter(name__startswith="Kommune ").values_list("name", flat=True)
    )


def test_draft_approval_publish_with_the_demo_logins(demo_logins, client):
    profile = DistrictProfilePage.objects.get(slug="katernberg", locale__language_code="de")

    client = log_in(client, "essen")
    response = submit(client, profile, title="Katernberg (aktualisiert)", slug=profile.slug)
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert Page.objects.get(pk=profile.pk).title == "Katernberg"

    client = log_in(client, "koordination")
    dashboard = client.get(reverse("wagtailadmin_home")).text
    assert "Katernberg (aktualisiert)" in dashboard  # "Awaiting your review"
    workflow_action(client, profile, "approve")

    client.logout()
    assert "Katernberg (aktualisiert)" in client.get(Page.objects.get(pk=profile.pk).url).text


def test_the_dortmund_login_cannot_touch_essen(demo_logins, client):
    profile = DistrictProfilePage.objects.get(slug="katernberg", locale__language_code="de")
    client = log_in(client, "dortmund")
    response = client.get(reverse("wagtailadmin_pages:edit", args=(profile.pk,)))
    assert response["Location"] == reverse("wagtailadmin_home")
