"""Failed sign-ins lock an account after 10 failures and an address after 30; the login page
says so in German; the coordination office lifts lockouts under Settings → Anmeldesperren."""

import datetime

from django.urls import reverse

import pytest
from axes.models import AccessAttempt
from freezegun import freeze_time

from cms.accounts.network import client_ip

from .conftest import PASSWORD, sign_in, signed_in

pytestmark = pytest.mark.django_db
LOCKED = "Zu viele fehlgeschlagene Anmeldeversuche"


def fail(client, username, times, address="127.0.0.1"):
    for __ in range(times):
        response = sign_in(client, username, "falsches-passwort", address=address)
        assert not signed_in(response)


class TestAccountLockout:
    def test_the_31st_attempt_after_30_failures_is_refused_with_the_right_password(
        self, client, accounts
    ):
        fail(client, "koordination", 30)
        response = sign_in(client, "koordination")
        assert response.status_code == 429
        assert not signed_in(response)
        assert client.get(reverse("wagtailadmin_home")).status_code == 302  # to the login

    def test_an_account_is_locked_after_ten_failures_from_any_addresses(self, client, accounts):
        for number in range(10):
            fail(client, "redaktion", 1, address=f"198.51.100.{number + 1}")
        response = sign_in(client, "redaktion", address="203.0.113.7")
        assert response.status_code == 429
        assert not signed_in(response)

    def test_nine_failures_do_not_lock_the_account(self, client, accounts):
        fail(client, "redaktion", 9)
        assert signed_in(sign_in(client, "redaktion"))

    def test_the_login_page_says_why_in_german(self, client, accounts):
        fail(client, "redaktion", 10)
        response = sign_in(client, "redaktion")
        assert response.status_code == 429
        html = response.content.decode()
        assert LOCKED in html
        assert "Koordinierungsstelle" in html
        assert 'name="username"' in html, "the login form is shown again"

    def test_the_lockout_ends_after_the_cool_off_time(self, client, accounts, settings):
        start = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
        with freeze_time(start):
            fail(client, "redaktion", 10)
            assert sign_in(client, "redaktion").status_code == 429
        minutes = settings.LOGIN_LOCKOUT_MINUTES
        with freeze_time(start + datetime.timedelta(minutes=minutes + 1)):
            assert signed_in(sign_in(client, "redaktion"))


class TestAddressLockout:
    def test_thirty_failures_for_several_accounts_lock_the_address(self, client, accounts):
        for number in range(5):  # 6 each: no account reaches its own limit
            fail(client, f"nutzer{number}", 6, address="192.0.2.10")
        response = sign_in(client, "redaktion", address="192.0.2.10")
        assert response.status_code == 429
        assert not signed_in(response)
        assert signed_in(sign_in(client, "redaktion", address="192.0.2.11")), (
            "other addresses are not affected"
        )

    def test_twenty_nine_failures_do_not_lock_the_address(self, client, accounts):
        for number in range(29):
            fail(client, f"nutzer{number}", 1, address="192.0.2.20")
        assert signed_in(sign_in(client, "redaktion", address="192.0.2.20"))

    def test_a_forged_forwarded_header_does_not_change_the_address(self, client, accounts):
        for number in range(30):
            client.post(
                reverse("wagtailadmin_login"),
                {"username": f"nutzer{number}", "password": "falsch"},
                REMOTE_ADDR="192.0.2.30",
                HTTP_X_FORWARDED_FOR=f"10.0.0.{number}",
            )
        assert sign_in(client, "redaktion", address="192.0.2.30").status_code == 429


class TestClientAddress:
    def request(self, rf, forwarded=None):
        extra = {"REMOTE_ADDR": "10.0.0.2"}
        if forwarded:
            extra["HTTP_X_FORWARDED_FOR"] = forwarded
        return rf.get("/", **extra)

    def test_without_trusted_proxies_the_peer_is_the_client(self, rf, settings):
        settings.TRUSTED_PROXY_COUNT = 0
        assert client_ip(self.request(rf, "203.0.113.9")) == "10.0.0.2"

    def test_with_one_proxy_its_appended_address_is_the_client(self, rf, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        forged_then_real = "198.51.100.66, 203.0.113.9"
        assert client_ip(self.request(rf, forged_then_real)) == "203.0.113.9"

    def test_with_two_proxies_the_second_address_from_the_right(self, rf, settings):
        settings.TRUSTED_PROXY_COUNT = 2
        assert client_ip(self.request(rf, "198.51.100.66, 203.0.113.9, 10.0.0.1")) == (
            "203.0.113.9"
        )

    def test_a_malformed_address_falls_back_to_the_peer(self, rf, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        assert client_ip(self.request(rf, "not-an-address")) == "10.0.0.2"

    def test_the_login_lockout_counts_the_forwarded_client(self, client, accounts, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        for __ in range(10):
            client.post(
                reverse("wagtailadmin_login"),
                {"username": "redaktion", "password": "falsch"},
                REMOTE_ADDR="10.0.0.2",
                HTTP_X_FORWARDED_FOR="203.0.113.9",
            )
        assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}


class TestUnlock:
    url = reverse("accounts_lockouts")

    def test_the_coordination_office_unlocks_an_account(self, client, accounts):
        fail(client, "redaktion", 10)
        client.force_login(accounts.moderator)
        listing = client.get(self.url)
        assert listing.status_code == 200
        assert "redaktion" in listing.content.decode()
        response = client.post(self.url, {"username": "redaktion"})
        assert response.status_code == 302
        assert "data-locked-accounts" not in client.get(self.url).content.decode()
        client.logout()
        assert signed_in(sign_in(client, "redaktion", PASSWORD))

    def test_an_administrator_unlocks_an_address(self, client, accounts):
        for number in range(30):
            fail(client, f"nutzer{number}", 1, address="192.0.2.40")
        client.force_login(accounts.superuser)
        assert "192.0.2.40" in client.get(self.url).content.decode()
        client.post(self.url, {"ip_address": "192.0.2.40"})
        client.logout()
        assert signed_in(sign_in(client, "redaktion", address="192.0.2.40"))

    def test_the_settings_menu_offers_it_to_the_coordination_office(self, client, accounts):
        client.force_login(accounts.moderator)
        assert self.url in client.get(reverse("wagtailadmin_home")).content.decode()

    def test_editors_can_neither_see_nor_unlock(self, client, accounts):
        fail(client, "koordination", 10)
        client.force_login(accounts.editor)
        assert self.url not in client.get(reverse("wagtailadmin_home")).content.decode()
        assert client.get(self.url).status_code in (302, 403)
        client.post(self.url, {"username": "koordination"})
        assert AccessAttempt.objects.filter(username="koordination").exists()

    @pytest.mark.parametrize(
        "data",
        [{}, {"ip_address": "kein-ip"}, {"username": "redaktion", "ip_address": "192.0.2.1"}],
    )
    def test_unusable_input_is_refused_without_a_change(self, client, accounts, data):
        fail(client, "redaktion", 10, address="192.0.2.1")
        client.force_login(accounts.moderator)
        response = client.post(self.url, data)
        assert response.status_code == 400
        assert AccessAttempt.objects.filter(username="redaktion").exists()
