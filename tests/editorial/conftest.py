"""The editorial roles' test world: a small German/English site with two municipalities and one
user per role (the groups come from the data migrations and the municipality signal)."""

from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser, Group

import pytest

from cms.roles import EDITORS, MODERATORS
from profiles.roles import municipality_group_of
from tests.conftest import translate_page
from tests.events.factories import NewsIndexPageFactory, NewsPageFactory
from tests.profiles.factories import (
    DistrictProfileIndexPageFactory,
    DistrictProfilePageFactory,
    MunicipalityPageFactory,
)

PASSWORD = "passwort-123456"
ROLES = ["anonymous", "editor", "essen_editor", "dortmund_editor", "moderator", "superuser"]


@pytest.fixture
def tree(home, home_en):
    """Start page → Stadtteilprofile → Essen (→ Katernberg, live) and Dortmund (→ Nordstadt,
    live), with an English Essen; Aktuelles with one news item."""
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


@pytest.fixture
def users(db, tree, django_user_model):
    """One user per role, by role name (``anonymous`` is Django's AnonymousUser)."""
    return SimpleNamespace(
        anonymous=AnonymousUser(),
        editor=make_user(django_user_model, "redaktion", Group.objects.get(name=EDITORS)),
        essen_editor=make_user(django_user_model, "essen", municipality_group_of(tree.essen)),
        dortmund_editor=make_user(
            django_user_model, "dortmund", municipality_group_of(tree.dortmund)
        ),
        moderator=make_user(django_user_model, "koordination", Group.objects.get(name=MODERATORS)),
        superuser=make_user(
            django_user_model, "admin", is_superuser=True, is_staff=True, first_name="Admin"
        ),
    )


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
