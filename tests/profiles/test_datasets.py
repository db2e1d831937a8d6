"""Open data of the profiles: /daten/<language>/stadtteilprofile.<format> and kommunen."""

import csv
import io
import json

from wagtail.models import PageViewRestriction

import pytest

from tests.cms.factories import TopicFactory
from tests.conftest import make_home, rolled_back, tag, translate_page
from tests.queries import counts_per_url, download_queries

from .factories import (
    DistrictProfileIndexPageFactory,
    DistrictProfilePageFactory,
    MunicipalityPageFactory,
)

pytestmark = pytest.mark.django_db


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8")


def read_csv(response) -> list[dict]:
    text = body(response)
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


@pytest.fixture
def profiles(essen):
    live = DistrictProfilePageFactory(parent=essen, title="Katernberg", area_ha=120)
    DistrictProfilePageFactory(
        parent=essen, title="Altendorf", status="abgeschlossen", funding_end=2020
    )
    draft = DistrictProfilePageFactory(parent=essen, title="Entwurf", live=False)
    private = DistrictProfilePageFactory(parent=essen, title="Intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return live, draft, private


def test_profiles_csv_holds_exactly_the_visible_profiles(client, profiles):
    response = client.get("/daten/de/stadtteilprofile.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="stadtteilprofile-de.csv"'
    rows = read_csv(response)
    assert [row["title"] for row in rows] == ["Altendorf", "Katernberg"]
    katernberg = rows[1]
    assert katernberg["municipality"] == "Essen"
    assert katernberg["status"] == "laufend"
    assert katernberg["status_label"] == "laufend"
    assert float(katernberg["area_ha"]) == 120
    assert katernberg["url"].startswith("http://testserver/de/")
    assert float(katernberg["lat"]) > 51


def test_profiles_json_and_geojson_hold_the_same_profiles(client, profiles):
    data = json.loads(body(client.get("/daten/de/stadtteilprofile.json")))
    assert data["dataset"] == "stadtteilprofile"
    assert [item["title"] for item in data["items"]] == ["Altendorf", "Katernberg"]
    geo = json.loads(body(client.get("/daten/de/stadtteilprofile.geojson")))
    assert geo["type"] == "FeatureCollection"
    assert sorted(f["properties"]["title"] for f in geo["features"]) == ["Altendorf", "Katernberg"]
    assert {f["geometry"]["type"] for f in geo["features"]} == {"Point"}


def test_profiles_take_the_filters_of_the_overview(client, profiles):
    rows = read_csv(client.get("/daten/de/stadtteilprofile.csv?status=abgeschlossen"))
    assert [row["title"] for row in rows] == ["Altendorf"]
    topic = TopicFactory(name="Wohnen")
    tag(profiles[0], topic)
    rows = read_csv(client.get(f"/daten/de/stadtteilprofile.csv?topic={topic.slug}"))
    assert [(row["title"], row["topics"]) for row in rows] == [("Katernberg", topic.slug)]


@pytest.mark.parametrize(
    "query",
    [
        "status=vielleicht",
        "region=bayern",
        "topic=gibtesnicht",
        "sort=title",
        "status=" + "x" * 90,
    ],
)
def test_bad_filters_are_a_400_naming_the_problem(client, profiles, query):
    response = client.get(f"/daten/de/stadtteilprofile.csv?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.text


@pytest.mark.parametrize(
    "path",
    ["/daten/fr/stadtteilprofile.csv", "/daten/de/stadtteilprofile.xlsx", "/daten/de/nichts.csv"],
)
def test_unknown_datasets_formats_and_languages_are_404(client, profiles, path):
    assert client.get(path).status_code == 404


def test_english_profiles_are_the_english_pages(client, profiles, profile_index_en, essen):
    english_essen = translate_page(essen, profile_index_en.locale, title="Essen")
    translate_page(profiles[0], profile_index_en.locale, title="Katernberg (en)")
    rows = read_csv(client.get("/daten/en/stadtteilprofile.csv"))
    assert [row["title"] for row in rows] == ["Katernberg (en)"]
    assert rows[0]["status_label"] == "running"
    assert english_essen.title == "Essen"


def test_conditional_get_answers_304_until_something_changes(client, profiles):
    first = client.get("/daten/de/stadtteilprofile.csv")
    etag = first["ETag"]
    assert first["Last-Modified"] or etag
    again = client.get("/daten/de/stadtteilprofile.csv", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    other_format = client.get("/daten/de/stadtteilprofile.json", HTTP_IF_NONE_MATCH=etag)
    assert other_format.status_code == 200
    profiles[0].unpublish()
    changed = client.get("/daten/de/stadtteilprofile.csv", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert [row["title"] for row in read_csv(changed)] == ["Altendorf"]


def test_if_modified_since_gets_304(client, profiles):
    profiles[0].save_revision().publish()
    first = client.get("/daten/de/stadtteilprofile.csv")
    response = client.get(
        "/daten/de/stadtteilprofile.csv", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert response.status_code == 304


QUERY_COUNT_PATHS = [
    "/daten/de/stadtteilprofile.csv",
    "/daten/de/stadtteilprofile.geojson",
    "/daten/de/kommunen.csv",
    "/daten/de/kommunen.geojson",
]


@pytest.fixture(scope="class")
def few_then_many_profiles(django_db_setup, django_db_blocker):
    """The query count of each download with 3 profiles in one municipality; then the site
    grows to 15 profiles in 13 municipalities, which the tests download. Built once for all
    paths (rolled back after the class)."""
    with rolled_back(django_db_blocker):
        profile_index = DistrictProfileIndexPageFactory(parent=make_home())
        essen = MunicipalityPageFactory(parent=profile_index, title="Essen")
        topic = TopicFactory(name="Grün")
        for _ in range(3):
            tag(DistrictProfilePageFactory(parent=essen), topic)
        few = counts_per_url(QUERY_COUNT_PATHS, download_queries)
        for n in range(12):
            town = MunicipalityPageFactory(parent=profile_index, title=f"Stadt {n}")
            tag(DistrictProfilePageFactory(parent=town), topic)
        yield few


class TestQueryCount:
    """Its data lives while the class's tests run (the other tests build their own site)."""

    @pytest.mark.parametrize("path", QUERY_COUNT_PATHS)
    def test_query_count_does_not_grow_with_the_profiles(
        self, client, few_then_many_profiles, path
    ):
        few = few_then_many_profiles[path]
        assert download_queries(client, path) == few
        assert few <= 6


def test_municipalities_with_their_number_of_visible_profiles(client, profiles, profile_index):
    MunicipalityPageFactory(
        parent=profile_index, title="Bochum", regierungsbezirk="arnsberg", ags="05911000"
    )
    MunicipalityPageFactory(parent=profile_index, title="Versteckt", live=False)
    rows = read_csv(client.get("/daten/de/kommunen.csv"))
    assert [(row["title"], row["profiles"]) for row in rows] == [("Bochum", "0"), ("Essen", "2")]
    assert rows[1]["ags"] == "05113000"
    rows = read_csv(client.get("/daten/de/kommunen.csv?region=arnsberg"))
    assert [row["title"] for row in rows] == ["Bochum"]
    geo = json.loads(body(client.get("/daten/de/kommunen.geojson")))
    assert [f["properties"]["title"] for f in geo["features"]] == ["Bochum", "Essen"]
    assert client.get("/daten/de/kommunen.csv?region=bayern").status_code == 400
