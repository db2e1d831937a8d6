"""Milestones (Meilensteine), rendered as a timeline in date order."""

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

PRECISION_CHOICES = [("day", _("Day")), ("month", _("Month")), ("year", _("Year"))]
PRECISION_FORMATS = {"day": "DATE_FORMAT", "month": "YEAR_MONTH_FORMAT", "year": "Y"}


class MilestoneValue(blocks.StructValue):
    @property
    def display_date(self) -> str:
        """The date as precisely as the editor knows it: "12. März 2019", "März 2019" or "2019"."""
        return formats.date_format(self["date"], PRECISION_FORMATS[self["precision"] or "day"])


class MilestoneBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("date"))
    precision = blocks.ChoiceBlock(
        label=_("show date as"),
        choices=PRECISION_CHOICES,
        default="day",
        help_text=_(
            "For milestones known only by month or year, choose the first day and “Month” or "
            "“Year”."
        ),
    )
    title = blocks.CharBlock(label=_("title"), max_length=200)
    text = blocks.TextBlock(label=_("text"), required=False)

    class Meta:
        icon = "date"
        label = _("Milestone")
        value_class = MilestoneValue


class MilestonesBlock(blocks.ListBlock):
    """A list of milestones that always renders in date order, whatever order they were entered."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Milestones"))
        super().__init__(MilestoneBlock(), **kwargs)

    def deconstruct(self):
        path, __, kwargs = super().deconstruct()
        return path, (), kwargs

    @staticmethod
    def in_order(value):
        return sorted(value, key=lambda milestone: milestone["date"])

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["milestones"] = self.in_order(value)
        return context

    def get_api_representation(self, value, context=None):
        return [
            {
                "date": milestone["date"].isoformat(),
                "precision": milestone["precision"] or "day",
                "display_date": milestone.display_date,
                "title": milestone["title"],
                "text": milestone["text"],
            }
            for milestone in self.in_order(value)
        ]

    class Meta:
        icon = "date"
        template = "cms/blocks/milestones.html"


class MilestoneStreamBlock(blocks.StreamBlock):
    """A page's milestones as a StreamField of their own: editors add one milestone at a time,
    visitors and the API always get them in date order."""

    milestone = MilestoneBlock()

    class Meta:
        template = "cms/blocks/milestones.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["milestones"] = MilestonesBlock.in_order(child.value for child in value)
        return context

    def get_api_representation(self, value, context=None):
        return MilestonesBlock().get_api_representation([child.value for child in value], context)
