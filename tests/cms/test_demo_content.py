from django.apps import apps
from django.core.management import call_command
from django.db import connection

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation

import pytest

from cms.demo.topics import TOPICS
from cms.models import ContactPerson, FooterText, SiteSettings, Topic, TopicLabel
from home.models import ContentPage, EasyLanguagePage, HomePage, SignLanguagePage

pytestmark = pytest.mark.django_db


def snapshot():
    """Row counts of everything the loader writes, plus the page tree itself."""
    counted = [
        Page,
        Revision,
        Topic,
        TopicLabel,
        ContactPerson,
        FooterText,
        SiteSettings,
        StringTranslation,
        Redirect,
        apps.get_model("wagtailimages", "Image"),
    ]
    counts = {model._meta.label: model.objects.count() for model in counted}
    tree = list(Page.objects.order_by("path").values_list("path", "slug", "locale_id", "live"))
    return counts, tree


def test_loader_is_idempotent(demo):
    before = snapshot()
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == before


def test_the_loaded_content_has_planner_statistics(demo):
    # Without statistics PostgreSQL plans freshly loaded tables as if they were empty (and
    # gets none until autovacuum comes by, never where it is off).
    pages = Page.objects.count()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'wagtailcore_page'")
            assert cursor.fetchone()[0] == pages
        else:
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'wagtailcore_page'")
            assert any(stat.split()[0] == str(pages) for (stat,) in cursor.fetchall())


def check_every_german_page_has_a_live_english_translation():
    german = Locale.objects.get(language_code="de")
    english = Locale.objects.get(language_code="en")
    # Leichte Sprache and Deutsche Gebärdensprache are German by nature: the English site's
    # header links to the German pages.
    german_only = Page.objects.type(EasyLanguagePage, SignLanguagePage)
    german_pages = Page.objects.filter(locale=german, depth__gt=1).exclude(
        pk__in=german_only.values("pk")
    )
    assert german_pages.count() >= 13
    assert german_only.filter(locale=german, live=True).count() == 5
    assert not german_only.filter(locale=english).exists()
    for page in german_pages:
        translation = page.get_translation_or_none(english)
        assert translation is not None, page
        assert translation.live, translation
    # Place names stay the same; everything else reads English.
    english_content = ContentPage.objects.filter(locale=english)
    assert not english_content.filter(
        title__in=ContentPage.objects.filter(locale=german).values("title")
    )


def check_site_root_is_the_german_start_page():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "de"
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail").exists()


def check_full_topic_vocabulary_with_english_labels():
    assert Topic.objects.count() == len(TOPICS) == 18
    assert TopicLabel.objects.filter(locale__language_code="en").count() == 18
    for required in (
        "Gender Mainstreaming",
        "Lokale Ökonomie",
        "Bürgerbeteiligung und -aktivierung",
    ):
        assert Topic.objects.filter(name=required).exists()
    # The seeds' other wording of the same field is kept for search.
    assert "Förderung der lokalen Ökonomie" in Topic.objects.get(slug="lokale-oekonomie").synonyms


def check_coordination_office_contact():
    advice = ContactPerson.objects.get(name="Fachberatung", locale__language_code="de")
    assert advice.organisation == "empirica ag"
    assert advice.phone == "0228 914 89-65"
    assert advice.email == "soziale-stadt@netzwerk-stadtentwicklung.nrw"
    english = advice.get_translation(Locale.objects.get(language_code="en"))
    assert english.role == "Technical advice and support for the working group"


def check_demo_site_is_browsable_in_both_languages(client):
    german = client.get("/de/")
    english = client.get("/en/")
    assert german.status_code == english.status_code == 200
    assert "63 Kommunen" in german.text
    assert "63 municipalities" in english.text
    for path in ("/de/ueber-uns/portrait/", "/en/about-us/portrait/", "/en/contact/"):
        assert client.get(path).status_code == 200, path
    portrait = client.get("/en/about-us/portrait/").text
    assert "Preis Soziale Stadt 2012" in portrait
    assert "24 January 2013" in portrait
    contact = client.get("/en/contact/").text
    assert "Technical advice and support for the working group" in contact
    assert "tel:+492289148965" in contact


