"""Editor panels of the core."""

from django import forms
from django.utils.functional import cached_property

from wagtail.admin.telepath import register
from wagtailgeowidget.panels import LeafletPanel
from wagtailgeowidget.widgets import LeafletField, LeafletFieldAdapter

LEAFLET_CSS = "cms/vendor/leaflet/leaflet.css"
LEAFLET_JS = "cms/vendor/leaflet/leaflet.js"


class LocalLeafletField(LeafletField):
    """wagtailgeowidget's map widget with Leaflet from our static files instead of unpkg.com,
    so editing works without outside access and the editor's browser contacts no CDN."""

    @cached_property
    def media(self):
        return forms.Media(
            css={"all": (LEAFLET_CSS, "wagtailgeowidget/css/leaflet-field.css")},
            js=(
                LEAFLET_JS,
                "wagtailgeowidget/js/leaflet-field.js",
                "wagtailgeowidget/js/leaflet-field-controller.js",
            ),
        )


register(LeafletFieldAdapter(), LocalLeafletField)


class MapPointPanel(LeafletPanel):
    """A location picked on a map (Leaflet), stored as ``SRID=4326;POINT(lng lat)``."""

    def widget_overrides(self):
        widget = super().widget_overrides()[self.field_name]
        local = LocalLeafletField(
            address_field=widget.address_field,
            zoom_field=widget.zoom_field,
            hide_latlng=widget.hide_latlng,
            zoom=widget.zoom,
            srid=widget.srid,
            id_prefix=widget.id_prefix,
        )
        return {self.field_name: local}
