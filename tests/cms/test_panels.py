"""The editor's forms: every page type's tabs and panels, in order (the contract of the named
panel groups on BasePage that page types compose their ``content_panels`` from)."""

from django.apps import apps
from django.utils import translation

from wagtail.admin.panels import InlinePanel, PanelGroup

from cms.models.pages import BasePage


def panel_leaves(panel, path=()):
    """Each field of a panel as "Group > Group > Panel:field_name", in the editor's order."""
    name = type(panel).__name__
    if isinstance(panel, PanelGroup):
        for child in panel.children:
            yield from panel_leaves(child, (*path, name))
    else:
        if isinstance(panel, InlinePanel):
            field = panel.relation_name
        else:
            field = getattr(panel, "field_name", "")
        yield " > ".join((*path, f"{name}:{field}"))


def edit_form_panels(model) -> dict[str, list[str]]:
    """A page type's edit form: its tabs (English headings) and each tab's fields."""
    return {
        str(tab.heading): [leaf for child in tab.children for leaf in panel_leaves(child)]
        for tab in model.get_edit_handler().children
    }


TOPICS = ["FieldPanel:topics"]
PUBLISHING = [
    "MultiFieldPanel > FieldPanel:slug",
    "MultiFieldPanel > FieldPanel:seo_title",
    "MultiFieldPanel > FieldPanel:search_description",
    "MultiFieldPanel > FieldPanel:show_in_menus",
    "PublishingPanel > FieldPanel:go_live_at",
    "PublishingPanel > FieldPanel:expire_at",
    "CommentPanel:",
]

