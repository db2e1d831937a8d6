"""The shared base of the sites' RSS/Atom feeds of pages (Django's syndication framework)."""

from django.contrib.syndication.views import Feed

from .localization import absolute_url


class PageFeed(Feed):
    """A feed whose items are pages: absolute links, GUIDs that survive moves and renames."""

    item_guid_is_permalink = False

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def feed_url(self):
        return self.request.build_absolute_uri()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "teaser", "") or ""

    def item_link(self, item):
        return absolute_url(item, self.request)

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}"
