"""A document's language: set in the admin (German unless said otherwise) and marked on pages of
another language, so that screen readers pronounce a German title on an English page in German."""

from django.template.loader import render_to_string
from django.utils import translation

from wagtail.documents.forms import get_document_form

import pytest

from cms.models.documents import CMSDocument
from tests.cms.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def rendered(document, language, item=None):
    with translation.override(language):
        return render_to_string(
            "cms/includes/download_item.html", {"document": document, "item": item or {}}
        )


def test_german_document_on_an_english_page_is_marked():
    document = DocumentFactory(title="Arbeitshilfe Verfügungsfonds")
    assert document.language == "de"
    html = rendered(document, "en")
    assert 'hreflang="de"' in html
    assert '<span class="download__title" lang="de">Arbeitshilfe Verfügungsfonds</span>' in html
    assert "German" in html
    # on a German page nothing needs marking
    german = rendered(document, "de")
    assert "lang=" not in german
    assert "hreflang" not in german


def test_a_translated_link_title_is_in_the_pages_language_and_the_file_is_marked():
    document = DocumentFactory(title="Arbeitshilfe Verfügungsfonds")
    html = rendered(document, "en", {"title": "Guide to the neighbourhood fund"})
    assert '<span class="download__title">Guide to the neighbourhood fund</span>' in html
    assert 'hreflang="de"' in html


def test_english_document_on_a_german_page_is_marked():
    document = DocumentFactory(title="Social cohesion report", language="en")
    html = rendered(document, "de")
    assert 'lang="en"' in html
    assert "Englisch" in html


def test_the_form_keeps_the_language_when_a_client_does_not_send_it(admin_user):
    document = DocumentFactory(title="Report", language="en")
    form = get_document_form(CMSDocument)(
        data={"title": "Report, 2nd edition", "collection": document.collection_id},
        instance=document,
        user=admin_user,
    )
    assert form.is_valid(), form.errors
    assert form.save().language == "en"
    refused = get_document_form(CMSDocument)(
        data={"title": "X", "collection": document.collection_id, "language": "fr"},
        instance=document,
        user=admin_user,
    )
    assert not refused.is_valid()
    assert "language" in refused.errors
