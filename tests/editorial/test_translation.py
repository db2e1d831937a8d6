"""Translation: German is the source; moderators translate and sync with wagtail-localize.

The English page of a German page is created by "Translate" (as a draft), filled by the
translator in wagtail-localize's editor and published; "Sync" carries later German changes over:
synchronised fields (dates, topics, map points) at once, changed texts as German until
translated. Pages without a published English translation appear nowhere on the English site.
"""

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

import pytest

from cms.settings.translation import DEEPL_TRANSLATOR, machine_translator
from tests.cms.factories import (
    ContactPersonFactory,
    FooterTextFactory,
    TopicFactory,
    TopicLabelFactory,
)
from tests.conftest import tag, translate_page
from tests.events.factories import NewsIndexPageFactory, NewsPageFactory

from .page_tree import one_page_of_each_type, project_page_models

ROOT = Path(__file__).resolve().parents[2]

# What the moderators' group needs for translating (see the report of issue 8).
TRANSLATION_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",
    "cms.add_contactperson",
    "cms.change_contactperson",
    "cms.add_footertext",
    "cms.change_footertext",
]
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


@pytest.fixture
def moderator(django_user_model, home, home_en):
    """A member of the coordination office: page rights on both language trees, snippet rights,
    and wagtail-localize's "submit translation"."""
    group = Group.objects.create(name="Übersetzung (Test)")
    for name in TRANSLATION_PERMISSIONS:
        app_label, codename = name.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    for page in (home, home_en):
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.create(
                group=group,
                page=page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    user = django_user_model.objects.create_user("moderation", password="x" * 12)
    user.groups.add(group)
    return user


@pytest.fixture
def news_index(home, home_en, english):
    """The German news section with its English translation ("News"), in the menus."""
    index = NewsIndexPageFactory(parent=home, show_in_menus=True)
    translate_page(index, english, title="News", slug="news")
    return index


@pytest.fixture
def participation(db):
    topic = TopicFactory(name="Bürgerbeteiligung", slug="buergerbeteiligung")
    TopicLabelFactory(topic=topic, label="Citizen participation")
    return topic


def submit_translation(client, page, english, **extra):
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk], **extra},
    )


def translation_of(instance, locale) -> Translation:
    source = TranslationSource.objects.get_for_instance(instance)
    return Translation.objects.get(source=source, target_locale=locale)


def translate_strings(client, translation, texts: dict[str, str]):
    """What the translator does in wagtail-localize's editor: one PUT per string."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    done = set()
    for segment in segments:
        if segment.string.data in texts:
            response = client.put(
                reverse(
                    "wagtail_localize:edit_string_translation",
                    args=[translation.pk, segment.pk],
                ),
                urlencode({"value": texts[segment.string.data]}),
                content_type="application/x-www-form-urlencoded",
            )
            assert response.status_code in (200, 201), response.content
            done.add(segment.string.data)
    assert done == set(texts), f"no such source strings: {set(texts) - done}"


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """wagtail-localize publishes a translation when the transaction commits; a test runs in
    one transaction, so its callbacks are run at the end of the block instead."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def publish_translation(client, page, on_commit):
    """The translation editor's "Publish" button."""
    with on_commit():
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
        )
    assert response.status_code == 302, response.content


@pytest.fixture
def news(news_index, participation):
    page = NewsPageFactory(
        parent=news_index,
        title="Neue Förderrichtlinie",
        slug="neue-foerderrichtlinie",
        teaser="Das Land fördert Quartiere länger.",
        body=[{"type": "paragraph", "value": "<p>Die Richtlinie gilt ab Juli.</p>"}],
    )
    return tag(page, participation)


def links(html: str) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', html))


