"""The abstract base page and the mixins every content page is built from.

Each mixin declares a field once together with its editor panels, search fields and API fields,
so adding a mixin to a page type makes the field show up in the admin, the search index and the
API at the same time.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.utils.decorators import cached_classmethod

from cms.blocks.text import RICH_TEXT_FEATURES
from cms.forms import BasePageForm
from cms.geo import parse_point, validate_point_in_nrw
from cms.localization import language_of_locale
from cms.panels import MapPointPanel
from cms.search_index import indexing_deferred, note_saved
from cms.serializers import BreadcrumbsField, ImageField, TopicsField, TranslationsField

from .topics import german_slugify, topic_vocabulary


class TeaserMixin(models.Model):
    """A short text and image that represent the page in listings, teasers and link previews."""

    teaser = models.TextField(
        _("teaser"),
        max_length=400,
        blank=True,
        help_text=_(
            "Two or three sentences for overviews and search results (max. 400 characters)."
        ),
    )
    teaser_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("teaser image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown in overviews and when the page is shared; landscape format, with a "
            "description for screen readers."
        ),
    )

    teaser_panels = [
        MultiFieldPanel(
            [FieldPanel("teaser"), FieldPanel("teaser_image")],
            heading=_("Teaser for overviews"),
        )
    ]
    teaser_search_fields = [index.SearchField("teaser")]
    teaser_api_fields = [
        APIField("teaser", writable=True),
        APIField("teaser_image", serializer=ImageField()),
    ]

    class Meta:
        abstract = True


class TopicsMixin(models.Model):
    """The network's topics (controlled vocabulary, see cms.models.topics.Topic)."""

    topics = ClusterTaggableManager(
        through="cms.TaggedPage",
        blank=True,
        verbose_name=_("topics"),
        help_text=_(
            "Choose from the network's topics; new topics are added by the coordination office."
        ),
    )

    # The form replaces the field with the topic chooser (cms.forms.TopicChoiceField, a list of
    # checkboxes); the widget declares the form class's own field multi-valued too, so that API
    # v3 writes hand the form their topics as a list, not as a tag field's comma-separated text.
    topic_panels = [FieldPanel("topics", widget=forms.CheckboxSelectMultiple)]
    topic_search_fields = [index.SearchField("topic_search_text")]
    topic_api_fields = [APIField("topics", serializer=TopicsField())]

    class Meta:
        abstract = True

    def topic_list(self) -> list:
        """The page's topics for its topic list, in the order of their German names, from the
        cached vocabulary (labels in any language without queries): one query for the
        assignments, none for a preview, whose topics are in its cluster."""
        chosen = {item.tag_id for item in self.tagged_topics.all()}
        return [topic for topic in topic_vocabulary().values() if topic.pk in chosen]

    def topic_search_text(self) -> str:
        """The topics as searchable text in the page's language, with their synonyms.

        Bracketed (⟦ … ⟧) so that search excerpts can leave the list out.
        """
        language = language_of_locale(self.locale_id)
        labels = " ".join(
            f"{item.tag.label_for(language)} {item.tag.synonyms}"
            for item in self.tagged_topics.all()
        )
        return f"⟦ {labels} ⟧" if labels else ""


class LocationMixin(models.Model):
    """A point on the map inside North Rhine-Westphalia, picked with the editor's map widget.

    Stored as wagtailgeowidget writes it without GeoDjango (``SRID=4326;POINT(lng lat)``).
    """

    location = models.CharField(
        _("location"),
        max_length=250,
        help_text=_("Click on the map or enter latitude, longitude."),
    )

    location_panels = [MapPointPanel("location", hide_latlng=False)]
    location_api_fields = [APIField("coordinates")]

    class Meta:
        abstract = True

    @property
    def coordinates(self) -> dict | None:
        point = parse_point(self.location)
        return {"lat": point.lat, "lng": point.lng} if point else None

    def location_errors(self) -> dict:
        """Validation errors of the location, for the page's ``clean()``."""
        if not self.location:
            return {}
        try:
            validate_point_in_nrw(self.location)
        except ValidationError as error:
            return {"location": error}
        return {}


