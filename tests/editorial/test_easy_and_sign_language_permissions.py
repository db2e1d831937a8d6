"""Who may create pages in Leichte Sprache and in German Sign Language: the coordination office
and Redaktion (their page rights start at Wagtail's root); municipal editors work only in their
municipality's subtree, where neither type may be created."""

from django.urls import reverse

import pytest

from home.models import EasyLanguagePage, SignLanguagePage

from .conftest import ROLES

pytestmark = pytest.mark.django_db

# (anonymous, editor, Essen editor, Dortmund editor, moderator, superuser)
MAY_CREATE = dict(zip(ROLES, (False, True, False, False, True, True), strict=True))
TYPES = [("easylanguagepage", EasyLanguagePage), ("signlanguagepage", SignLanguagePage)]


def may_create_under(user, parent, model) -> bool:
    if not user.is_authenticated:
        return False
    return parent.permissions_for_user(user).can_add_subpage() and model in (
        parent.specific_class.creatable_subpage_models()
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "model"), TYPES)
def test_who_may_create_them(tree, users, role, name, model):
    assert may_create_under(getattr(users, role), tree.home, model) is MAY_CREATE[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "model"), TYPES)
def test_the_admin_add_view_agrees(tree, users, login, role, name, model):
    client = login(getattr(users, role))
    response = client.get(reverse("wagtailadmin_pages:add", args=("home", name, tree.home.pk)))
    if MAY_CREATE[role]:
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403)
        assert not model.objects.exists()


@pytest.mark.parametrize(("name", "model"), TYPES)
def test_not_inside_a_municipality(tree, users, name, model):
    assert not model.can_create_at(tree.essen)
    assert not may_create_under(users.essen_editor, tree.essen, model)
