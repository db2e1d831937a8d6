import datetime
import json

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page
from wagtail_localize.fields import get_translatable_fields

import pytest

from cms.geo import LatLng, clean_area_geojson, parse_point, validate_point_in_nrw
from cms.parents import link_parents
from profiles.models import (
    DistrictProfileIndexPage,
    DistrictProfilePage,
    MunicipalityPage,
    validate_ags,
)
from tests.conftest import translate_page
from tests.home.factories import ContentPageFactory

from .factories import (
    KATERNBERG,
    DistrictProfilePageFactory,
    MunicipalityPageFactory,
    profile_form_data,
)

pytestmark = pytest.mark.django_db

BERLIN = LatLng(lat=52.52, lng=13.405)
HANNOVER = LatLng(lat=52.3759, lng=9.732)


def square(lng: float, lat: float, size: float = 0.01) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [
            [
                [lng, lat],
                [lng + size, lat],
                [lng + size, lat + size],
                [lng, lat + size],
                [lng, lat],
            ]
        ],
    }


def errors_of(page) -> dict[str, list[str]]:
    """The validation error codes per field (messages are German; codes are stable)."""
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    return {
        field: [item.code for item in items] for field, items in error.value.error_dict.items()
    }


def error_code(callable_, *args) -> str:
    with pytest.raises(ValidationError) as error:
        callable_(*args)
    return error.value.error_list[0].code


class TestPageTree:
    def test_hierarchy(self, home, profile_index, essen):
        assert DistrictProfileIndexPage in type(home).allowed_subpage_models()
        assert MunicipalityPage.can_create_at(profile_index)
        assert DistrictProfilePage.can_create_at(essen)
        assert not DistrictProfilePage.can_create_at(profile_index)
        assert not MunicipalityPage.can_create_at(home)
        assert DistrictProfilePage.allowed_subpage_models() == []

    def test_one_overview_per_start_page(self, home, profile_index):
        assert not DistrictProfileIndexPage.can_create_at(home)
        other = ContentPageFactory(parent=home)
        assert not DistrictProfileIndexPage.can_create_at(other)

    def test_urls_follow_municipality_and_district(self, essen):
        profile = DistrictProfilePageFactory(parent=essen, title="Katernberg", slug="katernberg")
        assert profile.url == "/de/stadtteilprofile/essen/katernberg/"


class TestParentMunicipality:
    """``parent_municipality`` is the profile's parent in the tree, whatever changed it."""

    @pytest.fixture
    def dortmund(self, profile_index):
        return MunicipalityPageFactory(
            parent=profile_index, title="Dortmund", ags="05913000", regierungsbezirk="arnsberg"
        )

    def stored(self, page) -> int | None:
        return DistrictProfilePage.objects.get(pk=page.pk).parent_municipality_id

    def test_a_new_profile_gets_its_parent(self, essen):
        profile = DistrictProfilePageFactory(parent=essen)
        assert self.stored(profile) == essen.pk
        assert profile.municipality == essen

    def test_a_moved_profile_follows_its_new_parent(self, essen, dortmund, admin_user):
        profile = DistrictProfilePageFactory(parent=essen)
        profile.move(dortmund, pos="last-child", user=admin_user)
        assert self.stored(profile) == dortmund.pk

    def test_a_copy_belongs_to_the_municipality_it_was_copied_to(self, essen, dortmund):
        profile = DistrictProfilePageFactory(parent=essen)
        copy = profile.copy(to=dortmund, update_attrs={"slug": "kopie"})
        assert self.stored(copy) == dortmund.pk
        assert self.stored(profile) == essen.pk

    def test_publishing_an_old_revision_keeps_the_current_parent(self, essen, dortmund):
        profile = DistrictProfilePageFactory(parent=essen)
        revision = profile.save_revision()
        profile.move(dortmund, pos="last-child")
        revision.publish()
        assert self.stored(profile) == dortmund.pk

    def test_a_translation_belongs_to_the_translated_municipality(self, essen, profile_index_en):
        profile = DistrictProfilePageFactory(parent=essen)
        essen_en = translate_page(essen, profile_index_en.locale, title="Essen")
        profile_en = translate_page(profile, profile_index_en.locale)
        assert self.stored(profile_en) == essen_en.pk

    def test_rows_written_without_save_are_linked_from_the_tree(self, essen, dortmund):
        first = DistrictProfilePageFactory(parent=essen)
        second = DistrictProfilePageFactory(parent=dortmund)
        DistrictProfilePage.objects.update(parent_municipality=None)  # as bulk inserts leave them
        link_parents(DistrictProfilePage.objects.all())
        assert (self.stored(first), self.stored(second)) == (essen.pk, dortmund.pk)

    def test_the_field_is_not_edited_translated_or_a_reference(self):
        field = DistrictProfilePage._meta.get_field("parent_municipality")
        assert not field.editable
        assert "parent_municipality" not in {
            f.field_name for f in get_translatable_fields(DistrictProfilePage)
        }
        assert field.wagtail_reference_index_ignore