class BasePage(TeaserMixin, TopicsMixin, Page):
    """Abstract base of every page type: teaser, topics, search and API fields, editor tabs.

    The editor sees the tabs "Inhalt" (``content_panels``), "Themen" (``topic_panels``), any
    tabs a page type adds in ``extra_tabs`` (e.g. "Karte"), and "Veröffentlichung" (address,
    menus, search engines, scheduling).
    """

    search_fields = (
        Page.search_fields + TeaserMixin.teaser_search_fields + TopicsMixin.topic_search_fields
    )
    api_fields = [
        *TeaserMixin.teaser_api_fields,
        *TopicsMixin.topic_api_fields,
        APIField("breadcrumbs", serializer=BreadcrumbsField()),
        APIField("translations", serializer=TranslationsField()),
    ]

    # Named groups of the "Inhalt" tab: a page type composes its own content panels between
    # them, ``[*BasePage.title_panels, ...own panels..., *BasePage.teaser_panels]``.
    title_panels = Page.content_panels
    content_panels = [*title_panels, *TeaserMixin.teaser_panels]
    # What a listing loads of any page to name and link it (``.only()``); a page type's own
    # ``listing_fields`` extend it with what its listings, feeds and API lists show.
    listing_fields = ("id", "title", "slug", "path", "depth", "url_path", "locale_id")
    # How the site search lists the page: its kind of result (a value of search.types.ResultType;
    # None: one of the "pages") and the date field it is dated by (None: undated).
    search_result_type: str | None = None
    search_date_field: str | None = None
    base_form_class = BasePageForm
    # (heading, panels) pairs inserted between "Themen" and "Veröffentlichung".
    extra_tabs: list[tuple[str, list]] = []
    # May the route memory (cms.routing) remember where paths to and below pages of this type
    # lead? Only where ``route()`` depends on the page and the path alone (Wagtail's,
    # RoutablePageMixin's).
    remember_routes = True

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        if indexing_deferred():
            note_saved(self)
        elif kwargs.get("update_fields") is None and getattr(self, "search_auto_update", True):
            # The search index updates on post_save, which fires before modelcluster writes
            # the page's inline children (topics, contributors): index again now that they
            # are saved, or a newly added topic would be missing from the index.
            insert_or_update_object_task.enqueue(
                self._meta.app_label, self._meta.model_name, str(self.pk)
            )
        return result

    def get_view_restrictions(self):
        """The view restrictions that apply to this page: by their keys when the route memory
        (``cms.routing``) knows them, which saves asking for the page's ancestors."""
        known = getattr(self, "_view_restriction_ids", None)
        if known is None:
            return super().get_view_restrictions()
        if not known:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=known)

    def _set_core_field_defaults(self):
        """A page without a slug gets the German slug of its title ("foerderrunde-fuer", not
        Wagtail's "forderrunde-fur"), made unique among its siblings ("-2", "-3", ...). Wagtail
        fills the slug here for ``full_clean``, ``save`` and API v3 creation
        (``minimal_clean``); a slug that is already set is kept."""
        parent = self.get_parent() if self.path else getattr(self, "_cached_parent_obj", None)
        if not self.slug and parent is not None and self.title:
            # room for a "-N" suffix within the field's 255 characters
            base_slug = german_slugify(self.title)[:245].rstrip("-")
            if base_slug:
                # Wagtail's _get_autogenerated_slug finds the parent by path only, so a page
                # not yet in the tree (API v3 creation) would not be compared with its siblings.
                slug, suffix = base_slug, 1
                while not self._slug_is_available(slug, parent, self):
                    suffix += 1
                    slug = f"{base_slug}-{suffix}"
                self.slug = slug
        super()._set_core_field_defaults()

    @cached_classmethod
    def get_edit_handler(cls):
        tabs = [ObjectList(cls.content_panels, heading=_("Content"))]
        if cls.topic_panels:
            tabs.append(ObjectList(cls.topic_panels, heading=_("Topics")))
        tabs += [ObjectList(panels, heading=heading) for heading, panels in cls.extra_tabs]
        tabs.append(ObjectList(cls.promote_panels + cls.settings_panels, heading=_("Publishing")))
        return TabbedInterface(tabs, base_form_class=cls.base_form_class).bind_to_model(cls)


class OverviewPage(BasePage):
    """Abstract base of the section overviews (news, events, profiles, library): the listing
    comes from the section's query module; editors write only the introduction."""

    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("A few sentences above the list; the list itself is filled automatically."),
    )

    content_panels = [
        *BasePage.title_panels,
        FieldPanel("intro"),
        *BasePage.teaser_panels,
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True
