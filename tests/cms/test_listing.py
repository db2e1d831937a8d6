"""The listing engine (cms.listing): parsing, bad values, bounds, SQL facets against a
brute-force count, query strings and the django-ninja description."""

import datetime
import random
import re

from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest
from ninja import NinjaAPI, Query
from ninja.testing import TestClient

from cms.listing import (
    ChoiceFilter,
    DateRange,
    DateRangeFilter,
    FilterSet,
    MonthFilter,
    MultipleChoiceFilter,
    TextFilter,
    TopicFilter,
    YearFilter,
    bounds,
)
from cms.listing.ninja import documented_params, query_schema
from events.models import AttendanceMode, EventPage, local_zone
from tests.cms.factories import TopicFactory
from tests.conftest import tag
from tests.events.factories import EventIndexPageFactory, EventPageFactory


class SampleFilters(FilterSet):
    """Every kind of filter, over event pages."""

    topic = TopicFilter("Thema", many=True)
    attendance = MultipleChoiceFilter(
        "Format", field="attendance", choices=AttendanceMode, aliases={"hybrid": "mixed"}
    )
    city = ChoiceFilter("Ort", field="city", unknown="no events in this city")
    year = YearFilter("Jahr", field="start_date")
    month = MonthFilter("Monat", span=("starts_at", "ends_at"), timezone=local_zone)
    dates = DateRangeFilter("Zeitraum", span=("starts_at", "ends_at"), timezone=local_zone)
    q = TextFilter("Text", fields=("title", "teaser"))


def query(text: str) -> QueryDict:
    return QueryDict(text)


class TestParsing:
    def test_typed_values_from_a_query_string(self, db):
        TopicFactory(slug="bildung")
        selection = SampleFilters().parse(
            query(
                "topic=bildung&attendance=online&attendance=hybrid&city=Essen&year=2026"
                "&month=2026-05&from=2026-05-02&to=2026-05-20&q=+Werkstatt++Quartier+"
            )
        )
        assert selection.problems == []
        assert selection.topic == ("bildung",)
        assert selection.attendance == ("online", "mixed")  # the alias reads as stored value
        assert selection.city == "Essen"
        assert selection.year == 2026
        assert selection.month == (2026, 5)
        assert selection.dates == DateRange(datetime.date(2026, 5, 2), datetime.date(2026, 5, 20))
        assert selection.q == "Werkstatt Quartier"
        assert not selection.is_empty()

    def test_nothing_chosen(self, db):
        selection = SampleFilters().parse(query(""))
        assert selection.is_empty()
        assert selection.query_string() == "?"
        assert selection.problems == []

    @pytest.mark.parametrize(
        ("text", "parameter", "value"),
        [
            ("topic=gibt-es-nicht", "topic", "gibt-es-nicht"),
            ("attendance=vielleicht", "attendance", "vielleicht"),
            ("year=20x6", "year", "20x6"),
            ("year=1800", "year", "1800"),
            ("month=2026-13", "month", "2026-13"),
            ("month=mai", "month", "mai"),
            ("from=2026-02-30", "from", "2026-02-30"),
            ("to=9999-12-31", "to", "9999-12-31"),
            ("from=2026-06-01&to=2026-05-01", "to", "2026-05-01"),
        ],
    )
    def test_bad_values_are_named_and_dropped(self, db, text, parameter, value):
        selection = SampleFilters().parse(query(text))
        assert [(p.parameter, p.value) for p in selection.problems] == [(parameter, value)]
        assert str(selection.problems[0])  # a readable reason, never an exception

    def test_a_reversed_range_keeps_its_start(self, db):
        selection = SampleFilters().parse(query("from=2026-06-01&to=2026-05-01"))
        assert selection.dates == DateRange(datetime.date(2026, 6, 1), None)

    def test_good_values_survive_bad_neighbours(self, db):
        TopicFactory(slug="bildung")
        selection = SampleFilters().parse(query("topic=bildung&topic=nein&year=x"))
        assert selection.topic == ("bildung",)
        assert [p.parameter for p in selection.problems] == ["topic", "year"]

    def test_open_vocabulary_is_checked_only_when_asked(self, db, home):
        index = EventIndexPageFactory(parent=home)
        EventPageFactory(parent=index, city="Essen")
        base = EventPage.objects.all()
        assert SampleFilters(base).parse(query("city=Atlantis")).city == "Atlantis"
        checked = SampleFilters(base, check_open=True).parse(query("city=Atlantis"))
        assert checked.city == ""
        assert [str(p.reason) for p in checked.problems] == ["no events in this city"]