class TestMunicipalityValidation:
    @pytest.mark.parametrize(
        "ags", ["5113000", "051130000", "06412000", "05213000", "0511300x", ""]
    )
    def test_invalid_ags_is_refused(self, ags):
        assert error_code(validate_ags, ags) == "invalid_ags"

    def test_valid_ags(self):
        for ags in ("05113000", "05315000", "05513000", "05711000", "05913000", "05334002"):
            validate_ags(ags)

    def test_ags_must_match_the_administrative_district(self, profile_index):
        page = MunicipalityPageFactory.build(ags="05315000", regierungsbezirk="duesseldorf")
        page.path, page.depth = profile_index.path + "0099", profile_index.depth + 1
        page.locale = profile_index.locale
        assert errors_of(page)["regierungsbezirk"] == ["ags_region_mismatch"]

    def test_ags_is_unique_per_language(self, profile_index, essen):
        page = MunicipalityPageFactory.build(title="Essen 2", slug="essen-2", ags=essen.ags)
        page.locale = essen.locale
        assert errors_of(page)["ags"] == ["duplicate_ags"]

    def test_location_outside_nrw_is_refused(self, essen):
        essen.location = BERLIN.as_point_string()
        assert errors_of(essen)["location"] == ["outside_nrw"]

    def test_unreadable_location_is_refused(self, essen):
        essen.location = "somewhere in Essen"
        assert errors_of(essen)["location"] == ["invalid_point"]


class TestProfileValidation:
    def profile(self, essen, **values):
        return DistrictProfilePageFactory(parent=essen, **values)

    def test_end_before_start(self, essen):
        page = self.profile(essen)
        page.funding_start, page.funding_end = 2018, 2010
        assert errors_of(page)["funding_end"] == ["end_before_start"]

    @pytest.mark.parametrize("year", [1950, datetime.date.today().year + 40])
    def test_implausible_years(self, essen, year):
        page = self.profile(essen)
        page.funding_start = year
        assert errors_of(page)["funding_start"] == ["implausible_year"]

    def test_completed_area_needs_an_end_year(self, essen):
        page = self.profile(essen)
        page.status, page.funding_end = "abgeschlossen", None
        assert errors_of(page)["funding_end"] == ["end_required"]

    def test_status_must_fit_the_end_year(self, essen):
        page = self.profile(essen)
        page.status, page.funding_end = "abgeschlossen", datetime.date.today().year + 3
        assert errors_of(page)["status"] == ["completed_in_future"]
        page.status, page.funding_end = "laufend", 2017
        assert errors_of(page)["status"] == ["running_in_past"]

    def test_point_outside_nrw(self, essen):
        page = self.profile(essen)
        page.location = HANNOVER.as_point_string()
        assert errors_of(page)["location"] == ["outside_nrw"]

    def test_valid_profile_passes(self, essen):
        page = self.profile(essen, boundary=json.dumps(square(7.03, 51.48)))
        page.full_clean()
        assert json.loads(page.boundary)["type"] == "Polygon"


