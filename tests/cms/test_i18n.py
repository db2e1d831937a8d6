from django.conf import settings
from django.urls import reverse
from django.utils import translation

import polib
import pytest

from tests.conftest import translate_page
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


class TestLanguageRedirect:
    def test_root_redirects_to_german_by_default(self, client, home):
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"] == "/de/"

    def test_root_follows_the_browsers_language(self, client, home, home_en):
        response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9,de;q=0.5"})
        assert response["Location"] == "/en/"

    def test_unsupported_browser_language_gets_german(self, client, home):
        response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"})
        assert response["Location"] == "/de/"

    def test_locale_settings(self):
        assert settings.LANGUAGE_CODE == "de"
        assert settings.WAGTAIL_I18N_ENABLED is True
        assert [code for code, __ in settings.WAGTAIL_CONTENT_LANGUAGES] == ["de", "en"]


class TestLanguageSwitcher:
    def switcher(self, html):
        return html.split('class="language-switcher"')[1].split("</nav>")[0]

    def test_links_to_the_translation_of_the_current_page(self, client, home, home_en):
        page = ContentPageFactory(parent=home, title="Zielsetzung", slug="zielsetzung")
        translate_page(page, home_en.locale, title="Objectives", slug="objectives")
        html = client.get("/de/zielsetzung/").text
        switcher = self.switcher(html)
        assert 'href="/en/objectives/"' in switcher
        assert 'aria-current="true"' in switcher
        assert (
            '<link rel="alternate" hreflang="en" href="http://testserver/en/objectives/">' in html
        )

    def test_hides_languages_without_a_translation(self, client, home, home_en):
        ContentPageFactory(parent=home, title="Nur Deutsch", slug="nur-deutsch")
        html = client.get("/de/nur-deutsch/").text
        assert 'class="language-switcher"' not in html
        assert 'hreflang="en"' not in html

    def test_hides_unpublished_translations(self, client, home, home_en):
        page = ContentPageFactory(parent=home, slug="zielsetzung")
        english = translate_page(page, home_en.locale, title="Objectives", slug="objectives")
        english.unpublish()
        assert 'class="language-switcher"' not in client.get("/de/zielsetzung/").text

    def test_non_page_views_switch_to_the_same_view(self, client, home, home_en):
        html = client.get("/de/suche/?q=Stadt").text
        assert 'href="/en/search/?q=Stadt"' in self.switcher(html)


def test_search_url_is_translated():
    with translation.override("de"):
        assert reverse("search") == "/de/suche/"
    with translation.override("en"):
        assert reverse("search") == "/en/search/"


def test_german_catalogue_is_complete_and_compiled():
    """Every interface string has a German translation, and the compiled file is up to date."""
    po_path = settings.BASE_DIR / "locale" / "de" / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    assert {(e.msgid, e.msgstr) for e in compiled if not e.msgid_plural} == {
        (e.msgid, e.msgstr) for e in catalogue.translated_entries() if not e.msgid_plural
    }