class TestBounds:
    def test_long_values_are_refused_and_named(self, db):
        longest = "x" * bounds.MAX_VALUE_LENGTH
        assert SampleFilters().parse({"q": longest}).q == longest
        selection = SampleFilters().parse({"q": longest + "x", "city": "y" * 500})
        assert (selection.q, selection.city) == ("", "")
        assert [p.parameter for p in selection.problems] == ["city", "q"]
        assert all(len(p.value) < 50 for p in selection.problems)  # echoed short

    def test_nul_bytes_and_space_are_removed(self, db):
        assert SampleFilters().parse({"q": " a\x00b "}).q == "ab"

    def test_too_many_values_of_one_parameter(self, db):
        many = "&".join(["attendance=online"] * (bounds.MAX_VALUES + 1))
        selection = SampleFilters().parse(query(many))
        assert selection.attendance == ()
        assert [p.parameter for p in selection.problems] == ["attendance"]

    def test_too_many_words(self, db):
        words = " ".join(["ab"] * (bounds.MAX_WORDS + 1))  # within the length bound
        assert [p.parameter for p in SampleFilters().parse({"q": words}).problems] == ["q"]

    def test_dates_outside_the_accepted_years(self, db):
        selection = SampleFilters().parse(query("from=1899-12-31&to=2201-01-01"))
        assert [p.parameter for p in selection.problems] == ["from", "to"]


class TestQueryStrings:
    def test_query_string_and_toggles(self, db):
        TopicFactory(slug="bildung")
        TopicFactory(slug="kultur")
        selection = SampleFilters().parse(query("topic=bildung&year=2026&from=2026-01-01"))
        assert selection.query_string() == "?topic=bildung&year=2026&from=2026-01-01"
        assert selection.query_string(year=None) == "?topic=bildung&from=2026-01-01"
        # A multiple choice adds and removes values; a single choice replaces or clears.
        assert selection.toggle("topic", "kultur").startswith("?year=2026&from=2026-01-01")
        assert "topic=bildung&topic=kultur" in selection.toggle("topic", "kultur")
        assert "topic" not in selection.toggle("topic", "bildung")
        assert selection.toggle("year", 2026) == "?topic=bildung&from=2026-01-01"
        assert "year=2025" in selection.toggle("year", 2025)
        assert selection.as_params()["from"] == "2026-01-01"
        assert selection.as_params()["to"] == ""

    def test_values_are_encoded(self, db):
        selection = SampleFilters().select(city="Mülheim an der Ruhr & Umgebung")
        assert selection.query_string() == "?city=M%C3%BClheim+an+der+Ruhr+%26+Umgebung"


# ------------------------------------------------------------------- facets against brute force

CITIES = ["Essen", "Köln", "Dortmund", "Bochum"]


@pytest.fixture
def random_events(home):
    rng = random.Random(15)
    index = EventIndexPageFactory(parent=home)
    topics = [TopicFactory(slug=slug) for slug in ("bildung", "kultur", "wohnen")]
    pages = []
    for number in range(30):
        start = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(600))
        length = rng.choice([0, 0, 0, 1, 3, 40])
        page = EventPageFactory(
            parent=index,
            title=f"Termin {number}",
            start_date=start,
            end_date=start + datetime.timedelta(days=length) if length else None,
            start_time=None,
            end_time=None,
            city=rng.choice(CITIES),
            attendance=rng.choice(AttendanceMode.values),
            online_url="https://example.org/",
        )
        chosen = rng.sample(topics, rng.randrange(3))
        if chosen:
            tag(page, *chosen)
        pages.append(page)
    return EventPage.objects.filter(pk__in=[page.pk for page in pages])


def brute_force(pages, selection, without=""):
    """The same filters in Python, one page at a time."""
    found = []
    for page in pages:
        slugs = {topic.slug for topic in page.topics.all()}
        days = (page.start_date, page.last_day)
        checks = {
            "topic": not selection.topic or bool(slugs & set(selection.topic)),
            "attendance": not selection.attendance or page.attendance in selection.attendance,
            "city": not selection.city or page.city == selection.city,
            "year": not selection.year or page.start_date.year == selection.year,
        }
        first, last = selection.dates.start, selection.dates.end
        if selection.month:
            year, month = selection.month
            month_first = datetime.date(year, month, 1)
            month_last = (month_first + datetime.timedelta(days=32)).replace(day=1)
            month_last -= datetime.timedelta(days=1)
            first = max(first, month_first) if first else month_first
            last = min(last, month_last) if last else month_last
        in_range = (not first or days[1] >= first) and (not last or days[0] <= last)
        if all(ok for name, ok in checks.items() if name != without) and in_range:
            found.append(page)
    return found


