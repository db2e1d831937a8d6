from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilesConfig(AppConfig):
    """Documents and images under the approval rule (see the package docstring)."""

    name = "cms.files"
    label = "cms_files"
    verbose_name = _("Files")

    def ready(self):
        from . import api, policy

        policy.register()
        api.install()
