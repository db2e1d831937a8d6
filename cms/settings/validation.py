"""Start-up checks for production configuration."""

import ipaddress
import math
from collections import Counter
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.http.request import split_domain_port, validate_host

# A key must be this long, use this many different characters, carry this many bits by a
# character-frequency (Shannon) estimate, and must not be a short pattern repeated. Keys made by
# `secrets.token_urlsafe(50)`, Django's get_random_secret_key() or `openssl rand -hex 32` pass
# with room to spare; "x" * 50 or "abc" * 20 do not.
MIN_SECRET_KEY_LENGTH = 50
MIN_SECRET_KEY_DISTINCT_CHARACTERS = 12
MIN_SECRET_KEY_BITS = 128
SECRET_KEY_HINT = "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"


def shannon_bits(text: str) -> float:
    """Estimated entropy of ``text`` in bits: its length times the entropy of its character
    frequencies. An upper bound for patterned text, but it catches the usual placeholders."""
    counts = Counter(text)
    per_character = -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values())
    return len(text) * per_character


def smallest_period(text: str) -> int:
    """The length of the shortest string whose repetition gives ``text`` (a prefix of it at the
    end allowed): 1 for "xxxx", 3 for "abcabca", len(text) for text without repetition."""
    border = [0] * len(text)  # Knuth–Morris–Pratt failure function
    for i in range(1, len(text)):
        k = border[i - 1]
        while k and text[i] != text[k]:
            k = border[k - 1]
        border[i] = k + 1 if text[i] == text[k] else 0
    return len(text) - border[-1] if text else 0


def secret_key_problem(secret_key: str) -> str | None:
    """Why ``secret_key`` is unfit for production, or None if it is fine."""
    if not secret_key:
        return "it is not set"
    if secret_key.startswith(("insecure-", "django-insecure-")):
        return "it is a development key"
    if len(secret_key) < MIN_SECRET_KEY_LENGTH:
        return f"it has {len(secret_key)} characters, at least {MIN_SECRET_KEY_LENGTH} are needed"
    distinct = len(set(secret_key))
    if distinct < MIN_SECRET_KEY_DISTINCT_CHARACTERS:
        return (
            f"it uses only {distinct} different characters, "
            f"at least {MIN_SECRET_KEY_DISTINCT_CHARACTERS} are needed"
        )
    if smallest_period(secret_key) <= len(secret_key) // 2:
        return "it repeats a short pattern"
    bits = shannon_bits(secret_key)
    if bits < MIN_SECRET_KEY_BITS:
        return f"it carries about {bits:.0f} bits of entropy, at least {MIN_SECRET_KEY_BITS}"
    return None


def validate_production_environment(secret_key: str, allowed_hosts: list[str]) -> None:
    """Raise ImproperlyConfigured unless the secret key and host names are fit for production."""
    problem = secret_key_problem(secret_key)
    if problem:
        raise ImproperlyConfigured(
            f"SECRET_KEY must be set to a random value in production, but {problem}. "
            f"{SECRET_KEY_HINT}"
        )
    if not allowed_hosts or "*" in allowed_hosts:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS must list the site's host names in production (comma-separated)."
        )


def is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_public_base_url(url: str, allowed_hosts: list[str]) -> str:
    """The site's public address, checked and without a trailing slash.

    It must be an https URL of one of ALLOWED_HOSTS, without path, query or credentials;
    http is accepted for loopback hosts only, so a production smoke run on 127.0.0.1 works.
    """
    example = "for example PUBLIC_BASE_URL=https://soziale-stadt.nrw"
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(
            f"PUBLIC_BASE_URL must be the site's public address in production ({example}); "
            f"got {url!r}."
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment or "@" in parts.netloc:
        raise ImproperlyConfigured(
            f"PUBLIC_BASE_URL must be scheme and host only, without path or query ({example}); "
            f"got {url!r}."
        )
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ImproperlyConfigured(
            f"PUBLIC_BASE_URL must use https ({example}); http is accepted only for "
            f"127.0.0.1 or localhost. Got {url!r}."
        )
    domain, __ = split_domain_port(parts.netloc.lower())
    if not validate_host(domain, allowed_hosts):
        raise ImproperlyConfigured(
            f"PUBLIC_BASE_URL's host {domain!r} must be one of ALLOWED_HOSTS {allowed_hosts!r}."
        )
    return f"{parts.scheme}://{parts.netloc.lower()}"


# What the browsers' HSTS preload list demands of a site that asks to be on it.
MIN_PRELOAD_HSTS_SECONDS = 60 * 60 * 24 * 365


def validate_hsts(seconds: int, include_subdomains: bool, preload: bool) -> None:
    """Preloading is only accepted with a year's max-age and subdomains included."""
    if preload and (seconds < MIN_PRELOAD_HSTS_SECONDS or not include_subdomains):
        raise ImproperlyConfigured(
            "SECURE_HSTS_PRELOAD needs SECURE_HSTS_SECONDS of at least "
            f"{MIN_PRELOAD_HSTS_SECONDS} and SECURE_HSTS_INCLUDE_SUBDOMAINS on."
        )