def expected_counts(pages, selection, name) -> dict:
    counts: dict = {}
    for page in brute_force(pages, selection, without=name):
        if name == "topic":
            keys = [topic.slug for topic in page.topics.all()]
        elif name == "year":
            keys = [page.start_date.year]
        else:
            keys = [getattr(page, name)]
        for key in keys:
            counts[str(key)] = counts.get(str(key), 0) + 1
    return counts


def random_query(rng) -> str:
    parts = []
    if rng.random() < 0.5:
        parts += [f"topic={slug}" for slug in rng.sample(["bildung", "kultur", "wohnen"], 2)]
    if rng.random() < 0.5:
        parts.append(f"attendance={rng.choice(AttendanceMode.values)}")
    if rng.random() < 0.5:
        parts.append(f"city={rng.choice(CITIES)}")
    if rng.random() < 0.3:
        parts.append(f"year={rng.choice([2025, 2026])}")
    if rng.random() < 0.3:
        parts.append(f"month=2025-{rng.randrange(1, 13):02d}")
    if rng.random() < 0.3:
        parts.append("from=2025-06-01&to=2026-03-31")
    return "&".join(parts)


PART = 'AS "facet_name"'  # what every part of a facet statement selects, once


def expected_parts(filterset, selection, names, *, total: bool) -> int:
    """The grouped parts of a facet statement: one per facet and one for the total, except
    that on PostgreSQL the facets nothing was chosen of (and the total) share one pass."""
    shared = filterset.shared_keys(names, selection, total)
    apart = len(names) + total - len(shared) - (total if shared else 0)
    return apart + (1 if shared else 0)


class SelectedOnceFilters(SampleFilters):
    """The same filters, counting the facets on the items selected once (a CTE)."""

    select_items_once = True


@pytest.mark.parametrize("filters", [SampleFilters, SelectedOnceFilters])
def test_facet_counts_equal_a_brute_force_count(random_events, filters):
    rng = random.Random(2026)
    pages = list(random_events.prefetch_related("tagged_topics__tag"))
    for page in pages:
        page.topics.all()  # warm
    filterset = filters(random_events)
    for _round in range(25):
        text = random_query(rng)
        selection = filterset.parse(query(text))
        assert selection.problems == [], text
        listing = filterset.run(
            random_events.order_by("pk"), selection, limit=100, unfiltered_total=True
        )
        expected = brute_force(pages, selection)
        assert listing.total == len(expected), text
        assert listing.total_unfiltered == len(pages), text
        assert {page.pk for page in listing.items} == {page.pk for page in expected}, text
        for facet in listing.facets:
            got = {option.value: option.count for option in facet.options}
            assert got == expected_counts(pages, selection, facet.name), (text, facet.name)
            for option in facet.options:
                chosen = selection[facet.name]
                chosen = chosen if isinstance(chosen, tuple) else (chosen,)
                assert option.selected == (option.item in chosen or option.value in chosen)


@pytest.mark.parametrize("partition", ["attendance", "year"])
def test_a_partition_facet_gives_the_total_without_counting_again(random_events, partition):
    # Every event has exactly one format and one start year: either facet's counts give the
    # total (as the news' years, the events' formats and the library's kinds do).
    class PartitionedFilters(SampleFilters):
        pass

    PartitionedFilters.partition = partition
    rng = random.Random(partition)
    pages = list(random_events.prefetch_related("tagged_topics__tag"))
    filterset = PartitionedFilters(random_events)
    for _round in range(25):
        text = random_query(rng)
        selection = filterset.parse(query(text))
        with CaptureQueriesContext(connection) as queries:
            listing = filterset.run(random_events.order_by("pk"), selection, limit=100)
        assert listing.total == len(brute_force(pages, selection)), text
        (grouped,) = [q for q in queries if "GROUP BY" in q["sql"]]
        # one part per facet (or one for those that share a pass), none for the total
        names = [facet.name for facet in listing.facets]
        parts = expected_parts(filterset, selection, names, total=False)
        assert grouped["sql"].count(PART) == parts, text


