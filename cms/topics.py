"""Queries about the topic vocabulary that any app (and the API) may ask."""

from django.db.models import Count

from wagtail.models import Page

from cms.models import TaggedPage, Topic
from cms.querysets import visible


def topic_counts(locale) -> list[tuple[Topic, int]]:
    """All topics with the number of visible pages of the language tagged with them, in the
    order of their labels in the active language."""
    counts = dict(
        TaggedPage.objects.filter(content_object__in=visible(Page.objects.filter(locale=locale)))
        .values_list("tag_id")
        .annotate(total=Count("content_object", distinct=True))
        .values_list("tag_id", "total")
    )
    topics = sorted(Topic.objects.all(), key=lambda topic: topic.label.casefold())
    return [(topic, counts.get(topic.pk, 0)) for topic in topics]
