from .documents import CMSDocument
from .pages import BasePage, LocationMixin, OverviewPage, TeaserMixin, TopicsMixin
from .people import ContactPerson
from .site import FooterText, SiteSettings
from .topics import TaggedPage, Topic, TopicLabel, german_slugify

__all__ = [
    "BasePage",
    "CMSDocument",
    "ContactPerson",
    "FooterText",
    "LocationMixin",
    "OverviewPage",
    "SiteSettings",
    "TaggedPage",
    "TeaserMixin",
    "Topic",
    "TopicLabel",
    "TopicsMixin",
    "german_slugify",
]
