"""Map configuration for templates: one source, the settings, for every map on the site."""

from urllib.parse import urlsplit

from django.conf import settings


def map_config() -> dict:
    """Tile server, attribution and start view for the public maps."""
    return {
        "tile_url": settings.MAP_TILE_URL,
        "tile_host": urlsplit(settings.MAP_TILE_URL.replace("{s}.", "")).hostname or "",
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "max_zoom": settings.MAP_TILE_MAX_ZOOM,
        "center": settings.MAP_CENTER,
        "zoom": 8,
        "referrer_policy": settings.SECURE_REFERRER_POLICY,
    }
