from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    """District profiles (Stadtteilprofile): municipalities and programme areas."""

    name = "profiles"
    verbose_name = _("District profiles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