def test_one_grouped_query_per_facet(random_events):
    filterset = SampleFilters(random_events)
    # The topics' labels are loaded for the active language while parsing; a language left
    # active by an earlier test in the same process would load them again while counting.
    with translation.override("de"):
        selection = filterset.parse(query("topic=bildung&city=Essen&year=2025"))
        with CaptureQueriesContext(connection) as queries:
            listing = filterset.run(random_events.order_by("pk"), selection, limit=10)
    facets = [facet.name for facet in listing.facets]
    assert facets == ["topic", "attendance", "city", "year"]
    # one grouped query per facet and one for the total, all sent as one UNION ALL statement,
    # and (if anything matched) one page of items; the topics were loaded while parsing
    (grouped,) = [query for query in queries if "GROUP BY" in query["sql"]]
    # ... and the total (no COUNT query of its own); on PostgreSQL the format (nothing
    # chosen) and the total share one pass
    parts = expected_parts(filterset, selection, facets, total=True)
    assert parts == (len(facets) if connection.vendor == "postgresql" else len(facets) + 1)
    assert grouped["sql"].count(PART) == parts
    assert grouped["sql"].count("UNION ALL") == parts - 1
    # (a chosen city that matches nothing is looked up in the open vocabulary, one DISTINCT)
    others = [q for q in queries if not q["sql"].startswith("SELECT DISTINCT")]
    assert len(others) == 1 + (1 if listing.total else 0), [q["sql"][:120] for q in queries]


def test_items_selected_once_are_one_common_table_expression(random_events):
    selection = SelectedOnceFilters().parse(query("topic=bildung&city=Essen"))
    with CaptureQueriesContext(connection) as queries:
        listing = SelectedOnceFilters(random_events).run(
            random_events.order_by("pk"), selection, limit=10, unfiltered_total=True
        )
    (grouped,) = [q["sql"] for q in queries if "GROUP BY" in q["sql"]]
    # the event table is read once, in the CTE; the facets and both totals count on it
    assert grouped.startswith("WITH RECURSIVE")
    assert grouped.count('FROM "events_eventpage"') == 1
    names = [facet.name for facet in listing.facets]
    parts = expected_parts(SelectedOnceFilters(), selection, names, total=True) + 1
    assert len(re.findall(r'FROM "listed"(?!\.)', grouped)) == parts  # not EXTRACT(… FROM


@pytest.mark.postgres(reason="grouping sets exist on PostgreSQL only")
@pytest.mark.parametrize("filters", [SampleFilters, SelectedOnceFilters])
@pytest.mark.parametrize(
    "text", ["", "topic=bildung", "city=Essen&year=2025", "attendance=online"]
)
def test_the_facets_of_the_matching_items_share_one_pass(
    random_events, filters, text, monkeypatch
):
    # The facets nothing was chosen of count the same items (the matching ones) and are
    # grouped in one pass (grouping sets), with the total; the counts are those of one part
    # per facet.
    filterset = filters(random_events)
    with translation.override("de"):
        selection = filterset.parse(query(text))
        with CaptureQueriesContext(connection) as queries:
            shared = filterset.run(random_events.order_by("pk"), selection, limit=10)
        monkeypatch.setattr(filters, "shared_keys", lambda *args: {})
        apart = filterset.run(random_events.order_by("pk"), selection, limit=10)
    (grouped,) = [q["sql"] for q in queries if "GROUP BY" in q["sql"]]
    assert grouped.count("GROUPING SETS") == 1
    chosen = {name for name in ("attendance", "city", "year") if name in text}
    # the topic counts through its own rows; the others of the three that were not chosen
    # and the total share the pass
    assert grouped.count(PART) == 2 + len(chosen)

    def counts(listing):
        return [
            (f.name, [(o.value, o.count, o.selected) for o in f.options]) for f in listing.facets
        ]

    assert counts(shared) == counts(apart)
    assert shared.total == apart.total
    assert [item.pk for item in shared.items] == [item.pk for item in apart.items]


def test_a_filter_that_cannot_name_its_columns_counts_on_the_queryset(random_events):
    class OwnWay(YearFilter):
        def columns(self):
            return None

    class Filters(SelectedOnceFilters):
        year = OwnWay("Jahr", field="start_date")

    assert Filters().listed(random_events) is None
    assert SelectedOnceFilters().listed(random_events) is not None
    assert SampleFilters().listed(random_events) is None  # not asked to


