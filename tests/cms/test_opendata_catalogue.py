"""The DCAT-AP.de catalogue at /daten/katalog.ttl and /daten/katalog.jsonld.

The official SHACL shapes of DCAT-AP.de cannot be fetched here (no internet) and are not
shipped, so the test checks the properties the specification (DCAT-AP.de 2.0,
https://www.dcat-ap.de/def/dcatde/2.0/spec/) marks as mandatory ("Pflicht"), plus the
recommended ones the issue asks for.
"""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest
from rdflib import Graph, Literal, URIRef, namespace

from cms.opendata import datasets
from cms.opendata.dcat import DCATDE, NRW, VCARD
from profiles.models import DistrictProfileIndexPage
from tests.cms.factories import SiteSettingsFactory, TopicFactory
from tests.conftest import tag
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.knowledge.factories import KnowledgeIndexPageFactory, PublicationPageFactory
from tests.profiles.factories import (
    DistrictProfileIndexPageFactory,
    DistrictProfilePageFactory,
    MunicipalityPageFactory,
)

pytestmark = pytest.mark.django_db

DL_BY = URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
CONTRIBUTOR = "http://dcat-ap.de/def/contributors/agSozialeStadtNRW"


@pytest.fixture
def content(home, home_en):
    SiteSettingsFactory(data_contributor_id=CONTRIBUTOR)
    profiles = DistrictProfileIndexPageFactory(parent=home)
    essen = MunicipalityPageFactory(parent=profiles, title="Essen", ags="05113000")
    topic = TopicFactory(name="Wohnen")
    tag(DistrictProfilePageFactory(parent=essen, funding_start=2008), topic)
    hidden_topic = TopicFactory(name="Geheim")
    draft = DistrictProfilePageFactory(parent=essen, live=False)
    draft.topics.add(hidden_topic)
    draft.save()
    private = DistrictProfilePageFactory(parent=essen)
    tag(private, hidden_topic)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    events = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=events, start_date=datetime.date(2025, 1, 10))
    library = KnowledgeIndexPageFactory(parent=home)
    PublicationPageFactory(parent=library)
    return topic, hidden_topic


def catalogue(client, extension="ttl") -> Graph:
    response = client.get(f"/daten/katalog.{extension}")
    assert response.status_code == 200
    return Graph().parse(
        data=response.content, format={"ttl": "turtle", "jsonld": "json-ld"}[extension]
    )


def one(graph, subject, predicate):
    values = list(graph.objects(subject, predicate))
    assert values, f"{subject} has no {predicate}"
    return values[0]


def languages_of(graph, subject, predicate) -> set[str]:
    return {value.language for value in graph.objects(subject, predicate)}


def test_catalogue_has_the_mandatory_properties_of_dcat_ap_de(client, content):
    graph = catalogue(client)
    (catalog,) = graph.subjects(namespace.RDF.type, namespace.DCAT.Catalog)
    assert languages_of(graph, catalog, namespace.DCTERMS.title) == {"de", "en"}
    assert languages_of(graph, catalog, namespace.DCTERMS.description) == {"de", "en"}
    publisher = one(graph, catalog, namespace.DCTERMS.publisher)
    assert (publisher, namespace.RDF.type, namespace.FOAF.Agent) in graph
    assert str(one(graph, publisher, namespace.FOAF.name)) == "AG Soziale Stadt NRW"
    assert one(graph, catalog, namespace.FOAF.homepage)
    assert one(graph, catalog, namespace.DCTERMS.license) == DL_BY

    dataset_nodes = set(graph.objects(catalog, namespace.DCAT.dataset))
    assert len(dataset_nodes) == len(datasets()) == 4
    for dataset in dataset_nodes:
        assert (dataset, namespace.RDF.type, namespace.DCAT.Dataset) in graph
        assert languages_of(graph, dataset, namespace.DCTERMS.title) == {"de", "en"}
        assert languages_of(graph, dataset, namespace.DCTERMS.description) == {"de", "en"}
        assert one(graph, dataset, DCATDE.contributorID) == URIRef(CONTRIBUTOR)
        assert one(graph, dataset, namespace.DCTERMS.publisher) == publisher
        contact = one(graph, dataset, namespace.DCAT.contactPoint)
        assert (contact, namespace.RDF.type, VCARD.Organization) in graph
        assert one(graph, contact, VCARD.hasEmail) == URIRef(
            "mailto:soziale-stadt@netzwerk-stadtentwicklung.nrw"
        )
        assert one(graph, dataset, namespace.DCTERMS.spatial) == NRW
        assert one(graph, dataset, DCATDE.politicalGeocodingURI) == NRW
        assert str(one(graph, dataset, namespace.DCAT.theme)).startswith(
            "http://publications.europa.eu/resource/authority/data-theme/"
        )
        assert str(one(graph, dataset, namespace.DCTERMS.accrualPeriodicity)).startswith(
            "http://publications.europa.eu/resource/authority/frequency/"
        )
        assert one(graph, dataset, namespace.DCTERMS.modified)
        distributions = list(graph.objects(dataset, namespace.DCAT.distribution))
        assert len(distributions) >= 4  # at least two formats in two languages
        for distribution in distributions:
            assert (distribution, namespace.RDF.type, namespace.DCAT.Distribution) in graph
            assert one(graph, distribution, namespace.DCAT.accessURL)
            assert one(graph, distribution, namespace.DCTERMS.license) == DL_BY
            assert one(graph, distribution, namespace.DCTERMS.format)
            assert one(graph, distribution, DCATDE.licenseAttributionByText)
            assert languages_of(graph, distribution, namespace.DCTERMS.title) == {"de", "en"}


