"""What demo steps share: created objects by key, and idempotent builders for pages and images."""

import io
from collections import Counter

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.functional import cached_property

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from cms.roles import NETWORK, ensure_shared_collections

from .blocks import BlockSpec, stream
from .images import scene
from .translation import sync, translate


class DemoContext:
    def __init__(self, write=print):
        self.write = write
        self.pages: dict[str, Page] = {}  # German pages by key
        self.objects: dict[str, object] = {}  # snippets, images, documents by key
        self.created: Counter = Counter()

    def ensure_page(
        self,
        key: str,
        parent: Page,
        model,
        *,
        de: dict,
        en: dict | None = None,
        streams: dict[str, list[BlockSpec]] | None = None,
        topics=(),
        **fields,
    ):
        """The German page ``de["slug"]`` under ``parent`` (created and published if missing) and,
        if ``en`` is given, its English translation."""
        streams = streams or {}
        page = (
            Page.objects.child_of(parent)
            .filter(slug=de["slug"], locale_id=parent.locale_id)
            .specific()
            .first()
        )
        if page is None:
            values = {**fields, **de}
            for field_name, specs in streams.items():
                values[field_name] = stream(f"{key}:{field_name}", specs, "de", self)
            page = model(**values)
            if topics:
                page.topics.add(*topics)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created[model.__name__] += 1
        self.pages[key] = page
        if en is not None:
            en_values = dict(en)
            for field_name, specs in streams.items():
                en_values[field_name] = stream(f"{key}:{field_name}", specs, "en", self)
            if page.get_translation_or_none(self.english) is None:
                translate(page, en_values)
                self.created[f"{model.__name__} (en)"] += 1
        return page

    def ensure_translation(self, instance, en: dict):
        if instance.get_translation_or_none(self.english) is None:
            translate(instance, en)
            self.created[f"{type(instance).__name__} (en)"] += 1

    def sync_translation(self, instance):
        """Bring the English translation up to date after the German source changed."""
        sync(instance, self.english)

    def ensure_image(
        self, key: str, title: str, description: str, seed: int, kind: str = "street"
    ):
        """A network-wide illustration (a scene of ``kind``, see ``cms.demo.images``), in the
        network's shared collection (every editor may choose it, only the coordination office
        changes it; ``cms.roles``). An illustration an older demo left in the root collection
        moves there."""
        Image = get_image_model()
        shared = self.network_collection
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image(title=title, description=description, collection=shared)
            image.file = ImageFile(io.BytesIO(scene(kind, seed)), name=f"demo-{key}.jpg")
            image.save()
            self.created["Image"] += 1
        elif image.collection_id != shared.pk and image.collection.is_root():
            image.collection = shared
            image.save(update_fields=["collection"])
            self.created["Image moved to the shared collection"] += 1
        self.objects[key] = image
        return image

    def ensure_document(self, key: str, title: str, filename: str, data: bytes):
        Document = get_document_model()
        document = Document.objects.filter(title=title).first()
        if document is None:
            document = Document(title=title)
            document.file.save(filename, ContentFile(data), save=False)
            document.save()
            self.created["Document"] += 1
        self.objects[key] = document
        return document

    @cached_property
    def network_collection(self):
        return ensure_shared_collections()[NETWORK]

    @cached_property
    def german(self) -> Locale:
        return Locale.get_default()

    @cached_property
    def english(self) -> Locale:
        return Locale.objects.get(language_code="en")
