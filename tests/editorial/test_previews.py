"""Editor experience: every page type opens in the editor with the same tabs, every field has a
German label, and every page type can be previewed (saved drafts and unsaved changes)."""

from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.html import escape

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from profiles.models import DistrictProfilePage, MunicipalityPage
from tests.cms.factories import TopicFactory

from .page_tree import one_page_of_each_type, project_page_models

MAP_PAGES = {MunicipalityPage, DistrictProfilePage}


@pytest.fixture
def editor(admin_client):
    return admin_client


@pytest.fixture
def pages(home):
    tree = one_page_of_each_type(home)
    return list(vars(tree).values())


def test_one_page_of_each_type_covers_every_page_type(pages):
    assert {type(page) for page in pages} == set(project_page_models())


def test_every_page_type_previews_its_latest_draft(editor, pages):
    for page in pages:
        draft = page.specific_class.objects.get(pk=page.pk)
        draft.title = f"Entwurf von {page.title}"
        draft.save_revision()
        for mode, __ in draft.preview_modes:
            response = editor.get(
                reverse("wagtailadmin_pages:view_draft", args=[page.pk]), {"mode": mode}
            )
            assert response.status_code == 200, type(page).__name__
            assert escape(draft.title) in response.text, type(page).__name__


def test_live_preview_shows_unsaved_changes(editor, home):
    page = one_page_of_each_type(home).content
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = nested_form_data(
        {
            "title": "Zielsetzung (geändert)",
            "slug": page.slug,
            "teaser": page.teaser,
            "body": streamfield([("paragraph", rich_text("<p>Noch nicht gespeichert.</p>"))]),
            "comments": inline_formset([]),
        }
    )
    assert editor.post(url, data).json() == {"is_valid": True, "is_available": True}

    response = editor.get(url)
    assert response.status_code == 200
    assert "Zielsetzung (geändert)" in response.text
    assert "Noch nicht gespeichert." in response.text


def test_live_preview_shows_the_unsaved_topics(editor, home):
    """The topic list of a preview shows the topics chosen in the form, not the saved ones."""
    saved, chosen = TopicFactory(name="Wohnen"), TopicFactory(name="Lokale Ökonomie")
    page = one_page_of_each_type(home).content
    page.topics.add(saved)
    page.save_revision().publish()
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "teaser": page.teaser,
            "body": streamfield([("paragraph", rich_text("<p>Text</p>"))]),
            "comments": inline_formset([]),
        }
    )
    data["topics"] = [chosen.pk]
    assert editor.post(url, data).json() == {"is_valid": True, "is_available": True}

    html = editor.get(url).text
    assert f'href="{reverse("topic", args=[chosen.slug])}"' in html
    assert f'href="{reverse("topic", args=[saved.slug])}"' not in html
    assert f'href="{reverse("topic", args=[saved.slug])}"' in Client().get(page.url).text


# ---------------------------------------------------------------------------- editor forms


def tab_headings(model) -> list[str]:
    with translation.override("de"):
        return [str(tab.heading) for tab in model.get_edit_handler().children]


@pytest.mark.parametrize("model", project_page_models(), ids=lambda model: model.__name__)
def test_every_page_type_has_the_same_tabs(model):
    expected = ["Inhalt", "Themen", "Karte", "Veröffentlichung"]
    if model not in MAP_PAGES:
        expected.remove("Karte")
    assert tab_headings(model) == expected


def test_every_page_type_opens_in_the_german_editor(editor, pages):
    for page in pages:
        response = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, type(page).__name__
        for heading in tab_headings(type(page)):
            assert heading in response.text, (type(page).__name__, heading)


def own_fields(model):
    """The editable fields a page type adds to Wagtail's Page."""
    page_fields = {field.name for field in Page._meta.get_fields()}
    return [
        field
        for field in model._meta.get_fields()
        if getattr(field, "editable", False)
        and not field.auto_created
        and field.concrete
        and field.name not in page_fields
    ]


@pytest.mark.parametrize("model", project_page_models(), ids=lambda model: model.__name__)
def test_every_field_has_a_translated_label_and_is_in_the_editor(model):
    form_fields = set(model.get_edit_handler().get_form_class().base_fields)
    for field in own_fields(model):
        # Labels are English in the code and German through locale/de: a plain string (or
        # Django's default from the field name) would stay English in the admin.
        assert isinstance(field.verbose_name, Promise), f"{model.__name__}.{field.name}"
        assert field.name in form_fields, f"{model.__name__}.{field.name} is in no panel"


def test_last_reviewed_is_edited_in_the_publishing_tab():
    tabs = DistrictProfilePage.get_edit_handler().children
    publishing = tabs[-1]
    assert "last_reviewed" in publishing.get_form_options()["fields"]
    assert all("last_reviewed" not in tab.get_form_options()["fields"] for tab in tabs[:-1])
