import pytest

# The small network of pages the search tests use: news, events, profiles, a publication; built
# once per test module, loaded afresh for each test. Its start page is not the ``home`` fixture
# here (tests/api/test_listing_api.py builds on an empty one): a test that needs both the network
# and ``home``/``home_en`` imports ``home`` from tests.search.conftest too.
from tests.search.conftest import network, network_world, topics  # noqa: F401


@pytest.fixture
def api(client):
    """A client that asks for JSON, as an API consumer does."""
    client.defaults["HTTP_ACCEPT"] = "application/json"
    return client


@pytest.fixture
def editor(django_user_model):
    """A member of Wagtail's default "Editors" group: may add and edit pages, not publish."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("redakteurin", password="passwort-123456")
    user.groups.add(Group.objects.get(name="Editors"))
    return user