def seen_in_english(client, query: str) -> dict[str, set[str]]:
    """What English visitors and API clients see: the links of the start page (menu) and of
    the search results, and the page titles of API v2 and v3."""
    client.logout()
    home = client.get("/en/")
    assert home.status_code == 200
    search = client.get("/en/search/", {"q": query})
    assert search.status_code == 200
    v2 = client.get("/api/v2/pages/", {"locale": "en", "limit": 100}).json()
    v3 = client.get("/api/v3/pages/", {"locale": "en", "limit": 100}).json()
    return {
        "menu": links(home.text),
        "search": links(search.text),
        "v2": {item["title"] for item in v2["items"]},
        "v3": {item["title"] for item in v3["items"]},
    }


# ------------------------------------------------------------------------------ translate


def test_moderator_translates_a_german_page_into_a_draft_in_the_english_tree(
    client, moderator, news, news_index, english
):
    client.force_login(moderator)
    response = submit_translation(client, news, english)

    english_page = news.get_translation(english).specific
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[english_page.pk])
    assert english_page.locale == english
    assert english_page.get_parent().pk == news_index.get_translation(english).pk
    assert english_page.translation_key == news.translation_key
    # Not published before anyone translated it: it would show German text on the English site.
    assert not english_page.live
    assert translation_of(news, english).enabled


def test_translated_and_published_page_appears_in_english(
    client, moderator, news, english, participation, on_commit
):
    client.force_login(moderator)
    submit_translation(client, news, english)
    translation = translation_of(news, english)
    english_page = news.get_translation(english)

    translate_strings(
        client,
        translation,
        {
            "Neue Förderrichtlinie": "New funding guideline",
            "Das Land fördert Quartiere länger.": "The state funds neighbourhoods for longer.",
            "Die Richtlinie gilt ab Juli.": "The guideline applies from July.",
        },
    )
    publish_translation(client, english_page, on_commit)

    english_page = english_page.specific_class.objects.get(pk=english_page.pk)
    assert english_page.live
    assert english_page.title == "New funding guideline"
    assert english_page.date == news.date
    assert [topic.slug for topic in english_page.topics.all()] == ["buergerbeteiligung"]
    response = client.get(english_page.url)
    assert response.status_code == 200
    assert "The guideline applies from July." in response.text
    # Topics are shared by both languages; English visitors read the English label.
    assert "Citizen participation" in response.text
    assert "Bürgerbeteiligung" not in response.text

    seen = seen_in_english(client, "guideline")
    assert english_page.url in seen["search"]
    assert "New funding guideline" in seen["v2"]
    assert "New funding guideline" in seen["v3"]


def test_sync_carries_german_changes_over_to_the_english_page(
    client, moderator, news, english, participation, on_commit
):
    client.force_login(moderator)
    submit_translation(client, news, english)
    translation = translation_of(news, english)
    translate_strings(client, translation, {"Neue Förderrichtlinie": "New funding guideline"})
    publish_translation(client, news.get_translation(english), on_commit)

    # The German editor changes the date (synchronised), the topics (synchronised, shared by
    # both languages) and the teaser (translated).
    economy = TopicFactory(name="Lokale Ökonomie", slug="lokale-oekonomie")
    news = news.specific_class.objects.get(pk=news.pk)
    news.date = news.date.replace(year=news.date.year + 1)
    news.teaser = "Das Land fördert Quartiere bis 2030."
    news.topics.add(economy)
    news.save_revision().publish()

    source = translation.source
    with on_commit():
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302

    english_page = news.get_translation(english).specific
    assert english_page.live
    assert english_page.date == news.date
    assert {topic.slug for topic in english_page.topics.all()} == {
        "buergerbeteiligung",
        "lokale-oekonomie",
    }
    assert english_page.title == "New funding guideline"  # the translation is kept
    # A changed text waits for its translation and shows the German meanwhile.
    assert english_page.teaser == "Das Land fördert Quartiere bis 2030."
    translate_strings(
        client,
        translation,
        {"Das Land fördert Quartiere bis 2030.": "The state funds neighbourhoods until 2030."},
    )
    publish_translation(client, english_page, on_commit)
    english_page.refresh_from_db()
    assert english_page.teaser == "The state funds neighbourhoods until 2030."


