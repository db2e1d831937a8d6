import re

from django.db import IntegrityError
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

import pytest

from cms.models import TaggedPage, Topic, german_slugify
from tests.cms.factories import TopicFactory, TopicLabelFactory
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Bürgerbeteiligung und -aktivierung", "burgerbeteiligung-und-aktivierung"),
        ("Förderung der lokalen Ökonomie", "forderung-der-lokalen-okonomie"),
        ("Straße & Grün", "strasse-grun"),
    ],
)
def test_slugify_spells_umlauts_the_german_way(name, slug):
    expected = (
        slug.replace("burger", "buerger")
        .replace("forderung", "foerderung")
        .replace("okonomie", "oekonomie")
        .replace("grun", "gruen")
    )
    assert german_slugify(name) == expected


def test_new_topic_gets_an_ascii_slug_from_its_label():
    topic = Topic.objects.create(name="Ökologie und Umweltgerechtigkeit")
    assert topic.slug == "oekologie-und-umweltgerechtigkeit"


def test_slug_stays_stable_when_the_label_changes():
    topic = Topic.objects.create(name="Bildung")
    topic.name = "Bildung und Lernen"
    topic.save()
    topic.refresh_from_db()
    assert topic.slug == "bildung"


def test_slugs_are_unique_even_for_similar_labels():
    first = Topic.objects.create(name="Kultur")
    second = Topic.objects.create(name="Kultur!")
    assert first.slug == "kultur"
    assert second.slug != first.slug
    with pytest.raises(IntegrityError):
        Topic.objects.create(name="Etwas anderes", slug="kultur")


def test_label_follows_the_active_language_with_german_fallback():
    topic = TopicFactory(name="Lokale Ökonomie", description="Gewerbe im Quartier")
    other = TopicFactory(name="Gender Mainstreaming")
    TopicLabelFactory(topic=topic, label="Local economy", description="Local businesses")
    with translation.override("en"):
        assert topic.label == "Local economy"
        assert topic.localized_description == "Local businesses"
        assert other.label == "Gender Mainstreaming"  # no English label: German
    with translation.override("de"):
        assert topic.label == "Lokale Ökonomie"


def test_changed_label_is_visible_at_once(django_assert_num_queries):
    label = TopicLabelFactory(label="Old")
    assert label.topic.label_for("en") == "Old"
    with django_assert_num_queries(0):
        assert label.topic.label_for("en") == "Old"  # cached vocabulary
    label.label = "New"
    label.save()
    assert label.topic.label_for("en") == "New"


def test_one_through_model_tags_pages_of_any_type(home):
    topic = TopicFactory()
    page = ContentPageFactory(parent=home)
    page.topics.add(topic)
    page.save_revision().publish()
    home.topics.add(topic)
    home.save()
    tagged = TaggedPage.objects.filter(tag=topic).values_list("content_object_id", flat=True)
    assert set(tagged) == {page.pk, home.pk}


def test_topic_is_a_controlled_vocabulary():
    assert Topic.free_tagging is False


class TestTopicChooser:
    """Editors tick topics of the vocabulary; nothing else is accepted or created."""

    def add_url(self, home):
        return reverse("wagtailadmin_pages:add", args=("home", "contentpage", home.pk))

    def post_page(self, client, home, topics: list[str]):
        return client.post(
            self.add_url(home),
            {
                "title": "Neue Seite",
                "slug": "neue-seite",
                "teaser": "",
                "topics": topics,
                "body-count": "0",
                "action-publish": "publish",
            },
        )

    def test_the_whole_vocabulary_is_offered_with_german_labels(self, admin_client, home):
        education = TopicFactory(name="Bildung")
        participation = TopicFactory(name="Bürgerbeteiligung")
        response = admin_client.get(self.add_url(home))
        assert response.status_code == 200
        html = response.content.decode()
        for topic in (education, participation):
            assert f'type="checkbox" name="topics" value="{topic.pk}"' in html
            assert topic.name in html
        assert html.index("Bildung") < html.index("Bürgerbeteiligung")

    def test_unknown_topic_is_refused_with_a_message(self, admin_client, home):
        topic = TopicFactory(name="Bildung")
        response = self.post_page(admin_client, home, [str(topic.pk), "Erfundenes Thema"])
        assert response.status_code == 200
        form = response.context["form"]
        assert "topics" in form.errors
        assert "Erfundenes Thema" in form.errors["topics"][0]
        assert not Topic.objects.filter(name="Erfundenes Thema").exists()
        assert not Page.objects.child_of(home).filter(slug="neue-seite").exists()

    def test_a_topic_id_that_does_not_exist_is_refused(self, admin_client, home):
        response = self.post_page(admin_client, home, ["999999"])
        assert response.status_code == 200
        assert "999999" in response.context["form"].errors["topics"][0]
        assert not Page.objects.child_of(home).filter(slug="neue-seite").exists()

    def test_chosen_topics_are_saved_and_shown_ticked_when_editing(self, admin_client, home):
        topic, other = TopicFactory(name="Bildung"), TopicFactory(name="Wohnen")
        response = self.post_page(admin_client, home, [str(topic.pk)])
        assert response.status_code == 302
        page = Page.objects.child_of(home).get(slug="neue-seite").specific
        assert list(page.topics.all()) == [topic]
        assert Topic.objects.count() == 2

        edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        html = edit.content.decode()
        assert re.search(rf'value="{topic.pk}"[^>]*checked', html)
        assert not re.search(rf'value="{other.pk}"[^>]*checked', html)

    def test_no_topics_is_fine(self, admin_client, home):
        response = self.post_page(admin_client, home, [""])
        assert response.status_code == 302
        page = Page.objects.child_of(home).get(slug="neue-seite").specific
        assert list(page.topics.all()) == []
