"""The one rule for what anonymous visitors and API clients may see of the page tree."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils import timezone

from wagtail.models import PageViewRestriction


def restricted_ancestor():
    """A subquery: is there a view restriction on this page or on one of its ancestors?

    Wagtail's ``.public()`` first loads all restrictions and then excludes their subtrees (an
    extra query per listing); this asks the same question inside the listing's own query.
    """
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def visible(queryset):
    """Live pages that no view restriction hides (password, login or group), in one query.

    Drafts and unpublished pages are not live; a page whose expiry time has passed is hidden at
    once, not only after the ``publish_scheduled`` job has unpublished it. Every public listing,
    feed, map and API endpoint goes through this.
    """
    return queryset.live().exclude(expire_at__lte=timezone.now()).exclude(restricted_ancestor())


def visible_for_search(queryset):
    """The same rule for querysets that are handed to ``.search()``.

    The search backends translate plain field filters only, not the subquery ``visible`` uses,
    so here Wagtail's ``.public()`` (one extra query for the restrictions) does the work.
    """
    return queryset.live().public()
