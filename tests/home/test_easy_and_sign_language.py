"""Leichte Sprache and Deutsche Gebärdensprache (BITV 2.0 § 4): the page types, their place in
the tree, the header links on every page and the API."""

import re

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms.models.documents import detect_content
from home.models import EasyLanguagePage, HomePage, SignLanguagePage
from tests.cms.factories import DocumentFactory, ImageFactory, SiteSettingsFactory
from tests.conftest import forget_stored_files, translate_page
from tests.home.factories import (
    ContentPageFactory,
    EasyLanguagePageFactory,
    SignLanguagePageFactory,
)

pytestmark = pytest.mark.django_db

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00\x00\x00\x08free" * 4
WEBM = bytes.fromhex("1a45dfa3a34286810142f7810142f2810442f381084282847765626d4287810442858102")
VTT = b"WEBVTT\n\n00:00.000 --> 00:04.000\nWillkommen auf der Website.\n"


def video_document(**kwargs):
    return DocumentFactory(
        title="Video DGS", file__filename="willkommen.mp4", file__data=MP4, **kwargs
    )


def captions_document():
    return DocumentFactory(title="Untertitel DGS", file__filename="willkommen.vtt", file__data=VTT)


# --- page types --------------------------------------------------------------------------------


def test_easy_language_pages_form_a_section_under_the_start_page(home):
    assert EasyLanguagePage.can_create_at(home)
    start = EasyLanguagePageFactory(parent=home)
    assert EasyLanguagePage.can_create_at(start)
    assert not EasyLanguagePage.can_create_at(ContentPageFactory(parent=home))
    assert EasyLanguagePage.allowed_subpage_models() == [EasyLanguagePage]


def test_sign_language_pages_live_under_the_start_page(home):
    assert SignLanguagePage.can_create_at(home)
    page = SignLanguagePageFactory(parent=home)
    assert SignLanguagePage.can_create_at(page)
    assert not SignLanguagePage.can_create_at(ContentPageFactory(parent=home))
    assert {"home.EasyLanguagePage", "home.SignLanguagePage"} <= set(HomePage.subpage_types)


def test_both_are_translatable_like_every_page(home, home_en):
    easy = EasyLanguagePageFactory(parent=home)
    sign = SignLanguagePageFactory(parent=home)
    for page in (easy, sign):
        english = translate_page(page, home_en.locale)
        assert english.translation_key == page.translation_key
        assert english.locale == home_en.locale


def test_a_video_must_be_a_video_and_captions_webvtt(home):
    pdf = DocumentFactory(title="Flyer")
    page = SignLanguagePageFactory(parent=home)
    page.video = pdf
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert set(error.value.message_dict) == {"video"}

    page.video, page.captions = video_document(), pdf
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert set(error.value.message_dict) == {"captions"}

    page.video, page.captions = None, captions_document()
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["captions"] == ["Untertitel brauchen ein Video."]

    page.video = video_document()
    page.full_clean()
    assert page.video_type == "video/mp4"


@pytest.mark.parametrize(
    ("name", "data", "accepted"),
    [
        ("dgs.mp4", MP4, True),
        ("dgs.webm", WEBM, True),
        ("dgs.vtt", VTT, True),
        ("dgs.vtt", b"Hallo\n", False),  # not WebVTT
        ("dgs.mp4", b"%PDF-1.4\n%%EOF\n", False),  # a disguised file
        ("dgs.webm", MP4, False),
    ],
)
def test_uploads_of_videos_and_captions_are_checked_by_content(name, data, accepted):
    __, matches = detect_content(ContentFile(data, name=name))
    assert matches is accepted


# --- rendered pages ---------------------------------------------------------------------------


def test_easy_language_page_shows_one_sentence_per_line_picture_and_glossary(client, home):
    picture = ImageFactory(title="Häuser", description="Gezeichnete Häuser")
    page = EasyLanguagePageFactory(parent=home, slug="leichte-sprache")
    body = page.body.raw_data
    body[0]["value"]["image"] = {"image": picture.pk, "decorative": False, "alt_text": "Häuser"}
    page.body = body
    page.checked_by = "Prüfgruppe Essen"
    page.save_revision().publish()

    html = client.get("/de/leichte-sprache/").text
    section = html.split('class="easy-section easy-section--with-image"')[1].split("</section>")[0]
    assert section.index('class="easy-section__image"') < section.index("<h2>Willkommen</h2>")
    assert 'alt="Häuser"' in section
    assert "<p>Das ist die Internet-Seite vom Netzwerk.</p><p>Hier steht alles.</p>" in section
    glossary = html.split('class="glossary"')[1]
    assert "<dt>Netzwerk</dt>" in glossary
    assert "<p>Ein Netzwerk ist eine Gruppe.</p><p>Alle helfen sich.</p>" in glossary
    assert "Diesen Text hat geprüft: Prüfgruppe Essen" in html


def test_easy_language_start_page_links_its_pages(client, home):
    start = EasyLanguagePageFactory(parent=home, slug="leichte-sprache")
    EasyLanguagePageFactory(parent=start, title="So benutzen Sie die Seite", slug="bedienung")
    html = client.get("/de/leichte-sprache/").text
    assert "Mehr in Leichter Sprache" in html
    assert 'href="/de/leichte-sprache/bedienung/"' in html.split("<main")[1].split("<nav")[0]


def test_sign_language_page_without_video_says_so_and_shows_the_text(client, home):
    page = SignLanguagePageFactory(parent=home)
    html = client.get(page.url).text
    assert "<video" not in html
    assert "Das Video in Deutscher Gebärdensprache ist in Vorbereitung." in html
    assert "Willkommen auf der Website des Netzwerks." in html


