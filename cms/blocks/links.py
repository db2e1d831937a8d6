"""Links, link lists, calls to action and page teasers."""

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.models import Page

from cms.localization import localized_specific_pages
from cms.querysets import images_with_rendition, specific_pages
from cms.serializers import document_representation, image_representation


class LinkValue(blocks.StructValue):
    """Resolves the link target: a page in the visitor's language, a document or a web address."""

    @property
    def target_page(self):
        """The chosen page in the active language (remembered per language, not per value)."""
        page = self.get("page")
        if page is None:
            return None
        cache = self.__dict__.setdefault("_localized_pages", {})
        language = get_language()
        if language not in cache:
            cache[language] = page.localized
        return cache[language]

    @property
    def href(self) -> str:
        """The target address (not ``url``: templates would find the field of that name)."""
        if self.target_page:
            return self.target_page.url or ""
        if self.get("document"):
            return self["document"].url
        return self.get("url") or ""

    @property
    def is_external(self) -> bool:
        return not self.get("page") and not self.get("document") and bool(self.get("url"))

    @property
    def link_text(self) -> str:
        if self.get("text"):
            return self["text"]
        if self.target_page:
            return self.target_page.title
        if self.get("document"):
            return self["document"].title
        return self.get("url") or ""


class LinkBlock(blocks.StructBlock):
    """A link to exactly one of: a page, a document, a web address."""

    text = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the title of the page or document."),
    )
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    document = DocumentChooserBlock(label=_("document"), required=False)
    url = blocks.URLBlock(label=_("web address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = LinkValue
        form_classname = "link-block"

    def clean(self, value):
        value = super().clean(value)
        targets = [name for name in ("page", "document", "url") if value.get(name)]
        if len(targets) != 1:
            message = (
                _("Choose a page, a document or a web address.")
                if not targets
                else _("Choose only one target: a page, a document or a web address.")
            )
            raise StructBlockValidationError(
                block_errors={name: ValidationError(message) for name in targets or ["page"]}
            )
        if value.get("url") and not value.get("text"):
            raise StructBlockValidationError(
                block_errors={"text": ValidationError(_("A web address needs a link text."))}
            )
        return value

    def get_api_representation(self, value, context=None):
        kind = "page" if value.get("page") else "document" if value.get("document") else "url"
        representation = {"type": kind, "text": value.link_text, "url": value.href}
        if kind == "page":
            representation["page_id"] = value.target_page.pk
        elif kind == "document":
            representation["document"] = document_representation(value["document"])
        return representation


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    links = blocks.ListBlock(LinkBlock(), label=_("links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Link list")
        template = "cms/blocks/link_list.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    text = blocks.TextBlock(label=_("text"), required=False)
    link = LinkBlock(label=_("button"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "cms/blocks/call_to_action.html"


class SpecificPageChooserBlock(blocks.PageChooserBlock):
    """A page chooser whose values are specific pages, loaded in bulk (one query per type)
    without their StreamFields (what links and teasers show is in plain fields)."""

    def bulk_to_python(self, values):
        ids = [value for value in values if value]
        if not ids:
            return [None] * len(values)
        # Whether visitors may see each page comes along (``VISIBLE_NOW``): teasers show
        # only visible pages, and asking apart cost a query of its own.
        pages = specific_pages(ids)
        return [pages.get(value) for value in values]

    def to_python(self, value):
        return self.bulk_to_python([value])[0]


TEASER_IMAGE_SPEC = "fill-640x360"


class TeaserValue(blocks.StructValue):
    """A teaser's value. ``page`` is the page the editor chose, as stored (a draft as well, in
    the language it was chosen in: the admin's form shows and keeps it); ``shown`` is the page
    visitors see in its place: its visible translation in the active language, or None when
    they may not see it."""

    @property
    def shown(self) -> Page | None:
        """Resolved with the other teasers of its stream when they are loaded; on its own
        when it was not (a preview's form data) or is shown in another language since."""
        language, shown = get_language(), self.__dict__.setdefault("_shown", {})
        if language not in shown:
            resolve_teasers([self])
        return shown[language]


def resolve_teasers(teasers) -> list[Page | None]:
    """Each teaser's ``shown`` page, resolved for all of them together in the active language,
    with the image renditions the teaser shows: one query for the visibility check, one per
    page type of the translations, two for the images."""
    localized = localized_specific_pages(teaser["page"] for teaser in teasers)
    images = images_with_rendition(
        (getattr(page, "teaser_image_id", None) for page in localized.values()),
        TEASER_IMAGE_SPEC,
    )
    for page in localized.values():
        image_id = getattr(page, "teaser_image_id", None)
        if image_id in images:
            page.teaser_image = images[image_id]
    language = get_language()
    shown = [localized[t["page"].pk] if t["page"] is not None else None for t in teasers]
    for teaser, page in zip(teasers, shown, strict=True):
        teaser.__dict__.setdefault("_shown", {})[language] = page
    return shown


class PageTeaserBlock(blocks.StructBlock):
    """A teaser for another page: its title, teaser text and image unless overridden here.

    The pages of all teasers in a stream are loaded together, in the visitor's language, with
    their image renditions, so a row of teasers costs the same few queries as a single one.
    """

    page = SpecificPageChooserBlock(label=_("page"))
    title = blocks.CharBlock(
        label=_("title"), required=False, max_length=200, help_text=_("Default: the page title.")
    )
    text = blocks.TextBlock(
        label=_("text"), required=False, help_text=_("Default: the page's teaser text.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Page teaser")
        template = "cms/blocks/page_teaser.html"
        value_class = TeaserValue

    def bulk_to_python(self, values):
        teasers = super().bulk_to_python(values)
        resolve_teasers(teasers)
        return teasers

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context.update(teaser_context(value.shown, value["title"], value["text"]))
        return context

    def get_api_representation(self, value, context=None):
        shown = value.shown
        teaser = teaser_context(shown, value["title"], value["text"])
        image = teaser["image"]
        return {
            "page_id": shown.pk if shown else None,
            "url": teaser["url"],
            "title": teaser["title"],
            "text": teaser["text"],
            "image": image_representation(image) if image else None,
        }


def teaser_context(page, title: str = "", text: str = "") -> dict:
    return {
        "target": page,
        "url": page.url if page else "",
        "title": title or (page.title if page else ""),
        "text": text or getattr(page, "teaser", "") or getattr(page, "search_description", ""),
        "image": getattr(page, "teaser_image", None),
    }
