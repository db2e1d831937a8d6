"""One German vocabulary for the approval workflow ("Zur Freigabe einreichen", "Freigeben",
"Änderungen anfordern"; "In Freigabe", "Freigegeben", "Änderungen angefordert") on the buttons,
in the messages, the e-mails, the audit log and the dashboard; a confirmation after every
decision; dashboard texts that fit the reader's role."""

import re

from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext, override

import pytest

from cms.workflow import WAGTAIL_MSGIDS
from tests.profiles.factories import DistrictProfilePageFactory

from .test_permissions import profile_form
from .test_workflow import edit_url, submit, workflow_action

pytestmark = pytest.mark.django_db

# Wagtail's own German for the same things; none of it may reach an editor.
OTHER_WORDS = re.compile(
    r"Moderation|genehmig|Genehmig|ablehn|Ablehn|abgelehnt|Abgelehnt|Reviewer|Gutachter"
)


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def messages_of(response) -> list[str]:
    """The messages' texts (without the buttons Wagtail appends to some)."""
    return [str(message).split("<", 1)[0].strip() for message in response.context["messages"]]


def follow(client, response):
    assert response.status_code == 302, response.content[:500]
    return client.get(response.url)


@pytest.fixture
def submitted(tree, users, client):
    client.force_login(users.essen_editor)
    response = submit(client, tree.katernberg, title="Katernberg (überarbeitet)")
    assert response.status_code == 302
    return tree.katernberg


class TestVocabulary:
    def test_every_replaced_wagtail_string_has_our_german(self):
        with override("de"):
            for msgid in WAGTAIL_MSGIDS:
                german = gettext(msgid)
                assert german != msgid, msgid
                assert not OTHER_WORDS.search(german), german


class TestButtons:
    def test_the_editor_submits_for_approval(self, tree, users, client):
        client.force_login(users.essen_editor)
        text = visible_text(client.get(edit_url(tree.katernberg)).text)
        assert "Zur Freigabe einreichen" in text
        assert "In Freigabe Koordinierungsstelle einreichen" not in text
        assert not OTHER_WORDS.search(text)

    def test_submitting_confirms_with_the_same_words(self, tree, users, client):
        client.force_login(users.essen_editor)
        page = follow(client, submit(client, tree.katernberg, title="Katernberg (neu)"))
        assert "„Katernberg (neu)“ wurde zur Freigabe eingereicht." in messages_of(page)
        assert "live + in Freigabe" in visible_text(page.text)  # the explorer's status

    def test_the_coordination_office_approves_or_requests_changes(self, submitted, users, client):
        client.force_login(users.moderator)
        editor = visible_text(client.get(edit_url(submitted)).text)
        for label in (
            "Freigeben und veröffentlichen",
            "Mit Kommentar freigeben und veröffentlichen",
            "Änderungen anfordern",
            "In Freigabe",
        ):
            assert label in editor, label
        assert not OTHER_WORDS.search(editor)

        dashboard = visible_text(client.get(reverse("wagtailadmin_home")).text)
        for label in ("Warten auf Ihre Freigabe", "Freigeben", "Mit Kommentar freigeben"):
            assert label in dashboard, label
        assert "Änderungen anfordern" in dashboard
        assert not OTHER_WORDS.search(dashboard)

    def test_after_a_request_for_changes_the_editor_resubmits(self, submitted, users, client):
        client.force_login(users.moderator)
        workflow_action(client, submitted, "reject", comment="Bitte die Quelle ergänzen.")
        client.force_login(users.essen_editor)
        text = visible_text(client.get(edit_url(submitted)).text)
        assert "Erneut zur Freigabe einreichen" in text
        assert "Änderungen angefordert" in text
        assert not OTHER_WORDS.search(text)
        dashboard = visible_text(client.get(reverse("wagtailadmin_home")).text)
        assert "Ihre Seiten in Freigabe" in dashboard
        assert "Änderungen angefordert" in dashboard


