"""Demo steps of the core: the topic vocabulary, the contact persons, the footer text (their
texts are in ``cms/demo/*.yaml``)."""

from pathlib import Path

from cms.demo.data import DemoDataError, is_pair, pair, read_list, read_mapping, text
from cms.demo.registry import demo_step
from cms.demo.topics import TOPICS
from cms.models import ContactPerson, FooterText, Topic, TopicLabel

DEMO_DIR = Path(__file__).resolve().parent / "demo"


def load_contacts(path: Path = DEMO_DIR / "contacts.yaml") -> dict[str, dict[str, dict]]:
    """Contact persons by key: the German snippet's fields and the English translation's."""
    contacts = {}
    for number, item in enumerate(read_list(path), start=1):
        where = f"{path.name} item {number}"
        german, english = {}, {}
        for name, value in item.items():
            if name == "key":
                continue
            if is_pair(value):
                german[name], english[name] = pair(item, name, where)
            else:
                german[name] = text(item, name, where)
        if "name" not in german:
            raise DemoDataError(f"{where}: 'name' is missing")
        contacts[text(item, "key", where)] = {"de": german, "en": english}
    return contacts


CONTACTS = load_contacts()
FOOTER = pair(read_mapping(DEMO_DIR / "footer.yaml"), "text", "footer.yaml")


@demo_step()
def topics(context):
    for item in TOPICS:
        topic, created = Topic.objects.get_or_create(
            slug=item.slug,
            defaults={
                "name": item.name[0],
                "description": item.description[0],
                "synonyms": item.synonyms,
            },
        )
        TopicLabel.objects.get_or_create(
            topic=topic,
            locale=context.english,
            defaults={"label": item.name[1], "description": item.description[1]},
        )
        context.objects[f"topic:{item.slug}"] = topic
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
