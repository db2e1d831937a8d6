"""Map points and areas: parsing, validation against the boundary of North Rhine-Westphalia, and
GeoJSON output (RFC 7946: longitude before latitude, WGS 84).

Points are stored the way wagtailgeowidget's Leaflet panel writes them without GeoDjango:
``"SRID=4326;POINT(<longitude> <latitude>)"``.
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from shapely import errors as shapely_errors
from shapely.geometry import MultiPolygon, Point, Polygon, mapping, shape
from shapely.validation import explain_validity

NRW_BOUNDARY_FILE = Path(__file__).parent / "data" / "nrw.geojson"
# The boundary is simplified; points this close outside it (in degrees, about 2 km) still pass.
NRW_TOLERANCE = 0.02
MAX_GEOJSON_BYTES = 500_000

POINT_PATTERN = re.compile(
    r"^\s*(?:SRID=(?P<srid>\d+);)?\s*POINT\s*\(\s*(?P<x>-?\d+(?:\.\d+)?)\s+"
    r"(?P<y>-?\d+(?:\.\d+)?)\s*\)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LatLng:
    lat: float
    lng: float

    def as_geojson(self) -> dict:
        return {"type": "Point", "coordinates": [round(self.lng, 6), round(self.lat, 6)]}

    def as_point_string(self) -> str:
        return f"SRID=4326;POINT({self.lng} {self.lat})"


def parse_point(value: str | None) -> LatLng | None:
    """``"SRID=4326;POINT(7.01 51.46)"`` → ``LatLng(lat=51.46, lng=7.01)``; None if unparsable."""
    if not value:
        return None
    match = POINT_PATTERN.match(value)
    if not match or (match["srid"] and match["srid"] != "4326"):
        return None
    return LatLng(lat=float(match["y"]), lng=float(match["x"]))


@cache
def nrw_boundary():
    with NRW_BOUNDARY_FILE.open(encoding="utf-8") as boundary_file:
        geometry = shape(json.load(boundary_file)["geometry"])
    return geometry.buffer(NRW_TOLERANCE)


def validate_point_in_nrw(value: str) -> LatLng:
    """The point, or a ValidationError that tells the editor what is wrong."""
    point = parse_point(value)
    if point is None:
        raise ValidationError(
            _("Please set the location on the map or enter it as latitude, longitude."),
            code="invalid_point",
        )
    if not nrw_boundary().contains(Point(point.lng, point.lat)):
        raise ValidationError(
            _(
                "The location (latitude %(lat).5f, longitude %(lng).5f) is outside North "
                "Rhine-Westphalia. Please move the marker into the programme area."
            ),
            code="outside_nrw",
            params={"lat": point.lat, "lng": point.lng},
        )
    return point


def clean_area_geojson(text: str) -> str:
    """Validate a boundary given as GeoJSON and return its geometry, normalised, as JSON text.

    Accepts a Polygon or MultiPolygon geometry, or a Feature / single-feature FeatureCollection
    holding one. The area must be a valid polygon and lie in North Rhine-Westphalia.
    """
    if len(text.encode()) > MAX_GEOJSON_BYTES:
        raise ValidationError(
            _("The boundary is too large (at most %(size)d KB)."),
            code="too_large",
            params={"size": MAX_GEOJSON_BYTES // 1000},
        )
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ValidationError(
            _("The boundary is not valid GeoJSON: %(error)s"),
            code="invalid_json",
            params={"error": error},
        ) from None
    geometry_data = _polygon_geometry(data)
    try:
        geometry = shape(geometry_data)
    except (ValueError, TypeError, AttributeError, KeyError, shapely_errors.GEOSException):
        raise ValidationError(
            _("The boundary's coordinates cannot be read as a polygon."), code="invalid_polygon"
        ) from None
    if not isinstance(geometry, Polygon | MultiPolygon) or geometry.is_empty:
        raise ValidationError(_("The boundary must be a polygon."), code="invalid_polygon")
    if not geometry.is_valid:
        raise ValidationError(
            _("The boundary is not a valid polygon: %(reason)s"),
            code="invalid_polygon",
            params={"reason": explain_validity(geometry)},
        )
    if not nrw_boundary().contains(geometry):
        raise ValidationError(
            _(
                "The boundary lies (partly) outside North Rhine-Westphalia. GeoJSON lists "
                "longitude before latitude – are the coordinates swapped?"
            ),
            code="outside_nrw",
        )
    return json.dumps(mapping(geometry), separators=(",", ":"))


def _polygon_geometry(data) -> dict:
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features") or []
        if len(features) != 1:
            raise ValidationError(
                _("Please give exactly one area (the collection has %(count)d)."),
                code="invalid_polygon",
                params={"count": len(features)},
            )
        data = features[0]
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = data.get("geometry")
    if not isinstance(data, dict) or data.get("type") not in {"Polygon", "MultiPolygon"}:
        raise ValidationError(
            _("The boundary must be a GeoJSON Polygon or MultiPolygon."), code="invalid_polygon"
        )
    return data
