"""Demo steps of the start page and the general content pages (facts from the network's pages,
texts in our own words), plus the site settings that point at them. The texts and facts are in
``home/demo/*.yaml`` (read by ``home.demo_data``); this module builds the pages from them."""

from wagtail.models import Page, Site

from cms.demo.blocks import block_id, list_items
from cms.demo.registry import demo_step
from cms.models import FooterLink, SiteSettings
from home.demo_data import (
    ACCESSIBILITY_STATEMENT,
    EASY_LANGUAGE_PAGES,
    EASY_LANGUAGE_START,
    GLOSSARY_HEADING,
    IMAGES,
    OPEN_DATA,
    PAGES,
    SIGN_LANGUAGE,
    SITE,
    EasyLanguageText,
)
from home.models import (
    AccessibilityStatementPage,
    ContentPage,
    EasyLanguagePage,
    HomePage,
    OpenDataPage,
    SignLanguagePage,
)

PAGE_MODELS = {"ContentPage": ContentPage}


def ensure_home(context) -> HomePage:
    """The German start page as the site's root, replacing Wagtail's placeholder page."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=context.german).first()
    data = SITE.home
    if home is None:
        images = {name: context.objects[key] for name, key in data.images.items()}
        home = HomePage(**data.de, **data.fields, **images)
        root.add_child(instance=home)
        home.save_revision().publish()
        context.created["HomePage"] += 1
    if site is None:
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    if site.root_page_id != home.pk:
        placeholder = site.root_page
        site.root_page = home
        site.site_name = SITE.site_name
        site.save()
        # Wagtail's "Welcome" page from its initial migration: a bare Page with no children.
        if type(placeholder.specific) is Page and not placeholder.get_children().exists():
            placeholder.delete()
    context.pages["home"] = home
    context.ensure_translation(home, data.en)
    return home


@demo_step(after=("topics", "contacts_and_footer"))
def site_tree(context):
    for image in IMAGES:
        context.ensure_image(image.key, image.title, image.description, image.seed, image.kind)
    home = ensure_home(context)
    for data in PAGES:
        data.ensure(context, context.pages[data.parent], PAGE_MODELS[data.type])
    home_featured(context, home)
    site_settings(context, home)


def home_featured(context, home: HomePage) -> None:
    if home.featured:
        return
    home.featured = [
        ("teaser", {"page": context.pages[key], "title": "", "text": ""}) for key in SITE.featured
    ]
    home.save_revision().publish()
    # The teasers hold only page references, so the English start page just needs a sync.
    context.sync_translation(home)


def site_settings(context, home: HomePage) -> None:
    site = Site.objects.get(root_page=home)
    settings = SiteSettings.for_site(site)
    if settings.footer_links.exists():
        return
    for name, value in SITE.settings.items():
        setattr(settings, name, value)
    settings.footer_links = [
        FooterLink(page=context.pages[key], sort_order=order)
        for order, key in enumerate(SITE.footer_links)
    ]
    # What search engines and link previews show for pages without a teaser of their own.
    settings.description, settings.description_en = SITE.description
    settings.save()


def link_from_footer(home: HomePage, page: Page) -> None:
    """Add the page to the footer's links, after the links there are."""
    site_settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    links = site_settings.footer_links
    if links.exists() and not links.filter(page=page).exists():
        FooterLink.objects.create(settings=site_settings, page=page, sort_order=links.count())


@demo_step(after=("site_tree",))
def accessibility_statement(context):
    """The Erklärung zur Barrierefreiheit in both languages, linked from the footer."""
    home = ensure_home(context)
    statement = ACCESSIBILITY_STATEMENT.ensure(context, home, AccessibilityStatementPage)
    link_from_footer(home, statement)


@demo_step(after=("site_tree", "accessibility_statement"))
def open_data(context):
    """The "Offene Daten" page in both languages, linked from the footer after the
    accessibility statement; the datasets it lists come from cms.opendata."""
    home = ensure_home(context)
    link_from_footer(home, OPEN_DATA.ensure(context, home, OpenDataPage))


def easy_language_body(key: str, text: EasyLanguageText, context) -> list[dict]:
    """The StreamField data of a page in Leichte Sprache (stable block ids)."""
    body = []
    for index, (heading_text, image_key, lines) in enumerate(text.sections):
        bid = block_id(key, index)
        image = {"image": None, "decorative": False, "alt_text": ""}  # as the editor stores it
        if image_key:
            picture = context.objects[image_key]
            image = {"image": picture.pk, "decorative": False, "alt_text": picture.description}
        body.append(
            {
                "type": "section",
                "id": bid,
                "value": {
                    "heading": heading_text,
                    "lines": list_items(bid, lines),
                    "image": image,
                },
            }
        )
    bid = block_id(key, "glossary")
    entries = [
        {
            "term": term,
            "explanation": list_items(block_id(bid, index), explanation),
        }
        for index, (term, explanation) in enumerate(text.glossary)
    ]
    body.append(
        {
            "type": "glossary",
            "id": bid,
            "value": {"heading": GLOSSARY_HEADING, "entries": list_items(bid, entries)},
        }
    )
    return body


@demo_step(after=("site_tree",))
def easy_and_sign_language(context):
    """The section in Leichte Sprache and the page in German Sign Language (German only: the
    English site's header links to them), linked from every page's header."""
    home = ensure_home(context)

    def ensure(key, parent, text: EasyLanguageText):
        return context.ensure_page(
            key,
            parent,
            EasyLanguagePage,
            de={
                "title": text.title,
                "slug": text.slug,
                "teaser": text.teaser,
                "body": easy_language_body(key, text, context),
            },
        )

    start = ensure("easy_language", home, EASY_LANGUAGE_START)
    for text in EASY_LANGUAGE_PAGES:
        ensure(f"easy_language:{text.slug}", start, text)
    sign = context.ensure_page("sign_language", home, SignLanguagePage, de=dict(SIGN_LANGUAGE))
    site_settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    if not (site_settings.easy_language_page_id and site_settings.sign_language_page_id):
        site_settings.easy_language_page = start
        site_settings.sign_language_page = sign
        site_settings.save()


@demo_step(
    after=(
        "site_tree",
        "accessibility_statement",
        "open_data",
        "easy_and_sign_language",
        "district_profiles",
        "news_and_events",
        "knowledge_library",
    )
)
def menu_order(context):
    """Arrange the start page's children (both languages) in the order of the menu in
    home/demo/site.yaml; runs after every step that adds a child to the start page."""
    for locale in (context.german, context.english):
        home = context.pages["home"].get_translation_or_none(locale)
        if home is None:
            continue
        wanted = []
        for key in SITE.menu:
            page = context.pages.get(key)
            translated = page.get_translation_or_none(locale) if page is not None else None
            if translated is not None:
                wanted.append(translated.pk)
        current = [
            page.pk for page in Page.objects.child_of(home).filter(pk__in=wanted).order_by("path")
        ]
        if current == wanted:
            continue
        for page_id in wanted:
            Page.objects.get(pk=page_id).move(home, pos="last-child")
