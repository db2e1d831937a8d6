"""The editor guide in the admin (menu "Hilfe"): German, the reader's own role first."""

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db

URL = "/admin/hilfe/"


def first_section(html: str) -> str:
    return html.split('<section id="rolle-')[1].split('"')[0]


@pytest.mark.parametrize(
    ("role", "first"),
    [
        ("editor", "editor"),
        ("essen_editor", "municipality"),
        ("moderator", "moderator"),
        ("superuser", "moderator"),
    ],
)
def test_every_role_reads_its_own_part_first(users, login, role, first):
    response = login(getattr(users, role)).get(URL)
    assert response.status_code == 200
    html = response.text
    assert first_section(html) == first
    assert html.count('<section id="rolle-') == 3
    assert "Zur Freigabe einreichen" in html
    assert "(Ihre Rolle)" in html
    for anchor in ("uebersetzen", "planen", "dateien"):
        assert f'id="{anchor}"' in html


def test_the_guide_is_in_the_admin_menu(users, login):
    html = login(users.essen_editor).get(reverse("wagtailadmin_home")).text
    assert URL in html


def test_visitors_are_sent_to_the_login(users, login):
    response = login(users.anonymous).get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