EXPECTED = {
    "home.HomePage": {
        "Content": [
            "TitleFieldPanel:title",
            "FieldPanel:intro",
            "FieldPanel:featured",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
        ],
        "Topics": TOPICS,
        "Publishing": PUBLISHING,
    },
    "home.ContentPage": {
        "Content": [
            "TitleFieldPanel:title",
            "FieldPanel:body",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
        ],
        "Topics": TOPICS,
        "Publishing": PUBLISHING,
    },
    "home.AccessibilityStatementPage": {
        "Content": [
            "TitleFieldPanel:title",
            "MultiFieldPanel > FieldPanel:conformance",
            "MultiFieldPanel > FieldPanel:prepared_on",
            "MultiFieldPanel > FieldPanel:last_reviewed",
            "MultiFieldPanel > FieldPanel:assessment",
            "FieldPanel:known_barriers",
            "FieldPanel:feedback_intro",
            "FieldPanel:enforcement",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
        ],
        "Topics": TOPICS,
        "Publishing": PUBLISHING,
    },
    "home.OpenDataPage": {
        "Content": [
            "TitleFieldPanel:title",
            "FieldPanel:intro",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
        ],
        "Topics": TOPICS,
        "Publishing": PUBLISHING,
    },
    "home.EasyLanguagePage": {
        "Content": [
            "TitleFieldPanel:title",
            "FieldPanel:body",
            "FieldPanel:checked_by",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
        ],
        "Topics": TOPICS,
        "Publishing": PUBLISHING,
    },
    "home.SignLanguagePage": {
        "Content": [
            "TitleFieldPanel:title",
            "MultiFieldPanel > FieldPanel:video",
            "MultiFieldPanel > FieldPanel:captions",
            "MultiFieldPanel > FieldPanel:poster",
            "FieldPanel:transcript",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
        ],
        "Topics": TOPICS,
        "Publishing": PUBLISHING,
    },
    "profiles.DistrictProfileIndexPage": {
        "Content": [
            "TitleFieldPanel:title",
            "FieldPanel:intro",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
        ],
        "Topics": TOPICS,
        "Publishing": PUBLISHING,
    },
    "profiles.MunicipalityPage": {
        "Content": [
            "FieldPanel:title",
            "FieldRowPanel > FieldPanel:ags",
            "FieldRowPanel > FieldPanel:regierungsbezirk",
            "FieldRowPanel > FieldPanel:website",
            "FieldRowPanel > FieldPanel:member_since",
            "FieldPanel:portrait",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
        ],
        "Topics": TOPICS,
        "Map": [
            "MapPointPanel:location",
        ],
        "Publishing": PUBLISHING,
    },
    "profiles.DistrictProfilePage": {
        "Content": [
            "FieldPanel:title",
            "FieldRowPanel > FieldPanel:programme",
            "FieldRowPanel > FieldPanel:status",
            "FieldRowPanel > FieldPanel:funding_start",
            "FieldRowPanel > FieldPanel:funding_end",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:area_ha",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:inhabitants",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:figures_year",
            "FieldPanel:hero_image",
            "FieldPanel:character",
            "FieldPanel:potentials",
            "FieldPanel:organisation",
            "FieldPanel:milestones",
            "FieldPanel:perspectives",
            "FieldPanel:contacts",
            "FieldPanel:downloads",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
        ],
        "Topics": TOPICS,
        "Map": [
            "MapPointPanel:location",
            "FieldPanel:boundary",
        ],
        "Publishing": [
            "MultiFieldPanel > FieldPanel:slug",
            "MultiFieldPanel > FieldPanel:seo_title",
            "MultiFieldPanel > FieldPanel:search_description",
            "MultiFieldPanel > FieldPanel:show_in_menus",
            "FieldPanel:last_reviewed",
            "PublishingPanel > FieldPanel:go_live_at",
            "PublishingPanel > FieldPanel:expire_at",
            "CommentPanel:",
        ],
    },
    "knowledge.KnowledgeIndexPage": {
        "Content": [
            "TitleFieldPanel:title",
            "FieldPanel:intro",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
        ],
        "Topics": TOPICS,
        "Publishing": PUBLISHING,
    },
    "knowledge.WorkshopSeriesPage": {
        "Content": [
            "TitleFieldPanel:title",
            "FieldRowPanel > FieldPanel:period_start",
            "FieldRowPanel > FieldPanel:period_end",
            "FieldRowPanel > FieldPanel:organiser",
            "FieldRowPanel > FieldPanel:documented_by",
            "FieldPanel:description",
            "FieldPanel:final_documentation",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
        ],
        "Topics": TOPICS,
        "Publishing": PUBLISHING,
    },
    "knowledge.WorkshopPage": {
        "Content": [
            "TitleFieldPanel:title",
            "FieldRowPanel > FieldPanel:date",
            "FieldRowPanel > FieldPanel:host_city",
            "FieldPanel:theme",
            "FieldPanel:summary",
            "FieldPanel:results",
            "FieldPanel:documentation",
            "FieldPanel:contact",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
        ],
        "Topics": TOPICS,
        "Publishing": PUBLISHING,
    },
    "knowledge.PublicationPage": {
        "Content": [
            "TitleFieldPanel:title",
            "FieldRowPanel > FieldPanel:kind",
            "FieldRowPanel > FieldPanel:publication_date",
            "FieldPanel:summary",
            "FieldPanel:main_document",
            "FieldPanel:cover_image",
            "InlinePanel:contributors",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:publisher",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:place",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:publication_series",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:workshop_series",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:isbn",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:doi",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:pages",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:language",
            "FieldPanel:further_downloads",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
        ],
        "Topics": TOPICS,
        "Publishing": PUBLISHING,
    },
    "events.NewsIndexPage": {
        "Content": [
            "TitleFieldPanel:title",
            "FieldPanel:intro",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
        ],
        "Topics": TOPICS,
        "Publishing": PUBLISHING,
    },
    "events.NewsPage": {
        "Content": [
            "TitleFieldPanel:title",
            "FieldPanel:date",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
            "FieldPanel:body",
            "MultiFieldPanel > FieldPanel:source_url",
            "MultiFieldPanel > FieldPanel:source_name",
            "FieldPanel:related",
        ],
        "Topics": TOPICS,
        "Publishing": PUBLISHING,
    },
    "events.EventIndexPage": {
        "Content": [
            "TitleFieldPanel:title",
            "FieldPanel:intro",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
        ],
        "Topics": TOPICS,
        "Publishing": PUBLISHING,
    },
    "events.EventPage": {
        "Content": [
            "TitleFieldPanel:title",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:start_date",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:start_time",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:end_date",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:end_time",
            "MultiFieldPanel > FieldPanel:attendance",
            "MultiFieldPanel > FieldPanel:venue",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:address",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:postal_code",
            "MultiFieldPanel > FieldPanel:city",
            "MultiFieldPanel > FieldPanel:online_url",
            "MultiFieldPanel > FieldPanel:organiser",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:registration_url",
            "MultiFieldPanel > FieldRowPanel > FieldPanel:registration_deadline",
            "MultiFieldPanel > FieldPanel:fee",
            "MultiFieldPanel > FieldPanel:teaser",
            "MultiFieldPanel > FieldPanel:teaser_image",
            "FieldPanel:body",
        ],
        "Topics": TOPICS,
        "Publishing": PUBLISHING,
    },
}


def test_every_page_type_keeps_its_edit_form():
    with translation.override("en"):
        actual = {
            model._meta.label: edit_form_panels(model)
            for model in apps.get_models()
            if issubclass(model, BasePage)
        }
    assert actual == EXPECTED
