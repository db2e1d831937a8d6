"""Scheduled publishing: go-live and expiry dates take effect when the scheduler runs."""

import datetime
import logging
import signal
from unittest import mock
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest
from freezegun import freeze_time

from cms.management.commands.run_scheduler import Command as SchedulerCommand
from tests.home.factories import ContentPageFactory

BERLIN = ZoneInfo("Europe/Berlin")
MORNING = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN)
GO_LIVE = datetime.datetime(2026, 3, 2, 12, 0, tzinfo=BERLIN)


def run_scheduler_once():
    call_command("run_scheduler", "--once")


@pytest.fixture
def frozen_clock():
    with freeze_time(MORNING) as clock:
        yield clock


@pytest.fixture
def scheduled_page(home, frozen_clock):
    """A new page, approved for publication at noon but not published yet."""
    page = ContentPageFactory(parent=home, title="Neue Förderrichtlinie", live=False)
    page.go_live_at = GO_LIVE
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_page_scheduled_for_the_future_is_not_live_yet(client, scheduled_page):
    assert not scheduled_page.live
    assert scheduled_page.get_latest_revision().approved_go_live_at == GO_LIVE
    run_scheduler_once()

    scheduled_page.refresh_from_db()
    assert not scheduled_page.live
    assert client.get(scheduled_page.url).status_code == 404


def test_scheduled_page_goes_live_once_the_time_has_come(client, scheduled_page, frozen_clock):
    frozen_clock.move_to(GO_LIVE + datetime.timedelta(minutes=1))
    run_scheduler_once()

    scheduled_page.refresh_from_db()
    assert scheduled_page.live
    assert scheduled_page.get_latest_revision().approved_go_live_at is None
    response = client.get(scheduled_page.url)
    assert response.status_code == 200
    assert "Neue Förderrichtlinie" in response.text


def test_scheduled_changes_to_a_live_page_wait_for_their_time(client, home, frozen_clock):
    page = ContentPageFactory(parent=home, title="Zielsetzung")
    page.title = "Zielsetzung 2027"
    page.go_live_at = GO_LIVE
    page.save_revision().publish()

    run_scheduler_once()
    assert "Zielsetzung 2027" not in client.get(page.url).text

    frozen_clock.move_to(GO_LIVE + datetime.timedelta(minutes=1))
    run_scheduler_once()
    assert "Zielsetzung 2027" in client.get(page.url).text


def test_page_expires_at_its_expiry_date(client, home, frozen_clock):
    expiry = GO_LIVE + datetime.timedelta(days=7)
    page = ContentPageFactory(parent=home, title="Aufruf zur Werkstatt")
    page.expire_at = expiry
    page.save_revision().publish()
    run_scheduler_once()
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200

    frozen_clock.move_to(expiry + datetime.timedelta(minutes=1))
    run_scheduler_once()

    page.refresh_from_db()
    assert not page.live
    assert page.expired
    assert client.get(page.url).status_code == 404


def test_scheduler_logs_what_it_published(scheduled_page, frozen_clock, caplog):
    frozen_clock.move_to(GO_LIVE + datetime.timedelta(minutes=1))
    with caplog.at_level(logging.INFO, logger="cms.scheduler"):
        run_scheduler_once()
    assert "1 published, 0 unpublished" in caplog.text


def test_worker_runs_passes_until_sigterm_and_restores_the_handler():
    passes = []

    def run_pass(self, *, raise_errors):
        passes.append(raise_errors)
        if len(passes) == 2:
            signal.raise_signal(signal.SIGTERM)  # what `docker stop` or systemd sends

    before = signal.getsignal(signal.SIGTERM)
    with (
        mock.patch.object(SchedulerCommand, "run_pass", run_pass),
        mock.patch("threading.Event.wait") as wait,
    ):
        call_command("run_scheduler", "--interval", "5")

    assert passes == [False, False]  # in the loop, errors are logged, not raised
    wait.assert_called_with(5)
    assert signal.getsignal(signal.SIGTERM) is before


def test_worker_stops_cleanly_on_keyboard_interrupt():
    with (
        mock.patch.object(SchedulerCommand, "run_pass", side_effect=KeyboardInterrupt),
        mock.patch("threading.Event.wait"),
    ):
        call_command("run_scheduler")  # returns instead of raising


def test_worker_keeps_running_when_a_pass_fails(db, caplog):
    calls = []

    def publish_scheduled(name, **kwargs):
        calls.append(name)
        if len(calls) == 1:
            raise RuntimeError("database restarting")
        signal.raise_signal(signal.SIGTERM)

    with (
        mock.patch(
            "cms.management.commands.run_scheduler.call_command", side_effect=publish_scheduled
        ),
        mock.patch("threading.Event.wait"),
        caplog.at_level(logging.ERROR, logger="cms.scheduler"),
    ):
        call_command("run_scheduler")

    assert calls == ["publish_scheduled", "publish_scheduled"]
    assert "publish_scheduled failed" in caplog.text


def test_interval_must_be_positive():
    with pytest.raises(CommandError, match="interval"):
        call_command("run_scheduler", "--interval", "0")
