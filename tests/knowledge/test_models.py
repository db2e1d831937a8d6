import datetime
import io
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Page

import bibtexparser
import pytest
import rispy

from cms.demo.pdf import make_pdf
from cms.models.documents import extract_pdf_text, safe_document_path, validate_document_file
from knowledge.citations import bibtex, ris
from knowledge.models import PublicationPage, WorkshopPage

from .factories import PublicationContributorFactory, PublicationPageFactory, WorkshopPageFactory

pytestmark = pytest.mark.django_db
Document = get_document_model()

PDF = make_pdf("Testdokument", "Autorin", [("Kapitel", ["Ein Satz über Quartiersarbeit."])])


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def codes(page) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    return {field: [e.code for e in errors] for field, errors in error.value.error_dict.items()}


class TestTree:
    def test_hierarchy(self, home, library, series):
        assert PublicationPage.can_create_at(library)
        assert WorkshopPage.can_create_at(series)
        assert not WorkshopPage.can_create_at(library)
        assert not PublicationPage.can_create_at(series)
        assert PublicationPage.allowed_subpage_models() == []

    def test_workshops_of_a_series_in_date_order(self, client, series):
        for day in (
            datetime.date(2018, 9, 20),
            datetime.date(2017, 6, 22),
            datetime.date(2018, 2, 22),
        ):
            WorkshopPageFactory(parent=series, title=f"Werkstatt {day:%Y-%m}", date=day)
        html = client.get(series.url).text
        positions = [
            html.index(f"Werkstatt {label}") for label in ("2017-06", "2018-02", "2018-09")
        ]
        assert positions == sorted(positions)


class TestValidation:
    @pytest.mark.parametrize("isbn", ["978-3-16-148410-1", "3-16-148410-1", "12345", "isbn"])
    def test_invalid_isbn(self, library, isbn):
        page = PublicationPageFactory(parent=library)
        page.isbn = isbn
        assert codes(page)["isbn"] == ["invalid_isbn"]

    def test_valid_isbn_is_normalised(self, library):
        page = PublicationPageFactory(parent=library)
        page.isbn = "9783161484100"
        page.full_clean()
        assert page.isbn == "978-3-16-148410-0"

    def test_doi(self, library):
        page = PublicationPageFactory(parent=library)
        page.doi = "https://doi.org/10.1234/abcd.5"
        page.full_clean()
        assert page.doi == "10.1234/abcd.5"
        page.doi = "not a doi"
        assert codes(page)["doi"] == ["invalid_doi"]

    def test_workshop_outside_the_series_period(self, series):
        workshop = WorkshopPageFactory(parent=series)
        workshop.date = datetime.date(2019, 6, 1)
        assert codes(workshop)["date"] == ["outside_series"]

    def test_new_workshop_outside_the_period_is_refused_in_the_editor(self, admin_client, series):
        url = reverse("wagtailadmin_pages:add", args=("knowledge", "workshoppage", series.pk))
        data = {
            "title": "Werkstatt 11",
            "slug": "werkstatt-11",
            "date": "2020-01-15",
            "host_city": "Essen",
            "theme": "Nachlese",
            "topics": "",
            "results-count": "0",
            "documentation-count": "0",
            "contact-count": "0",
            "action-publish": "publish",
        }
        response = admin_client.post(url, data)
        assert response.status_code == 200
        assert "außerhalb des Zeitraums" in str(response.context["form"].errors["date"])
        assert not Page.objects.child_of(series).filter(slug="werkstatt-11").exists()
        data["date"] = "2018-11-15"
        assert admin_client.post(url, data).status_code == 302

    def test_invalid_isbn_in_the_editor(self, admin_client, library):
        url = reverse("wagtailadmin_pages:add", args=("knowledge", "publicationpage", library.pk))
        data = {
            "title": "Studie",
            "slug": "studie",
            "kind": "studie",
            "publication_date": "2021-11-01",
            "isbn": "978-3-16-148410-1",
            "language": "de",
            "topics": "",
            "contributors-TOTAL_FORMS": "0",
            "contributors-INITIAL_FORMS": "0",
            "contributors-MIN_NUM_FORMS": "0",
            "contributors-MAX_NUM_FORMS": "1000",
            "further_downloads-count": "0",
            "action-publish": "publish",
        }
        response = admin_client.post(url, data)
        assert response.status_code == 200
        assert "keine gültige ISBN" in str(response.context["form"].errors["isbn"])
        assert not PublicationPage.objects.filter(slug="studie").exists()


