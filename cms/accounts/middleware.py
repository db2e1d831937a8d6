"""The second factor and the API token throttle, enforced on every request."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

from cms.accounts import throttle, two_factor
from cms.accounts.network import client_ip


def open_admin_paths() -> tuple[str, ...]:
    """Admin addresses Wagtail serves without an admin login: they stay open in between."""
    return (
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
        reverse("wagtailadmin_password_reset"),
        reverse("wagtailadmin_sprite"),
        reverse("wagtailadmin_javascript_catalog"),
    )


class TwoFactorMiddleware:
    """Sends those who must give a second factor to it before they reach the admin.

    After the password a session is logged in but not verified (django-otp's
    ``user.is_verified()``). While it is not, and the account must use a second factor (or has
    set one up), every admin page redirects to "verify" (a device exists) or "setup" (none yet);
    only those two pages, the logout and what Wagtail serves without a login (the login page,
    password reset, icons, translations) stay reachable. Outside the admin such a
    session counts as anonymous, so a password alone opens no private page or document.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.TWO_FACTOR_ENFORCED:
            response = self.enforce(request)
            if response is not None:
                return response
        return self.get_response(request)

    def enforce(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        has_device = two_factor.has_second_factor(user)
        if not has_device and not two_factor.is_required(user):
            return None
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            request.user = AnonymousUser()
            return None
        verify_url = reverse("accounts_two_factor_verify")
        setup_url = reverse("accounts_two_factor_setup")
        if request.path_info in (verify_url, setup_url) or request.path_info.startswith(
            open_admin_paths()
        ):
            return None
        target = verify_url if has_device else setup_url
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


class ApiTokenThrottleMiddleware:
    """Answers 429 to API requests with a token from an address that sent too many wrong ones
    (see :mod:`cms.accounts.throttle`), and counts the wrong ones."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = throttle.bearer_token(request) if request.path_info.startswith("/api/") else None
        if token is None:
            return self.get_response(request)
        address = client_ip(request)
        wait = throttle.retry_after(address)
        if wait:
            return throttle.too_many_requests(wait)
        response = self.get_response(request)
        # Wagtail's BearerTokenAuth sets request.user to the token's user; only when it did
        # not (or the endpoint did not look) is the token checked here.
        if not request.user.is_authenticated and not throttle.token_is_valid(token):
            throttle.record_failure(address)
        return response
