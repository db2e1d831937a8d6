"""The approval workflow "Freigabe Koordinierungsstelle" as people use it in the admin: a
municipal editor submits, the coordination office approves (the page goes live) or requests
changes with a comment (the draft goes back to its author); everyone concerned gets an e-mail."""

from django.core import mail
from django.urls import reverse

from wagtail.models import Comment, Page, TaskState, WorkflowState

import pytest

from cms.roles import APPROVAL_TASK_NAME, WORKFLOW_NAME

from .test_permissions import latest_title, profile_form

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def submit(client, page, **fields):
    data = profile_form(**fields, **{"action-submit": "submit"})
    return client.post(edit_url(page), data)


def workflow_action(client, page, action, comment=""):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})


def workflow_state(page):
    return WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-pk").first()


def recipients(messages):
    return sorted(address for message in messages for address in message.to)


@pytest.fixture
def submitted(tree, users, client):
    """Katernberg with a new title, submitted by the Essen editor (mails cleared)."""
    client.force_login(users.essen_editor)
    response = submit(client, tree.katernberg, title="Katernberg (überarbeitet)")
    assert response.status_code == 302
    return tree.katernberg


class TestSubmitToLive:
    def test_submitting_starts_the_coordination_offices_workflow(self, submitted):
        state = workflow_state(submitted)
        assert state.workflow.name == WORKFLOW_NAME
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.requested_by.username == "essen"
        assert state.current_task_state.task.name == APPROVAL_TASK_NAME

    def test_the_live_page_is_untouched_while_in_moderation(self, submitted, client):
        page = Page.objects.get(pk=submitted.pk)
        assert page.live
        assert page.title == "Katernberg"
        assert latest_title(page) == "Katernberg (überarbeitet)"
        client.logout()
        assert "überarbeitet" not in client.get(page.url).text

    def test_the_coordination_office_is_notified(self, submitted):
        # the moderators' group and the administrators (who get Wagtail's workflow and task
        # notices both); neither the submitter nor other editors
        assert set(recipients(mail.outbox)) == {"admin@example.org", "koordination@example.org"}
        assert all("Katernberg" in message.subject for message in mail.outbox)

    def test_the_submitter_cannot_approve_their_own_work(self, submitted, client):
        response = workflow_action(client, submitted, "approve")
        assert response.status_code == 302
        assert workflow_state(submitted).status == WorkflowState.STATUS_IN_PROGRESS
        assert Page.objects.get(pk=submitted.pk).title == "Katernberg"

    def test_the_submitter_cannot_edit_while_it_is_in_moderation(self, submitted, client):
        """The group approval task locks the page for everyone outside the approving group."""
        submit(client, submitted, title="Katernberg (noch einmal)")
        assert latest_title(submitted) == "Katernberg (überarbeitet)"

    def test_approval_publishes_and_tells_the_submitter(self, submitted, users, client):
        mail.outbox.clear()
        client.force_login(users.moderator)
        response = workflow_action(client, submitted, "approve", comment="Danke!")
        assert response.status_code == 302
        page = Page.objects.get(pk=submitted.pk)
        assert page.live
        assert page.title == "Katernberg (überarbeitet)"
        assert not page.has_unpublished_changes
        assert workflow_state(page).status == WorkflowState.STATUS_APPROVED
        assert recipients(mail.outbox) == ["essen@example.org"]
        client.logout()
        assert "Katernberg (überarbeitet)" in client.get(page.url).text


class TestRequestChanges:
    def test_request_changes_with_a_comment_goes_back_to_the_author(
        self, submitted, users, client
    ):
        mail.outbox.clear()
        client.force_login(users.moderator)
        workflow_action(client, submitted, "reject", comment="Bitte die Quelle ergänzen.")

        state = workflow_state(submitted)
        assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
        task_state = state.current_task_state
        assert task_state.status == TaskState.STATUS_REJECTED
        assert task_state.get_comment() == "Bitte die Quelle ergänzen."
        page = Page.objects.get(pk=submitted.pk)
        assert page.title == "Katernberg"  # nothing went live
        assert latest_title(page) == "Katernberg (überarbeitet)"  # the draft is kept

        [message] = mail.outbox
        assert message.to == ["essen@example.org"]
        assert "Bitte die Quelle ergänzen." in message.body

    def test_the_author_revises_and_resubmits_then_it_is_approved(self, submitted, users, client):
        client.force_login(users.moderator)
        workflow_action(client, submitted, "reject", comment="Bitte kürzer.")

        client.force_login(users.essen_editor)
        response = submit(client, submitted, title="Katernberg (kurz)")
        assert response.status_code == 302
        state = workflow_state(submitted)
        assert state.status == WorkflowState.STATUS_IN_PROGRESS  # resumed, not a new one
        assert WorkflowState.objects.filter(object_id=str(submitted.pk)).count() == 1

        client.force_login(users.moderator)
        workflow_action(client, submitted, "approve")
        assert Page.objects.get(pk=submitted.pk).title == "Katernberg (kurz)"


