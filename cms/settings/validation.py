"""Start-up checks for production configuration."""

from django.core.exceptions import ImproperlyConfigured

# Keys shorter than this, or the development default, are refused.
MIN_SECRET_KEY_LENGTH = 40


def validate_production_environment(secret_key: str, allowed_hosts: list[str]) -> None:
    """Raise ImproperlyConfigured unless the secret key and host names are fit for production."""
    if (
        not secret_key
        or secret_key.startswith("insecure-")
        or len(secret_key) < MIN_SECRET_KEY_LENGTH
    ):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to a random value of at least "
            f"{MIN_SECRET_KEY_LENGTH} characters in production "
            "(for example: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    if not allowed_hosts or "*" in allowed_hosts:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS must list the site's host names in production (comma-separated)."
        )
