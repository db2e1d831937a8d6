"""Blocks of the pages in Leichte Sprache (easy-to-read German).

The rules of the Netzwerk Leichte Sprache shape the blocks: short sentences, one statement per
sentence and each sentence on its own line (a list of lines, not free rich text), a picture
beside the text that helps to understand it, and hard words explained in a glossary
("Wörterbuch") at the end of the page.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from cms.serializers import image_representation

LINE_MAX_LENGTH = 200


class LinesBlock(blocks.ListBlock):
    """Sentences, one per line."""

    def __init__(self, **kwargs):
        super().__init__(
            blocks.CharBlock(label=_("sentence"), max_length=LINE_MAX_LENGTH),
            label=kwargs.pop("label", _("sentences")),
            help_text=kwargs.pop(
                "help_text",
                _(
                    "One short sentence per line, one statement per sentence. Explain hard "
                    "words in the glossary."
                ),
            ),
            **kwargs,
        )


class EasyLanguageSectionBlock(blocks.StructBlock):
    """A heading, sentences one per line and a picture shown beside them."""

    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=100)
    lines = LinesBlock()
    image = ImageBlock(
        label=_("picture"),
        required=False,
        help_text=_("A picture that helps to understand the text; shown beside it."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Section")
        template = "home/blocks/easy_language_section.html"

    def get_api_representation(self, value, context=None):
        image = value["image"]
        return {
            "heading": value["heading"],
            "lines": list(value["lines"]),
            "image": image_representation(
                image, alt=image.contextual_alt_text, decorative=bool(image.decorative)
            )
            if image
            else None,
        }


class GlossaryEntryBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("word"), max_length=100)
    explanation = LinesBlock(label=_("explanation"))

    class Meta:
        icon = "help"
        label = _("Word")


class GlossaryBlock(blocks.StructBlock):
    """The hard words of the page, explained in Leichte Sprache."""

    heading = blocks.CharBlock(label=_("heading"), max_length=100, default="Wörterbuch")
    entries = blocks.ListBlock(GlossaryEntryBlock(), label=_("words"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Glossary")
        template = "home/blocks/glossary.html"

    def get_api_representation(self, value, context=None):
        return {
            "heading": value["heading"],
            "entries": [
                {"term": entry["term"], "explanation": list(entry["explanation"])}
                for entry in value["entries"]
            ],
        }


class EasyLanguageStreamBlock(blocks.StreamBlock):
    section = EasyLanguageSectionBlock()
    glossary = GlossaryBlock()

    class Meta:
        label = _("Content")
