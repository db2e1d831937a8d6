import datetime
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

import pytest

from cms.demo.pdf import make_pdf
from knowledge.filters import LibraryFilters, library_listing
from knowledge.models import LIBRARY
from tests.cms.factories import TopicFactory
from tests.conftest import tag, translate_page
from tests.queries import queries_for

from .factories import PublicationPageFactory, WorkshopPageFactory, WorkshopSeriesPageFactory

pytestmark = pytest.mark.django_db

PHRASE = "Kümmerer-Strukturen in der Verwaltung verankern"


@pytest.fixture
def shelf(library, series):
    participation = TopicFactory(name="Bürgerbeteiligung", slug="buergerbeteiligung")
    other_series = WorkshopSeriesPageFactory(
        parent=library,
        title="Werkstattreihe Klima",
        slug="klima",
        period_start=datetime.date(2022, 1, 1),
        period_end=None,
    )
    return {
        "w2017": tag(
            WorkshopPageFactory(
                parent=series, title="Werkstatt Essen", date=datetime.date(2017, 6, 22)
            ),
            participation,
        ),
        "w2018": WorkshopPageFactory(
            parent=series, title="Werkstatt Köln", date=datetime.date(2018, 2, 22)
        ),
        "w2022": WorkshopPageFactory(
            parent=other_series, title="Werkstatt Klima", date=datetime.date(2022, 5, 5)
        ),
        "doc": tag(
            PublicationPageFactory(
                parent=library,
                title="Abschlussdokumentation",
                publication_date=datetime.date(2019, 9, 1),
                workshop_series=series,
            ),
            participation,
        ),
        "study": PublicationPageFactory(
            parent=library,
            title="Studie",
            kind="studie",
            publication_date=datetime.date(2021, 11, 1),
        ),
    }


def find_library_items(query, locale, index):
    """The whole filtered library (one page of 100) in the shape these tests read."""
    listing, entries = library_listing(LIBRARY, query, locale, index, limit=100)
    return SimpleNamespace(
        items=entries,
        count=listing.total,
        problems=listing.problems,
        facets={
            facet.name: [(option.value, option.label, option.count) for option in facet.options]
            for facet in listing.facets
        },
    )


def titles(results) -> list[str]:
    return [item.page.title for item in results.items]


class TestFilters:
    def search(self, library, **query):
        return find_library_items(query, library.locale_id, library)

    def test_everything_newest_first(self, library, shelf):
        assert titles(self.search(library)) == [
            "Werkstatt Klima",
            "Studie",
            "Abschlussdokumentation",
            "Werkstatt Köln",
            "Werkstatt Essen",
        ]

    def test_kind_topic_year_and_series_combine(self, library, series, shelf):
        assert titles(self.search(library, kind="werkstatt", year="2018")) == ["Werkstatt Köln"]
        assert titles(self.search(library, topic="buergerbeteiligung")) == [
            "Abschlussdokumentation",
            "Werkstatt Essen",
        ]
        assert titles(self.search(library, series=series.slug)) == [
            "Abschlussdokumentation",
            "Werkstatt Köln",
            "Werkstatt Essen",
        ]
        assert titles(self.search(library, series=series.slug, kind="publikation")) == [
            "Abschlussdokumentation"
        ]

    def test_the_kind_narrows_by_page_type(self, library, shelf):
        """Asked as the content type, which PostgreSQL can estimate, not as the annotated
        kind: the filter works on pages that carry no ``kind`` at all."""
        kind = LibraryFilters().declared["kind"]
        pages = Page.objects.filter(pk__in=[page.pk for page in shelf.values()])
        assert {page.title for page in kind.apply(pages, "publikation", {})} == {
            "Abschlussdokumentation",
            "Studie",
        }

    def test_facet_counts_apply_the_other_filters(self, library, series, shelf):
        results = self.search(library, kind="werkstatt")
        assert {value: count for value, _, count in results.facets["kind"]} == {
            "werkstatt": 3,
            "publikation": 2,
        }
        assert {value: count for value, _, count in results.facets["year"]} == {
            "2017": 1,
            "2018": 1,
            "2022": 1,
        }
        assert {value: count for value, _, count in results.facets["series"]} == {
            series.slug: 2,
            "klima": 1,
        }

    def test_bad_values_are_reported_and_ignored(self, library, shelf):
        results = self.search(
            library, kind="video", year="neunzehn", series="gibt-es-nicht", topic="x\x00"
        )
        assert [p.parameter for p in results.problems] == ["kind", "topic", "series", "year"]
        assert results.count == 5

    def test_bad_values_in_the_url_give_a_note(self, client, library, shelf):
        response = client.get("/de/wissen/?kind=video&page=zwei")
        assert response.status_code == 200
        assert "wurden ignoriert" in response.text
        assert response.context["page_obj"].number == 1

    def test_paginated(self, client, library):
        for number in range(30):
            PublicationPageFactory(
                parent=library, publication_date=datetime.date(2000 + number % 20, 1, 1)
            )
        first = client.get("/de/wissen/")
        assert len(first.context["page_obj"].object_list) == 12
        assert client.get("/de/wissen/?page=3").context["page_obj"].object_list.__len__() == 6


