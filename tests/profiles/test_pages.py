import json
from datetime import timedelta

from django.db.models.signals import post_init
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from cms.geo import LatLng
from profiles.filters import ProfileFilters, find_profiles
from profiles.models import PROFILES, DistrictProfilePage
from tests.cms.factories import ContactPersonFactory, TopicFactory, TopicLabelFactory
from tests.conftest import make_home, rolled_back, tag, translate_page
from tests.queries import counts_per_url, queries_for

from .factories import (
    DistrictProfileIndexPageFactory,
    DistrictProfilePageFactory,
    MunicipalityPageFactory,
)

pytestmark = pytest.mark.django_db

DORTMUND = LatLng(lat=51.5136, lng=7.4653)
KOELN = LatLng(lat=50.9375, lng=6.9603)


@pytest.fixture
def network(profile_index, essen):
    """Three municipalities in two districts, five profiles, two topics."""
    participation = TopicFactory(name="Bürgerbeteiligung", slug="buergerbeteiligung")
    economy = TopicFactory(name="Lokale Ökonomie", slug="lokale-oekonomie")
    dortmund = MunicipalityPageFactory(
        parent=profile_index,
        title="Dortmund",
        ags="05913000",
        regierungsbezirk="arnsberg",
        location=DORTMUND.as_point_string(),
    )
    koeln = MunicipalityPageFactory(
        parent=profile_index,
        title="Köln",
        slug="koeln",
        ags="05315000",
        regierungsbezirk="koeln",
        location=KOELN.as_point_string(),
    )

    def profile(parent, title, status="laufend", end=None, topics=(), **values):
        page = DistrictProfilePageFactory(
            parent=parent,
            title=title,
            slug=title.lower(),
            status=status,
            funding_start=2000,
            funding_end=end,
            **values,
        )
        if topics:
            page.topics.add(*topics)
            page.save_revision().publish()
        return page

    return {
        "katernberg": profile(essen, "Katernberg", "abgeschlossen", 2009, [participation]),
        "altendorf": profile(essen, "Altendorf", topics=[economy]),
        "nordstadt": profile(
            dortmund,
            "Nordstadt",
            topics=[participation, economy],
            location=LatLng(lat=51.526, lng=7.46).as_point_string(),
        ),
        "westerfilde": profile(
            dortmund, "Westerfilde", location=LatLng(lat=51.548, lng=7.369).as_point_string()
        ),
        "chorweiler": profile(
            koeln,
            "Chorweiler",
            "abgeschlossen",
            2015,
            location=LatLng(lat=51.027, lng=6.897).as_point_string(),
            programme="soziale-stadt",
        ),
    }


def facet_counts(results, name):
    facet = next(f for f in results.facets if f.name == name)
    return {option.value: option.count for option in facet.options}


def search(profile_index, **query):
    return find_profiles(PROFILES, query, profile_index.locale, profile_index)


