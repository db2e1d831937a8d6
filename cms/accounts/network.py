"""The client's address, as far as the configured reverse proxies vouch for it.

Every trusted proxy appends the address it received the request from to ``X-Forwarded-For``;
anything further left was written by the client and may be forged. With
``TRUSTED_PROXY_COUNT = n`` the client is therefore the n-th address from the right (the same
rule as Django REST framework's ``NUM_PROXIES``); with 0 the application is reached directly
and ``REMOTE_ADDR`` is the client. Login lockouts (django-axes) and the API token throttle use
this one function, so both count the same address.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The client's address, or None if there is none that is a valid IP address."""
    remote_addr = _valid(request.META.get("REMOTE_ADDR") or "")
    proxies = settings.TRUSTED_PROXY_COUNT
    addresses = [
        address for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if address
    ]
    if proxies <= 0 or not addresses:
        return remote_addr
    # A malformed entry (a misconfigured count reaching into what the client wrote) falls back
    # to the proxy's own address rather than failing.
    return _valid(addresses[-min(proxies, len(addresses))]) or remote_addr
