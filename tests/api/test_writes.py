"""API v3 writes and Wagtail's page list under the project's rules: drafts go to approval,
unknown fields and parameters are refused, topics filter by slug."""

import datetime

from django.contrib.auth.models import Group

from wagtail.models import APIToken, PageLogEntry, Revision, WorkflowState

import pytest

from cms.models import Topic
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
            # Fields read through a serializer stay read-only. (``topics`` was the example here
            # until issue 18 made it writable as a list of slugs: see TestTopics.)
            ({"teaser_image": 1}, ["body", "teaser_image"]),
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


def topic_slugs(page) -> set[str]:
    return {topic.slug for topic in page.topics.all()}


def create(api, payload, user):
    return api.post("/api/v3/pages/", payload, content_type="application/json", **bearer(user))


class TestTopics:
    """Issue 18: writes choose topics from the vocabulary, by slug; an unknown one is refused,
    never dropped; topics go through approval like every other field."""

    def test_an_editors_topics_wait_for_approval_on_the_draft(self, api, network, topics, editor):
        event = network.upcoming_event
        live = topic_slugs(event)
        chosen = {topics.participation.slug, topics.economy.slug}
        response = patch(api, event, {"topics": sorted(chosen)}, editor)
        assert response.status_code == 200, response.content
        assert {item["slug"] for item in response.json()["topics"]} == chosen
        event = EventPage.objects.get(pk=event.pk)
        assert topic_slugs(event) == live, "the live page keeps its topics"
        state = event.current_workflow_state
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert topic_slugs(state.current_task_state.revision.as_object()) == chosen
        public = api.get(f"/api/v3/pages/{event.pk}/").json()
        assert {item["slug"] for item in public["topics"]} == live

    def test_a_patch_without_topics_keeps_them(self, api, network, topics, moderator):
        event = network.upcoming_event
        patch(api, event, {"topics": [topics.economy.slug]}, moderator)
        # a second draft that does not name the topics leaves the draft's topics alone
        response = patch(api, event, {"city": "Essen"}, moderator)
        assert response.status_code == 200, response.content
        draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
        assert (draft.city, topic_slugs(draft)) == ("Essen", {topics.economy.slug})

    def test_a_new_page_with_topics_is_a_submitted_draft(self, api, network, topics, editor):
        response = create(
            api,
            {
                "title": "Stadtteilfonds Katernberg",
                "date": "2025-06-01",
                "topics": [topics.economy.slug],
                "meta": {"type": "events.NewsPage", "parent_id": network.news_index.pk},
            },
            editor,
        )
        assert response.status_code == 201, response.content
        page = NewsPage.objects.get(title="Stadtteilfonds Katernberg")
        assert not page.live
        assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        assert topic_slugs(page.get_latest_revision_as_object()) == {topics.economy.slug}

    def test_a_moderator_publishes_topics_and_can_remove_them(
        self, api, network, topics, moderator
    ):
        event = network.upcoming_event
        response = patch(
            api,
            event,
            {"topics": [topics.economy.slug], "meta": {"action": "publish"}},
            moderator,
        )
        assert response.status_code == 200, response.content
        assert topic_slugs(EventPage.objects.get(pk=event.pk)) == {topics.economy.slug}
        listed = api.get(
            "/api/v3/pages/", {"type": "events.EventPage", "topics": topics.economy.slug}
        )
        assert [item["id"] for item in listed.json()["items"]] == [event.pk]
        patch(api, event, {"topics": [], "meta": {"action": "publish"}}, moderator)
        assert topic_slugs(EventPage.objects.get(pk=event.pk)) == set()

    @pytest.mark.parametrize(
        "payload",
        [
            {"topics": ["buergerbeteiligung", "klimaschutz"]},
            {"topics": ["Bürgerbeteiligung"]},  # the label is not the slug
            {"topics": ["buergerbeteiligung", "klima\x00schutz"]},  # not even a slug
        ],
    )
    def test_an_unknown_topic_is_refused_and_nothing_changes(
        self, api, network, topics, editor, payload
    ):
        event = network.upcoming_event
        live = topic_slugs(event)
        revisions = Revision.objects.count()
        response = patch(api, event, payload, editor)
        assert response.status_code == 422, response.content
        assert response["Content-Type"].startswith("application/problem+json")
        unknown = payload["topics"][-1]
        assert [error["loc"] for error in response.json()["errors"]] == [["body", "topics"]]
        assert repr(unknown) in response.json()["errors"][0]["msg"]
        assert Revision.objects.count() == revisions
        assert event.current_workflow_state is None
        assert topic_slugs(EventPage.objects.get(pk=event.pk)) == live

    def test_an_unknown_topic_on_create_is_refused(self, api, network, topics, editor):
        response = create(
            api,
            {
                "title": "Klimaquartier",
                "topics": ["klimaschutz"],
                "meta": {"type": "events.NewsPage", "parent_id": network.news_index.pk},
            },
            editor,
        )
        assert response.status_code == 422, response.content
        assert "'klimaschutz'" in response.json()["errors"][0]["msg"]
        assert not NewsPage.objects.filter(title="Klimaquartier").exists()

    @pytest.mark.parametrize(
        "value", ["buergerbeteiligung", [{"slug": "buergerbeteiligung"}], [1], None]
    )
    def test_topics_are_a_list_of_slugs(self, api, network, topics, editor, value):
        revisions = Revision.objects.count()
        response = patch(api, network.upcoming_event, {"topics": value}, editor)
        assert response.status_code == 422, response.content
        assert Revision.objects.count() == revisions

    def test_the_openapi_document_lists_the_vocabulary(self, api, topics, editor):
        components = api.get("/api/v3/openapi.json").json()["components"]["schemas"]
        slugs = sorted(Topic.objects.values_list("slug", flat=True))
        assert len(slugs) == 2
        for name in ("EventPageCreateSchema", "EventPagePatchSchema", "NewsPageCreateSchema"):
            field = components[name]["properties"]["topics"]
            assert field["type"] == "array", name
            assert field["items"] == {"type": "string", "enum": slugs}, name
            assert "GET /api/v3/topics/" in field["description"]
        # the vocabulary of the moment, not of the start of the process
        Topic.objects.create(name="Wohnen")
        components = api.get("/api/v3/openapi.json").json()["components"]["schemas"]
        items = components["EventPageCreateSchema"]["properties"]["topics"]["items"]
        assert "wohnen" in items["enum"]
        # the schemas per type (README: "Writable fields per type") show the same
        schemas = api.get("/api/v3/schema/events.EventPage/", **bearer(editor)).json()
        for direction in ("create", "patch"):
            field = schemas[direction]["properties"]["topics"]
            assert field["items"]["enum"] == [*slugs, "wohnen"], direction
        assert "topics" in schemas["read"]["properties"]


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