class TestFacets:
    def test_no_filter_lists_everything_sorted(self, profile_index, network):
        results = search(profile_index)
        assert [i.page.title for i in results.items] == [
            "Nordstadt",
            "Westerfilde",
            "Altendorf",
            "Katernberg",
            "Chorweiler",
        ]
        assert facet_counts(results, "status") == {"laufend": 3, "abgeschlossen": 2}
        assert facet_counts(results, "region") == {"arnsberg": 2, "duesseldorf": 2, "koeln": 1}
        assert facet_counts(results, "municipality") == {"dortmund": 2, "essen": 2, "koeln": 1}
        assert facet_counts(results, "topic") == {"buergerbeteiligung": 2, "lokale-oekonomie": 2}
        assert facet_counts(results, "programme") == {
            "soziale-stadt": 1,
            "sozialer-zusammenhalt": 4,
        }

    def test_facets_combine_and_count_the_other_choices(self, profile_index, network):
        results = search(profile_index, status="laufend", region="arnsberg")
        assert {i.page.title for i in results.items} == {"Nordstadt", "Westerfilde"}
        # Counts of a facet ignore its own choice but apply the others.
        assert facet_counts(results, "status") == {"laufend": 2}
        assert facet_counts(results, "region") == {"arnsberg": 2, "duesseldorf": 1}
        assert facet_counts(results, "topic") == {"buergerbeteiligung": 1, "lokale-oekonomie": 1}

    def test_several_values_of_one_facet_are_alternatives(self, profile_index, network):
        results = find_profiles(
            PROFILES, {"municipality": ["essen", "koeln"]}, profile_index.locale, profile_index
        )
        assert {i.page.title for i in results.items} == {"Katernberg", "Altendorf", "Chorweiler"}

    def test_topic_filter(self, profile_index, network):
        results = search(profile_index, topic="buergerbeteiligung", status="abgeschlossen")
        assert [i.page.title for i in results.items] == ["Katernberg"]

    def test_facet_counts_equal_the_results_behind_them(self, profile_index, network):
        base = search(profile_index, status="laufend")
        for facet in base.facets:
            for option in facet.options:
                query = {facet.name: option.value}
                if facet.name != "status":
                    query["status"] = "laufend"
                assert search(profile_index, **query).count == option.count, (facet.name, option)

    def test_unknown_values_are_ignored_and_reported(self, profile_index, network):
        results = search(profile_index, status="gibt-es-nicht", topic="x" * 500)
        assert results.count == 5
        assert ("status", "gibt-es-nicht") in results.ignored
        assert results.filters.is_empty()

    def test_query_string_round_trip(self):
        filters = ProfileFilters().select(status=("laufend",), topic=("a", "b"))
        assert filters.query_string() == "?status=laufend&topic=a&topic=b"
        assert filters.toggle("topic", "a") == "?status=laufend&topic=b"
        assert filters.query_string(topic=None) == "?status=laufend"


class TestVisibility:
    def test_unpublished_and_private_profiles_never_appear(self, client, profile_index, network):
        network["altendorf"].unpublish()
        PageViewRestriction.objects.create(
            page=network["chorweiler"], restriction_type=PageViewRestriction.LOGIN
        )
        results = search(profile_index)
        titles = {i.page.title for i in results.items}
        assert titles == {"Katernberg", "Nordstadt", "Westerfilde"}
        assert sum(facet_counts(results, "status").values()) == 3

        html = client.get("/de/stadtteilprofile/").text
        assert "Altendorf" not in html
        assert "Chorweiler" not in html
        data = client.get("/de/stadtteilprofile/karte.geojson").json()
        assert {f["properties"]["title"] for f in data["features"]} == titles

    def test_profiles_of_an_unpublished_municipality_are_hidden(self, profile_index, network):
        network["chorweiler"].get_parent().specific.unpublish()  # its children stay live
        assert "Chorweiler" not in {i.page.title for i in search(profile_index).items}

    def test_profiles_of_an_expired_municipality_are_hidden(self, client, profile_index, network):
        # expired but not yet unpublished by the scheduler: its profiles leave list and map
        municipality = network["chorweiler"].get_parent().specific
        municipality.expire_at = timezone.now() - timedelta(minutes=1)
        municipality.save(update_fields=["expire_at"])
        assert "Chorweiler" not in {i.page.title for i in search(profile_index).items}
        data = client.get("/de/stadtteilprofile/karte.geojson").json()
        assert "Chorweiler" not in {f["properties"]["title"] for f in data["features"]}
        assert "Nordstadt" in {f["properties"]["title"] for f in data["features"]}

    def test_profiles_under_an_untranslated_placeholder_are_hidden(
        self, profile_index_en, network
    ):
        # wagtail-localize puts an alias of the German municipality into the English tree
        # when one of its profiles is translated first; a translated municipality shows it.
        chorweiler, nordstadt = network["chorweiler"], network["nordstadt"]
        placeholder = chorweiler.get_parent().specific.copy_for_translation(
            profile_index_en.locale, alias=True
        )
        assert placeholder.alias_of_id
        assert placeholder.live
        translate_page(chorweiler, profile_index_en.locale, title="Chorweiler (en)")
        translate_page(nordstadt.get_parent().specific, profile_index_en.locale)
        translate_page(nordstadt, profile_index_en.locale, title="Nordstadt (en)")

        items = search(profile_index_en).items
        assert [item.page.title for item in items] == ["Nordstadt (en)"]

    def test_private_profile_page_itself_requires_login(self, client, network):
        PageViewRestriction.objects.create(
            page=network["chorweiler"], restriction_type=PageViewRestriction.LOGIN
        )
        response = client.get("/de/stadtteilprofile/koeln/chorweiler/")
        assert response.status_code == 302


