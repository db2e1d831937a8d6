from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """News (Aktuelles) and event notices (Veranstaltungshinweise)."""

    name = "events"
    verbose_name = _("News and events")
    default_auto_field = "django.db.models.BigAutoField"
