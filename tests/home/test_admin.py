from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page

import pytest

from home.models import ContentPage
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    """A member of Wagtail's default "Editors" group: may add and edit pages, not publish."""
    user = django_user_model.objects.create_user("redakteurin", password="passwort-123456")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("home", "contentpage", parent.pk))


def form_data(**overrides):
    data = {"title": "Neue Seite", "slug": "neue-seite", "topics": "", "body-count": "0"}
    data.update(overrides)
    return data


def test_anonymous_visitors_are_sent_to_the_login(client, home):
    response = client.get(add_url(home))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_editor_can_save_a_draft_but_not_publish(client, editor, home):
    client.force_login(editor)
    # Asking to publish without the permission saves a draft instead.
    response = client.post(add_url(home), form_data(**{"action-publish": "publish"}))
    assert response.status_code == 302
    draft = Page.objects.child_of(home).get(slug="neue-seite")
    assert not draft.live
    assert draft.has_unpublished_changes
    assert client.get("/de/neue-seite/").status_code == 404
    assert not draft.permissions_for_user(editor).can_publish()


def test_user_without_permissions_cannot_edit(client, django_user_model, home):
    user = django_user_model.objects.create_user("gast", password="passwort-123456")
    user.user_permissions.add(*_admin_access())
    page = ContentPageFactory(parent=home)
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code in (302, 403)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), form_data(title="Geändert")
    )
    page.refresh_from_db()
    assert page.title != "Geändert"


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="access_admin")


def test_editor_form_is_german_with_tabs(admin_client, home):
    page = ContentPageFactory(parent=home)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).text
    for label in ("Inhalt", "Themen", "Veröffentlichung", "Anrisstext", "Teaserbild"):
        assert label in html, label


def test_invalid_page_is_refused_and_nothing_saved(admin_client, home):
    response = admin_client.post(add_url(home), form_data(title="", slug="ohne-titel"))
    assert response.status_code == 200
    assert response.context["form"].errors["title"]
    assert not ContentPage.objects.filter(slug="ohne-titel").exists()


def test_core_snippets_have_german_admin_labels(admin_client):
    html = admin_client.get(reverse("wagtailsnippets_cms_topic:add")).text
    assert "Bezeichnung (Deutsch)" in html
    assert "Synonyme" in html
    html = admin_client.get(reverse("wagtailsnippets_cms_contactperson:add")).text
    assert "Funktion" in html
    assert "Porträtfoto" in html
