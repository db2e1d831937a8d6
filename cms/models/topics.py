"""The network's topic vocabulary (Bürgerbeteiligung, lokale Ökonomie, Gender Mainstreaming, ...).

Topics are a controlled vocabulary: the coordination office maintains them as a snippet, editors
only choose. A topic exists once for all locales (pages and their translations share the same
topic rows, so "everything about X" is one query in every language); what differs per locale is
the label shown to visitors, kept in ``TopicLabel``.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "*": ""}
)

LABEL_CACHE_KEY = "cms:topic-labels:{language}"
VOCABULARY_CACHE_KEY = "cms:topic-vocabulary"


def german_slugify(value: str) -> str:
    """ASCII slug, umlauts spelt the German way ("Bürgerbeteiligung" → "buergerbeteiligung")."""
    return slugify(value.translate(GERMAN_TRANSLITERATION))


def default_language() -> str:
    return settings.LANGUAGE_CODE.split("-")[0]


def current_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


class Topic(index.Indexed, TagBase, ClusterableModel):
    """A topic of the network's work, shown as a tag on every kind of content."""

    # Editors pick from the list; unknown names typed into the field are refused (see TopicField).
    free_tagging = False

    name = models.CharField(
        _("label (German)"),
        max_length=100,
        unique=True,
        help_text=_("The topic as visitors of the German site read it."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        allow_unicode=False,
        help_text=_(
            "Part of web addresses and API filters (e.g. “buergerbeteiligung”). Filled in "
            "from the label when left empty; keep it stable once published, links depend on it."
        ),
    )
    description = models.TextField(
        _("description (German)"),
        blank=True,
        help_text=_("One or two sentences shown on the topic page."),
    )
    synonyms = models.CharField(
        _("synonyms"),
        max_length=500,
        blank=True,
        help_text=_("Other spellings or terms that should find this topic, comma-separated."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")],
            heading=_("German"),
        ),
        InlinePanel("labels", heading=_("Other languages"), label=_("Translation")),
        FieldPanel("synonyms"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("synonyms"),
        index.FilterField("slug"),
    ]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def slugify(self, tag, i=None):
        slug = german_slugify(tag)
        return f"{slug}-{i}" if i is not None else slug

    @property
    def label(self) -> str:
        """The label in the active language, falling back to German."""
        return self.label_for(current_language())

    @property
    def localized_description(self) -> str:
        return self.description_for(current_language())

    def label_for(self, language: str) -> str:
        if language == default_language():
            return self.name
        label, __ = topic_translations(language).get(self.pk, ("", ""))
        return label or self.name

    def description_for(self, language: str) -> str:
        if language == default_language():
            return self.description
        __, description = topic_translations(language).get(self.pk, ("", ""))
        return description or self.description


class TopicLabel(models.Model):
    """A topic's label and description in a language other than German."""

    topic = ParentalKey(Topic, on_delete=models.CASCADE, related_name="labels")
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("language"),
    )
    label = models.CharField(_("label"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("locale"), FieldPanel("label"), FieldPanel("description")]

    class Meta:
        verbose_name = _("topic label")
        verbose_name_plural = _("topic labels")
        constraints = [
            models.UniqueConstraint(
                fields=["topic", "locale"], name="cms_topiclabel_unique_locale"
            )
        ]

    def __str__(self):
        return self.label


def topic_translations(language: str) -> dict[int, tuple[str, str]]:
    """All topics' (label, description) in ``language``, keyed by topic id.

    The vocabulary is small and read on nearly every page, so it is cached as a whole and dropped
    whenever a topic or label changes (see cms.signals); a listing never queries labels per item.
    """
    key = LABEL_CACHE_KEY.format(language=language)
    translations = cache.get(key)
    if translations is None:
        translations = {
            topic_id: (label, description)
            for topic_id, label, description in TopicLabel.objects.filter(
                locale__language_code=language
            ).values_list("topic_id", "label", "description")
        }
        cache.set(key, translations, timeout=60 * 60)
    return translations


def topic_vocabulary() -> dict[str, "Topic"]:
    """Every topic by slug, in the order of their German names.

    Read by every listing (topic filters and facets, the topics of listed pages), so cached
    as a whole like the labels and dropped with them whenever a topic changes (cms.signals).
    """
    vocabulary = cache.get(VOCABULARY_CACHE_KEY)
    if vocabulary is None:
        vocabulary = {topic.slug: topic for topic in Topic.objects.all()}
        cache.set(VOCABULARY_CACHE_KEY, vocabulary, timeout=60 * 60)
    return vocabulary


def clear_topic_translations_cache() -> None:
    cache.delete_many(
        [LABEL_CACHE_KEY.format(language=code) for code, __ in settings.WAGTAIL_CONTENT_LANGUAGES]
        + [VOCABULARY_CACHE_KEY]
    )


class TaggedPage(ItemBase):
    """Links any page to its topics: one table, so a topic's pages of all types are one query."""

    tag = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="tagged_pages", verbose_name=_("topic")
    )
    content_object = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="tagged_topics"
    )

    class Meta:
        verbose_name = _("topic assignment")
        verbose_name_plural = _("topic assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="cms_taggedpage_unique_topic"
            )
        ]
