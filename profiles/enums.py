"""The vocabularies of the district profiles (choices of model fields), shared by the models
and the modules they call (filters, queries)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Regierungsbezirk(models.TextChoices):
    """The five administrative districts of NRW, with the digit they have in the AGS."""

    ARNSBERG = "arnsberg", "Arnsberg"
    DETMOLD = "detmold", "Detmold"
    DUESSELDORF = "duesseldorf", "Düsseldorf"
    KOELN = "koeln", "Köln"
    MUENSTER = "muenster", "Münster"


class Programme(models.TextChoices):
    SOZIALE_STADT = "soziale-stadt", _("Soziale Stadt")
    SOZIALER_ZUSAMMENHALT = "sozialer-zusammenhalt", _("Sozialer Zusammenhalt")
    OTHER = "andere", _("Other urban development funding")


class Status(models.TextChoices):
    RUNNING = "laufend", _("running")
    COMPLETED = "abgeschlossen", _("completed")
