import datetime
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.rich_text import RichText

import pytest

from cms.blocks import (
    AccordionBlock,
    CallToActionBlock,
    ContactPersonBlock,
    ContentStreamBlock,
    DownloadsBlock,
    FigureBlock,
    HeadingBlock,
    LinkBlock,
    LinkListBlock,
    MilestonesBlock,
    PageTeaserBlock,
    ParagraphBlock,
    QuoteBlock,
    TableBlock,
)
from tests.cms.factories import ContactPersonFactory, DocumentFactory, ImageFactory
from tests.conftest import translate_page
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def stream_value(block_type, value):
    block = ContentStreamBlock()
    return block.to_python([{"type": block_type, "value": value}])


class TestHeading:
    def test_renders_level_and_anchor(self):
        html = HeadingBlock().render({"text": "Gebietscharakter und Ausgangslage", "level": "h3"})
        assert html.strip() == (
            '<h3 id="gebietscharakter-und-ausgangslage" class="block-heading">'
            "Gebietscharakter und Ausgangslage</h3>"
        )

    def test_api_representation(self):
        block = HeadingBlock()
        value = block.to_python({"text": "Perspektiven", "level": "h2"})
        assert block.get_api_representation(value) == {
            "text": "Perspektiven",
            "level": "h2",
            "anchor": "perspektiven",
        }


class TestParagraph:
    def test_api_representation_resolves_internal_links(self, home):
        page = ContentPageFactory(parent=home, slug="ziel")
        block = ParagraphBlock()
        value = RichText(f'<p>Siehe <a linktype="page" id="{page.pk}">Ziel</a>.</p>')
        assert block.get_api_representation(value) == '<p>Siehe <a href="/de/ziel/">Ziel</a>.</p>'

    def test_only_the_restricted_features_are_offered(self):
        assert set(ParagraphBlock().features) == {
            "bold",
            "italic",
            "ol",
            "ul",
            "link",
            "document-link",
        }


class TestFigure:
    def test_alt_text_is_required_unless_decorative(self):
        image = ImageFactory()
        block = FigureBlock()
        missing_alt = block.to_python(
            {"image": {"image": image.pk, "decorative": False, "alt_text": ""}, "caption": ""}
        )
        with pytest.raises(StructBlockValidationError):
            block.clean(missing_alt)
        decorative = block.to_python(
            {"image": {"image": image.pk, "decorative": True, "alt_text": ""}, "caption": ""}
        )
        block.clean(decorative)

    def test_api_representation_has_renditions_with_size_and_alt(self):
        image = ImageFactory(file__width=1200, file__height=800)
        block = FigureBlock()
        value = block.to_python(
            {
                "image": {"image": image.pk, "decorative": False, "alt_text": "Spielplatz"},
                "caption": "Der neue Spielplatz",
                "credit": "Foto: Stadt Essen",
            }
        )
        data = block.get_api_representation(value)
        assert data["caption"] == "Der neue Spielplatz"
        assert data["credit"] == "Foto: Stadt Essen"
        assert data["image"]["alt"] == "Spielplatz"
        assert data["image"]["decorative"] is False
        assert set(data["image"]["renditions"]) == {"small", "medium", "large"}
        small = data["image"]["renditions"]["small"]
        assert (small["width"], small["height"]) == (480, 320)
        assert small["url"].startswith("/media/images/")
        assert ".max-480x480." in small["url"]

    def test_decorative_image_has_empty_alt(self):
        image = ImageFactory()
        block = FigureBlock()
        value = block.to_python(
            {"image": {"image": image.pk, "decorative": True, "alt_text": "x"}, "caption": ""}
        )
        assert block.get_api_representation(value)["image"]["alt"] == ""
        assert 'alt=""' in block.render(value)


