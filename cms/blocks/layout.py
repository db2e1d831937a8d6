"""Structuring blocks: accordion and table."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.rich_text import expand_db_html

from .text import ParagraphBlock


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    body = ParagraphBlock(label=_("text"))


class AccordionBlock(blocks.StructBlock):
    """Questions and answers or long details, opened one by one (native <details>, no script)."""

    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("entries"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        template = "cms/blocks/accordion.html"

    def get_api_representation(self, value, context=None):
        return {
            "heading": value["heading"],
            "items": [
                {"title": item["title"], "body": expand_db_html(item["body"].source)}
                for item in value["items"]
            ],
        }


class TableBlock(WagtailTableBlock):
    """A data table with a caption and header cells that screen readers announce."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "table_options",
            {"startRows": 3, "startCols": 3, "contextMenu": True, "editor": "text"},
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "table"
        label = _("Table")
        template = "cms/blocks/table.html"

    def get_api_representation(self, value, context=None):
        value = value or {}
        return {
            "caption": value.get("table_caption") or "",
            "first_row_is_header": bool(value.get("first_row_is_table_header")),
            "first_column_is_header": bool(value.get("first_col_is_header")),
            "rows": [[cell or "" for cell in row] for row in value.get("data") or []],
        }
