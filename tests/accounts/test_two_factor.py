"""Administrators and the coordination office reach the admin only with a second factor: a
code from an authenticator app (TOTP) or a single-use recovery code."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

from wagtail.models import Page, PageViewRestriction

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.accounts import two_factor

from .conftest import sign_in, signed_in, totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.second_factor]

ADMIN = reverse("wagtailadmin_home")
SETUP = reverse("accounts_two_factor_setup")
VERIFY = reverse("accounts_two_factor_verify")


def confirmed_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="App", confirmed=True)


def path_of(response) -> str:
    return response["Location"].split("?")[0]


class TestWhoMustUseIt:
    @pytest.mark.parametrize("role", ["moderator", "superuser"])
    def test_without_a_second_factor_they_are_sent_to_set_it_up(self, client, accounts, role):
        assert signed_in(sign_in(client, getattr(accounts, role).username))
        response = client.get(reverse("wagtailadmin_explore_root"))
        assert response.status_code == 302
        assert path_of(response) == SETUP
        assert "next=%2Fadmin%2Fpages%2F" in response["Location"]

    def test_wagtails_moderators_group_must_use_it_too(self, client, accounts):
        accounts.make("moderatorin", "Moderators")
        sign_in(client, "moderatorin")
        assert path_of(client.get(ADMIN)) == SETUP

    def test_with_a_device_they_are_asked_for_a_code(self, client, accounts):
        confirmed_device(accounts.moderator)
        sign_in(client, "koordination")
        response = client.get(ADMIN)
        assert path_of(response) == VERIFY

    def test_editors_are_not_asked_by_default(self, client, accounts):
        sign_in(client, "redaktion")
        assert client.get(ADMIN).status_code == 200

    def test_required_for_all_makes_editors_need_it(self, client, accounts, settings):
        settings.TWO_FACTOR_REQUIRED_FOR_ALL = True
        sign_in(client, "redaktion")
        assert path_of(client.get(ADMIN)) == SETUP

    def test_an_editor_who_set_it_up_is_asked_for_it(self, client, accounts):
        confirmed_device(accounts.editor)
        sign_in(client, "redaktion")
        assert path_of(client.get(ADMIN)) == VERIFY

    def test_not_enforced_everyone_goes_straight_in(self, client, accounts, settings):
        settings.TWO_FACTOR_ENFORCED = False
        sign_in(client, "koordination")
        assert client.get(ADMIN).status_code == 200

    def test_the_logout_stays_reachable(self, client, accounts):
        sign_in(client, "koordination")
        response = client.post(reverse("wagtailadmin_logout"))
        assert path_of(response) == reverse("wagtailadmin_login")
        assert client.get(ADMIN)["Location"].startswith(reverse("wagtailadmin_login"))

    def test_with_the_password_alone_private_pages_stay_closed(self, client, accounts, home):
        PageViewRestriction.objects.create(page=home, restriction_type="login")
        url = Page.objects.get(pk=home.pk).url
        sign_in(client, "koordination")
        response = client.get(url)
        assert response.status_code == 302, "treated as anonymous: sent to the login"
        assert "login" in response["Location"]


class TestSetup:
    def test_the_qr_code_is_drawn_on_the_page(self, client, accounts):
        sign_in(client, "koordination")
        html = client.get(SETUP).content.decode()
        assert "<svg" in html
        assert not re.search(r"<img[^>]+src=\"https?://", html), "no outside image service"
        device = TOTPDevice.objects.get(user=accounts.moderator, confirmed=False)
        secret = two_factor.secret_for_typing(device)
        assert secret in html
        assert client.get(SETUP).content.decode().count(secret) == 1, "same key on reload"

    def test_a_valid_code_activates_it_and_shows_recovery_codes_once(self, client, accounts):
        sign_in(client, "koordination")
        client.get(SETUP)
        device = TOTPDevice.objects.get(user=accounts.moderator)
        response = client.post(SETUP, {"token": totp_code(device), "next": "/admin/pages/"})
        assert response.status_code == 200
        codes = StaticToken.objects.filter(device__user=accounts.moderator)
        assert codes.count() == 10
        html = response.content.decode()
        assert all(code.token in html for code in codes)
        device.refresh_from_db()
        assert device.confirmed
        assert client.get(ADMIN).status_code == 200, "this session is verified"

    def test_a_wrong_code_activates_nothing(self, client, accounts):
        sign_in(client, "koordination")
        client.get(SETUP)
        response = client.post(SETUP, {"token": "000000"})
        assert response.status_code == 200
        assert "ungültig" in response.content.decode()
        assert not two_factor.has_second_factor(accounts.moderator)
        assert path_of(client.get(ADMIN)) == SETUP

    def test_the_password_alone_cannot_replace_an_existing_device(self, client, accounts):
        device = confirmed_device(accounts.moderator)
        sign_in(client, "koordination")
        assert path_of(client.get(SETUP)) == VERIFY
        client.post(SETUP, {"action": "remove"})
        assert TOTPDevice.objects.filter(pk=device.pk).exists()

    def test_the_account_area_links_to_it(self, client, accounts):
        client.force_login(accounts.editor)
        html = client.get(reverse("wagtailadmin_account")).content.decode()
        assert SETUP in html


class TestVerify:
    def test_a_valid_code_lets_them_in(self, client, accounts):
        device = confirmed_device(accounts.moderator)
        sign_in(client, "koordination")
        response = client.post(VERIFY, {"token": totp_code(device), "next": "/admin/pages/"})
        assert response.status_code == 302
        assert response["Location"] == "/admin/pages/"
        assert client.get(ADMIN).status_code == 200

    def test_a_wrong_code_keeps_them_out(self, client, accounts):
        confirmed_device(accounts.moderator)
        sign_in(client, "koordination")
        response = client.post(VERIFY, {"token": "123456"})
        assert response.status_code == 200
        assert "ungültig" in response.content.decode()
        assert path_of(client.get(ADMIN)) == VERIFY

    def test_a_code_is_not_accepted_twice(self, client, accounts, settings):
        settings.OTP_TOTP_THROTTLE_FACTOR = 0
        device = confirmed_device(accounts.moderator)
        code = totp_code(device)
        sign_in(client, "koordination")
        assert client.post(VERIFY, {"token": code}).status_code == 302
        client.post(reverse("wagtailadmin_logout"))
        sign_in(client, "koordination")
        assert client.post(VERIFY, {"token": code}).status_code == 200

    def test_a_recovery_code_works_once(self, client, accounts):
        confirmed_device(accounts.moderator)
        code = two_factor.new_recovery_codes(accounts.moderator)[0]
        sign_in(client, "koordination")
        response = client.post(VERIFY, {"token": code.upper()})
        assert response.status_code == 302
        assert client.get(ADMIN).status_code == 200
        assert two_factor.remaining_recovery_codes(accounts.moderator) == 9

        client.post(reverse("wagtailadmin_logout"))
        sign_in(client, "koordination")
        assert client.post(VERIFY, {"token": code}).status_code == 200
        assert path_of(client.get(ADMIN)) == VERIFY

    def test_next_may_not_lead_to_another_site(self, client, accounts):
        device = confirmed_device(accounts.moderator)
        sign_in(client, "koordination")
        response = client.post(
            VERIFY, {"token": totp_code(device), "next": "https://evil.example/"}
        )
        assert response["Location"] == ADMIN

    def test_a_verified_user_manages_recovery_codes(self, client, accounts):
        device = confirmed_device(accounts.moderator)
        sign_in(client, "koordination")
        client.post(VERIFY, {"token": totp_code(device)})
        old = two_factor.new_recovery_codes(accounts.moderator)
        response = client.post(SETUP, {"action": "recovery-codes"})
        assert response.status_code == 200
        new = set(StaticToken.objects.values_list("token", flat=True))
        assert len(new) == 10
        assert not new & set(old)


def test_development_settings_do_not_enforce_it():
    environment = {k: v for k, v in os.environ.items() if k != "TWO_FACTOR_ENFORCED"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import cms.settings.dev as s, cms.settings.test as t; "
            "print(s.TWO_FACTOR_ENFORCED, t.TWO_FACTOR_ENFORCED)",
        ],
        cwd=Path(__file__).resolve().parents[2],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["False", "True"]
