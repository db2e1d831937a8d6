"""Passwords have at least 12 characters (AUTH_PASSWORD_VALIDATORS)."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest


def test_a_password_of_eleven_characters_is_refused():
    with pytest.raises(ValidationError) as refused:
        validate_password("Kx7#mQ2pLz9")
    assert [error.code for error in refused.value.error_list] == ["password_too_short"]


def test_a_password_of_twelve_characters_is_accepted():
    validate_password("Kx7#mQ2pLz9w")


@pytest.mark.django_db
def test_the_admin_refuses_a_short_password_when_creating_an_account(client, accounts):
    client.force_login(accounts.superuser)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "neu",
            "email": "neu@example.org",
            "first_name": "Neu",
            "last_name": "Konto",
            "password1": "Kx7#mQ2pLz9",
            "password2": "Kx7#mQ2pLz9",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "mindestens 12 Zeichen" in response.content.decode()
    assert not accounts.superuser.__class__.objects.filter(username="neu").exists()