class TestIndexPage:
    def test_lists_profiles_with_facets_and_map_without_tiles(self, client, network):
        html = client.get("/de/stadtteilprofile/?status=laufend").text
        assert "3 Programmgebiete" in html
        assert "Nordstadt" in html
        assert "Katernberg" not in html.split('class="profile-list"')[1]
        # The consent panel, no tile URL in an <img>, Leaflet from our static files.
        assert "data-map-consent-accept" in html
        assert 'data-tile-url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in html
        assert "tile.openstreetmap.org/" not in html.replace('data-tile-url="https://tile', "")
        assert "/static/cms/vendor/leaflet/leaflet.js" in html
        assert 'data-geojson-url="/de/stadtteilprofile/karte.geojson?status=laufend"' in html

    def test_unknown_facet_values_give_a_visible_note(self, client, network):
        response = client.get("/de/stadtteilprofile/?region=mars&topic=%E2%80%8B")
        assert response.status_code == 200
        assert "wurden ignoriert" in response.text
        assert "Regierungsbezirk: mars" in response.text

    def test_referrer_policy_lets_the_tile_server_see_our_origin(self, client, network):
        response = client.get("/de/stadtteilprofile/")
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert 'data-referrer-policy="strict-origin-when-cross-origin"' in response.text

    def test_english_overview(self, client, profile_index_en, network):
        response = client.get("/en/district-profiles/")
        assert response.status_code == 200
        assert '<html lang="en">' in response.text


class TestGeoJSON:
    def test_feature_collection_with_longitude_first(self, client, network):
        response = client.get("/de/stadtteilprofile/karte.geojson")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/geo+json"
        data = json.loads(response.content)
        assert data["type"] == "FeatureCollection"
        nordstadt = next(f for f in data["features"] if f["properties"]["title"] == "Nordstadt")
        assert nordstadt["geometry"] == {"type": "Point", "coordinates": [7.46, 51.526]}
        assert nordstadt["properties"]["url"] == (
            "http://testserver/de/stadtteilprofile/dortmund/nordstadt/"
        )
        for feature in data["features"]:
            lng, lat = feature["geometry"]["coordinates"]
            assert 5.8 < lng < 9.5
            assert 50.3 < lat < 52.6

    def test_built_from_a_values_query_without_page_objects(self, client, network):
        """At 100,000 pages creating the pages took most of the map's time (643 -> 196 ms)."""
        created = []

        def count(sender, **kwargs):
            created.append(sender)

        post_init.connect(count, sender=DistrictProfilePage)
        try:
            data = client.get("/de/stadtteilprofile/karte.geojson").json()
        finally:
            post_init.disconnect(count, sender=DistrictProfilePage)
        assert created == []
        assert len(data["features"]) == 5

    def test_filters_apply_to_the_map(self, client, network):
        data = client.get("/de/stadtteilprofile/karte.geojson?municipality=essen").json()
        assert {f["properties"]["title"] for f in data["features"]} == {"Katernberg", "Altendorf"}

    def test_boundaries_are_separate_polygon_features(self, client, network):
        page = network["nordstadt"]
        page.boundary = json.dumps(
            {
                "type": "Polygon",
                "coordinates": [[[7.45, 51.52], [7.47, 51.52], [7.47, 51.53], [7.45, 51.52]]],
            }
        )
        page.save_revision().publish()
        data = client.get("/de/stadtteilprofile/karte.geojson").json()
        kinds = [
            f["properties"]["kind"] for f in data["features"] if f["properties"]["id"] == page.pk
        ]
        assert sorted(kinds) == ["boundary", "location"]
        locations = [f for f in data["features"] if f["properties"]["kind"] == "location"]
        assert len(locations) == 5

    def test_bad_filters_never_fail(self, client, network):
        # a query that is not UTF-8 is refused by the request guard (cms.params), never a 5xx
        assert (
            client.get("/de/stadtteilprofile/karte.geojson?status=%ff&topic=").status_code == 400
        )


