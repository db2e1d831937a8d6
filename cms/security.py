"""Which Content-Security-Policy a response gets: one policy per audience, chosen by path.

- Public pages get a strict policy without nonces: scripts and styles only from our own static
  files. The anonymous page cache hands the same stored page to every visitor, so a per-request
  nonce would be wrong for all but the first; every script of ours is therefore a static file
  (JSON-LD is a data block, which CSP does not execute). Images may come from the map's tile
  server (requested only after the visitor's consent) and from an absolute MEDIA_URL.
- The Wagtail admin still writes inline scripts into its widgets and panels (InlinePanel, date
  pickers, workflow dialogs) with per-form values, so neither hashes nor nonces can cover them
  without copying Wagtail's templates; it gets 'unsafe-inline' for scripts and styles but
  nothing from other origins, no plugins and no framing by other sites. The admin also renders
  page previews, so it allows what public pages load.
- The API v3 docs (Swagger UI, served from django-ninja's static files) run static scripts only.
- Other API responses are data: nothing may load from them, nothing may frame them.

Views can still adjust their policy with django-csp's decorators (``csp_update`` etc.); the
path-based choice here is only the starting point. Files under /documents/ get no policy: they
are downloads, and a policy on a PDF can keep the browser's own viewer from showing it.
"""

from urllib.parse import urlsplit

from django.conf import settings

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIX = "/admin/"
API_DOCS_PREFIX = "/api/v3/docs"
API_PREFIX = "/api/"
UNPROTECTED_PREFIXES = ("/documents/", "/static/", "/media/")

UNSAFE_INLINE = "'unsafe-inline'"
DATA = "data:"
BLOB = "blob:"


def origin(url: str) -> str | None:
    """The origin of an absolute http(s) URL as a CSP source, or None for a relative one.

    Leaflet's subdomain placeholder (``https://{s}.tile.example.org/…``) becomes a wildcard.
    """
    parts = urlsplit(url.replace("{s}.", "__s__."))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc.replace('__s__.', '*.')}"


def map_tile_sources() -> list[str]:
    """The tile server of the public maps."""
    return [source for source in (origin(settings.MAP_TILE_URL),) if source]


def map_widget_tile_sources() -> list[str]:
    """The tile server of the editor's map widget (wagtailgeowidget reads its setting once, at
    import; normally it is MAP_TILE_URL too)."""
    from wagtailgeowidget import app_settings

    sources = {origin(app_settings.GEO_WIDGET_LEAFLET_TILE_LAYER), *map_tile_sources()}
    return sorted(source for source in sources if source)


def file_sources() -> list[str]:
    """Origins of uploaded files and static files, where they are served from elsewhere."""
    return sorted(
        {source for source in (origin(settings.MEDIA_URL), origin(settings.STATIC_URL)) if source}
    )


def _common(directives: dict) -> dict:
    report_uri = getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_URI", "")
    return {
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        **directives,
        **({"report-uri": [report_uri]} if report_uri else {}),
    }


def public_policy() -> dict:
    files = file_sources()
    return _common(
        {
            "default-src": [SELF],
            "script-src": [SELF, *files],
            "style-src": [SELF, *files],
            "img-src": [SELF, DATA, *files, *map_tile_sources()],
            "font-src": [SELF, *files],
            "connect-src": [SELF],
            "frame-src": [NONE],
            "frame-ancestors": [NONE],
        }
    )


def admin_policy() -> dict:
    files = file_sources()
    return _common(
        {
            "default-src": [SELF],
            "script-src": [SELF, UNSAFE_INLINE, *files],
            "style-src": [SELF, UNSAFE_INLINE, *files],
            "img-src": [SELF, DATA, BLOB, *files, *map_widget_tile_sources()],
            "font-src": [SELF, DATA, *files],
            "connect-src": [SELF],
            "media-src": [SELF, *files],
            "worker-src": [SELF, BLOB],
            # The preview panel shows the page in an iframe of the admin itself.
            "frame-src": [SELF],
            "frame-ancestors": [SELF],
        }
    )


def api_docs_policy() -> dict:
    files = file_sources()
    return _common(
        {
            "default-src": [SELF],
            "script-src": [SELF, *files],
            "style-src": [SELF, *files],
            "img-src": [SELF, DATA, *files],
            "connect-src": [SELF],
            "frame-ancestors": [NONE],
        }
    )


def api_policy() -> dict:
    return {"default-src": [NONE], "frame-ancestors": [NONE]}


def policy_for_request(request) -> dict | None:
    """The policy for a request; None where no policy applies (downloads, files).

    Wagtail renders previews by sending a dummy request for the page's public URL through the
    whole middleware stack (``is_dummy``); its response is shown in the admin's preview panel,
    so it gets the admin's policy (the public one forbids framing).
    """
    if getattr(request, "is_dummy", False):
        return admin_policy()
    path = request.path_info
    if path.startswith(ADMIN_PREFIX):
        return admin_policy()
    if path.startswith(API_DOCS_PREFIX):
        return api_docs_policy()
    if path.startswith(API_PREFIX):
        return api_policy()
    if path.startswith(UNPROTECTED_PREFIXES):
        return None
    return public_policy()


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy chosen by path instead of one global setting."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            parts.config = policy_for_request(request) or {}
        return parts