def test_moderator_sees_translate_and_sync_buttons(client, moderator, news, english):
    client.force_login(moderator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[news.pk])
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[news.pk])
    assert submit_url in client.get(edit_url).text

    submit_translation(client, news, english)
    source = TranslationSource.objects.get_for_instance(news)
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in (
        client.get(edit_url).text
    )


def test_every_page_type_can_be_translated(client, moderator, home, english):
    pages = one_page_of_each_type(home)
    client.force_login(moderator)
    all_pages = [page for page in vars(pages).values() if page is not home]
    for page in all_pages:
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        assert client.get(url).status_code == 200, type(page).__name__

    # The whole subtree at once, as an editor would translate a new section.
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[pages.profiles.pk]),
        {"locales": [english.pk], "include_subtree": "on"},
    )
    assert response.status_code == 302
    for page in all_pages:
        submit_translation(client, page, english)  # pages already translated are skipped
        translated = page.get_translation_or_none(english)
        assert translated is not None, f"{type(page).__name__} was not translated"
        assert translated.specific_class is type(page)
        assert translated.alias_of_id is None

    translated_types = {
        page.specific_class
        for page in Page.objects.filter(locale=english, depth__gt=1).exclude(pk=home.pk)
    }
    assert translated_types == set(project_page_models())


@pytest.mark.parametrize("factory", [ContactPersonFactory, FooterTextFactory])
def test_moderator_translates_translatable_snippets(client, moderator, english, factory):
    snippet = factory()
    client.force_login(moderator)
    meta = snippet._meta
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, snippet.pk],
    )
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [english.pk]})
    assert response.status_code == 302
    translated = snippet.get_translation(english)
    edit = client.get(response["Location"])
    assert edit.status_code == 200
    assert translated.locale == english


def test_koordinierungsstelle_group_may_translate_and_sync(
    client, django_user_model, news, english, on_commit
):
    """The moderators' group from the roles migration (cms.roles) has what translating needs."""
    group = Group.objects.get(name="Koordinierungsstelle")
    user = django_user_model.objects.create_user("koordination", password="x" * 12)
    user.groups.add(group)
    client.force_login(user)

    assert submit_translation(client, news, english).status_code == 302
    english_page = news.get_translation(english)
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[english_page.pk])).status_code == 200
    )
    publish_translation(client, english_page, on_commit)
    source = TranslationSource.objects.get_for_instance(news)
    assert (
        client.get(reverse("wagtail_localize:update_translations", args=[source.pk])).status_code
        == 200
    )
    snippet = ContactPersonFactory()
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["cms", "contactperson", snippet.pk]
    )
    assert client.post(url, {"locales": [english.pk]}).status_code == 302
    assert snippet.get_translation_or_none(english) is not None


def test_editor_without_the_permission_cannot_translate(client, django_user_model, news, english):
    editor = django_user_model.objects.create_user("redaktion", password="x" * 12)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = submit_translation(client, news, english)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")  # "permission denied"
    assert news.get_translation_or_none(english) is None


# ------------------------------------------------------------------ untranslated pages


def test_german_page_without_translation_is_missing_from_the_english_site(client, news):
    seen = seen_in_english(client, "Förderrichtlinie")
    assert not [url for url in seen["search"] if news.slug in url]
    assert "Neue Förderrichtlinie" not in seen["v2"]
    assert "Neue Förderrichtlinie" not in seen["v3"]
    # The translated section is there.
    assert "/en/news/" in seen["menu"]
    assert "News" in seen["v2"]
    assert "News" in seen["v3"]


