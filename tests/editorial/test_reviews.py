"""Yearly review of the district profiles: reminders (once per profile and period), the monthly
summary for the coordination office, and "Als geprüft markieren" with its audit entry."""

import datetime

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest
from freezegun import freeze_time

from cms.jobs import run_due_jobs
from cms.roles import MODERATORS
from profiles.models import DistrictProfilePage, ReviewReminder, ReviewSummary
from profiles.reviews import MARK_REVIEWED, send_review_reminders
from profiles.roles import municipality_group_of
from tests.editorial.conftest import make_user
from tests.profiles.factories import DistrictProfilePageFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def world(tree, django_user_model):
    essen_group = municipality_group_of(tree.essen)
    tree.essen_editor = make_user(django_user_model, "essen", essen_group)
    make_user(django_user_model, "essen-alt", essen_group, is_active=False)
    tree.office = make_user(
        django_user_model,
        "koordination",
        Group.objects.get(name=MODERATORS),
    )
    with freeze_time("2024-01-10"):
        tree.old = DistrictProfilePageFactory(
            parent=tree.essen, title="Altendorf", last_reviewed=datetime.date(2025, 6, 1)
        )
        tree.never = DistrictProfilePageFactory(parent=tree.essen, title="Vogelheim")
        for page in (tree.old, tree.never):
            page.save_revision().publish()  # first published two years ago
    tree.fresh = DistrictProfilePageFactory(
        parent=tree.essen, title="Frisch", last_reviewed=datetime.date(2026, 10, 1)
    )
    return tree


def test_due_profiles_are_reminded_once_and_the_office_gets_one_summary(world):
    mail.outbox.clear()
    with freeze_time(TODAY):
        result = send_review_reminders()
    reminders = {
        title: message
        for message in mail.outbox
        if message.to == ["essen@example.org"]
        for title in ("Altendorf", "Vogelheim")
        if title in message.subject
    }
    assert sorted(reminders) == ["Altendorf", "Vogelheim"]
    assert len(mail.outbox) == 3  # two reminders (not to the inactive account), one summary
    edit = reverse("wagtailadmin_pages:edit", args=(world.old.pk,))
    assert edit in reminders["Altendorf"].body
    (summary,) = [m for m in mail.outbox if m.to == ["koordination@example.org"]]
    assert "Essen:" in summary.body
    assert "Altendorf" in summary.body
    assert "Vogelheim" in summary.body
    assert "Frisch" not in summary.body
    assert result == "2 reminders, 1 summary"

    mail.outbox.clear()
    with freeze_time(TODAY + datetime.timedelta(days=3)):
        assert send_review_reminders() == ""
    assert mail.outbox == []
    assert ReviewReminder.objects.count() == 2
    assert ReviewSummary.objects.count() == 1


def test_next_month_brings_a_new_summary_but_no_repeated_reminders(world):
    with freeze_time(TODAY):
        send_review_reminders()
    mail.outbox.clear()
    with freeze_time(datetime.date(2027, 1, 2)):
        send_review_reminders()
    assert [m.to for m in mail.outbox] == [["koordination@example.org"]]


def test_a_reviewed_profile_is_reminded_again_a_year_later(world, client):
    with freeze_time(TODAY):
        send_review_reminders()
        client.force_login(world.essen_editor)
        client.post(reverse("profiles_mark_reviewed", args=(world.old.pk,)))
    mail.outbox.clear()
    with freeze_time(TODAY + datetime.timedelta(days=366)):
        send_review_reminders()
    reminded = [m.subject for m in mail.outbox if m.to == ["essen@example.org"]]
    assert any("Altendorf" in subject for subject in reminded)


def test_mark_as_reviewed_sets_the_date_everywhere_and_is_audited(world, client):
    client.force_login(world.essen_editor)
    with freeze_time(TODAY):
        response = client.post(
            reverse("profiles_mark_reviewed", args=(world.old.pk,)), {"next": "/admin/"}
        )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    page = DistrictProfilePage.objects.get(pk=world.old.pk)
    assert page.last_reviewed == TODAY
    assert page.get_latest_revision().as_object().last_reviewed == TODAY
    entry = PageLogEntry.objects.filter(page=page, action=MARK_REVIEWED).get()
    assert entry.user == world.essen_editor
    assert entry.data == {"last_reviewed": TODAY.isoformat()}
    assert entry.message == "Als geprüft markiert"


def test_mark_as_reviewed_needs_edit_permission_and_post(world, client, django_user_model):
    other = make_user(django_user_model, "dortmund", municipality_group_of(world.dortmund))
    client.force_login(other)
    url = reverse("profiles_mark_reviewed", args=(world.old.pk,))
    refused = client.post(url)  # Wagtail answers a refused admin request with a redirect
    assert refused.status_code in (302, 403)
    assert not PageLogEntry.objects.filter(action=MARK_REVIEWED).exists()
    client.force_login(world.essen_editor)
    assert client.get(url).status_code == 405
    assert client.post(reverse("profiles_mark_reviewed", args=(999999,))).status_code == 404
    assert DistrictProfilePage.objects.get(pk=world.old.pk).last_reviewed == datetime.date(
        2025, 6, 1
    )


def test_the_dashboard_offers_the_action(world, client):
    client.force_login(world.essen_editor)
    html = client.get(reverse("wagtailadmin_home")).text
    assert reverse("profiles_mark_reviewed", args=(world.old.pk,)) in html
    assert "Als geprüft markieren" in html


def test_the_scheduler_runs_the_reminders_hourly(world):
    last_runs = {}
    with freeze_time(TODAY):
        assert "profiles.jobs.review_reminders" in run_due_jobs(last_runs, raise_errors=True)
        assert run_due_jobs(last_runs, raise_errors=True) == []
    with freeze_time(datetime.datetime(2026, 12, 1, 1, 1)):
        assert "profiles.jobs.review_reminders" in run_due_jobs(last_runs, raise_errors=True)


def test_the_command_sends_the_same(world, capsys):
    with freeze_time(TODAY):
        call_command("send_review_reminders")
    assert "2 reminders, 1 summary" in capsys.readouterr().out