def test_every_distribution_can_be_downloaded(client, content):
    graph = catalogue(client)
    urls = {str(url) for url in graph.subjects(namespace.RDF.type, namespace.DCAT.Distribution)}
    assert len(urls) == 2 * (3 + 3 + 2 + 3)
    for url in urls:
        response = client.get(url.removeprefix("http://testserver"))
        assert response.status_code == 200, url


def test_temporal_coverage_and_keywords_come_from_visible_items_only(client, content):
    __, hidden_topic = content
    graph = catalogue(client)
    profiles = URIRef("http://testserver/daten/katalog.ttl#stadtteilprofile")
    period = one(graph, profiles, namespace.DCTERMS.temporal)
    assert one(graph, period, namespace.DCAT.startDate).toPython() == datetime.date(2008, 1, 1)
    keywords = set(graph.objects(profiles, namespace.DCAT.keyword))
    assert Literal("Wohnen", lang="de") in keywords
    assert not any(str(keyword) == hidden_topic.name for keyword in keywords)


def test_licence_and_publisher_come_from_the_site_settings(client, content):
    site_settings = SiteSettingsFactory()
    site_settings.data_licence = "http://dcat-ap.de/def/licenses/cc-by/4.0"
    site_settings.data_publisher = "Stadt Essen"
    site_settings.save()
    graph = catalogue(client, "jsonld")
    licences = set(graph.objects(None, namespace.DCTERMS.license))
    assert licences == {URIRef("http://dcat-ap.de/def/licenses/cc-by/4.0")}
    assert Literal("Stadt Essen") in set(graph.objects(None, namespace.FOAF.name))


def test_catalogue_answers_conditional_requests(client, content):
    first = client.get("/daten/katalog.ttl")
    assert first["Content-Type"] == "text/turtle; charset=utf-8"
    again = client.get("/daten/katalog.ttl", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert client.get("/daten/katalog.ttl?x=1").status_code == 400


def test_catalogue_query_count_does_not_grow_with_content(client, content):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/daten/katalog.ttl").status_code == 200
        return len(queries)

    few = count()
    bochum = MunicipalityPageFactory(
        parent=DistrictProfileIndexPage.objects.get(),
        title="Bochum",
        ags="05911000",
        regierungsbezirk="arnsberg",
    )
    for _ in range(10):
        tag(DistrictProfilePageFactory(parent=bochum), TopicFactory())
    assert count() == few


# --- every download: conditional GET, HEAD, page cache ------------------------------------------


def download_paths(client) -> list[str]:
    graph = catalogue(client)
    return sorted(
        str(url).removeprefix("http://testserver")
        for url in graph.subjects(namespace.RDF.type, namespace.DCAT.Distribution)
    )


def test_every_download_answers_conditional_requests_and_head(client, content):
    for path in download_paths(client):
        response = client.get(path)
        assert response.streaming, path
        assert "charset=utf-8" in response["Content-Type"], path
        assert 'filename="' in response["Content-Disposition"], path
        assert response["Last-Modified"], path
        etag = response["ETag"]
        assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304, path
        head = client.head(path)
        assert head.status_code == 200, path
        assert head["ETag"] == etag, path
        assert head.content == b"", path


def test_downloads_are_never_replayed_by_the_page_cache(client, content, settings):
    settings.PAGE_CACHE_SECONDS = 600
    client.get("/daten/de/stadtteilprofile.csv")
    again = client.get("/daten/de/stadtteilprofile.csv")
    assert again.get("X-Cache") != "HIT"
    assert again.streaming


def test_a_cached_catalogue_is_dropped_when_a_page_is_published(client, content, settings):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get("/daten/katalog.ttl")
    assert client.get("/daten/katalog.ttl").get("X-Cache") == "HIT"
    profile = DistrictProfilePageFactory(
        parent=MunicipalityPageFactory._meta.model.objects.get(title="Essen"), funding_start=1999
    )
    profile.save_revision().publish()
    after = client.get("/daten/katalog.ttl")
    assert after.get("X-Cache") != "HIT"
    assert after["ETag"] != first["ETag"]
    assert "1999-01-01" in after.text
