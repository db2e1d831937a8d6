"""Cache invalidation: data that nearly every page reads, and the anonymous page cache."""

from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms import pagecache
from cms.listing.stored import content_changed
from cms.localization import LOCALE_IDS_CACHE_KEY
from cms.models.site import SiteSettings
from cms.models.topics import Topic, TopicLabel, clear_topic_translations_cache


@receiver([post_save, post_delete], sender=Topic)
@receiver([post_save, post_delete], sender=TopicLabel)
def topic_vocabulary_changed(**kwargs):
    clear_topic_translations_cache()


@receiver([post_save, post_delete], sender=Locale)
def locales_changed(**kwargs):
    cache.delete(LOCALE_IDS_CACHE_KEY)


# --- Anonymous page cache and the CDN in front (cms.pagecache) ---------------------------------

# Saving only these fields is an editor's draft (a new revision, a lock): nothing public changed.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "locked",
        "locked_at",
        "locked_by",
    }
)


@lru_cache(maxsize=1)
def purging_models() -> frozenset:
    """Models whose rows show on public pages besides the pages themselves. (Renditions are
    not among them: they are created while pages render.)"""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction, PageViewRestriction, Site

    from cms.models import (
        ContactPerson,
        FooterLink,
        FooterText,
        SiteSettings,
        TaggedPage,
        Topic,
        TopicLabel,
    )

    return frozenset(
        {
            Topic,
            TopicLabel,
            TaggedPage,
            ContactPerson,
            FooterText,
            FooterLink,
            SiteSettings,
            Site,
            Locale,
            Redirect,
            PageViewRestriction,
            CollectionViewRestriction,
            get_document_model(),
            get_image_model(),
        }
    )


@lru_cache(maxsize=1)
def listed_models() -> frozenset:
    """Models besides pages whose rows decide what a stored listing holds
    (``cms.listing.stored``: who may see a page, and its topics) or where an address leads
    (``cms.routing``: sites, languages, view restrictions). Their changes count as changes of
    public content."""
    from wagtail.models import PageViewRestriction

    from cms.models import TaggedPage, Topic

    return frozenset({PageViewRestriction, TaggedPage, Topic, Site, Locale})


def purge_frontend_cache(pages=(), site_roots: bool = False) -> None:
    """Purge a CDN or caching proxy in front, if one is configured (WAGTAILFRONTENDCACHE).

    Wagtail's frontend_cache app purges a page on publish and unpublish itself; this covers
    moves, deletions and, for snippets and files that show on many pages, each site's start
    pages and sitemap (other pages follow within the proxy's max-age).
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    batch.add_pages(pages)
    if site_roots:
        for site in Site.objects.all():
            batch.add_url(f"{site.root_url}/sitemap.xml")
            batch.add_urls(f"{site.root_url}/{code}/" for code, _name in settings.LANGUAGES)
    batch.purge()


@receiver(page_published)
@receiver(page_unpublished)
def page_changed_publicly(sender, instance, **kwargs):
    pagecache.purge(f"published or unpublished page {instance.pk}")
    content_changed()


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    pagecache.purge(f"moved page {instance.pk}")
    content_changed()
    purge_frontend_cache([instance])


@receiver(pre_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live and sender is type(instance):
        purge_frontend_cache([instance])


@receiver(post_save)
@receiver(post_delete)
def row_changed(sender, instance, **kwargs):
    """Any change a visitor could see purges the page cache: a saved or deleted live page (not an
    editor's draft revision) and the rows of ``purging_models``."""
    if isinstance(instance, Page):
        deleted = "created" not in kwargs
        update_fields = kwargs.get("update_fields")
        draft_only = bool(update_fields) and set(update_fields) <= DRAFT_FIELDS
        if (instance.live or deleted) and not draft_only:
            pagecache.purge(f"saved or deleted page {instance.pk}")
            content_changed()
    elif sender in purging_models():
        if kwargs.get("created") and sender is SiteSettings:
            return  # created with its defaults by the first page that reads it: nothing changed
        pagecache.purge(f"{sender.__name__} {instance.pk}")
        purge_frontend_cache(site_roots=True)
        if sender in listed_models():
            content_changed()
