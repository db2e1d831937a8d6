"""Admin wiring: the second-factor pages, the account link and Settings → Anmeldesperren."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.accounts import views


@hooks.register("register_admin_urls")
def register_account_security_urls():
    return [
        path("two-factor/verify/", views.verify, name="accounts_two_factor_verify"),
        path("two-factor/", views.setup, name="accounts_two_factor_setup"),
        path("lockouts/", views.LockoutsView.as_view(), name="accounts_lockouts"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("accounts_two_factor_setup"),
        "label": _("Two-factor authentication"),
        "help_text": _("Sign in with a code from an authenticator app as well as the password."),
    }


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_unlock(request.user)


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return LockoutsMenuItem(
        _("Sign-in lockouts"),
        reverse("accounts_lockouts"),
        name="sign-in-lockouts",
        icon_name="lock",
        order=900,
    )