class TestCitations:
    @pytest.fixture
    def publication(self, library):
        page = PublicationPageFactory(
            parent=library,
            title="Abschlussdokumentation der Werkstattreihe",
            isbn="978-3-16-148410-0",
            pages=64,
        )
        PublicationContributorFactory(publication=page, name="Meyer, Margarete", sort_order=0)
        PublicationContributorFactory(publication=page, name="Büro STADTRAUMKONZEPT", sort_order=1)
        PublicationContributorFactory(
            publication=page, name="Städtenetz Soziale Stadt NRW", role="editor", sort_order=2
        )
        return PublicationPage.objects.get(pk=page.pk)

    def test_bibtex_parses_with_authors_in_order(self, publication):
        library = bibtexparser.parse_string(bibtex(publication))
        assert not library.failed_blocks
        (entry,) = library.entries
        assert entry.entry_type == "book"
        assert entry.key == "meyer2019"
        fields = {field.key: field.value for field in entry.fields}
        assert fields["author"] == "Meyer, Margarete and {Büro STADTRAUMKONZEPT}"
        assert fields["editor"] == "{Städtenetz Soziale Stadt NRW}"
        assert fields["isbn"] == "978-3-16-148410-0"
        assert fields["year"] == "2019"

    def test_ris_parses(self, publication):
        (reference,) = rispy.loads(ris(publication))
        assert reference["type_of_reference"] == "BOOK"
        assert reference["authors"] == ["Meyer, Margarete", "Büro STADTRAUMKONZEPT"]
        assert reference["secondary_authors"] == ["Städtenetz Soziale Stadt NRW"]
        assert reference["year"] == "2019"
        assert reference["urls"][0].endswith(f"/de/wissen/{publication.slug}/")

    def test_citation_downloads(self, client, publication):
        response = client.get(f"{publication.url}citation.bib")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
        assert f'filename="{publication.slug}.bib"' in response["Content-Disposition"]
        assert client.get(f"{publication.url}citation.ris").status_code == 200


class TestDocuments:
    def test_pdf_text_is_extracted_on_save(self):
        document = Document(title="Test")
        document.file.save("bericht.pdf", SimpleUploadedFile("bericht.pdf", PDF), save=False)
        document.save()
        document.refresh_from_db()
        assert document.text_extraction == "ok"
        assert "Quartiersarbeit" in document.extracted_text

    def test_damaged_pdf_is_accepted_and_the_problem_recorded(self, caplog):
        document = Document(title="Kaputt")
        document.file.save(
            "kaputt.pdf", SimpleUploadedFile("kaputt.pdf", b"%PDF-1.4\n..."), save=False
        )
        document.save()
        document.refresh_from_db()
        assert document.pk
        assert document.text_extraction in {"failed", "empty"}
        assert document.extracted_text == ""

    def test_encrypted_pdf_is_reported(self):
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter()
        for page in PdfReader(io.BytesIO(PDF)).pages:
            writer.add_page(page)
        writer.encrypt(user_password="geheim")
        buffer = io.BytesIO()
        writer.write(buffer)
        buffer.seek(0)
        assert extract_pdf_text(buffer) == ("", "encrypted")

    @pytest.mark.parametrize(
        ("name", "content", "ok"),
        [
            ("bericht.pdf", PDF, True),
            ("bericht.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 100, False),
            ("bericht.docx", docx_bytes(), True),
            ("bericht.docx", PDF, False),
            ("tabelle.csv", b"Jahr;Wert\n2019;12\n", True),
            ("tabelle.csv", b"MZ\x90\x00\x03\x00\x00\x00", False),
            ("notiz.txt", "Nur Text, mit Umlauten: äöü".encode(), True),
        ],
    )
    def test_content_must_match_the_extension(self, name, content, ok):
        upload = SimpleUploadedFile(name, content)
        if ok:
            validate_document_file(upload)
        else:
            with pytest.raises(ValidationError) as error:
                validate_document_file(upload)
            assert error.value.code == "content_mismatch"

    def test_oversized_file_is_refused(self, settings):
        settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
        with pytest.raises(ValidationError) as error:
            validate_document_file(SimpleUploadedFile("gross.pdf", PDF))
        assert error.value.code == "file_too_large"

    @pytest.mark.parametrize(
        ("name", "path"),
        [
            (
                "Abschlussdokumentation Werkstattreihe (final) ÄÖÜ.PDF",
                "documents/abschlussdokumentation-werkstattreihe-final-aeoeue.pdf",
            ),
            ("../../etc/passwd.pdf", "documents/passwd.pdf"),
            ("§$%.pdf", "documents/dokument.pdf"),
        ],
    )
    def test_file_names_are_made_safe(self, name, path):
        assert safe_document_path(None, name) == path

    def upload(self, client, name, content):
        return client.post(
            reverse("wagtaildocs:add"),
            {"title": "Upload", "file": SimpleUploadedFile(name, content), "collection": "1"},
        )

    def test_upload_in_the_admin_refuses_a_disguised_file(self, admin_client):
        response = self.upload(admin_client, "bericht.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 100)
        assert response.status_code == 200
        assert "ist keine PDF-Datei" in str(response.context["form"].errors["file"])
        assert not Document.objects.exists()

    def test_upload_in_the_admin_refuses_an_oversized_file(self, admin_client, settings):
        settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
        response = self.upload(admin_client, "bericht.pdf", PDF)
        assert response.status_code == 200
        assert "zu groß" in str(response.context["form"].errors["file"])
        assert not Document.objects.exists()

    def test_upload_in_the_admin_accepts_a_real_pdf(self, admin_client):
        response = self.upload(admin_client, "Bericht 2019.pdf", PDF)
        assert response.status_code == 302
        document = Document.objects.get()
        assert document.file.name.startswith("documents/bericht-2019")
        assert document.text_extraction == "ok"