@pytest.fixture
def disk_storage(settings, tmp_path):
    """Files on disk, as in production: the download view serves local paths, which Django's
    in-memory storage of the tests only pretends to have."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    forget_stored_files()
    yield
    forget_stored_files()


def test_sign_language_video_is_played_from_this_site_with_captions(client, home, disk_storage):
    video, captions = video_document(), captions_document()
    page = SignLanguagePageFactory(parent=home, video=video, captions=captions)
    html = client.get(page.url).text
    player = re.search(r"<video[^>]*>.*?</video>", html, re.S).group(0)
    assert " controls" in player
    assert f'<source src="{video.url}" type="video/mp4">' in player
    assert (
        f'<track kind="captions" srclang="de" label="Deutsch" src="{captions.url}" default>'
        in player
    )
    assert "in Vorbereitung" not in html
    # no player of another service: every address is this site's own
    assert not re.search(r'src="(https?:)?//', player)
    # both files are public now that a live page uses them, served by our server
    response = client.get(captions.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vtt")
    assert client.get(video.url).status_code == 200


def test_draft_pages_are_not_served(client, home):
    for factory in (EasyLanguagePageFactory, SignLanguagePageFactory):
        page = factory(parent=home, live=False)
        assert client.get(f"/de/{page.slug}/").status_code == 404


# --- header links -----------------------------------------------------------------------------


@pytest.fixture
def linked(home, home_en):
    easy = EasyLanguagePageFactory(parent=home, slug="leichte-sprache")
    sign = SignLanguagePageFactory(parent=home, slug="gebaerdensprache")
    SiteSettingsFactory(easy_language_page=easy, sign_language_page=sign)
    return easy, sign


def header(client, path) -> str:
    return client.get(path).text.split("<header")[1].split("</header>")[0]


def test_every_page_header_links_to_leichte_sprache_and_sign_language(client, home, linked):
    other = ContentPageFactory(parent=home, slug="zielsetzung")
    for path in ("/de/", other.url, "/de/suche/"):
        html = header(client, path)
        assert '<a class="access-link" href="/de/leichte-sprache/">' in html, path
        assert "<span>Leichte Sprache</span>" in html
        assert '<a class="access-link" href="/de/gebaerdensprache/">' in html
        assert "<span>Gebärdensprache</span>" in html
        assert 'src="/static/cms/img/leichte-sprache.svg" alt=""' in html


def test_english_pages_link_the_german_pages_marked_as_german(client, linked):
    html = header(client, "/en/")
    assert '<a class="access-link" href="/de/leichte-sprache/" hreflang="de">' in html
    assert '<span lang="de">Leichte Sprache</span>' in html
    assert '<a class="access-link" href="/de/gebaerdensprache/" hreflang="de">' in html
    assert "<span>German Sign Language</span>" in html


def test_a_translated_page_is_linked_in_the_visitors_language(client, home_en, linked):
    __, sign = linked
    translate_page(sign, home_en.locale, slug="sign-language")
    html = header(client, "/en/")
    assert '<a class="access-link" href="/en/sign-language/">' in html


def test_no_header_link_to_a_page_visitors_may_not_see(client, linked):
    easy, __ = linked
    easy.unpublish()
    html = header(client, "/de/")
    assert "leichte-sprache" not in html
    assert "/de/gebaerdensprache/" in html


def test_header_links_cost_no_query_of_their_own(client, home):
    contact = ContentPageFactory(parent=home, slug="kontakt")
    settings = SiteSettingsFactory(footer_pages=[contact])

    def count():
        client.get("/de/kontakt/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/de/kontakt/").status_code == 200
        return len(queries)

    without = count()
    settings.easy_language_page = EasyLanguagePageFactory(parent=home)
    settings.sign_language_page = SignLanguagePageFactory(parent=home)
    settings.save()
    assert count() == without
    assert "access-link" in client.get("/de/kontakt/").text


# --- API ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_easy_language_page_in_the_api(client, home, version):
    page = EasyLanguagePageFactory(parent=home, checked_by="Prüfgruppe Essen")
    data = client.get(f"/api/{version}/pages/{page.pk}/").json()
    assert data["meta"]["type"] == "home.EasyLanguagePage"
    assert data["checked_by"] == "Prüfgruppe Essen"
    section, glossary = data["body"]
    assert section["type"] == "section"
    assert section["value"] == {
        "heading": "Willkommen",
        "lines": ["Das ist die Internet-Seite vom Netzwerk.", "Hier steht alles."],
        "image": None,
    }
    assert glossary["value"] == {
        "heading": "Wörterbuch",
        "entries": [
            {
                "term": "Netzwerk",
                "explanation": ["Ein Netzwerk ist eine Gruppe.", "Alle helfen sich."],
            }
        ],
    }


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_sign_language_page_in_the_api(client, home, version):
    video, captions = video_document(), captions_document()
    page = SignLanguagePageFactory(parent=home, video=video, captions=captions)
    data = client.get(f"/api/{version}/pages/{page.pk}/").json()
    assert data["meta"]["type"] == "home.SignLanguagePage"
    assert data["video"]["url"] == video.url
    assert data["video"]["file_type"] == "MP4"
    assert data["captions"]["url"] == captions.url
    assert data["poster"] is None
    assert data["transcript"] == "<p>Willkommen auf der Website des Netzwerks.</p>"

    placeholder = SignLanguagePageFactory(parent=home)
    data = client.get(f"/api/{version}/pages/{placeholder.pk}/").json()
    assert data["video"] is None
    assert data["captions"] is None


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_drafts_of_both_types_are_not_in_the_api(client, home, version):
    for factory in (EasyLanguagePageFactory, SignLanguagePageFactory):
        draft = factory(parent=home, live=False)
        assert client.get(f"/api/{version}/pages/{draft.pk}/").status_code == 404
