"""Admin views: set up and give the second factor; see and lift login lockouts."""

import ipaddress

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

import django_otp

from cms.accounts import lockout, two_factor
from cms.accounts.forms import TokenForm
from cms.roles import MODERATORS


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def _show_recovery_codes(request, codes):
    return TemplateResponse(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "next": _next_url(request)},
    )


@never_cache
@sensitive_post_parameters("token")
@require_http_methods(["GET", "POST"])
def verify(request):
    """Second step of the sign-in: a code from the app or a recovery code."""
    user = request.user
    if not two_factor.has_second_factor(user):
        return redirect(f"{reverse('accounts_two_factor_setup')}?{request.GET.urlencode()}")
    if user.is_verified():
        return redirect(_next_url(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.verify(user, form.cleaned_data["token"])
        if device is not None:
            django_otp.login(request, device)
            if device.persistent_id.startswith("otp_static"):
                messages.warning(
                    request,
                    _(
                        "You signed in with a recovery code; %(count)s are left. Create new "
                        "ones under Account → Two-factor authentication."
                    )
                    % {"count": two_factor.remaining_recovery_codes(user)},
                )
            return redirect(_next_url(request))
        form.add_error("token", _("This code is not valid. Please try again."))
    return TemplateResponse(
        request, "accounts/verify.html", {"form": form, "next": _next_url(request)}
    )


@never_cache
@sensitive_post_parameters("token")
@require_http_methods(["GET", "POST"])
def setup(request):
    """Set up the second factor (first time), or manage it (recovery codes, removal).

    Managing an existing second factor needs a verified session: someone with the password
    alone cannot replace the victim's authenticator app.
    """
    user = request.user
    if two_factor.has_second_factor(user):
        if not user.is_verified():
            return redirect(f"{reverse('accounts_two_factor_verify')}?{request.GET.urlencode()}")
        return _manage(request)

    device = two_factor.pending_app_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.confirm(device, form.cleaned_data["token"]):
            django_otp.login(request, device)
            return _show_recovery_codes(request, two_factor.new_recovery_codes(user))
        form.add_error("token", _("This code is not valid. Please try again."))
    return TemplateResponse(
        request,
        "accounts/setup.html",
        {
            "form": form,
            "qr_code": two_factor.qr_code_svg(device),
            "secret": two_factor.secret_for_typing(device),
            "required": two_factor.is_required(user),
            "next": _next_url(request),
        },
    )


def _manage(request):
    user = request.user
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "recovery-codes":
        return _show_recovery_codes(request, two_factor.new_recovery_codes(user))
    if action == "remove":
        two_factor.remove(user)
        messages.success(request, _("Two-factor authentication has been removed."))
        return redirect("accounts_two_factor_setup")
    return TemplateResponse(
        request,
        "accounts/manage.html",
        {
            "remaining": two_factor.remaining_recovery_codes(user),
            "required": two_factor.is_required(user),
        },
    )


# ------------------------------------------------------------------------------ lockouts


def _is_ip_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def may_unlock(user) -> bool:
    """The coordination office and administrators see and lift login lockouts."""
    return user.is_active and (user.is_superuser or user.groups.filter(name=MODERATORS).exists())


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    """Settings → Anmeldesperren: accounts and addresses locked after failed logins."""

    template_name = "accounts/lockouts.html"
    page_title = gettext_lazy("Sign-in lockouts")
    header_icon = "lock"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not may_unlock(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["accounts"] = lockout.locked_accounts()
        context["addresses"] = lockout.locked_addresses()
        context["account_limit"] = settings.LOGIN_FAILURES_PER_ACCOUNT
        context["address_limit"] = settings.LOGIN_FAILURES_PER_IP
        return context

    def post(self, request):
        username = request.POST.get("username", "").strip()
        address = request.POST.get("ip_address", "").strip()
        if bool(username) == bool(address) or (address and not _is_ip_address(address)):
            messages.error(request, _("Choose one account or one address to unlock."))
            return self.render_to_response(self.get_context_data(), status=400)
        if username:
            lockout.unlock(username=username, by=request.user)
            messages.success(
                request, _("The account “%(name)s” is unlocked.") % {"name": username}
            )
        else:
            lockout.unlock(ip_address=address, by=request.user)
            messages.success(
                request, _("The address %(address)s is unlocked.") % {"address": address}
            )
        return redirect("accounts_lockouts")
