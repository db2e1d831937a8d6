"""schema.org descriptions (JSON-LD) of news items and events, for search engines."""

import re

from cms.localization import absolute_url

from .enums import AttendanceMode

PUBLISHER = {"@type": "Organization", "name": "AG Soziale Stadt NRW"}
ATTENDANCE = {
    AttendanceMode.OFFLINE: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "https://schema.org/MixedEventAttendanceMode",
}


def _image(page, request):
    image = getattr(page, "teaser_image", None)
    if image is None:
        return None
    return request.build_absolute_uri(image.get_rendition("fill-1200x675").url)


def news_article(page, request) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "datePublished": page.date.isoformat(),
        "inLanguage": page.locale.language_code,
        "url": absolute_url(page, request),
        "publisher": PUBLISHER,
        "author": PUBLISHER,
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if page.teaser:
        data["description"] = page.teaser
    if image := _image(page, request):
        data["image"] = [image]
    return data


FREE = re.compile(r"\b(kostenfrei|kostenlos|gebührenfrei|gratis|free|free of charge)\b", re.I)
EUROS = re.compile(
    r"(?:€|EUR|Euro)\s*(?P<before>\d+(?:[.,]\d{1,2})?)"
    r"|(?P<after>\d+(?:[.,]\d{1,2})?)\s*(?:€|EUR|Euro)",
    re.I,
)


def price(fee: str) -> str | None:
    """The price in euros shown as the event's fee ("60 €", "EUR 12,50", "kostenfrei" → "0"),
    or None if the fee is not one plain amount (e.g. "auf Anfrage", "20 € / 10 € ermäßigt")."""
    if FREE.search(fee):
        return "0"
    amounts = list(EUROS.finditer(fee))
    if len(amounts) != 1:
        return None
    value = (amounts[0].group("before") or amounts[0].group("after")).replace(",", ".")
    return value.removesuffix(".00")


def _place(page) -> dict:
    address = {"@type": "PostalAddress", "addressCountry": "DE"}
    for key, value in (
        ("streetAddress", page.address),
        ("postalCode", page.postal_code),
        ("addressLocality", page.city),
    ):
        if value:
            address[key] = value
    return {"@type": "Place", "name": page.venue or page.city, "address": address}


def event(page, request) -> dict:
    if page.all_day:
        start, end = page.start_date.isoformat(), page.last_day.isoformat()
    else:
        start, end = page.local_start().isoformat(), page.local_end().isoformat()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "startDate": start,
        "endDate": end,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE[page.attendance],
        "inLanguage": page.locale.language_code,
        "url": absolute_url(page, request),
    }
    locations = []
    if page.attendance != AttendanceMode.ONLINE:
        locations.append(_place(page))
    if page.attendance != AttendanceMode.OFFLINE:
        locations.append({"@type": "VirtualLocation", "url": page.online_url})
    data["location"] = locations[0] if len(locations) == 1 else locations
    if page.organiser:
        data["organizer"] = {"@type": "Organization", "name": page.organiser}
    if page.teaser:
        data["description"] = page.teaser
    if page.registration_url or page.fee:
        offer = {"@type": "Offer", "url": page.registration_url or absolute_url(page, request)}
        if page.fee and (amount := price(page.fee)) is not None:
            offer["price"] = amount
            offer["priceCurrency"] = "EUR"
        if page.registration_deadline:
            offer["validThrough"] = page.registration_deadline.isoformat()
        data["offers"] = offer
    if image := _image(page, request):
        data["image"] = [image]
    return data
