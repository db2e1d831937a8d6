"""The news and events endpoints run on the listing engine: their OpenAPI parameters are the
filter sets' declarations, they answer with facets, and their query count does not grow."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from cms.listing.ninja import documented_params
from events.filters import EventFilters, NewsFilters
from events.models import AttendanceMode
from knowledge.filters import LibraryFilters
from profiles.filters import ProfileFilters
from search.filters import SearchFilters
from tests.conftest import make_home, rolled_back, tag
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.queries import counts_per_url

pytestmark = pytest.mark.django_db


def declared_in(documented: dict, declared: dict) -> bool:
    """Every declared key has its value in the document (which may add the request guard's
    pattern and bounds, see cms.api.openapi)."""
    return all(
        declared_in(documented.get(key) or {}, value)
        if isinstance(value, dict)
        else documented.get(key) == value
        for key, value in declared.items()
    )


@pytest.mark.parametrize(
    ("path", "filterset", "others"),
    [
        ("/api/v3/news/", NewsFilters, {"lang", "limit", "offset"}),
        ("/api/v3/events/", EventFilters, {"lang", "limit", "offset", "archive"}),
        ("/api/v3/knowledge/", LibraryFilters, {"lang", "limit", "offset"}),
        ("/api/v3/profiles/", ProfileFilters, {"lang", "limit", "offset"}),
        ("/api/v3/profiles/map/", ProfileFilters, {"lang"}),
        ("/api/v3/search/", SearchFilters, {"q", "lang", "limit", "offset"}),
    ],
)
def test_openapi_parameters_are_the_filter_sets_declaration(api, path, filterset, others):
    """Fails when the API's documented parameters drift from the declared filters."""
    schema = api.get("/api/v3/openapi.json").json()
    parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
    assert set(parameters) == set(filterset.params()) | others
    for name, declared in documented_params(filterset).items():
        assert declared_in(parameters[name]["schema"], declared), name
        assert parameters[name].get("description"), name


def test_documented_attendance_values_are_the_stored_ones(api):
    schema = api.get("/api/v3/openapi.json").json()
    parameters = schema["paths"]["/api/v3/events/"]["get"]["parameters"]
    (attendance,) = [p for p in parameters if p["name"] == "attendance"]
    assert attendance["schema"]["enum"] == [*AttendanceMode.values, "hybrid"]
    item = schema["components"]["schemas"]["EventItemOut"]["properties"]["attendance"]
    enum = item.get("enum") or schema["components"]["schemas"]["AttendanceMode"]["enum"]
    assert enum == AttendanceMode.values


@pytest.fixture
def calendar(home):
    index = EventIndexPageFactory(parent=home)
    soon = timezone.localdate() + datetime.timedelta(days=3)
    for attendance in ("offline", "online", "mixed"):
        EventPageFactory(
            parent=index,
            title=f"Termin {attendance}",
            start_date=soon,
            attendance=attendance,
            online_url="https://example.org/",
            city="Essen" if attendance != "online" else "",
        )
    return index


def test_old_attendance_value_hybrid_still_filters(api, calendar):
    mixed = api.get("/api/v3/events/", {"attendance": "mixed"}).json()
    hybrid = api.get("/api/v3/events/", {"attendance": "hybrid"}).json()
    assert [item["title"] for item in mixed["items"]] == ["Termin mixed"]
    assert hybrid["items"] == mixed["items"]
    assert {item["attendance"] for item in api.get("/api/v3/events/").json()["items"]} == {
        "offline",
        "online",
        "mixed",
    }
    assert api.get("/api/v3/events/", {"attendance": "vielleicht"}).status_code == 422


def test_event_facets_apply_the_other_filters(api, calendar):
    data = api.get("/api/v3/events/", {"attendance": "online"}).json()
    facets = {facet["name"]: facet for facet in data["facets"]}
    # the format facet ignores its own choice, the city facet applies it
    assert {o["value"]: o["count"] for o in facets["attendance"]["options"]} == {
        "offline": 1,
        "online": 1,
        "mixed": 1,
    }
    assert facets["city"]["options"] == []
    assert [o["value"] for o in facets["attendance"]["options"] if o["selected"]] == ["online"]


def test_an_unknown_city_is_an_empty_answer_in_the_api(api, calendar):
    response = api.get("/api/v3/events/", {"city": "Atlantis"})
    assert response.status_code == 200
    assert response.json()["count"] == 0


def count_queries(api, url) -> int:
    api.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert api.get(url).status_code == 200
    return len(queries)