def check_knowledge_library(client):
    from knowledge.demo_content import PDF_ONLY_PHRASE
    from knowledge.models import PublicationPage, WorkshopPage, WorkshopSeriesPage

    series = WorkshopSeriesPage.objects.get(locale__language_code="de")
    workshops = WorkshopPage.objects.child_of(series)
    assert workshops.count() == 10
    assert len(set(workshops.values_list("host_city", flat=True))) == 9
    documentation = series.final_documentation
    assert documentation.main_document.text_extraction == "ok"
    assert PDF_ONLY_PHRASE in documentation.main_document.extracted_text
    assert PublicationPage.objects.filter(locale__language_code="en").count() == 4
    html = client.get("/de/suche/", {"q": PDF_ONLY_PHRASE}).text
    assert f'href="{documentation.url}"' in html


def check_news_and_events():
    from events.models import EventPage, NewsPage

    assert NewsPage.objects.filter(locale__language_code="de").count() >= 18
    events = EventPage.objects.filter(locale__language_code="de")
    assert events.count() >= 18
    from django.utils import timezone

    assert events.filter(ends_at__gt=timezone.now()).count() >= 5
    assert events.filter(ends_at__lte=timezone.now()).count() >= 5
    assert NewsPage.objects.filter(title__startswith="ESF-Programm").exists()

    # Written texts and plausible days (events/demo/*.yaml, cms/demo/dates.py).
    from cms.demo.dates import is_event_day, is_working_day

    for event in events:
        assert is_event_day(event.start_date), (event.slug, event.start_date)
        if event.registration_deadline:
            assert is_working_day(event.registration_deadline), event.slug
    pages = [*events, *NewsPage.objects.filter(locale__language_code="de")]
    assert len({page.teaser for page in pages}) == len(pages)
    for page in pages:
        first = str(page.body[0].value).split("</p>")[0].removeprefix("<p>")
        assert first != page.teaser, page.slug


def check_open_data(client):
    """The "Offene Daten" page in both languages, in the footer, and every download of it."""
    import csv
    import io

    from home.models import OpenDataPage

    german = OpenDataPage.objects.get(locale__language_code="de")
    english = german.get_translation(Locale.objects.get(language_code="en"))
    footer = client.get("/de/").text.split("<footer")[1]
    assert f'href="{german.url}"' in footer
    for page in (german, english):
        html = client.get(page.url).text
        for dataset in page.datasets:
            for fmt in dataset["formats"]:
                assert f'href="{fmt["url"]}"' in html
                response = client.get(fmt["url"])
                assert response.status_code == 200, fmt["url"]
                assert b"".join(response.streaming_content), fmt["url"]
    profiles = client.get("/daten/de/stadtteilprofile.csv")
    text = b"".join(profiles.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) >= 10
    assert client.get("/daten/katalog.ttl").status_code == 200


def check_easy_and_sign_language(client):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.easy_language_page.url == "/de/leichte-sprache/"
    assert settings.sign_language_page.url == "/de/gebaerdensprache/"
    html = client.get("/de/leichte-sprache/").text
    for slug in ("inhalt", "bedienung", "barrierefreiheit"):
        assert f'href="/de/leichte-sprache/{slug}/"' in html
    assert "Wörterbuch" in html
    english = client.get("/en/").text.split("</header>")[0]
    assert 'href="/de/leichte-sprache/" hreflang="de"' in english
    sign = client.get("/de/gebaerdensprache/").text
    assert "<video" not in sign  # no video yet, and the page does not pretend otherwise
    assert "ist in Vorbereitung" in sign


def test_demo_content(demo, client):
    """One load, checked from several sides (loading takes seconds, so it is shared)."""
    check_open_data(client)
    check_knowledge_library(client)
    check_news_and_events()
    check_every_german_page_has_a_live_english_translation()
    check_site_root_is_the_german_start_page()
    check_full_topic_vocabulary_with_english_labels()
    check_coordination_office_contact()
    check_demo_site_is_browsable_in_both_languages(client)
    check_easy_and_sign_language(client)


def test_translations_are_real_wagtail_localize_translations(demo):
    """English pages come from stored string translations, so a later sync keeps them."""
    page = Page.objects.get(slug="zielsetzung", locale__language_code="de").specific
    assert StringTranslation.objects.filter(
        locale__language_code="en", data__contains="strengthen the development"
    ).exists()
    from cms.demo.translation import sync

    sync(page, Locale.objects.get(language_code="en"))
    english = page.get_translation(Locale.objects.get(language_code="en")).specific
    assert "strengthen the development" in str(english.body)
