"""The district profiles' stored entries (``cms.listing.stored``): after changes of a
municipality (which decides whether its profiles show, their order and the municipality
facet) and of a profile, the overview, the map and the API list exactly what
``Profiles.items`` finds. The general rules of stored listings are tested with the library
(``tests/knowledge/test_stored_library.py``)."""

import pytest

from profiles.filters import find_profiles, map_geojson
from profiles.models import PROFILES, ProfileEntry
from tests.cms.factories import TopicFactory

from .factories import DistrictProfilePageFactory, MunicipalityPageFactory

pytestmark = pytest.mark.django_db

COLUMNS = (
    "status",
    "programme",
    "region",
    "municipality_slug",
    "municipality_title",
    "municipality_sort",
    "sort_title",
)


@pytest.fixture
def areas(profile_index, essen):
    dortmund = MunicipalityPageFactory(
        parent=profile_index, title="Dortmund", ags="05913000", regierungsbezirk="arnsberg"
    )
    return {
        "dortmund": dortmund,
        "katernberg": DistrictProfilePageFactory(parent=essen, title="Katernberg"),
        "nordstadt": DistrictProfilePageFactory(parent=dortmund, title="Nordstadt"),
    }


def listed(index, **query) -> list[str]:
    results = find_profiles(PROFILES, query, index.locale_id, index, per_page=50)
    assert results.count == len(results.items)
    return [item.page.title for item in results.items]


def mapped(index, **query) -> set[str]:
    geojson = map_geojson(PROFILES, query, index.locale_id, index)
    return {feature["properties"]["title"] for feature in geojson["features"]}


def assert_rows_are_the_rule(index):
    PROFILES.stored.ensure_fresh()
    expected = {
        (page.pk, *(getattr(page, column) for column in COLUMNS))
        for page in PROFILES.items(index.locale_id, index)
    }
    stored = set(
        ProfileEntry.objects.filter(path__startswith=index.path).values_list("page", *COLUMNS)
    )
    assert stored == expected


def test_the_rows_are_the_listing_query(profile_index, areas):
    assert listed(profile_index) == ["Nordstadt", "Katernberg"]
    assert_rows_are_the_rule(profile_index)


def test_a_renamed_municipality_reorders_and_relabels(profile_index, essen, areas):
    listed(profile_index)
    essen.title = "Altenessen"
    essen.save_revision().publish()
    assert listed(profile_index) == ["Katernberg", "Nordstadt"]
    results = find_profiles(PROFILES, {}, profile_index.locale_id, profile_index, per_page=50)
    labels = {option.label for option in results.listing.facet("municipality").options}
    assert "Altenessen" in labels
    assert_rows_are_the_rule(profile_index)


def test_an_unpublished_municipality_takes_its_profiles_from_list_and_map(profile_index, areas):
    listed(profile_index)
    areas["dortmund"].unpublish()
    assert listed(profile_index) == ["Katernberg"]
    assert mapped(profile_index) == {"Katernberg"}
    assert_rows_are_the_rule(profile_index)


def test_a_profile_moved_to_another_municipality(profile_index, essen, areas):
    listed(profile_index, municipality="essen")
    areas["nordstadt"].move(essen, pos="last-child")
    assert listed(profile_index, municipality="essen") == ["Katernberg", "Nordstadt"]
    assert_rows_are_the_rule(profile_index)


def test_a_new_topic_filters_at_once(profile_index, areas):
    topic = TopicFactory(slug="buergerbeteiligung")
    assert listed(profile_index, topic="buergerbeteiligung") == []
    page = areas["katernberg"]
    page.topics.add(topic)
    page.save_revision().publish()
    assert listed(profile_index, topic="buergerbeteiligung") == ["Katernberg"]
    assert_rows_are_the_rule(profile_index)


@pytest.mark.postgres(reason="the index of the overview's order exists on PostgreSQL only")
def test_the_overview_reads_its_order_from_an_index():
    # The index (migration 0013) must stay the overview's order: German order of
    # municipality and title by code point, then the key. Told not to scan the table, the
    # planner reads the page of entries from the index without sorting them.
    from django.db import connection

    from wagtail.models import Locale

    from profiles.filters import ordered_entries

    entries = ordered_entries(PROFILES, Locale.get_default()).values("pk")[:50]
    sql, params = entries.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "profile_entry_order_idx" in plan, plan
    assert "Sort" not in plan, plan
