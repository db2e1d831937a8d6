"""Who must sign in with a second factor, and the devices that provide it.

The second factor is a time-based one-time password (TOTP, RFC 6238) from an authenticator
app, with single-use recovery codes for a lost phone (django-otp's TOTP and static devices).

It is required (``TWO_FACTOR_ENFORCED``) from administrators and from those who approve and
publish: the coordination office ("Koordinierungsstelle") and Wagtail's default "Moderators"
group, which also holds publish rights. ``TWO_FACTOR_REQUIRED_FOR_ALL`` extends it to every
account. Anyone else may set it up voluntarily, and is then asked for it at every sign-in too.
"""

import re

from django.conf import settings
from django.db import transaction

import segno
from django_otp import devices_for_user
from django_otp import verify_token as otp_verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.roles import MODERATORS

# Wagtail creates "Moderators" (publish rights on the root page) in its own migrations.
REQUIRED_GROUPS = (MODERATORS, "Moderators")
APP_DEVICE_NAME = "Authenticator-App"
RECOVERY_DEVICE_NAME = "Wiederherstellungscodes"
TOTP_TOKEN = re.compile(r"^\d{6}$")


def is_required(user) -> bool:
    """Whether ``user`` must have a second factor (set up one if they have none yet)."""
    if not user.is_authenticated:
        return False
    if settings.TWO_FACTOR_REQUIRED_FOR_ALL or user.is_superuser:
        return True
    return user.groups.filter(name__in=REQUIRED_GROUPS).exists()


def app_device(user, confirmed=True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("pk").first()


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_app_device(user) -> TOTPDevice:
    """The device being set up: one unconfirmed TOTP device, kept until it is confirmed, so
    reloading the setup page shows the same QR code."""
    device = app_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's ``otpauth://`` URL as an inline SVG QR code, drawn here (no image service
    sees the secret)."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", omitsize=True, title="QR-Code"
    )


def secret_for_typing(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for apps that cannot scan."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with fresh ones and return them (shown once)."""
    device, __ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for __ in range(settings.TWO_FACTOR_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def confirm(device: TOTPDevice, token: str) -> bool:
    """Confirm a device being set up with a first code from the app."""
    if not TOTP_TOKEN.match(token) or not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def verify(user, token: str):
    """The device that accepts ``token`` (a code from the app or a recovery code), or None.

    Six digits go to the app's device, anything else to the recovery codes, so a mistyped
    recovery code does not slow down the app's device (django-otp throttles each device after
    failures). A recovery code is used up by a successful check.
    """
    token = token.strip().replace(" ", "").lower()
    wanted = TOTPDevice if TOTP_TOKEN.match(token) else StaticDevice
    for device in devices_for_user(user):
        if isinstance(device, wanted):
            verified = otp_verify_token(user, device.persistent_id, token)
            if verified is not None:
                return verified
    return None


@transaction.atomic
def remove(user) -> None:
    """Remove the user's second factor (app and recovery codes)."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