class TestLink:
    def test_exactly_one_target_is_required(self, home):
        block = LinkBlock()
        with pytest.raises(StructBlockValidationError):
            block.clean(block.to_python({"text": "Leer"}))
        with pytest.raises(StructBlockValidationError):
            block.clean(
                block.to_python({"text": "Zwei", "page": home.pk, "url": "https://example.org"})
            )
        block.clean(block.to_python({"text": "", "page": home.pk}))

    def test_external_link_needs_a_text(self):
        block = LinkBlock()
        with pytest.raises(StructBlockValidationError) as error:
            block.clean(block.to_python({"url": "https://example.org"}))
        assert "text" in error.value.block_errors

    def test_page_link_resolves_to_the_visitor_language(self, home, home_en):
        page = ContentPageFactory(parent=home, title="Kontakt", slug="kontakt")
        translate_page(page, home_en.locale, title="Contact", slug="contact")
        block = LinkBlock()
        value = block.to_python({"text": "", "page": page.pk})
        with translation.override("en"):
            assert block.get_api_representation(value) == {
                "type": "page",
                "text": "Contact",
                "url": "/en/contact/",
                "page_id": page.get_translation(home_en.locale).pk,
            }
        with translation.override("de"):
            assert block.get_api_representation(value)["url"] == "/de/kontakt/"

    def test_document_link(self):
        document = DocumentFactory(title="Leitfaden")
        block = LinkBlock()
        data = block.get_api_representation(block.to_python({"document": document.pk}))
        assert data["type"] == "document"
        assert data["text"] == "Leitfaden"
        assert data["document"]["id"] == document.pk

    def test_link_list_and_call_to_action_render_their_targets(self, home):
        page = ContentPageFactory(parent=home, title="Kontakt", slug="kontakt")
        links = LinkListBlock()
        html = links.render(
            links.to_python(
                {
                    "heading": "Mehr",
                    "links": [
                        {"page": page.pk},
                        {"url": "https://www.netzwerk-stadtentwicklung.nrw", "text": "Netzwerk"},
                    ],
                }
            )
        )
        assert '<a href="/de/kontakt/">Kontakt</a>' in html
        assert (
            '<a href="https://www.netzwerk-stadtentwicklung.nrw" rel="noopener">Netzwerk</a>'
            in html
        )
        cta = CallToActionBlock()
        html = cta.render(
            cta.to_python(
                {"title": "Fragen?", "text": "", "link": {"page": page.pk, "text": "Los"}}
            )
        )
        assert '<a class="button" href="/de/kontakt/">Los</a>' in html


class TestDownloads:
    def test_shows_type_and_size(self):
        document = DocumentFactory(title="Abschlussdokumentation")
        block = DownloadsBlock()
        value = block.to_python(
            {"heading": "Materialien", "items": [{"document": document.pk, "title": ""}]}
        )
        html = block.render(value)
        extension = document.file_extension.upper()
        assert "Abschlussdokumentation" in html
        assert f"({extension}, " in html
        data = block.get_api_representation(value)
        assert data["items"][0]["file_type"] == extension
        assert data["items"][0]["file_size"] == document.file_size
        assert data["items"][0]["url"] == document.url


class TestMilestones:
    VALUES = [
        {"date": "2019-03-01", "precision": "month", "title": "Später", "text": ""},
        {"date": "2017-06-15", "precision": "day", "title": "Früher", "text": "Start"},
        {"date": "2018-01-01", "precision": "year", "title": "Mitte", "text": ""},
    ]

    def test_rendered_as_ordered_timeline_by_date(self):
        block = MilestonesBlock()
        with translation.override("de"):
            html = block.render(block.to_python(self.VALUES))
        assert html.index("Früher") < html.index("Mitte") < html.index("Später")
        assert '<ol class="timeline"' in html
        assert '<time class="timeline__date" datetime="2017-06-15">15. Juni 2017</time>' in html
        assert ">2018</time>" in html
        assert ">März 2019</time>" in html

    def test_api_representation_in_date_order(self):
        block = MilestonesBlock()
        with translation.override("en"):
            data = block.get_api_representation(block.to_python(self.VALUES))
        assert [m["title"] for m in data] == ["Früher", "Mitte", "Später"]
        assert data[0]["date"] == datetime.date(2017, 6, 15).isoformat()
        assert data[2]["display_date"] == "March 2019"


class TestContactPerson:
    def test_inlined_in_the_api_in_the_visitor_language(self, english):
        person = ContactPersonFactory(name="Kommunale Koordinierungsstelle", role="Koordination")
        translated = person.copy_for_translation(english)
        translated.role = "Coordination"
        translated.save()
        block = ContactPersonBlock()
        with translation.override("en"):
            data = block.get_api_representation(person)
        assert data["name"] == "Kommunale Koordinierungsstelle"
        assert data["role"] == "Coordination"
        assert data["email"] == person.email
        assert data["image"] is None

    def test_a_person_in_the_visitors_language_costs_no_query(self, english):
        person = ContactPersonFactory(name="Koordinierungsstelle", role="Koordination")
        block = ContactPersonBlock()
        block.get_api_representation(person)  # the locale ids, cached from then on
        with translation.override("de"), CaptureQueriesContext(connection) as queries:
            assert block.get_api_representation(person)["role"] == "Koordination"
        assert queries.captured_queries == []
        # Without an English translation the German one is shown on the English site.
        with translation.override("en"):
            assert block.get_api_representation(person)["role"] == "Koordination"

    def test_rendered_with_phone_link(self):
        person = ContactPersonFactory(phone="0228 914 89-65")
        html = ContactPersonBlock().render(person)
        assert 'href="tel:+492289148965"' in html


