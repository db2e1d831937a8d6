"""Queries about the topic vocabulary that any app (and the API) may ask: the one place that
answers "which topics do these pages have" for every list, feed and API endpoint."""

from collections.abc import Iterable

from cms.models import TaggedPage, Topic
from cms.models.topics import topic_vocabulary


def _page_ids(pages: Iterable) -> list[int]:
    return [page if isinstance(page, int) else page.pk for page in pages]


def topic_slugs_of(pages: Iterable) -> dict[int, list[str]]:
    """Each page's topic slugs (pages or page ids), in the order of the topics' German names:
    one query for all pages, none when there are none."""
    ids = _page_ids(pages)
    result: dict[int, list[str]] = {page_id: [] for page_id in ids}
    if not ids:
        return result
    rows = (
        TaggedPage.objects.filter(content_object_id__in_array=ids)
        .order_by("tag__name")
        .values_list("content_object_id", "tag__slug")
    )
    for page_id, slug in rows:
        result[page_id].append(slug)
    return result


def topics_of(pages: Iterable) -> dict[int, list[Topic]]:
    """Each page's topics as ``Topic`` objects of the cached vocabulary (their labels in any
    language without further queries): one query for all pages."""
    vocabulary = topic_vocabulary()
    return {
        page_id: [vocabulary[slug] for slug in slugs if slug in vocabulary]
        for page_id, slugs in topic_slugs_of(pages).items()
    }
