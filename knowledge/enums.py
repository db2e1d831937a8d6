"""Vocabularies of the knowledge library: the choices of model fields, and the kinds of
library entries (which are not a model field)."""

from django.db import models
from django.utils.translation import gettext_lazy

# The two kinds of library entries (the values are URL and API contracts).
KINDS = {
    "publikation": gettext_lazy("Publication"),
    "werkstatt": gettext_lazy("Workshop documentation"),
}


class PublicationKind(models.TextChoices):
    DOCUMENTATION = "dokumentation", gettext_lazy("documentation")
    STUDY = "studie", gettext_lazy("study")
    BROCHURE = "broschuere", gettext_lazy("brochure")
    GUIDELINE = "leitfaden", gettext_lazy("guideline")
    REPORT = "bericht", gettext_lazy("report")
    POSITION = "positionspapier", gettext_lazy("position paper")


class ContributorRole(models.TextChoices):
    AUTHOR = "author", gettext_lazy("author")
    EDITOR = "editor", gettext_lazy("editor")
