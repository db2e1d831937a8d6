"""German slugs for new pages: "Förderrunde für Quartiere" → ``foerderrunde-fuer-quartiere`` in
the admin (slug widget and the form's safety net), for pages created without a slug (model
defaults, API v3); slugs a page already has stay as they are."""

import json

from django.urls import reverse

from wagtail.models import Page

import pytest

from cms.slugs import GermanSlugInput, german_slug_for, wagtail_default_slugs
from home.models import ContentPage
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

TITLE = "Förderrunde für Quartiere"
GERMAN = "foerderrunde-fuer-quartiere"


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("home", "contentpage", parent.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def form_data(**overrides):
    data = {"title": TITLE, "slug": GERMAN, "teaser": "", "topics": "", "body-count": "0"}
    data.update(overrides)
    return data


class TestRules:
    @pytest.mark.parametrize(
        ("title", "wagtail", "german"),
        [
            (TITLE, "forderrunde-fur-quartiere", GERMAN),  # the admin's urlify, Django's slugify
            (TITLE, "frderrunde-fr-quartiere", GERMAN),  # the admin's slugify of a typed slug
            ("Straße der Vielfalt", "strae-der-vielfalt", "strasse-der-vielfalt"),  # Django
        ],
    )
    def test_wagtails_transliteration_becomes_the_german_one(self, title, wagtail, german):
        assert wagtail in wagtail_default_slugs(title)
        assert german_slug_for(title, wagtail) == german

    def test_a_slug_that_is_already_german_stays(self):
        assert german_slug_for("Straße der Vielfalt", "strasse-der-vielfalt") == (
            "strasse-der-vielfalt"
        )

    @pytest.mark.parametrize("chosen", ["foerderrunde", "forderrunde-2026", "quartiere"])
    def test_a_slug_chosen_by_hand_is_kept(self, chosen):
        assert german_slug_for(TITLE, chosen) == chosen

    def test_the_widget_hands_the_german_letters_to_wagtails_slug_controller(self):
        attrs = GermanSlugInput().attrs
        assert attrs["data-controller"] == "w-slug"
        formatters = json.loads(attrs["data-w-slug-formatters-value"])
        replacements = {pattern[0]: target for pattern, target in formatters}
        assert replacements["ä"] == "ae"
        assert replacements["ö"] == "oe"
        assert replacements["ü"] == "ue"
        assert replacements["ß"] == "ss"
        assert replacements["Ü"] == "Ue"


class TestAdmin:
    def test_the_page_form_renders_the_german_slug_widget(self, admin_client, home):
        html = admin_client.get(add_url(home)).text
        assert "data-w-slug-formatters-value" in html
        assert "w-sync" in html, "the title still fills the slug"

    def test_a_new_page_with_wagtails_slug_gets_the_german_one(self, admin_client, home):
        response = admin_client.post(add_url(home), form_data(slug="forderrunde-fur-quartiere"))
        assert response.status_code == 302
        page = Page.objects.child_of(home).get(title=TITLE)
        assert page.slug == GERMAN

    def test_a_slug_typed_by_hand_is_kept(self, admin_client, home):
        response = admin_client.post(add_url(home), form_data(slug="foerderung-2026"))
        assert response.status_code == 302
        assert Page.objects.child_of(home).get(title=TITLE).slug == "foerderung-2026"

    def test_a_german_slug_already_taken_is_refused_with_the_usual_message(
        self, admin_client, home
    ):
        ContentPageFactory(parent=home, title="Ältere Seite", slug=GERMAN)
        response = admin_client.post(add_url(home), form_data(slug="forderrunde-fur-quartiere"))
        assert response.status_code == 200
        assert "slug" in response.context["form"].errors

    def test_an_existing_slug_is_never_changed(self, admin_client, home):
        page = ContentPageFactory(parent=home, title=TITLE, slug="forderrunde-fur-quartiere")
        response = admin_client.post(
            edit_url(page), form_data(slug="forderrunde-fur-quartiere", title=TITLE)
        )
        assert response.status_code == 302
        assert Page.objects.get(pk=page.pk).get_latest_revision_as_object().slug == (
            "forderrunde-fur-quartiere"
        )


class TestDefaults:
    def test_a_page_saved_without_a_slug_gets_the_german_one(self, home):
        page = home.add_child(instance=ContentPage(title=TITLE))
        assert page.slug == GERMAN

    def test_full_clean_fills_the_german_slug_and_keeps_it_unique(self, home):
        ContentPageFactory(parent=home, title="Erste", slug=GERMAN)
        page = ContentPage(title=TITLE)
        page._cached_parent_obj = home
        page.full_clean(exclude=["path", "depth"])  # the tree position comes with add_child
        assert page.slug == f"{GERMAN}-2"

    def test_a_given_slug_is_kept(self, home):
        page = home.add_child(instance=ContentPage(title=TITLE, slug="eigene-adresse"))
        assert page.slug == "eigene-adresse"

    def test_a_long_title_full_of_umlauts_still_fits_the_slug_field(self, home):
        page = home.add_child(instance=ContentPage(title="Ä" * 255))
        assert page.slug.startswith("aeae")
        assert len(page.slug) <= 255


def test_the_safety_net_keeps_a_german_slug_within_the_field():
    assert len(german_slug_for("Ü" * 200, "u" * 200)) <= 255
