"""PDF accessibility: checked on upload (tags, document language), marked for visitors."""

import io

from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import translation

import pytest
from pypdf import PdfWriter
from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

from cms.models.documents import CMSDocument, PdfAccessibility, check_pdf_accessibility
from tests.cms.factories import DocumentFactory
from tests.files.conftest import pdf_bytes

pytestmark = pytest.mark.django_db


def tagged_pdf(language: str = "de") -> bytes:
    """A PDF with a structure tree and (optionally) a document language."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    root = writer._root_object
    root[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    tree = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
    root[NameObject("/StructTreeRoot")] = writer._add_object(tree)
    if language:
        root[NameObject("/Lang")] = TextStringObject(language)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (tagged_pdf("de"), PdfAccessibility.ACCESSIBLE),
        (tagged_pdf(""), PdfAccessibility.NO_LANGUAGE),
        (pdf_bytes(), PdfAccessibility.UNTAGGED),
        (b"%PDF-1.4\nnothing here\n%%EOF\n", PdfAccessibility.UNREADABLE),
    ],
    ids=["tagged", "no-language", "untagged", "broken"],
)
def test_check_reads_tags_and_language(content, expected):
    assert check_pdf_accessibility(io.BytesIO(content)) == expected


def test_the_result_is_stored_when_a_pdf_is_saved_and_marked_for_visitors():
    untagged = DocumentFactory(file__filename="bericht.pdf", file__data=pdf_bytes())
    tagged = DocumentFactory(file__filename="barrierefrei.pdf", file__data=tagged_pdf())
    untagged.refresh_from_db()
    tagged.refresh_from_db()
    assert untagged.pdf_accessibility == PdfAccessibility.UNTAGGED
    assert untagged.is_accessibility_barrier
    assert tagged.pdf_accessibility == PdfAccessibility.ACCESSIBLE
    assert not tagged.is_accessibility_barrier

    def rendered(document):
        with translation.override("de"):
            return render_to_string(
                "cms/includes/download_item.html", {"document": document, "item": {}}
            )

    assert "nicht barrierefrei" in rendered(untagged)
    assert "nicht barrierefrei" not in rendered(tagged)


def test_check_documents_fills_in_documents_uploaded_before_the_check(capsys):
    document = DocumentFactory(file__filename="alt.pdf", file__data=pdf_bytes())
    CMSDocument.objects.filter(pk=document.pk).update(pdf_accessibility="")

    call_command("check_documents")

    document.refresh_from_db()
    assert document.pdf_accessibility == PdfAccessibility.UNTAGGED
    assert "1 PDFs checked, 1 with accessibility barriers." in capsys.readouterr().out