class TestGeometry:
    def test_point_parsing_keeps_longitude_first(self):
        point = parse_point("SRID=4326;POINT(7.042 51.4925)")
        assert point == KATERNBERG
        assert point.as_geojson() == {"type": "Point", "coordinates": [7.042, 51.4925]}
        assert parse_point("POINT(7 51)") == LatLng(lat=51.0, lng=7.0)
        assert parse_point("SRID=3857;POINT(7 51)") is None
        assert parse_point("") is None

    def test_points_near_the_border_of_nrw(self):
        for lat, lng in [(50.776, 6.11), (52.29, 8.92), (52.21, 7.02), (51.77, 9.38)]:
            validate_point_in_nrw(LatLng(lat=lat, lng=lng).as_point_string())
        for lat, lng in [(52.27, 8.05), (50.36, 7.59), (50.85, 5.69), (51.31, 9.48)]:
            with pytest.raises(ValidationError):
                validate_point_in_nrw(LatLng(lat=lat, lng=lng).as_point_string())

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("{not json", "invalid_json"),
            (json.dumps({"type": "Point", "coordinates": [7, 51]}), "invalid_polygon"),
            (json.dumps({"type": "Polygon", "coordinates": "x"}), "invalid_polygon"),
            (
                json.dumps(
                    {
                        "type": "Polygon",
                        "coordinates": [[[7, 51], [7.1, 51.1], [7.1, 51], [7, 51.1], [7, 51]]],
                    }
                ),
                "invalid_polygon",
            ),
            (json.dumps(square(13.4, 52.5)), "outside_nrw"),
            (json.dumps(square(51.48, 7.03)), "outside_nrw"),  # latitude and longitude swapped
            (json.dumps({"type": "FeatureCollection", "features": []}), "invalid_polygon"),
            ("[" * 10, "invalid_json"),
            (" " * 600_000, "too_large"),
        ],
    )
    def test_bad_boundaries_are_refused(self, text, code):
        assert error_code(clean_area_geojson, text) == code

    def test_swapped_coordinates_message_gives_a_hint(self):
        with translation.override("en"), pytest.raises(ValidationError, match="swapped"):
            clean_area_geojson(json.dumps(square(51.48, 7.03)))

    def test_feature_wrapping_a_polygon_is_accepted_and_normalised(self):
        feature = {"type": "Feature", "properties": {"name": "x"}, "geometry": square(7.0, 51.4)}
        cleaned = json.loads(clean_area_geojson(json.dumps(feature)))
        assert cleaned["type"] == "Polygon"
        assert cleaned["coordinates"][0][0] == [7.0, 51.4]


class TestEditor:
    """Bad input in the admin: a clear message on the field, nothing saved."""

    def add(self, client, parent, model, data):
        url = reverse("wagtailadmin_pages:add", args=("profiles", model, parent.pk))
        return client.post(url, data)

    def profile_data(self, **overrides):
        defaults = {"status": "abgeschlossen", "funding_start": "1999", "funding_end": "2009"}
        return profile_form_data(**(defaults | {"action-publish": "publish"} | overrides))

    def test_valid_profile_is_published(self, admin_client, essen):
        response = self.add(admin_client, essen, "districtprofilepage", self.profile_data())
        assert response.status_code == 302
        page = Page.objects.child_of(essen).get(slug="katernberg")
        assert page.live

    @pytest.mark.parametrize(
        ("overrides", "field", "message"),
        [
            ({"funding_end": "1990", "funding_start": "1999"}, "funding_end", "vor dem Startjahr"),
            (
                {"location": BERLIN.as_point_string()},
                "location",
                "außerhalb von Nordrhein-Westfalen",
            ),
            ({"boundary": '{"type": "Polygon"'}, "boundary", "kein gültiges GeoJSON"),
            ({"boundary": json.dumps(square(13.4, 52.5))}, "boundary", "außerhalb"),
        ],
    )
    def test_bad_input_shows_a_german_message_and_saves_nothing(
        self, admin_client, essen, overrides, field, message
    ):
        response = self.add(
            admin_client, essen, "districtprofilepage", self.profile_data(**overrides)
        )
        assert response.status_code == 200
        assert message in str(response.context["form"].errors[field])
        assert not Page.objects.child_of(essen).filter(slug="katernberg").exists()

    def test_invalid_ags_in_the_editor(self, admin_client, profile_index):
        data = {
            "title": "Köln",
            "slug": "koeln",
            "ags": "05115000",
            "regierungsbezirk": "koeln",
            "location": "SRID=4326;POINT(6.96 50.94)",
            "website": "",
            "member_since": "",
            "topics": "",
            "action-publish": "publish",
        }
        response = self.add(admin_client, profile_index, "municipalitypage", data)
        assert response.status_code == 200
        assert "Düsseldorf" in str(response.context["form"].errors["regierungsbezirk"])
        assert not MunicipalityPage.objects.filter(slug="koeln").exists()

    def test_map_widget_uses_our_own_leaflet(self, admin_client, essen):
        profile = DistrictProfilePageFactory(parent=essen)
        html = admin_client.get(reverse("wagtailadmin_pages:edit", args=(profile.pk,))).text
        assert "/static/cms/vendor/leaflet/leaflet.js" in html
        assert "unpkg.com" not in html
        assert 'data-controller="leaflet-field"' in html
        assert "Karte" in html  # the map tab
