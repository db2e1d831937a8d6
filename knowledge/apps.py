from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """Knowledge library: workshop series, workshops and publications."""

    name = "knowledge"
    verbose_name = _("Knowledge library")
    default_auto_field = "django.db.models.BigAutoField"
