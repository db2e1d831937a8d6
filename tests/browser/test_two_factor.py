"""The second factor in a real browser: a coordination-office login is sent to the setup page,
sets up the authenticator app from the QR code drawn on the page, gets its recovery codes and
reaches the dashboard."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.conftest import PASSWORD, totp_code
from tests.accounts.conftest import accounts as accounts  # the fixture

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.second_factor,
]


def test_moderator_sets_up_the_second_factor_and_reaches_the_dashboard(
    browser_page, live_server, accounts
):
    page = browser_page
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", accounts.moderator.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/two-factor/\?next="))
    assert page.locator("main svg title", has_text="QR-Code").count() == 1

    device = TOTPDevice.objects.get(user=accounts.moderator, confirmed=False)
    page.fill("#id_token", totp_code(device))
    page.locator("form[action$='/two-factor/'] button[type=submit]").click()
    page.locator(".recovery-codes li").first.wait_for()
    assert page.locator(".recovery-codes li").count() == 10
    page.locator("a.button", has_text="Weiter").click()
    page.wait_for_url(re.compile(r"/admin/$"))
