"""Accounts of each kind the account-security rules tell apart, and a sign-in that goes
through the admin's login form (the path the lockout and the second factor guard)."""

import time
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.roles import EDITORS, MODERATORS

PASSWORD = "richtiges-passwort-2024"


@pytest.fixture
def accounts(db, django_user_model):
    def make(username, *groups, **extra):
        user = django_user_model.objects.create_user(
            username, email=f"{username}@example.org", password=PASSWORD, **extra
        )
        user.groups.add(*(Group.objects.get(name=name) for name in groups))
        return user

    return SimpleNamespace(
        make=make,
        moderator=make("koordination", MODERATORS),
        editor=make("redaktion", EDITORS),
        superuser=make("admin", is_superuser=True, is_staff=True),
    )


def sign_in(client, username, password=PASSWORD, address="127.0.0.1"):
    """POST the admin's login form from ``address``; the response is the view's answer."""
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.wsgi_request.session


def totp_code(device: TOTPDevice) -> str:
    """The code the user's authenticator app shows now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"
