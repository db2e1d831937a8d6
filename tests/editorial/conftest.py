"""The editorial roles' test world: a small German/English site with two municipalities and one
user per role (the groups come from the data migrations and the municipality signal)."""

from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group

import pytest

from cms.roles import EDITORS, MODERATORS
from profiles.roles import municipality_group_of
from tests.conftest import rolled_back, translate_page
from tests.events.factories import NewsIndexPageFactory, NewsPageFactory
from tests.profiles.factories import (
    DistrictProfileIndexPageFactory,
    DistrictProfilePageFactory,
    MunicipalityPageFactory,
)
from tests.worlds import build_home, refetched

PASSWORD = "passwort-123456"
ROLES = ["anonymous", "editor", "essen_editor", "dortmund_editor", "moderator", "superuser"]


def build_tree() -> SimpleNamespace:
    """Start page → Stadtteilprofile → Essen (→ Katernberg, live) and Dortmund (→ Nordstadt,
    live), with an English Essen; Aktuelles with one news item."""
    start = build_home(SimpleNamespace(), english=True)
    home, home_en = start.home, start.home_en
    profiles = DistrictProfileIndexPageFactory(parent=home)
    essen = MunicipalityPageFactory(parent=profiles, title="Essen", ags="05113000")
    dortmund = MunicipalityPageFactory(
        parent=profiles, title="Dortmund", ags="05913000", regierungsbezirk="arnsberg"
    )
    news_index = NewsIndexPageFactory(parent=home)
    profiles_en = translate_page(profiles, home_en.locale, slug="district-profiles")
    return SimpleNamespace(
        home=home,
        home_en=home_en,
        profiles=profiles,
        profiles_en=profiles_en,
        essen=essen,
        essen_en=translate_page(essen, home_en.locale),
        dortmund=dortmund,
        katernberg=DistrictProfilePageFactory(parent=essen, title="Katernberg", slug="katernberg"),
        nordstadt=DistrictProfilePageFactory(parent=dortmund, title="Nordstadt", slug="nordstadt"),
        news_index=news_index,
        news=NewsPageFactory(parent=news_index, title="Neue Förderrichtlinie"),
    )


def make_user(django_user_model, username, *groups, **extra):
    user = django_user_model.objects.create_user(
        username, email=f"{username}@example.org", password=PASSWORD, **extra
    )
    user.groups.add(*groups)
    return user


def build_users(tree) -> SimpleNamespace:
    """One user per role, by role name (``anonymous`` is Django's AnonymousUser)."""
    User = get_user_model()
    return SimpleNamespace(
        anonymous=AnonymousUser(),
        editor=make_user(User, "redaktion", Group.objects.get(name=EDITORS)),
        essen_editor=make_user(User, "essen", municipality_group_of(tree.essen)),
        dortmund_editor=make_user(User, "dortmund", municipality_group_of(tree.dortmund)),
        moderator=make_user(User, "koordination", Group.objects.get(name=MODERATORS)),
        superuser=make_user(User, "admin", is_superuser=True, is_staff=True, first_name="Admin"),
    )


# The tree and the users are built once per test module, inside a transaction rolled back at the
# module's end (``rolled_back``); each test runs in its own savepoint (``db``) and gets freshly
# loaded pages and users, so whatever a test changes in memory or in the database is gone for
# the next one. Not for tests marked ``django_db(transaction=True)``: they would commit.


@pytest.fixture(scope="module")
def shared_tree(_empty_file_storage, django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield build_tree()


@pytest.fixture(scope="module")
def shared_users(shared_tree, django_db_blocker):
    """Created inside ``shared_tree``'s transaction, rolled back with it."""
    with django_db_blocker.unblock():
        yield build_users(shared_tree)


@pytest.fixture
def tree(shared_tree, db):
    """``build_tree``'s pages, loaded afresh for each test."""
    return refetched(shared_tree)


@pytest.fixture
def users(shared_users, tree):
    """One user per role (``build_users``), loaded afresh for each test."""
    return refetched(shared_users)


@pytest.fixture
def login(client):
    """``login(user)``: the test client logged in as ``user`` (or anonymous)."""

    def as_user(user):
        if user.is_authenticated:
            client.force_login(user)
        else:
            client.logout()
        return client

    return as_user
