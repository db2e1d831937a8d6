from wagtail.models import Locale, Site

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from cms.models import ContactPerson, FooterLink, FooterText, SiteSettings, Topic, TopicLabel


def locale(language_code: str = "de") -> Locale:
    return Locale.objects.get(language_code=language_code)


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    description = factory.LazyAttribute(lambda o: f"Beschreibung von {o.name}")

    class Meta:
        model = Topic


class TopicLabelFactory(DjangoModelFactory):
    topic = factory.SubFactory(TopicFactory)
    locale = factory.LazyFunction(lambda: locale("en"))
    label = factory.LazyAttribute(lambda o: f"{o.topic.name} (EN)")
    description = "English description"

    class Meta:
        model = TopicLabel


class ContactPersonFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Person {n}")
    role = "Quartiersmanagement"
    organisation = "Stadt Essen"
    phone = "0201 123-456"
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    locale = factory.LazyFunction(locale)

    class Meta:
        model = ContactPerson


class FooterTextFactory(DjangoModelFactory):
    body = "<p>Fußzeile</p>"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = FooterText


class SiteSettingsFactory(DjangoModelFactory):
    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    office_name = "Kommunale Koordinierungsstelle, Stadt Essen"
    phone = "0228 914 89-65"
    email = "soziale-stadt@netzwerk-stadtentwicklung.nrw"

    class Meta:
        model = SiteSettings
        django_get_or_create = ("site",)  # one settings row per site
        skip_postgeneration_save = True

    @factory.post_generation
    def footer_pages(obj, create, pages, **kwargs):
        """``SiteSettingsFactory(footer_pages=[contact, imprint])``: the footer's links."""
        if pages:
            obj.footer_links = [
                FooterLink(page=page, sort_order=order) for order, page in enumerate(pages)
            ]
            obj.save()


ImageFactory = wagtail_factories.ImageFactory


class DefaultParent(factory.declarations.BaseDeclaration):
    """A page factory's ``parent`` when none is given: ``ancestors()`` finds or creates it (and
    whatever it hangs under). An explicit ``parent=`` wins; ``.build()`` (no database) gets
    none."""

    def __init__(self, ancestors):
        super().__init__()
        self.ancestors = ancestors

    def evaluate(self, instance, step, extra):
        if step.builder.strategy != factory.enums.CREATE_STRATEGY:
            return None
        return self.ancestors()


def child_page(parent, page_factory):
    """The first child of ``parent`` of the factory's page type, created if there is none."""
    model = page_factory._meta.model
    existing = model.objects.child_of(parent).order_by("path").first()
    return existing if existing is not None else page_factory(parent=parent)


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A small PDF; like an admin upload, it records its size."""

    file = factory.django.FileField(filename="dokumentation.pdf", data=b"%PDF-1.4\n%%EOF\n")
    file_size = factory.LazyAttribute(lambda o: o.file.size)
