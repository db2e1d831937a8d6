"""Browser hardening shared by every environment: framing, HSTS, Permissions-Policy, CSP knobs.

Imported at the end of ``base``. The Content-Security-Policy itself is chosen per request by
``cms.security`` (public pages, admin, API docs and API each get their own); only its settings
live here. HSTS headers are sent on HTTPS requests only, so they are inert on a dev server.
"""

from .env import env_bool, env_int, env_str

# Nothing of ours is meant to be framed by another page. Wagtail's preview views set
# SAMEORIGIN on their own responses (xframe_options_sameorigin_override), which is all the
# admin's preview panel needs; the admin's CSP allows frame-ancestors 'self' for the same reason.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# HSTS: one year by default, subdomains included. Preloading is opt-in: once the domain is on
# the browsers' preload list, taking it off again takes months, so it is a decision for whoever
# owns the whole domain, not a default. Without it, Django's deploy check warns (W021); that one
# warning is silenced deliberately while preload is off.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Where browsers send CSP violation reports (report-uri), if anywhere.
CONTENT_SECURITY_POLICY_REPORT_URI = env_str("CSP_REPORT_URI")

# Browser features no page of ours uses are switched off for us and for anything we embed.
# WebAuthn (publickey-credentials-*) is left alone for the admin's two-factor login.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# The admin would otherwise ask gravatar.com for an avatar of every user without an uploaded
# one: a request to a third party with a hash of the e-mail address, and a CSP violation.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