QUERY_COUNT_URLS = [
    "/de/stadtteilprofile/",
    "/de/stadtteilprofile/?status=laufend",
    "/de/stadtteilprofile/?municipality=essen&topic=x",
    "/de/stadtteilprofile/karte.geojson",
]


@pytest.fixture(scope="class")
def few_then_many_profiles(django_db_setup, django_db_blocker):
    """The query count of each URL with 3 tagged profiles; then 9 more profiles are added,
    which the tests list. Built once for all URLs (rolled back after the class)."""
    with rolled_back(django_db_blocker):
        profile_index = DistrictProfileIndexPageFactory(parent=make_home())
        essen = MunicipalityPageFactory(parent=profile_index, title="Essen", ags="05113000")
        topic = TopicFactory()
        for index in range(3):
            tag(DistrictProfilePageFactory(parent=essen, slug=f"a-{index}"), topic)
        few = counts_per_url(QUERY_COUNT_URLS)
        for index in range(9):
            DistrictProfilePageFactory(parent=essen, slug=f"b-{index}")
        yield few


class TestQueryCounts:
    @pytest.mark.parametrize("url", QUERY_COUNT_URLS)
    def test_same_number_of_queries_for_3_and_12_profiles(
        self, client, few_then_many_profiles, url
    ):
        assert queries_for(client, url) == few_then_many_profiles[url]


class TestProfilePage:
    def test_sections_table_of_contents_and_timeline_in_date_order(self, client, essen):
        person = ContactPersonFactory(name="Stadtteilbüro Katernberg")
        DistrictProfilePageFactory(
            parent=essen,
            title="Katernberg",
            slug="katernberg",
            inhabitants=22800,
            area_ha=320,
            figures_year=2009,
            potentials=[{"type": "paragraph", "value": "<p>Viele Vereine.</p>"}],
            milestones=[
                {
                    "type": "milestone",
                    "value": {"date": "2005-01-01", "precision": "year", "title": "Später"},
                },
                {
                    "type": "milestone",
                    "value": {"date": "1999-06-01", "precision": "month", "title": "Früher"},
                },
            ],
            contacts=[{"type": "contact", "value": person.pk}],
        )
        html = client.get("/de/stadtteilprofile/essen/katernberg/").text
        toc = html.split('class="toc"')[1].split("</nav>")[0]
        assert [part.split('"')[0] for part in toc.split('href="#')[1:]] == [
            "gebietscharakter",
            "potenziale",
            "meilensteine",
            "ansprechperson",
        ]
        assert '<h2 id="meilensteine-heading">Meilensteine</h2>' in html
        assert html.index("Früher") < html.index("Später")
        assert ">Juni 1999</time>" in html
        assert "Stadtteilbüro Katernberg" in html
        assert "22.800" in html
        assert "Perspektiven" not in toc  # empty sections are left out

    def test_municipality_page_lists_its_areas(self, client, network):
        html = client.get("/de/stadtteilprofile/essen/").text
        assert "Katernberg" in html
        assert "Altendorf" in html
        assert html.index("Altendorf") < html.index("Katernberg")  # running first
        assert "Nordstadt" not in html

    def test_profile_in_english_with_topic_labels(self, client, profile_index_en, essen, english):
        topic = TopicFactory(name="Bildung")
        TopicLabelFactory(topic=topic, label="Education")
        essen_en = translate_page(essen, english)
        profile = DistrictProfilePageFactory(parent=essen, title="Katernberg", slug="katernberg")
        profile.topics.add(topic)
        profile.save_revision().publish()
        translate_page(profile, english)
        response = client.get(f"/en/district-profiles/{essen_en.slug}/katernberg/")
        assert response.status_code == 200
        assert "Education" in response.text
        assert "Character and initial situation" in response.text
