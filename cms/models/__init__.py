from .pages import BasePage, TeaserMixin, TopicsMixin
from .people import ContactPerson
from .site import FooterText, SiteSettings
from .topics import TaggedPage, Topic, TopicLabel, german_slugify

__all__ = [
    "BasePage",
    "ContactPerson",
    "FooterText",
    "SiteSettings",
    "TaggedPage",
    "TeaserMixin",
    "Topic",
    "TopicLabel",
    "TopicsMixin",
    "german_slugify",
]
