"""The contact person block (Ansprechperson), a chooser for the ContactPerson snippet."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.blocks import SnippetChooserBlock

from cms.localization import localized
from cms.serializers import image_representation


def contact_person_representation(person) -> dict:
    return {
        "id": person.pk,
        "name": person.name,
        "role": person.role,
        "organisation": person.organisation,
        "phone": person.phone,
        "email": person.email,
        "image": image_representation(person.image, alt=person.name) if person.image else None,
    }


class ContactPersonBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("cms.ContactPerson", **kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["person"] = localized(value) if value else None
        return context

    def get_api_representation(self, value, context=None):
        return contact_person_representation(localized(value)) if value else None

    def deconstruct(self):
        # Our __init__ fixes the target model, so migrations need no positional arguments.
        path, __, kwargs = super().deconstruct()
        return path, (), kwargs

    class Meta:
        icon = "user"
        label = _("Contact person")
        template = "cms/blocks/contact_person.html"
