"""Public pages run scripts from static files only, so their CSP needs no nonce and no
'unsafe-inline' and a cached page is the same for every visitor."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.editorial.page_tree import one_page_of_each_type

ROOT = Path(__file__).resolve().parents[2]
APPS = ("cms", "home", "profiles", "knowledge", "events", "search")
# Admin-only templates (dashboard panels) are rendered under the admin's own policy.
ADMIN_TEMPLATES = ("cms/templates/cms/admin/",)
# Script elements that hold data, which the browser never executes.
DATA_TYPES = {"application/ld+json", "application/json"}

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def public_templates() -> list[Path]:
    return [
        path
        for app in APPS
        for path in sorted((ROOT / app / "templates").rglob("*.html"))
        if not str(path.relative_to(ROOT)).startswith(ADMIN_TEMPLATES)
    ]


def test_there_are_public_templates_to_check():
    names = {path.name for path in public_templates()}
    assert {"base.html", "district_profile_index_page.html"} <= names


@pytest.mark.parametrize(
    "template", public_templates(), ids=lambda path: str(path.relative_to(ROOT))
)
def test_public_template_has_no_inline_script(template):
    text = template.read_text()
    for match in SCRIPT_TAG.finditer(text):
        attributes = match.group(1)
        assert "src=" in attributes, f"inline <script{attributes}> in {template.name}"
    assert not EVENT_HANDLER.search(text), f"inline event handler in {template.name}"
    assert "javascript:" not in text


class ScriptCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inline = []
        self.handlers = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if (
            tag == "script"
            and "src" not in attributes
            and attributes.get("type") not in DATA_TYPES
        ):
            self.inline.append(attributes)
        self.handlers += [name for name in attributes if name.startswith("on")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "page", ["home", "content", "profiles", "municipality", "profile", "series", "event", "news"]
)
def test_rendered_public_page_has_no_inline_script(client, home, page):
    tree = one_page_of_each_type(home)
    response = client.get(getattr(tree, page).url)
    assert response.status_code == 200
    collector = ScriptCollector()
    collector.feed(response.text)
    assert collector.inline == []
    assert collector.handlers == []
