from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """The shared core: topics, contact persons, site settings, base page and blocks."""

    name = "cms"
    label = "cms"
    verbose_name = _("Core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, lookups, signals  # noqa: F401
        from .api import topic_writes

        # Before Wagtail's page router is imported (by .api.v3): it builds its request models
        # from the write schemas when it is imported.
        topic_writes.install()
        from .api import routers, v3

        v3.install()
        routers.install()
