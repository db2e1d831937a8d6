from .collections import ReservedCollection
from .documents import CMSDocument
from .listing import ContentVersion, ListingEntry, ListingEntryTopic, StoredListingState
from .pages import BasePage, LocationMixin, OverviewPage, TeaserMixin, TopicsMixin
from .people import ContactPerson
from .site import FooterLink, FooterText, SiteSettings
from .topics import TaggedPage, Topic, TopicLabel, german_slugify

__all__ = [
    "BasePage",
    "CMSDocument",
    "ContactPerson",
    "ContentVersion",
    "FooterLink",
    "FooterText",
    "ListingEntry",
    "ListingEntryTopic",
    "LocationMixin",
    "OverviewPage",
    "ReservedCollection",
    "SiteSettings",
    "StoredListingState",
    "TaggedPage",
    "TeaserMixin",
    "Topic",
    "TopicLabel",
    "TopicsMixin",
    "german_slugify",
]
