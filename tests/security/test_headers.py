"""Security headers: a Content-Security-Policy per audience, Permissions-Policy, framing."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from cms.security import origin
from tests.editorial.page_tree import one_page_of_each_type

pytestmark = pytest.mark.django_db


def csp(response) -> dict[str, list[str]]:
    """The response's Content-Security-Policy as directive → sources."""
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.fixture
def tree(home):
    return one_page_of_each_type(home)


@pytest.fixture
def tiles(settings):
    settings.MAP_TILE_URL = "https://{s}.tiles.example.test/{z}/{x}/{y}.png"
    return "https://*.tiles.example.test"


def test_public_page_allows_only_our_own_scripts_and_styles(client, tree):
    policy = csp(client.get(tree.content.url))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert not any("nonce-" in source for sources in policy.values() for source in sources)


@pytest.mark.parametrize("page", ["home", "content", "profiles", "library", "news", "event"])
def test_no_public_page_allows_inline_scripts(client, tree, page):
    response = client.get(getattr(tree, page).url)
    assert response.status_code == 200
    script_src = csp(response)["script-src"]
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src


def test_map_page_may_load_tiles_from_the_tile_server_only(client, tree, tiles):
    policy = csp(client.get(tree.profiles.url))
    assert policy["img-src"] == ["'self'", "data:", tiles]
    assert policy["connect-src"] == ["'self'"]


def test_public_policy_is_the_same_for_every_request(client, tree):
    """The anonymous page cache stores whole responses: nothing in the policy may vary."""
    first = client.get(tree.content.url).headers["Content-Security-Policy"]
    second = client.get(tree.content.url).headers["Content-Security-Policy"]
    assert first == second


def test_absolute_media_url_is_allowed_for_images(client, tree, settings):
    settings.MEDIA_URL = "https://files.example.test/media/"
    policy = csp(client.get(tree.content.url))
    assert "https://files.example.test" in policy["img-src"]


def test_admin_allows_inline_scripts_but_no_other_origin(admin_client, tree, tiles):
    response = admin_client.get(reverse("wagtailadmin_home"))
    policy = csp(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert tiles in policy["img-src"]  # the editor's map widget
    assert policy["frame-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


def test_admin_page_editor_has_the_admin_policy(admin_client, tree):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[tree.profile.pk]))
    assert response.status_code == 200
    assert csp(response)["script-src"] == ["'self'", "'unsafe-inline'"]


def test_admin_login_has_the_admin_policy(client, db):
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
    assert csp(response)["frame-ancestors"] == ["'self'"]


def test_api_docs_run_static_scripts_only(client, db):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    assert "swagger-ui-bundle.js" in response.text
    policy = csp(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_api_responses_may_load_nothing(client, home):
    response = client.get("/api/v3/pages/")
    assert response.status_code == 200
    assert csp(response) == {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}


def test_report_uri_is_added_when_configured(client, tree, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_URI = "https://reports.example.test/csp"
    assert csp(client.get(tree.content.url))["report-uri"] == ["https://reports.example.test/csp"]


def test_permissions_policy_switches_off_unused_features(client, tree):
    header = client.get(tree.content.url).headers["Permissions-Policy"]
    features = dict(part.strip().split("=") for part in header.split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"


def test_public_pages_cannot_be_framed(client, tree):
    assert client.get(tree.content.url).headers["X-Frame-Options"] == "DENY"


def test_admin_preview_can_still_be_framed_by_the_admin(admin_client, tree):
    """Wagtail's preview panel shows the page in an iframe of the admin: same origin only."""
    page = tree.content
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "teaser": page.teaser,
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    assert admin_client.post(url, data).json()["is_valid"] is True
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert csp(response)["frame-ancestors"] == ["'self'"]


def test_documents_get_no_policy(client, db):
    response = client.get("/documents/999999/nichts.pdf")
    assert "Content-Security-Policy" not in response.headers


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:8080"),
        ("/media/", None),
        ("", None),
    ],
)
def test_origin_of_a_url(url, expected):
    assert origin(url) == expected