class TestBadInput:
    def test_an_invalid_submission_shows_field_errors_and_keeps_the_draft(
        self, tree, users, client
    ):
        client.force_login(users.essen_editor)
        client.post(edit_url(tree.katernberg), profile_form(title="Katernberg (Entwurf)"))
        mail.outbox.clear()

        response = submit(client, tree.katernberg, funding_start="2016", funding_end="2010")

        assert response.status_code == 200
        assert "funding_end" in response.context["form"].errors
        assert latest_title(tree.katernberg) == "Katernberg (Entwurf)"
        assert workflow_state(tree.katernberg) is None
        assert mail.outbox == []

    def test_editors_cannot_submit_pages_outside_their_municipality(self, tree, users, client):
        client.force_login(users.essen_editor)
        response = submit(client, tree.nordstadt, title="Nordstadt (übernommen)")
        assert response["Location"] == reverse("wagtailadmin_home")
        assert workflow_state(tree.nordstadt) is None
        assert latest_title(tree.nordstadt) == "Nordstadt"


class TestEditorialTools:
    def test_editors_comment_on_their_drafts(self, tree, users, client):
        client.force_login(users.essen_editor)
        data = profile_form(
            **{
                "comments-TOTAL_FORMS": "1",
                "comments-INITIAL_FORMS": "0",
                "comments-MIN_NUM_FORMS": "0",
                "comments-MAX_NUM_FORMS": "1000",
                "comments-0-contentpath": "title",
                "comments-0-text": "Ist der Name so richtig?",
                "comments-0-replies-TOTAL_FORMS": "0",
                "comments-0-replies-INITIAL_FORMS": "0",
                "comments-0-replies-MIN_NUM_FORMS": "0",
                "comments-0-replies-MAX_NUM_FORMS": "1000",
            }
        )
        assert client.post(edit_url(tree.katernberg), data).status_code == 302
        comment = Comment.objects.get(page=tree.katernberg)
        assert (comment.user, comment.text) == (users.essen_editor, "Ist der Name so richtig?")

    def test_moderators_lock_pages_and_editors_then_cannot_save(self, tree, users, client):
        client.force_login(users.moderator)
        client.post(reverse("wagtailadmin_pages:lock", args=(tree.katernberg.pk,)))
        assert Page.objects.get(pk=tree.katernberg.pk).locked

        client.force_login(users.essen_editor)
        client.post(edit_url(tree.katernberg), profile_form(title="Katernberg (gesperrt?)"))
        assert latest_title(tree.katernberg) == "Katernberg"
        # and only those with the unlock permission (or the lock's owner) may unlock it
        client.post(reverse("wagtailadmin_pages:unlock", args=(tree.katernberg.pk,)))
        assert Page.objects.get(pk=tree.katernberg.pk).locked

    def test_municipal_editors_cannot_lock(self, tree, users, client):
        assert not tree.katernberg.permissions_for_user(users.essen_editor).can_lock()
        assert tree.katernberg.permissions_for_user(users.moderator).can_lock()

    def test_revisions_keep_every_draft_and_the_author(self, tree, users, client):
        client.force_login(users.essen_editor)
        client.post(edit_url(tree.katernberg), profile_form(title="Katernberg 1"))
        client.post(edit_url(tree.katernberg), profile_form(title="Katernberg 2"))
        revisions = Page.objects.get(pk=tree.katernberg.pk).revisions.order_by("pk")
        assert [r.as_object().title for r in revisions][-2:] == ["Katernberg 1", "Katernberg 2"]
        assert {r.user for r in revisions[1:]} == {users.essen_editor}
        response = client.get(reverse("wagtailadmin_pages:history", args=(tree.katernberg.pk,)))
        assert response.status_code == 200
