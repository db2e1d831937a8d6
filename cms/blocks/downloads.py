"""Downloads: documents listed with their type and size."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from cms.serializers import document_representation


class DownloadItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title"),
        required=False,
        max_length=200,
        help_text=_("Default: the document's title."),
    )
    description = blocks.TextBlock(label=_("description"), required=False)


class DownloadsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    items = blocks.ListBlock(DownloadItemBlock(), label=_("documents"), min_num=1)

    class Meta:
        icon = "download"
        label = _("Downloads")
        template = "cms/blocks/downloads.html"

    def get_api_representation(self, value, context=None):
        return {
            "heading": value["heading"],
            "items": [
                {
                    **document_representation(item["document"]),
                    "title": item["title"] or item["document"].title,
                    "description": item["description"],
                }
                for item in value["items"]
                if item["document"]
            ],
        }