class TestVisibility:
    def test_drafts_private_and_children_of_unpublished_series_are_hidden(
        self, library, series, shelf
    ):
        shelf["study"].unpublish()
        PageViewRestriction.objects.create(page=shelf["doc"], restriction_type="login")
        shelf["w2022"].get_parent().specific.unpublish()
        listed = titles(find_library_items({}, library.locale_id, library))
        assert listed == ["Werkstatt Köln", "Werkstatt Essen"]


class TestQueryCounts:
    def count(self, client, url="/de/wissen/") -> int:
        return queries_for(client, url)

    def test_same_for_6_and_24_items(self, client, library, series):
        topic = TopicFactory()
        for number in range(3):
            tag(WorkshopPageFactory(parent=series, date=datetime.date(2018, 1, 1 + number)), topic)
            PublicationPageFactory(parent=library, workshop_series=series)
        few = self.count(client)
        # 12 workshops and 12 publications: two pages (knowledge.views.ITEMS_PER_PAGE, 12)
        for number in range(9):
            tag(WorkshopPageFactory(parent=series, date=datetime.date(2018, 2, 1 + number)), topic)
            PublicationPageFactory(parent=library, workshop_series=series)
        assert self.count(client) == few


class TestPdfSearch:
    def test_a_phrase_only_in_the_pdf_finds_the_publication(self, client, library):
        Document = get_document_model()
        document = Document(title="Abschlussdokumentation (PDF)")
        pdf = make_pdf(
            "Abschlussdokumentation", "Büro", [("Empfehlungen", [f"Erstens: {PHRASE}."])]
        )
        document.file.save("abschluss.pdf", SimpleUploadedFile("abschluss.pdf", pdf), save=False)
        document.save()
        publication = PublicationPageFactory(
            parent=library, title="Abschlussdokumentation", main_document=document
        )
        PublicationPageFactory(parent=library, title="Andere Publikation")
        assert PHRASE not in client.get(publication.url).text  # only inside the PDF

        html = client.get("/de/suche/", {"q": "Kümmerer-Strukturen verankern"}).text
        assert f'href="{publication.url}"' in html
        assert "Andere Publikation" not in html

    def test_replacing_the_file_updates_the_page_index(self, client, library):
        Document = get_document_model()
        document = Document(title="Bericht")
        document.file.save(
            "bericht.pdf",
            SimpleUploadedFile(
                "bericht.pdf", make_pdf("Bericht", "x", [("A", ["Altes Wort Zauberkessel."])])
            ),
            save=False,
        )
        document.save()
        publication = PublicationPageFactory(
            parent=library, title="Bericht", main_document=document
        )
        assert f'href="{publication.url}"' in client.get("/de/suche/", {"q": "Zauberkessel"}).text
        new_pdf = make_pdf("Bericht", "x", [("A", ["Neues Wort Wunderlampe."])])
        document.file.save(
            "bericht-neu.pdf", SimpleUploadedFile("bericht-neu.pdf", new_pdf), save=False
        )
        document.file_hash = ""
        document.save()
        assert f'href="{publication.url}"' in client.get("/de/suche/", {"q": "Wunderlampe"}).text


class TestPages:
    def test_publication_page_shows_download_and_citations(self, client, library):
        Document = get_document_model()
        document = Document(title="PDF")
        document.file.save(
            "doku.pdf", SimpleUploadedFile("doku.pdf", make_pdf("Doku", "x", [])), save=False
        )
        document.save()
        publication = PublicationPageFactory(
            parent=library, main_document=document, isbn="978-3-16-148410-0"
        )
        html = client.get(publication.url).text
        assert f'href="{document.url}" download' in html
        assert "(PDF, " in html
        assert f'href="{publication.url}citation.bib"' in html
        assert "978-3-16-148410-0" in html

    def test_english_library(self, client, library, home_en, english):
        translate_page(library, english, title="Knowledge", slug="knowledge")
        response = client.get("/en/knowledge/")
        assert response.status_code == 200
        assert '<html lang="en">' in response.text

    def test_api_detail_of_a_publication(self, client, library):
        publication = PublicationPageFactory(parent=library, pages=64)
        data = client.get(f"/api/v2/pages/{publication.pk}/").json()
        assert data["meta"]["type"] == "knowledge.PublicationPage"
        assert data["kind"] == "dokumentation"
        assert data["pages"] == 64
        assert data["contributors"] == []

    def test_editor_may_draft_but_not_publish(self, client, django_user_model, library):
        editor = django_user_model.objects.create_user("redaktion", password="passwort-123456")
        editor.groups.add(Group.objects.get(name="Editors"))
        publication = PublicationPageFactory(parent=library)
        assert publication.permissions_for_user(editor).can_edit()
        assert not publication.permissions_for_user(editor).can_publish()
        client.force_login(editor)
        assert (
            client.get(reverse("wagtailadmin_pages:edit", args=(publication.pk,))).status_code
            == 200
        )
