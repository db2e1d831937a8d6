"""Demo steps of the core: the topic vocabulary, the contact persons, the footer text."""

from cms.demo.registry import demo_step
from cms.demo.topics import TOPICS
from cms.models import ContactPerson, FooterText, Topic, TopicLabel

CONTACTS = {
    "koordinierungsstelle": {
        "de": {
            "name": "Kommunale Koordinierungsstelle",
            "role": "Koordination der AG Soziale Stadt NRW",
            "organisation": "Stadt Essen",
            "email": "soziale-stadt@netzwerk-stadtentwicklung.nrw",
        },
        "en": {
            "role": "Coordination of the AG Soziale Stadt NRW",
            "organisation": "City of Essen",
        },
    },
    "fachberatung": {
        "de": {
            "name": "Fachberatung",
            "role": "Fachliche Beratung und Begleitung der AG",
            "organisation": "empirica ag",
            "phone": "0228 914 89-65",
            "email": "soziale-stadt@netzwerk-stadtentwicklung.nrw",
        },
        "en": {
            "role": "Technical advice and support for the working group",
            "organisation": "empirica ag",
        },
    },
}

FOOTER = (
    "<p>Die AG Soziale Stadt NRW ist eine Arbeitsgemeinschaft des Netzwerks Stadtentwicklung "
    "NRW. Sie ist 2024 aus dem 1994 gegründeten Städtenetz Soziale Stadt NRW hervorgegangen.</p>",
    "<p>The AG Soziale Stadt NRW is a working group of the Netzwerk Stadtentwicklung NRW. It "
    "grew out of the Städtenetz Soziale Stadt NRW, founded in 1994, in 2024.</p>",
)


@demo_step()
def topics(context):
    for slug, name, label_en, description, description_en, synonyms in TOPICS:
        topic, created = Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "synonyms": synonyms}
        )
        TopicLabel.objects.get_or_create(
            topic=topic,
            locale=context.english,
            defaults={"label": label_en, "description": description_en},
        )
        context.objects[f"topic:{slug}"] = topic
        if created:
            context.created["Topic"] += 1


@demo_step()
def contacts_and_footer(context):
    german = context.german
    for key, data in CONTACTS.items():
        person = ContactPerson.objects.filter(locale=german, name=data["de"]["name"]).first()
        if person is None:
            person = ContactPerson.objects.create(locale=german, **data["de"])
            context.created["ContactPerson"] += 1
        context.ensure_translation(person, data["en"])
        context.objects[f"contact:{key}"] = person

    footer = FooterText.objects.filter(locale=german).first()
    if footer is None:
        footer = FooterText.objects.create(locale=german, body=FOOTER[0])
        context.created["FooterText"] += 1
    context.ensure_translation(footer, {"body": FOOTER[1]})