class TestConfirmations:
    def test_approval_from_the_dashboard_is_confirmed(self, submitted, users, client):
        client.force_login(users.moderator)
        page = follow(client, workflow_action(client, submitted, "approve"))
        assert "„Katernberg (überarbeitet)“ freigegeben und veröffentlicht." in messages_of(page)

    def test_a_request_for_changes_is_confirmed(self, submitted, users, client):
        client.force_login(users.moderator)
        page = follow(client, workflow_action(client, submitted, "reject", comment="Kürzer."))
        assert (
            "Änderungen für „Katernberg (überarbeitet)“ angefordert. Die Seite geht an essen "
            "zurück." in messages_of(page)
        )

    def test_approval_in_the_page_editor_is_confirmed(self, submitted, users, client):
        client.force_login(users.moderator)
        data = profile_form(
            title="Katernberg (überarbeitet)",
            **{"action-workflow-action": "true", "workflow-action-name": "approve"},
        )
        page = follow(client, client.post(edit_url(submitted), data))
        assert "„Katernberg (überarbeitet)“ freigegeben und veröffentlicht." in messages_of(page)

    def test_a_refused_action_confirms_nothing(self, submitted, users, client):
        # the submitter may not approve their own work
        response = workflow_action(client, submitted, "approve")
        page = client.get(response.url)
        assert not any("freigegeben" in message for message in messages_of(page))


class TestMails:
    def test_the_submission_mail(self, submitted):
        [to_office] = [m for m in mail.outbox if m.to == ["koordination@example.org"]]
        assert to_office.subject.startswith(
            "Die Seite „Katernberg (überarbeitet)“ wurde zur Freigabe eingereicht"
        )
        assert not OTHER_WORDS.search(to_office.subject + to_office.body)
        for message in mail.outbox:
            assert not OTHER_WORDS.search(message.subject + message.body), message.subject

    def test_the_request_for_changes_mail(self, submitted, users, client):
        mail.outbox.clear()
        client.force_login(users.moderator)
        workflow_action(client, submitted, "reject", comment="Bitte die Quelle ergänzen.")
        [message] = mail.outbox
        assert message.to == ["essen@example.org"]
        assert "Änderungen angefordert" in message.subject
        assert "koordination hat für die Seite „Katernberg (überarbeitet)“ Änderungen" in (
            message.body
        )
        assert "Bitte die Quelle ergänzen." in message.body
        assert not OTHER_WORDS.search(message.subject + message.body)

    def test_the_approval_mail(self, submitted, users, client):
        mail.outbox.clear()
        client.force_login(users.moderator)
        workflow_action(client, submitted, "approve")
        [message] = mail.outbox
        assert message.to == ["essen@example.org"]
        assert "wurde freigegeben" in message.subject
        assert not OTHER_WORDS.search(message.subject + message.body)


class TestAuditLog:
    def test_the_history_uses_the_same_words(self, submitted, users, client):
        client.force_login(users.moderator)
        workflow_action(client, submitted, "reject", comment="Kürzer.")
        client.force_login(users.essen_editor)
        submit(client, submitted, title="Katernberg (kurz)")
        client.force_login(users.moderator)
        workflow_action(client, submitted, "approve")
        history = visible_text(
            client.get(reverse("wagtailadmin_pages:history", args=(submitted.pk,))).text
        )
        for words in (
            "Zur Freigabe eingereicht",
            "Änderungen angefordert",
            "Erneut zur Freigabe eingereicht",
            "Freigegeben",
            "Freigabe: freigegeben",
        ):
            assert words in history, words
        assert not OTHER_WORDS.search(history)


class TestDashboardByRole:
    @pytest.fixture
    def stale(self, tree):
        return DistrictProfilePageFactory(
            parent=tree.essen, title="Frillendorf", slug="frillendorf", last_reviewed=None
        )

    def stale_panel(self, client) -> str:
        html = client.get(reverse("wagtailadmin_home")).text
        start = html.find('id="stale-profiles-section"')
        assert start != -1
        return visible_text(html[start : html.find('<section class="w-panel', start)])

    def test_a_municipal_editor_reads_about_their_own_profiles(self, stale, users, client):
        client.force_login(users.essen_editor)
        text = self.stale_panel(client)
        assert "Ihre Profile" in text
        assert "Bitte prüfen Sie, ob Ihre Profile noch aktuell sind" in text
        assert "Bitten Sie die" not in text
        assert "Frillendorf" in text

    def test_the_coordination_office_reads_which_municipality_to_ask(self, stale, users, client):
        client.force_login(users.moderator)
        html = client.get(reverse("wagtailadmin_home")).text
        text = self.stale_panel(client)
        assert "Bitten Sie die genannte Kommune" in text
        assert "Ihre Profile" not in text
        assert "Essen" in text
        assert 'href="mailto:essen@example.org"' in html
        assert 'href="mailto:dortmund@example.org"' not in html.split("stale-profiles")[1][:5000]

    def test_the_networks_editors_read_which_municipality_to_ask_too(self, stale, users, client):
        client.force_login(users.editor)  # "Redaktion" may edit profiles, but not for Essen
        text = self.stale_panel(client)
        assert "Bitten Sie die genannte Kommune" in text
        assert "Ihre Profile" not in text
