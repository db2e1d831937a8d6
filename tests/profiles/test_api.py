import json

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from tests.cms.factories import ContactPersonFactory

from .factories import DistrictProfilePageFactory

pytestmark = pytest.mark.django_db


def test_profile_detail_has_everything_to_render_it(client, essen):
    person = ContactPersonFactory(name="Stadtteilbüro Katernberg")
    profile = DistrictProfilePageFactory(
        parent=essen,
        title="Katernberg",
        slug="katernberg",
        boundary=json.dumps(
            {
                "type": "Polygon",
                "coordinates": [[[7.03, 51.49], [7.05, 51.49], [7.04, 51.5], [7.03, 51.49]]],
            }
        ),
        milestones=[
            {
                "type": "milestone",
                "value": {"date": "2009-12-01", "precision": "month", "title": "Ende"},
            },
            {
                "type": "milestone",
                "value": {"date": "1999-01-01", "precision": "year", "title": "Start"},
            },
        ],
        contacts=[{"type": "contact", "value": person.pk}],
    )
    data = client.get(f"/api/v2/pages/{profile.pk}/").json()
    assert data["meta"]["type"] == "profiles.DistrictProfilePage"
    assert data["status"] == "laufend"
    assert data["programme"] == "sozialer-zusammenhalt"
    assert data["coordinates"] == {"lat": 51.4925, "lng": 7.042}
    assert data["boundary_geometry"]["type"] == "Polygon"
    assert [m["title"] for m in data["milestones"]] == ["Start", "Ende"]
    assert data["contacts"][0]["value"]["name"] == "Stadtteilbüro Katernberg"
    assert data["character"][0]["value"] == "<p>Ein früheres Bergarbeiterquartier.</p>"


def test_municipality_detail(client, essen):
    data = client.get(f"/api/v2/pages/{essen.pk}/").json()
    assert data["ags"] == "05113000"
    assert data["regierungsbezirk"] == "duesseldorf"
    assert data["coordinates"] == {"lat": 51.4556, "lng": 7.0116}


def test_unpublished_profile_is_not_in_the_api(client, essen):
    profile = DistrictProfilePageFactory(parent=essen)
    profile.unpublish()
    assert client.get(f"/api/v2/pages/{profile.pk}/").status_code == 404


def test_editor_can_draft_but_not_publish_a_profile(client, django_user_model, essen):
    editor = django_user_model.objects.create_user("redaktion", password="passwort-123456")
    editor.groups.add(Group.objects.get(name="Editors"))
    profile = DistrictProfilePageFactory(parent=essen)
    assert not profile.permissions_for_user(editor).can_publish()
    assert profile.permissions_for_user(editor).can_edit()
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(profile.pk,))).status_code == 200


def test_anonymous_cannot_open_the_profile_editor(client, essen):
    profile = DistrictProfilePageFactory(parent=essen)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(profile.pk,)))
    assert response.status_code == 302
