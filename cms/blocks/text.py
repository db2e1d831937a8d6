"""Text blocks: headings, paragraphs and quotes."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.rich_text import expand_db_html

# Headings come from HeadingBlock so the page outline stays in order; rich text stays simple.
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        help_text=_("Level 2 for sections, 3 and 4 for sub-sections."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "cms/blocks/heading.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = heading_anchor(value["text"])
        return context

    def get_api_representation(self, value, context=None):
        return {
            "text": value["text"],
            "level": value["level"],
            "anchor": heading_anchor(value["text"]),
        }


def heading_anchor(text: str) -> str:
    """A stable fragment id for a heading ("Perspektiven" → "perspektiven")."""
    from cms.models.topics import german_slugify

    return german_slugify(text) or slugify(text) or "abschnitt"


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text whose API form is HTML with internal links already resolved to URLs."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def get_api_representation(self, value, context=None):
        return expand_db_html(value.source) if value else ""

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "cms/blocks/paragraph.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("source"), required=False, max_length=200)
    role = blocks.CharBlock(
        label=_("role of the source"),
        required=False,
        max_length=200,
        help_text=_("E.g. “Quartiersmanagerin in Essen-Katernberg”."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"
