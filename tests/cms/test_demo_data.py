"""The demo content's data files (<app>/demo/*.yaml) and their shared loader (cms.demo.data):
every file loads, both languages are there, and a mistake in a file is reported with the file,
the item and the key."""

import datetime

import pytest

from cms.demo import data
from cms.demo.data import DemoDataError, blocks, fill, page, read_list


def test_the_data_files_of_every_app_load():
    from cms import demo_content as core
    from cms.demo.topics import TOPICS
    from home import demo_data as home
    from knowledge import demo_data as knowledge
    from profiles import demo_data as profiles

    assert len(TOPICS) == 18
    assert set(core.CONTACTS) == {"koordinierungsstelle", "fachberatung"}
    assert [p.key for p in home.PAGES][:2] == ["about", "portrait"]
    assert home.SITE.menu[0] == "about"
    assert len(home.EASY_LANGUAGE_PAGES) == 3
    assert len(knowledge.LIBRARY.workshops) == 10
    assert len(profiles.MUNICIPALITIES) == 20
    assert len(profiles.PROFILES) == 25


def test_pages_have_both_languages_and_unique_slugs():
    from home.demo_data import ACCESSIBILITY_STATEMENT, OPEN_DATA, PAGES

    for item in [*PAGES, ACCESSIBILITY_STATEMENT, OPEN_DATA]:
        assert set(item.de) == set(item.en), item.key
        assert all(item.de.values()), item.key
        assert all(item.en.values()), item.key
    for language in ("de", "en"):
        slugs = [(item.parent, getattr(item, language)["slug"]) for item in PAGES]
        assert len(set(slugs)) == len(slugs)


def test_a_page_splits_into_german_english_and_shared_fields():
    result = page(
        {
            "key": "about",
            "parent": "home",
            "type": "ContentPage",
            "show_in_menus": True,
            "teaser_image": "netzwerk",
            "topics": ["bildung"],
            "prepared_on": datetime.date(2026, 6, 1),
            "title": {"de": "Über uns", "en": "About us"},
            "slug": {"de": "ueber-uns", "en": "about-us"},
            "body": [{"paragraph": {"de": "<p>Hallo</p>", "en": "<p>Hello</p>"}}],
        },
        "pages.yaml item 1",
    )
    assert result.de == {"title": "Über uns", "slug": "ueber-uns"}
    assert result.en == {"title": "About us", "slug": "about-us"}
    assert result.fields == {"show_in_menus": True, "prepared_on": datetime.date(2026, 6, 1)}
    assert result.images == {"teaser_image": "netzwerk"}
    assert result.topics == ["bildung"]
    assert [spec.type for spec in result.streams["body"]] == ["paragraph"]
    assert result.streams["body"][0].value("en", None, "id") == "<p>Hello</p>"


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (
            {"key": "about", "title": {"de": "Über uns"}, "slug": "x"},
            r"pages.yaml item 3 \(about\): 'title' needs exactly the keys de and en",
        ),
        (
            {"key": "about", "title": {"de": "Über uns", "en": " "}, "slug": "x"},
            r"pages.yaml item 3 \(about\): 'title' needs a text in both languages",
        ),
        (
            {"key": "about", "title": {"de": "a", "en": "b"}},
            r"pages.yaml item 3 \(about\): 'slug' is missing",
        ),
        (
            {"key": "about", "slug": "a", "title": "a", "body": [{"paragraf": "x"}]},
            r"pages.yaml item 3 \(about\) body block 1 paragraf: unknown block type 'paragraf'",
        ),
        (
            {"key": "about", "slug": "a", "title": "a", "body": [{"heading": {"de": "x"}}]},
            r"item 3 \(about\) body block 1 heading: 'heading' needs exactly the keys de and en",
        ),
        (
            {"slug": "a", "title": "a"},
            r"pages.yaml item 3: 'key' needs a text",
        ),
    ],
)
def test_mistakes_name_the_item_and_the_key(item, message):
    with pytest.raises(DemoDataError, match=message):
        page(item, "pages.yaml item 3")


def test_block_mistakes_name_the_block():
    with pytest.raises(DemoDataError, match=r"body block 2 milestones: a milestone needs"):
        blocks(
            [
                {"paragraph": {"de": "a", "en": "b"}},
                {"milestones": [{"date": datetime.date(1994, 1, 1), "precision": "decade"}]},
            ],
            "body",
        )
    with pytest.raises(DemoDataError, match=r"block 1: a block is a mapping with one key"):
        blocks([{"paragraph": {"de": "a", "en": "b"}, "heading": {"de": "a", "en": "b"}}], "x")


def test_placeholders():
    assert fill("Werkstatt {number} in {city}", {"number": 3, "city": "Köln"}) == (
        "Werkstatt 3 in Köln"
    )
    assert fill(64, {}) == 64
    with pytest.raises(DemoDataError, match="unknown placeholder"):
        fill("Werkstatt {nummer}", {"number": 3})


def test_a_file_that_is_not_a_list_is_refused(tmp_path):
    path = tmp_path / "news.yaml"
    path.write_text("title: x\n", encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"news\.yaml: a list of items expected"):
        read_list(path)
    path.write_text("- title: [x\n", encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"news\.yaml: not valid YAML"):
        data.read(path)
