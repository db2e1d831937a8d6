"""Open data of the library: /daten/<language>/publikationen.csv, .bib and .ris."""

import csv
import datetime
import io

from wagtail.models import PageViewRestriction

import bibtexparser
import pytest
import rispy

from tests.cms.factories import TopicFactory
from tests.conftest import make_home, rolled_back, tag
from tests.queries import counts_per_url, download_queries

from .factories import (
    KnowledgeIndexPageFactory,
    PublicationContributorFactory,
    PublicationPageFactory,
    WorkshopPageFactory,
)

pytestmark = pytest.mark.django_db


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8")


@pytest.fixture
def publications(library, series):
    old = PublicationPageFactory(
        parent=library, title="Dokumentation 2019", publication_date=datetime.date(2019, 9, 1)
    )
    new = PublicationPageFactory(
        parent=library,
        title="Leitfaden 2024",
        kind="leitfaden",
        publication_date=datetime.date(2024, 2, 1),
    )
    for page in (old, new):
        PublicationContributorFactory(publication=page, name="Meyer, Margarete")
    # Same citation key (meyer2019) as the first one.
    twin = PublicationPageFactory(
        parent=library, title="Zweiter Band 2019", publication_date=datetime.date(2019, 3, 1)
    )
    PublicationContributorFactory(publication=twin, name="Meyer, Margarete")
    PublicationPageFactory(parent=library, title="Entwurf", live=False)
    private = PublicationPageFactory(parent=library, title="Intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    WorkshopPageFactory(parent=series, title="Eine Werkstatt")
    return old, new, twin


TITLES = ["Leitfaden 2024", "Dokumentation 2019", "Zweiter Band 2019"]


def test_csv_holds_the_visible_publications_newest_first(client, publications):
    response = client.get("/daten/de/publikationen.csv")
    rows = list(csv.DictReader(io.StringIO(body(response).removeprefix("\ufeff")), delimiter=";"))
    assert [row["title"] for row in rows] == TITLES
    assert rows[0]["authors"] == "Meyer, Margarete"
    assert rows[0]["kind"] == "leitfaden"
    assert rows[0]["publication_date"] == "2024-02-01"


def test_bibtex_parses_with_unique_keys(client, publications):
    response = client.get("/daten/de/publikationen.bib")
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    library = bibtexparser.parse_string(body(response))
    assert not library.failed_blocks
    assert [entry["title"] for entry in library.entries] == TITLES
    keys = [entry.key for entry in library.entries]
    assert len(set(keys)) == 3
    assert "meyer2024" in keys


def test_ris_parses(client, publications):
    entries = rispy.loads(body(client.get("/daten/de/publikationen.ris")))
    assert [entry["title"] for entry in entries] == TITLES
    assert entries[0]["authors"] == ["Meyer, Margarete"]


def test_publications_take_the_filters_of_the_library(client, publications):
    topic = TopicFactory(name="Wohnen")
    tag(publications[1], topic)
    entries = rispy.loads(body(client.get(f"/daten/de/publikationen.ris?topic={topic.slug}")))
    assert [entry["title"] for entry in entries] == ["Leitfaden 2024"]
    entries = rispy.loads(body(client.get("/daten/de/publikationen.ris?year=2019")))
    assert [entry["title"] for entry in entries] == TITLES[1:]
    assert client.get("/daten/de/publikationen.ris?year=neunzehn").status_code == 400
    assert client.get("/daten/de/publikationen.ris?series=gibtsnicht").status_code == 400


QUERY_COUNT_PATHS = [f"/daten/de/publikationen.{extension}" for extension in ("csv", "bib", "ris")]


@pytest.fixture(scope="class")
def few_then_many_publications(django_db_setup, django_db_blocker):
    """The query count of each download with 3 publications (each with a contributor and a
    topic); then 9 more are added, which the tests download. Built once for all formats (rolled
    back after the class)."""
    with rolled_back(django_db_blocker):
        library = KnowledgeIndexPageFactory(parent=make_home())
        topic = TopicFactory(name="Grün")

        def add(number):
            for _ in range(number):
                page = tag(PublicationPageFactory(parent=library), topic)
                PublicationContributorFactory(publication=page)

        add(3)
        few = counts_per_url(QUERY_COUNT_PATHS, download_queries)
        add(9)
        yield few


class TestQueryCount:
    """Its data lives while the class's tests run (the other tests build their own site)."""

    @pytest.mark.parametrize("path", QUERY_COUNT_PATHS)
    def test_query_count_does_not_grow_with_the_publications(
        self, client, few_then_many_publications, path
    ):
        assert download_queries(client, path) == few_then_many_publications[path]
