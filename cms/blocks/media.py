"""Image blocks."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from cms.serializers import image_representation


class FigureBlock(blocks.StructBlock):
    """An image with required alt text (unless decorative), optional caption and credit.

    Alt text and the "decorative" switch come from Wagtail's own ImageBlock, which refuses an
    image that has neither.
    """

    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)
    credit = blocks.CharBlock(
        label=_("credit"),
        required=False,
        max_length=200,
        help_text=_("Photographer or rights holder, e.g. “Foto: Stadt Essen”."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/figure.html"

    def get_api_representation(self, value, context=None):
        image = value["image"]
        return {
            "image": image_representation(
                image, alt=image.contextual_alt_text, decorative=bool(image.decorative)
            )
            if image
            else None,
            "caption": value["caption"],
            "credit": value["credit"],
        }
