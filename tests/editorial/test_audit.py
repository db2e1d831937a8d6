"""Audit: Wagtail's log records who changed, submitted, approved and published a page."""

from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest

from .test_permissions import profile_form
from .test_workflow import edit_url, submit, workflow_action

pytestmark = pytest.mark.django_db


def log(page):
    return [
        (entry.action, entry.user.username if entry.user else None)
        for entry in PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk")
    ]


def test_the_log_names_who_edited_submitted_approved_and_published(tree, users, client):
    page = tree.katernberg
    client.force_login(users.essen_editor)
    client.post(edit_url(page), profile_form(title="Katernberg (Entwurf)"))
    submit(client, page, title="Katernberg (eingereicht)")
    client.force_login(users.moderator)
    workflow_action(client, page, "approve", comment="Passt.")

    entries = log(page)
    assert entries[0] == ("wagtail.create", None)  # made by the test's factory
    assert entries[1:] == [
        ("wagtail.edit", "essen"),
        ("wagtail.edit", "essen"),
        ("wagtail.workflow.start", "essen"),
        ("wagtail.workflow.approve", "koordination"),
        ("wagtail.rename", "koordination"),  # the approved title went live
        ("wagtail.publish", "koordination"),
    ]
    approval = PageLogEntry.objects.get(page=page, action="wagtail.workflow.approve")
    assert approval.data["comment"] == "Passt."


def test_requested_changes_are_logged_with_the_comment(tree, users, client):
    client.force_login(users.essen_editor)
    submit(client, tree.katernberg, title="Katernberg (eingereicht)")
    client.force_login(users.moderator)
    workflow_action(client, tree.katernberg, "reject", comment="Bitte Quelle nennen.")
    entry = PageLogEntry.objects.get(page=tree.katernberg, action="wagtail.workflow.reject")
    assert entry.user == users.moderator
    assert entry.data["comment"] == "Bitte Quelle nennen."
    assert not PageLogEntry.objects.filter(page=tree.katernberg, action="wagtail.publish")


def test_refused_actions_leave_no_trace(tree, users, client):
    client.force_login(users.essen_editor)
    before = PageLogEntry.objects.count()
    client.post(edit_url(tree.nordstadt), profile_form(title="Nordstadt (übernommen)"))
    client.post(reverse("wagtailadmin_pages:delete", args=(tree.nordstadt.pk,)))
    assert PageLogEntry.objects.count() == before


def test_the_history_is_readable_in_the_admin(tree, users, client):
    client.force_login(users.essen_editor)
    submit(client, tree.katernberg, title="Katernberg (eingereicht)")
    client.force_login(users.moderator)
    workflow_action(client, tree.katernberg, "approve")

    response = client.get(reverse("wagtailadmin_pages:history", args=(tree.katernberg.pk,)))
    assert response.status_code == 200
    html = response.text
    for name in ("essen", "koordination"):
        assert name in html or name.capitalize() in html
    report = client.get(reverse("wagtailadmin_reports:site_history"))
    assert report.status_code == 200
    assert "Katernberg (eingereicht)" in report.text
