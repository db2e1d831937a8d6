"""The one place that wires the site together: admin, documents, public pages per language."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.api.v3.urls import api as api_v3
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import health, media, seo, workflow
from cms import views as cms_views
from cms.api.v2 import api_router
from cms.opendata import urls as opendata_urls
from cms.sitemap import PageSitemap
from search import views as search_views

urlpatterns = [
    # Wagtail's workflow action view at its own address, with a confirmation of the decision
    # (cms.workflow); reverse("wagtailadmin_pages:workflow_action") gives the same address.
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        require_admin_access(workflow.workflow_action),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", api_router.urls),
    path("api/v3/", api_v3.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PageSitemap}}, name="sitemap"),
    path("healthz", health.healthz, name="healthz"),
    # Open data: datasets and the DCAT-AP.de catalogue (cms.opendata), language-independent.
    path("", include(opendata_urls)),
]

# Uploaded images, under the privacy rule of files (cms.media); never a plain folder.
if settings.MEDIA_URL.startswith("/"):
    urlpatterns.append(path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", media.serve_media))

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Public pages live under /de/ and /en/; "/" redirects by the browser's language (German default).
urlpatterns += i18n_patterns(
    path("", include(search_views.urlpatterns)),
    path("", include(cms_views.urlpatterns)),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
