import pytest

# The small network of pages the search tests use: news, events, profiles, a publication.
from tests.search.conftest import network, topics  # noqa: F401


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
