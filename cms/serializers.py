"""API representations shared by page fields and blocks.

Both API versions use them: v2 through DRF fields, v3 through Wagtail's compatibility shim that
reads the fields' return annotations. Each returns what a frontend needs to render directly:
resolved URLs, renditions with their size and alt text, labels in the page's language.
"""

from django.template.defaultfilters import filesizeformat

from wagtail.images.models import SourceImageIOError

from rest_framework.fields import Field
from typing_extensions import TypedDict


class RenditionDict(TypedDict):
    url: str
    width: int
    height: int


class ImageDict(TypedDict):
    id: int
    title: str
    alt: str
    decorative: bool
    original_width: int
    original_height: int
    renditions: dict[str, RenditionDict]


class DocumentDict(TypedDict):
    id: int
    title: str
    url: str
    file_type: str
    file_size: int | None
    file_size_display: str


class TopicDict(TypedDict):
    slug: str
    label: str


class PageLinkDict(TypedDict):
    id: int
    title: str
    url: str


class TranslationDict(TypedDict):
    id: int
    locale: str
    title: str
    url: str


# Named renditions every image representation carries: a frontend picks what fits its layout.
IMAGE_RENDITIONS = {
    "small": "max-480x480",
    "medium": "max-960x960",
    "large": "max-1600x1600",
}


def image_representation(image, alt: str | None = None, decorative: bool = False) -> ImageDict:
    renditions: dict[str, RenditionDict] = {}
    try:
        for name, rendition in image.get_renditions(*IMAGE_RENDITIONS.values()).items():
            key = next(k for k, spec in IMAGE_RENDITIONS.items() if spec == name)
            renditions[key] = {
                "url": rendition.url,
                "width": rendition.width,
                "height": rendition.height,
            }
    except SourceImageIOError:
        renditions = {}
    return {
        "id": image.pk,
        "title": image.title,
        "alt": "" if decorative else (alt if alt is not None else image.default_alt_text),
        "decorative": decorative,
        "original_width": image.width,
        "original_height": image.height,
        "renditions": renditions,
    }


def document_file_type(document) -> str:
    return (document.file_extension or "").upper()


def document_representation(document) -> DocumentDict:
    return {
        "id": document.pk,
        "title": document.title,
        "url": document.url,
        "file_type": document_file_type(document),
        "file_size": document.file_size,
        "file_size_display": filesizeformat(document.file_size) if document.file_size else "",
    }


class ImageField(Field):
    """An image foreign key as an ``ImageDict`` (renditions in several sizes, alt text)."""

    def to_representation(self, image) -> ImageDict:
        return image_representation(image)


class DocumentField(Field):
    """A document foreign key as a ``DocumentDict`` (URL served by this site, type, size)."""

    def to_representation(self, document) -> DocumentDict:
        return document_representation(document)


class TopicsField(Field):
    """A page's topics with their labels in the page's language."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page) -> list[TopicDict]:
        language = page.locale.language_code
        # Sorted here, not in SQL, so that a prefetched list is used as it is.
        items = sorted(page.tagged_topics.all(), key=lambda item: item.tag.name)
        return [{"slug": item.tag.slug, "label": item.tag.label_for(language)} for item in items]


class BreadcrumbsField(Field):
    """The page's ancestors from the start page down to its parent: a frontend's breadcrumb
    trail without one request per level (one query)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page) -> list[PageLinkDict]:
        from cms.querysets import visible

        ancestors = visible(page.get_ancestors().filter(depth__gt=1)).order_by("depth")
        return [
            {"id": ancestor.pk, "title": ancestor.title, "url": ancestor.get_full_url()}
            for ancestor in ancestors
        ]


class TranslationsField(Field):
    """The page's published translations (language switcher, hreflang): one query."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page) -> list[TranslationDict]:
        from cms.querysets import visible

        translations = visible(page.get_translations()).select_related("locale")
        return [
            {
                "id": translation.pk,
                "locale": translation.locale.language_code,
                "title": translation.title,
                "url": translation.get_full_url(),
            }
            for translation in translations.order_by("locale__language_code")
        ]
