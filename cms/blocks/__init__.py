"""Shared StreamField blocks, one module per kind; page types compose them from here."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from .downloads import DownloadItemBlock, DownloadsBlock
from .layout import AccordionBlock, TableBlock
from .links import CallToActionBlock, LinkBlock, LinkListBlock, PageTeaserBlock
from .media import FigureBlock
from .people import ContactPersonBlock, contact_person_representation
from .text import RICH_TEXT_FEATURES, HeadingBlock, ParagraphBlock, QuoteBlock, heading_anchor
from .timeline import MilestoneBlock, MilestonesBlock, MilestoneStreamBlock


class ContentStreamBlock(blocks.StreamBlock):
    """The body of general content pages: everything an editor needs for a page of text."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    quote = QuoteBlock()
    links = LinkListBlock()
    call_to_action = CallToActionBlock()
    downloads = DownloadsBlock()
    contact = ContactPersonBlock()
    accordion = AccordionBlock()
    table = TableBlock()
    milestones = MilestonesBlock()

    class Meta:
        label = _("Content")


__all__ = [
    "RICH_TEXT_FEATURES",
    "AccordionBlock",
    "CallToActionBlock",
    "ContactPersonBlock",
    "ContentStreamBlock",
    "DownloadItemBlock",
    "DownloadsBlock",
    "FigureBlock",
    "HeadingBlock",
    "LinkBlock",
    "LinkListBlock",
    "MilestoneBlock",
    "MilestoneStreamBlock",
    "MilestonesBlock",
    "PageTeaserBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "TableBlock",
    "contact_person_representation",
    "heading_anchor",
]
