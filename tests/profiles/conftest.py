import pytest

from tests.conftest import translate_page

from .factories import DistrictProfileIndexPageFactory, MunicipalityPageFactory


@pytest.fixture
def profile_index(home):
    return DistrictProfileIndexPageFactory(parent=home)


@pytest.fixture
def essen(profile_index):
    return MunicipalityPageFactory(parent=profile_index, title="Essen", ags="05113000")


@pytest.fixture
def profile_index_en(profile_index, home_en):
    return translate_page(
        profile_index, home_en.locale, title="District profiles", slug="district-profiles"
    )