class TestOtherBlocks:
    def test_quote(self):
        html = QuoteBlock().render(
            {"quote": "Gemeinsam gestalten.", "attribution": "M. Meyer", "role": "Leitung"}
        )
        assert "<blockquote><p>Gemeinsam gestalten.</p></blockquote>" in html
        assert "<cite>M. Meyer</cite>, Leitung" in html

    def test_accordion_uses_native_details_and_expands_rich_text(self):
        block = AccordionBlock()
        value = block.to_python(
            {"heading": "", "items": [{"title": "Frage", "body": "<p>Antwort</p>"}]}
        )
        assert "<summary>Frage</summary>" in block.render(value)
        assert block.get_api_representation(value) == {
            "heading": "",
            "items": [{"title": "Frage", "body": "<p>Antwort</p>"}],
        }

    def test_table_has_caption_and_header_cells(self):
        block = TableBlock()
        value = {
            "data": [["Jahr", "Einwohner"], ["2019", "13.000"]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Bevölkerung",
        }
        html = block.render(value)
        assert "<caption>Bevölkerung</caption>" in html
        assert '<th scope="col"' in html
        assert block.get_api_representation(value) == {
            "caption": "Bevölkerung",
            "first_row_is_header": True,
            "first_column_is_header": False,
            "rows": [["Jahr", "Einwohner"], ["2019", "13.000"]],
        }

    def test_page_teasers_load_in_bulk(self, home):
        pages = [ContentPageFactory(parent=home, teaser=f"Teaser {i}") for i in range(6)]
        block = ContentStreamBlock([("teaser", PageTeaserBlock())])

        def represent(chosen):
            raw = [{"type": "teaser", "value": {"page": page.pk}} for page in chosen]
            with CaptureQueriesContext(connection) as queries:
                value = StreamValue(block, raw, is_lazy=True)
                data = [child.block.get_api_representation(child.value) for child in value]
            return data, len(queries)

        with translation.override("de"):
            represent(pages[:1])  # warm the site root cache used by page URLs
            __, one = represent(pages[:1])
            data, six = represent(pages)
        assert one == six
        # The pages' types, with whether visitors may see them; the pages of the one type
        # (without images, no query for them).
        assert six == 2
        assert [item["text"] for item in data] == [f"Teaser {i}" for i in range(6)]
        assert data[0]["url"] == pages[0].url


class TestPageTeaser:
    """Visitors see a teaser's page in their language and only while they may see it; the
    editor's form keeps the page that was chosen."""

    @pytest.fixture
    def teasers(self, home, home_en, english):
        target = ContentPageFactory(parent=home, title="Zielsetzung", teaser="Worum es geht")
        target_en = translate_page(target, english, title="Objectives", slug="objectives")
        draft = ContentPageFactory(parent=home, title="Noch nicht veröffentlicht", live=False)
        home_en.featured = [
            {"type": "teaser", "value": {"page": page.pk}} for page in (target_en, target, draft)
        ]
        home_en.save_revision().publish()
        return SimpleNamespace(target=target, target_en=target_en, draft=draft)

    def test_visitors_see_the_page_in_their_language_and_no_draft(self, client, home_en, teasers):
        html = client.get(home_en.url).text
        assert html.count(f'href="{teasers.target_en.url}"') == 2  # the German one translated
        assert "Zielsetzung" not in html
        assert "Noch nicht veröffentlicht" not in html

    def test_the_editor_keeps_the_chosen_pages_in_any_admin_language(
        self, admin_client, home_en, teasers
    ):
        """Editing the English start page in the German admin shows (and so saves again) the
        English page and the draft that were chosen, not the German translation and nothing."""
        for language in ("de", "en"):
            with translation.override(language):
                page = type(home_en).objects.get(pk=home_en.pk)
                form_state = page.featured.stream_block.get_form_state(page.featured)
                chosen = [child["value"]["page"] for child in form_state]
                assert [state["id"] for state in chosen] == [
                    teasers.target_en.pk,
                    teasers.target.pk,
                    teasers.draft.pk,
                ]
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[home_en.pk]))
        assert response.status_code == 200
        for page in (teasers.target_en, teasers.target, teasers.draft):
            edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            assert f"&quot;editUrl&quot;: &quot;{edit_url}&quot;" in response.text

    def test_a_preview_resolves_teasers_of_form_data(self, home, teasers):
        value = PageTeaserBlock().to_python({"page": teasers.target.pk})
        with translation.override("en"):
            assert value.shown == teasers.target_en
        with translation.override("de"):
            assert value.shown == teasers.target
        assert PageTeaserBlock().to_python({"page": teasers.draft.pk}).shown is None


def test_every_block_validates_its_own_errors():
    with pytest.raises(ValidationError):
        HeadingBlock().clean({"text": "", "level": "h2"})
