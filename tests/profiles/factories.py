import factory
import wagtail_factories

from cms.geo import LatLng
from profiles.models import DistrictProfileIndexPage, DistrictProfilePage, MunicipalityPage
from tests.cms.factories import DefaultParent, child_page
from tests.home.factories import site_home

ESSEN = LatLng(lat=51.4556, lng=7.0116)
KATERNBERG = LatLng(lat=51.4925, lng=7.0420)


def profile_index():
    return child_page(site_home(), DistrictProfileIndexPageFactory)


class DistrictProfileIndexPageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(site_home)
    title = "Stadtteilprofile"
    slug = "stadtteilprofile"
    intro = "<p>Alle Programmgebiete.</p>"

    class Meta:
        model = DistrictProfileIndexPage


class MunicipalityPageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(profile_index)
    title = "Essen"
    slug = factory.LazyAttribute(lambda o: o.title.lower().replace(" ", "-"))
    ags = factory.Sequence(lambda n: f"051{n % 100_000:05d}")  # 8 digits, valid in NRW
    regierungsbezirk = "duesseldorf"
    location = ESSEN.as_point_string()
    website = "https://www.essen.de"
    member_since = 1994

    class Meta:
        model = MunicipalityPage


class DistrictProfilePageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(lambda: child_page(profile_index(), MunicipalityPageFactory))
    title = factory.Sequence(lambda n: f"Quartier {n}")
    slug = factory.Sequence(lambda n: f"quartier-{n}")
    programme = "sozialer-zusammenhalt"
    status = "laufend"
    funding_start = 2016
    funding_end = None
    location = KATERNBERG.as_point_string()
    teaser = "Ein Quartier im Essener Norden."
    character = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Ein früheres Bergarbeiterquartier.</p>"}]
    )

    class Meta:
        model = DistrictProfilePage


PROFILE_STREAM_FIELDS = (
    "character",
    "potentials",
    "organisation",
    "milestones",
    "perspectives",
    "contacts",
    "downloads",
)


def profile_form_data(**overrides) -> dict:
    """A district profile's edit form as the admin posts it (the sections left empty)."""
    data = {
        "title": "Katernberg",
        "slug": "katernberg",
        "programme": "soziale-stadt",
        "status": "laufend",
        "funding_start": "2016",
        "funding_end": "",
        "location": KATERNBERG.as_point_string(),
        "boundary": "",
        "topics": "",
        **{f"{name}-count": "0" for name in PROFILE_STREAM_FIELDS},
    }
    data.update(overrides)
    return data
