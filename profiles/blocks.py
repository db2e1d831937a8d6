"""Blocks of the district profile sections."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from cms.blocks import (
    AccordionBlock,
    ContactPersonBlock,
    DownloadItemBlock,
    FigureBlock,
    HeadingBlock,
    LinkListBlock,
    ParagraphBlock,
    QuoteBlock,
    TableBlock,
)


class ProfileSectionBlock(blocks.StreamBlock):
    """The content of one profile section; the section heading itself is fixed by the page."""

    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = FigureBlock()
    quote = QuoteBlock()
    links = LinkListBlock()
    table = TableBlock()
    accordion = AccordionBlock()


class ContactsStreamBlock(blocks.StreamBlock):
    contact = ContactPersonBlock()

    class Meta:
        template = "profiles/blocks/contacts.html"


class DownloadsStreamBlock(blocks.StreamBlock):
    document = DownloadItemBlock(label=_("Document"))

    class Meta:
        template = "profiles/blocks/downloads.html"
