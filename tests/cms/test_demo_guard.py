"""Demo and development commands refuse production settings unless forced
(cms.management.demo_guard)."""

import io

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from wagtail.models import Page

import pytest

from cms.demo import synthetic
from cms.management.demo_guard import FORCE_FLAG

pytestmark = pytest.mark.django_db

DEMO_COMMANDS = [
    "load_demo_content",
    "generate_content",
    "ensure_dev_superuser",
    "ensure_dev_users",
]


@pytest.mark.parametrize("command", DEMO_COMMANDS)
@override_settings(DEMO_COMMANDS_ALLOWED=False)
def test_refused_under_production_settings_in_german_and_english(command):
    with pytest.raises(CommandError) as refused:
        call_command(command, verbosity=0, stdout=io.StringIO())
    message = str(refused.value)
    assert "gesperrt" in message
    assert "is refused" in message
    assert "DEMO_COMMANDS_ALLOWED" in message
    assert FORCE_FLAG in message


@override_settings(DEMO_COMMANDS_ALLOWED=False)
def test_a_refused_command_writes_nothing():
    pages, users = Page.objects.count(), get_user_model().objects.count()
    for command in DEMO_COMMANDS:
        with pytest.raises(CommandError):
            call_command(command, verbosity=0, stdout=io.StringIO())
    assert Page.objects.count() == pages
    assert get_user_model().objects.count() == users


@override_settings(DEMO_COMMANDS_ALLOWED=False)
def test_the_dev_superuser_is_created_only_when_forced():
    out, err = io.StringIO(), io.StringIO()
    call_command("ensure_dev_superuser", force_production=True, stdout=out, stderr=err)
    assert get_user_model().objects.get(username="admin").is_superuser
    assert FORCE_FLAG in err.getvalue()  # the forced run says so


@override_settings(DEMO_COMMANDS_ALLOWED=False)
def test_generate_content_when_forced_goes_on_to_its_own_checks():
    with pytest.raises(CommandError, match="load_demo_content"):
        call_command("generate_content", pages=5, force_production=True, verbosity=0)
    assert not Page.objects.filter(slug__startswith=synthetic.SLUG_PREFIX).exists()


@override_settings(DEMO_COMMANDS_ALLOWED=False)
def test_the_demo_logins_when_forced(home, capsys):
    call_command("ensure_dev_users", force_production=True)
    assert "koordination" in capsys.readouterr().out


@override_settings(DEV_SUPERUSER_ALLOWED=False)
def test_dev_logins_still_need_the_dev_superuser_setting():
    with pytest.raises(CommandError, match="DEV_SUPERUSER_ALLOWED"):
        call_command("ensure_dev_superuser", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username="admin").exists()


def test_allowed_in_the_development_and_test_settings():
    from cms.settings import dev

    assert settings.DEMO_COMMANDS_ALLOWED
    assert dev.DEMO_COMMANDS_ALLOWED
    call_command("ensure_dev_superuser", stdout=io.StringIO())
    assert get_user_model().objects.filter(username="admin").exists()