def test_facet_labels_come_from_the_vocabularies(random_events):
    filterset = SampleFilters(random_events)
    listing = filterset.run(random_events, filterset.parse(query("")), limit=1)
    attendance = listing.facet("attendance")
    assert [option.value for option in attendance.options] == [
        value for value in AttendanceMode.values if value in {o.value for o in attendance.options}
    ]
    labels = dict(AttendanceMode.choices)
    assert all(option.label == labels[option.value] for option in attendance.options)
    years = [option.item for option in listing.facet("year").options]
    assert years == sorted(years, reverse=True)


def test_query_strings_of_facets_are_built_when_asked(random_events, monkeypatch):
    filterset = SampleFilters(random_events)
    selection = filterset.parse(query("year=2026"))
    built = []
    toggle = type(selection).toggle
    monkeypatch.setattr(
        type(selection), "toggle", lambda self, *args: built.append(args) or toggle(self, *args)
    )
    listing = filterset.run(random_events, selection, limit=1)
    assert built == []  # a template that shows the options as choices asks for none
    year = listing.facet("year")
    chosen = next(option for option in year.options if option.selected)
    assert chosen.query_string == "?"  # choosing it again removes it
    other = next(option for option in year.options if not option.selected)
    assert other.query_string == f"?year={other.value}"  # one year at a time
    assert year.remove_query_string == "?"
    assert built == [("year", 2026), ("year", other.item)]


def test_pages_for_html(random_events):
    filterset = SampleFilters(random_events)
    listing = filterset.run(
        random_events.order_by("pk"), filterset.empty(), page="2", per_page=10, facets=False
    )
    assert listing.page.number == 2
    assert len(listing.items) == 10
    assert listing.total == 30
    assert listing.facets == []


# --------------------------------------------------------------------------- django-ninja

api = NinjaAPI(urls_namespace="listing-test")


@api.get("/sample/")
def sample(request, filters: Query[query_schema(SampleFilters)]):
    selection = filters.selection
    return {
        "topic": list(selection.topic),
        "attendance": list(selection.attendance),
        "year": selection.year,
        "from": str(selection.dates.start),
    }


class TestNinja:
    def test_the_handler_receives_the_parsed_selection(self, db):
        TopicFactory(slug="bildung")
        client = TestClient(api)
        response = client.get(
            "/sample/?topic=bildung&attendance=hybrid&attendance=online&year=2026&from=2026-01-02"
        )
        assert response.status_code == 200, response.json()
        assert response.json() == {
            "topic": ["bildung"],
            "attendance": ["mixed", "online"],
            "year": 2026,
            "from": "2026-01-02",
        }

    @pytest.mark.parametrize(
        ("text", "parameter"),
        [
            ("topic=nein", "topic"),
            ("year=1800", "year"),
            ("from=2026-02-30", "from"),
            ("from=2026-06-01&to=2026-05-01", "to"),
            ("attendance=vielleicht", "attendance"),
            ("year=", "year"),  # the document promises a number, a date, a listed value
            ("to=", "to"),
            ("attendance=", "attendance"),
            ("city=" + "x" * 101, "city"),
        ],
    )
    def test_bad_values_are_a_422_naming_the_parameter(self, db, text, parameter):
        response = TestClient(api).get(f"/sample/?{text}")
        assert response.status_code == 422
        assert [error["loc"] for error in response.json()["detail"]] == [["query", parameter]]

    def test_an_empty_free_text_value_means_no_filter(self, db):
        response = TestClient(api).get("/sample/?topic=&q=")
        assert response.status_code == 200
        assert response.json()["topic"] == []

    def test_openapi_parameters_equal_the_declaration(self):
        schema = api.get_openapi_schema(path_prefix="")
        parameters = {
            parameter["name"]: parameter["schema"]
            for parameter in schema["paths"]["/sample/"]["get"]["parameters"]
        }
        assert parameters.keys() == set(SampleFilters.params())
        for name, declared in documented_params(SampleFilters).items():
            documented = {key: parameters[name][key] for key in declared}
            assert documented == declared, name
        enum = parameters["attendance"]["items"]["enum"]
        assert enum == ["offline", "online", "mixed", "hybrid"]