def test_untranslated_english_draft_is_missing_from_the_english_site(
    client, moderator, home, home_en, news, english
):
    section = NewsIndexPageFactory(
        parent=home, title="Pressemitteilungen", slug="presse", show_in_menus=True
    )
    client.force_login(moderator)
    submit_translation(client, section, english)
    submit_translation(client, news, english)
    drafts = [section.get_translation(english), news.get_translation(english)]
    assert not any(page.live for page in drafts)

    seen = seen_in_english(client, "Förderrichtlinie")
    assert drafts[0].url not in seen["menu"]
    assert not [url for url in seen["search"] if news.slug in url]
    assert not {"Pressemitteilungen", "Neue Förderrichtlinie"} & seen["v2"]
    assert not {"Pressemitteilungen", "Neue Förderrichtlinie"} & seen["v3"]


# ------------------------------------------------------------------- machine translation


def test_machine_translation_is_off_without_a_deepl_key():
    assert machine_translator("") is None
    assert machine_translator("   ") is None


def test_deepl_key_turns_machine_translation_on():
    config = machine_translator("0123-abcd:fx", timeout=10)
    assert config == {
        "CLASS": DEEPL_TRANSLATOR,
        "OPTIONS": {"AUTH_KEY": "0123-abcd:fx", "TIMEOUT": 10},
    }


@pytest.mark.parametrize(("key", "expected"), [("", "None"), ("secret:fx", DEEPL_TRANSLATOR)])
def test_settings_read_the_deepl_key_from_the_environment(key, expected):
    environment = {k: v for k, v in os.environ.items() if k != "DEEPL_API_KEY"}
    if key:
        environment["DEEPL_API_KEY"] = key
    code = (
        "from cms.settings import base; "
        "config = base.WAGTAILLOCALIZE_MACHINE_TRANSLATOR; "
        "print(config and config['CLASS'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == expected


def test_deepl_translator_is_offered_when_configured(settings):
    from wagtail_localize.machine_translators import get_machine_translator

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator("secret:fx")
    translator = get_machine_translator()
    assert translator.display_name == "DeepL"
    assert translator.get_api_endpoint() == "https://api-free.deepl.com/v2/translate"


def test_placeholder_of_an_untranslated_section_is_missing_from_the_english_site(
    client, moderator, home, home_en, english, on_commit
):
    """Translating a page whose section has no English version yet makes wagtail-localize put
    an alias of the German section into the English tree (German title and text)."""
    section = NewsIndexPageFactory(
        parent=home, title="Pressemitteilungen", slug="presse", show_in_menus=True
    )
    item = NewsPageFactory(parent=section, title="Neue Förderrichtlinie")
    client.force_login(moderator)
    submit_translation(client, item, english)
    translation = translation_of(item, english)
    translate_strings(client, translation, {"Neue Förderrichtlinie": "New funding guideline"})
    publish_translation(client, item.get_translation(english), on_commit)

    placeholder = section.get_translation(english)
    assert placeholder.alias_of_id == section.pk
    assert placeholder.live

    seen = seen_in_english(client, "Pressemitteilungen")
    assert placeholder.url not in seen["menu"]
    assert placeholder.url not in seen["search"]
    assert "Pressemitteilungen" not in seen["v3"]
    # The translated page itself is there.
    assert "New funding guideline" in seen["v3"]
    assert "New funding guideline" in seen["v2"]
    assert "Pressemitteilungen" not in seen["v2"]


def test_visibility_rule_keeps_aliases_within_one_language(home, home_en, english):
    from cms.querysets import visible, visible_for_search

    section = NewsIndexPageFactory(parent=home, title="Pressemitteilungen", slug="presse")
    same_language = section.create_alias(parent=home, update_slug="presse-kopie")
    placeholder = section.copy_for_translation(english, alias=True)

    for rule in (visible, visible_for_search):
        shown = set(rule(Page.objects.all()).values_list("pk", flat=True))
        assert {section.pk, same_language.pk} <= shown
        assert placeholder.pk not in shown
