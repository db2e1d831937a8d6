from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Login lockouts, the second factor and the API token throttle (no models of its own)."""

    name = "cms.accounts"
    label = "accounts"
    verbose_name = _("Account security")
