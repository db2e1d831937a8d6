from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """Start page and general content pages."""

    name = "home"
    verbose_name = _("Start page")
    default_auto_field = "django.db.models.BigAutoField"
