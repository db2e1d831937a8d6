"""Tables of stored listings (``cms.listing.stored``): the items of a listing kept as narrow
rows, rebuilt whenever public content changed, so that filters and facets count them in
milliseconds instead of finding every item again through the page tree.

``ContentVersion`` counts changes of public content (one row; ``cms.signals`` increments it
in the transaction of the change); ``StoredListingState`` says which version a listing's rows
were built from and until when they stay true without a change (the next expiry).
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """The number of changes of public content so far (a single row, ``id`` 1), and which
    database's content that is: ``database`` is new in every restored copy (``restore_site``),
    so that what a cache keeps for one database is never served from another
    (``cms.pagecache``)."""

    version = models.BigIntegerField(default=0)
    database = models.UUIDField(_("database"), default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return str(self.version)


class StoredListingState(models.Model):
    """When the rows of one stored listing were built: from which ``ContentVersion``, and
    until when they stay true (the earliest expiry of a live page after the build)."""

    name = models.CharField(max_length=50, primary_key=True)
    version = models.BigIntegerField()
    valid_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("stored listing state")

    def __str__(self):
        return f"{self.name}: {self.version}"


# The rows are rebuilt whole from consistent data: their foreign keys have no constraint in
# the database (checking 175,000 references at commit took 0.9 of 1.4 s to rebuild the library
# at 100,000 pages), and no index besides those the listings read by.
CACHED = {"on_delete": models.CASCADE, "related_name": "+", "db_constraint": False}


class ListingEntry(models.Model):
    """One visible item of a stored listing: the page (its key is the entry's key), its
    language and tree path, and the columns the listing's filters read (in subclasses, named
    as the listing's annotations are). Entries are written only by ``StoredListing.rebuild``."""

    one_row_per_item = True  # facets count rows, not distinct items (``grouped``)

    page = models.OneToOneField("wagtailcore.Page", primary_key=True, **CACHED)
    locale = models.ForeignKey("wagtailcore.Locale", db_index=False, **CACHED)
    path = models.CharField(max_length=255)
    content_type = models.ForeignKey("contenttypes.ContentType", db_index=False, **CACHED)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{type(self).__name__} {self.page_id}"

    @classmethod
    def topic_rows(cls) -> type:
        """The model of these entries' topic rows (``ListingEntryTopic.for_entries``)."""
        return cls._meta.get_field("topics").related_model


class ListingEntryTopic(models.Model):
    """A topic of an entry (subclasses add ``entry``, a foreign key with
    ``related_name="topics"``; ``for_entries`` declares one): the topic filter and its facet
    read these narrow rows."""

    topic = models.ForeignKey("cms.Topic", db_index=False, **CACHED)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.entry_id}: {self.topic_id}"

    @classmethod
    def for_entries(cls, entry_model: type, prefix: str, verbose_name) -> type:
        """The topic rows of ``entry_model`` (``<Entry>Topic`` in the entry's module): one
        per entry and topic, found by topic (``<prefix>_topic_entry_idx``)."""
        meta = type(
            "Meta",
            (),
            {
                "verbose_name": verbose_name,
                "constraints": [
                    models.UniqueConstraint(
                        fields=["entry", "topic"], name=f"{prefix}_entry_topic_unique"
                    )
                ],
                "indexes": [
                    models.Index(fields=["topic", "entry"], name=f"{prefix}_topic_entry_idx")
                ],
            },
        )
        entry = models.ForeignKey(
            entry_model, on_delete=models.CASCADE, related_name="topics", db_constraint=False
        )
        attributes = {"__module__": entry_model.__module__, "entry": entry, "Meta": meta}
        return type(f"{entry_model.__name__}Topic", (cls,), attributes)
