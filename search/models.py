"""Stored rows of the topic hubs (``cms.listing.stored``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.models.listing import CACHED


class TopicPage(models.Model):
    """A visible page (below the start pages) with one of its topics: what a topic hub orders
    and counts, one row per page and topic (``search.hubs.TOPIC_PAGES``)."""

    topic = models.ForeignKey("cms.Topic", db_index=False, **CACHED)
    page = models.ForeignKey("wagtailcore.Page", **CACHED)
    locale = models.ForeignKey("wagtailcore.Locale", db_index=False, **CACHED)
    search_type = models.CharField(max_length=20)
    search_date = models.DateField(null=True)
    starts_at = models.DateTimeField(null=True)
    ends_at = models.DateTimeField(null=True)
    last_published_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("page of a topic")
        indexes = [models.Index(fields=["topic", "locale"], name="topic_page_idx")]

    def __str__(self):
        return f"{self.topic_id}: {self.page_id}"