LISTING_URLS = [
    "/api/v3/news/",
    "/api/v3/news/?topic=bildung&year=2026",
    "/api/v3/events/",
    "/api/v3/events/?topic=bildung&city=Stadt+1&from=2000-01-01",
    "/api/v3/events/?archive=true",
]


def count_json_queries(client, url) -> int:
    client.defaults["HTTP_ACCEPT"] = "application/json"  # as the ``api`` fixture
    return count_queries(client, url)


@pytest.fixture(scope="class")
def few_then_many_items(django_db_setup, django_db_blocker):
    """The query count of each listing URL with 4 news and 4 events; then 18 more of each are
    added (22: more than one page of the default limit, 20), which the tests list. Built once
    for all URLs (rolled back after the class): creating Wagtail pages costs ~0.1 s each;
    what is pinned is that the count does not depend on the number of items (no query per item
    or facet value)."""
    from tests.cms.factories import TopicFactory

    with rolled_back(django_db_blocker):
        home = make_home()
        topic = TopicFactory(slug="bildung")
        news = NewsIndexPageFactory(parent=home)
        events = EventIndexPageFactory(parent=home)

        def add(number, offset):
            for index in range(offset, offset + number):
                date = datetime.date(2025 + index % 2, 5, 1)
                tag(NewsPageFactory(parent=news, date=date), topic)
                # past and coming events, both among the few whatever the time of day
                # (-3, +1, +5, -1, +3, …: an event on today's date may have ended already)
                day = timezone.localdate() + datetime.timedelta(days=index * 4 % 10 - 3)
                tag(EventPageFactory(parent=events, start_date=day, city=f"Stadt {index}"), topic)

        add(4, 0)  # "Stadt 1" (coming) among the few
        few = counts_per_url(LISTING_URLS, count_json_queries)
        add(18, 4)
        yield few


class TestQueryCount:
    """Its data lives while the class's tests run (the other tests build their own site)."""

    @pytest.mark.parametrize("url", LISTING_URLS)
    def test_query_count_is_the_same_for_4_and_22_items(self, api, few_then_many_items, url):
        assert count_queries(api, url) == few_then_many_items[url]


@pytest.mark.parametrize("url", ["/api/v3/knowledge/", "/api/v3/knowledge/?kind=werkstatt"])
def test_library_query_count_is_the_same_for_5_and_25_items(api, home, url):
    from tests.cms.factories import TopicFactory
    from tests.knowledge.factories import (
        KnowledgeIndexPageFactory,
        PublicationPageFactory,
        WorkshopPageFactory,
        WorkshopSeriesPageFactory,
    )

    topic = TopicFactory(slug="bildung")
    library = KnowledgeIndexPageFactory(parent=home)
    series = WorkshopSeriesPageFactory(parent=library)

    def add(number, offset):
        for index in range(offset, offset + number):
            day = datetime.date(2017 + index % 2, 7 + index % 6, 1)  # within the series
            tag(WorkshopPageFactory(parent=series, date=day), topic)
            PublicationPageFactory(parent=library, workshop_series=series, publication_date=day)

    add(3, 0)
    few = count_queries(api, url)
    add(10, 3)
    assert count_queries(api, url) == few


def test_search_types_and_regions_are_documented_as_enums(api):
    schema = api.get("/api/v3/openapi.json").json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v3/search/"]["get"]["parameters"]}
    assert parameters["type"]["schema"]["items"]["enum"] == [
        "news",
        "event",
        "profile",
        "municipality",
        "publication",
        "workshop",
        "page",
    ]
    assert "duesseldorf" in parameters["region"]["schema"]["items"]["enum"]
    assert parameters["year"]["schema"]["items"]["type"] == "integer"


@pytest.mark.parametrize(
    "query",
    [
        {"q": "Quartier", "type": "unbekannt"},
        {"q": "Quartier", "topic": "gibt-es-nicht"},
        {"q": "Quartier", "municipality": "atlantis"},
        {"q": "Quartier", "year": "zwanzig"},
        {"q": "Quartier", "from": "2024-13-45"},
        {"q": "Quartier", "from": "2025-01-01", "to": "2024-01-01"},
        {"q": "Quartier", "region": "x" * 101},
    ],
    # ids in a fixed order (a set's order differs between xdist workers)
    ids=lambda query: "-".join(name for name in query if name != "q"),
)
def test_search_api_names_unusable_filter_values(api, home, query):
    response = api.get("/api/v3/search/", query)
    assert response.status_code == 422, response.content
    (parameter,) = set(query) - {"q"} if "to" not in query else {"to"}
    assert parameter in response.text
