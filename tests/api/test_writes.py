"""API v3 writes and Wagtail's page list under the project's rules: drafts go to approval,
unknown fields and parameters are refused, topics filter by slug."""

import datetime

from django.contrib.auth.models import Group

from wagtail.models import APIToken, PageLogEntry, Revision, WorkflowState

import pytest

from events.models import EventPage, NewsPage
from tests.conftest import tag
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def bearer(user) -> dict:
    __, plaintext = APIToken.create_token(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderatorin", password="passwort-123456")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def patch(api, page, payload, user):
    return api.patch(
        f"/api/v3/pages/{page.pk}/", payload, content_type="application/json", **bearer(user)
    )


class TestDraftsGoToApproval:
    def test_an_editors_change_is_submitted_to_the_workflow(self, api, network, editor):
        event = network.upcoming_event
        response = patch(api, event, {"city": "Essen", "teaser": "Neu"}, editor)
        assert response.status_code == 200, response.content
        event.refresh_from_db()
        assert event.city == "Hagen", "the live page stays as it was"
        state = event.current_workflow_state
        assert state is not None
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.requested_by == editor
        assert state.current_task_state.revision.as_object().city == "Essen"
        assert PageLogEntry.objects.filter(
            page=event, action="wagtail.workflow.start", user=editor
        ).exists()

    def test_a_page_waiting_for_approval_is_locked_for_its_editor(self, api, network, editor):
        """Wagtail's approval task locks the page for everyone but the approvers."""
        event = network.upcoming_event
        patch(api, event, {"city": "Essen"}, editor)
        second = patch(api, event, {"city": "Bochum"}, editor)
        assert second.status_code == 403
        assert "locked" in second.json()["detail"]
        assert WorkflowState.objects.for_instance(event).count() == 1
        assert EventPage.objects.get(pk=event.pk).get_latest_revision_as_object().city == "Essen"

    def test_a_new_page_by_an_editor_is_a_submitted_draft(self, api, network, editor):
        response = api.post(
            "/api/v3/pages/",
            {
                "title": "Quartiersfest Katernberg",
                "date": "2025-06-01",
                "teaser": "Ein Fest im Quartier.",
                "meta": {"type": "events.NewsPage", "parent_id": network.news_index.pk},
            },
            content_type="application/json",
            **bearer(editor),
        )
        assert response.status_code == 201, response.content
        page = NewsPage.objects.get(title="Quartiersfest Katernberg")
        assert not page.live
        assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        assert api.get(f"/api/v3/pages/{page.pk}/").status_code == 404  # not public

    def test_a_moderator_publishes_directly_and_starts_no_workflow(self, api, network, moderator):
        event = network.upcoming_event
        draft = patch(api, event, {"city": "Dortmund"}, moderator)
        assert draft.status_code == 200
        assert event.current_workflow_state is None, "a moderator's draft needs no approval"
        published = patch(
            api, event, {"city": "Dortmund", "meta": {"action": "publish"}}, moderator
        )
        assert published.status_code == 200, published.content
        event.refresh_from_db()
        assert event.city == "Dortmund"


class TestWritesRefuseBadInput:
    @pytest.mark.parametrize(
        ("payload", "location"),
        [
            ({"city": "Essen", "colour": "grün"}, ["body", "colour"]),
            ({"meta": {"action": "publish", "force": True}}, ["body", "meta.force"]),
            ({"topics": ["buergerbeteiligung"]}, ["body", "topics"]),  # read-only here
        ],
    )
    def test_unknown_fields_are_refused_and_nothing_is_written(
        self, api, network, editor, payload, location
    ):
        event = network.upcoming_event
        revisions = Revision.objects.count()
        response = patch(api, event, payload, editor)
        assert response.status_code == 422, response.content
        assert response["Content-Type"].startswith("application/problem+json")
        assert location in [error["loc"] for error in response.json()["errors"]]
        assert Revision.objects.count() == revisions
        assert event.current_workflow_state is None

    def test_a_wrong_type_is_refused(self, api, network, editor):
        response = patch(api, network.upcoming_event, {"start_date": "nächsten Dienstag"}, editor)
        assert response.status_code == 422
        assert network.upcoming_event.get_latest_revision_as_object().start_date != (
            "nächsten Dienstag"
        )

    def test_unknown_fields_on_create_are_refused(self, api, network, editor):
        response = api.post(
            "/api/v3/pages/",
            {
                "title": "Mit Fantasiefeld",
                "priority": 1,
                "meta": {"type": "events.NewsPage", "parent_id": network.news_index.pk},
            },
            content_type="application/json",
            **bearer(editor),
        )
        assert response.status_code == 422
        assert not NewsPage.objects.filter(title="Mit Fantasiefeld").exists()


class TestPageList:
    def test_topics_filter_by_slug_within_a_type(self, api, network, topics):
        tag(network.upcoming_event, topics.participation)
        EventPageFactory(
            parent=network.events,
            title="Ohne Thema",
            start_date=datetime.date.today() + datetime.timedelta(days=5),
        )
        tagged_events = {network.upcoming_event.pk, network.past_event.pk}
        assert set(network.past_event.topics.values_list("slug", flat=True)) == {
            "buergerbeteiligung"
        }
        data = api.get(
            "/api/v3/pages/", {"type": "events.EventPage", "topics": "buergerbeteiligung"}
        ).json()
        assert {item["id"] for item in data["items"]} == tagged_events
        searched = api.get(
            "/api/v3/pages/", {"topics": "buergerbeteiligung", "search": "Werkstatt"}
        ).json()
        assert [item["title"] for item in searched.get("items", [])] == [
            "Werkstatt Beteiligung"
        ], searched["errors"]

    def test_a_type_field_filter_still_works(self, api, network):
        data = api.get("/api/v3/pages/", {"type": "events.EventPage", "city": "Hagen"}).json()
        assert {item["id"] for item in data["items"]} == set(
            EventPage.objects.filter(city="Hagen", live=True).values_list("pk", flat=True)
        )

    @pytest.mark.parametrize(
        ("params", "name"),
        [
            ({"colour": "grün"}, "colour"),
            ({"topics": "gibt-es-nicht"}, "topics"),
            ({"city": "Essen"}, "city"),  # a field of one type, asked without the type
        ],
    )
    def test_unknown_parameters_and_topics_are_refused(self, api, network, params, name):
        response = api.get("/api/v3/pages/", params)
        assert response.status_code == 422
        assert ["query", name] in [error["loc"] for error in response.json()["errors"]]


@pytest.mark.parametrize("page_id", ["abc", "÷>v", "1.5"])
def test_an_update_of_a_page_id_that_is_no_number_is_refused(api, network, editor, page_id):
    response = api.patch(
        f"/api/v3/pages/{page_id}/",
        {"title": "x"},
        content_type="application/json",
        **bearer(editor),
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["path", "page_id"]


class TestSlugs:
    def test_a_new_page_without_a_slug_gets_the_german_one(self, api, network, editor):
        response = api.post(
            "/api/v3/pages/",
            {
                "title": "Förderrunde für Quartiere",
                "date": "2025-06-01",
                "meta": {"type": "events.NewsPage", "parent_id": network.news_index.pk},
            },
            content_type="application/json",
            **bearer(editor),
        )
        assert response.status_code == 201, response.content
        assert NewsPage.objects.get(title="Förderrunde für Quartiere").slug == (
            "foerderrunde-fuer-quartiere"
        )

    def test_a_given_slug_is_kept(self, api, network, editor):
        response = api.post(
            "/api/v3/pages/",
            {
                "title": "Förderrunde für Quartiere",
                "slug": "foerderung",
                "date": "2025-06-01",
                "meta": {"type": "events.NewsPage", "parent_id": network.news_index.pk},
            },
            content_type="application/json",
            **bearer(editor),
        )
        assert response.status_code == 201, response.content
        assert NewsPage.objects.get(title="Förderrunde für Quartiere").slug == "foerderung"

    def test_a_second_page_of_the_same_title_gets_a_numbered_slug(self, api, network, editor):
        for __ in range(2):
            response = api.post(
                "/api/v3/pages/",
                {
                    "title": "Förderrunde",
                    "date": "2025-06-01",
                    "meta": {"type": "events.NewsPage", "parent_id": network.news_index.pk},
                },
                content_type="application/json",
                **bearer(editor),
            )
            assert response.status_code == 201, response.content
        slugs = NewsPage.objects.filter(title="Förderrunde").values_list("slug", flat=True)
        assert sorted(slugs) == ["foerderrunde", "foerderrunde-2"]
