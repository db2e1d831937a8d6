"""The vocabulary and the clock of events, shared by the models and the modules they call
(filters, feeds, structured data)."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def local_zone() -> ZoneInfo:
    """Events happen in Germany: wall-clock times are Europe/Berlin, summer and winter time."""
    return ZoneInfo(settings.TIME_ZONE)


class AttendanceMode(models.TextChoices):
    OFFLINE = "offline", _("on site")
    ONLINE = "online", _("online")
    MIXED = "mixed", _("on site and online")
