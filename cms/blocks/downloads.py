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

    def get_api_representation(self, value, context=None):
        document = value["document"]
        if document is None:  # deleted since the page was saved
            return None
        return {
            **document_representation(document),
            "title": value["title"] or document.title,
            "description": value["description"],
        }


class DownloadsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    items = blocks.ListBlock(DownloadItemBlock(), label=_("documents"), min_num=1)

    class Meta:
        icon = "download"
        label = _("Downloads")
        template = "cms/blocks/downloads.html"

    def get_api_representation(self, value, context=None):
        item_block = self.child_blocks["items"].child_block
        items = [item_block.get_api_representation(item) for item in value["items"]]
        return {"heading": value["heading"], "items": [item for item in items if item]}
