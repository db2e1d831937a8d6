"""Synthetic content for benchmarks: thousands of German pages of every type, made fast.

The pages read like the network's (topics, districts, the words of the seeds) so that search
and listings see realistic text lengths and word frequencies. They are written in bulk: page
rows with ``bulk_create`` under paths computed here, type rows with a raw insert each (what
``loaddata`` does; their parent keys set from the parent, ``cms.parents``, and their sort keys,
``cms.sortkeys``), topics and authors in bulk, then the search index in chunks. That skips
revisions and signals; the pages are live and complete, but have no history.

All synthetic pages have slugs starting with ``SLUG_PREFIX``; ``generate`` tops them up to
the number asked for, so running it twice adds nothing.

``cms`` does not know the content apps: each app registers its page kinds in its own
``synthetic`` module (``register_kind``), found by Django's module autodiscovery as the demo
steps are, and the search app registers where the sentences of real pages come from
(``register_sentence_source``).
"""

import datetime
import random
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from cms.demo.statistics import refresh_statistics
from cms.listing.stored import content_changed
from cms.models import TaggedPage, Topic
from cms.parents import set_parent_keys
from cms.sortkeys import set_sort_keys

SLUG_PREFIX = "synth-"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„])")
MIN_POOL = 50  # fewer sentences than this: generated sentences only
POOL_SHARE = 0.05  # of the sentences, taken from existing pages
CHUNK = 500

PLACES = [
    "Essen-Katernberg", "Duisburg-Marxloh", "Gelsenkirchen-Ückendorf", "Dortmund-Nordstadt",
    "Köln-Chorweiler", "Wuppertal-Oberbarmen", "Hagen-Wehringhausen", "Bochum-Hustadt",
    "Bielefeld-Baumheide", "Aachen-Ost", "Mönchengladbach-Rheydt", "Hamm-Norden",
    "Bonn-Tannenbusch", "Oberhausen-Knappenviertel", "Gladbeck-Brauck", "Minden-Bärenkämpen",
]  # fmt: skip
CITIES = [place.split("-")[0] for place in PLACES]
SUBJECTS = [
    "Die Stadt", "Das Team", "Die Verwaltung", "Der Verein", "Die Initiative", "Das Projekt",
    "Die Kommune", "Die Nachbarschaft", "Das Netzwerk", "Der Träger", "Die Gruppe",
    "Das Land", "Eine Arbeitsgemeinschaft", "Der Beirat",
]  # fmt: skip
VERBS = [
    "stärkt", "fördert", "gestaltet", "begleitet", "vernetzt", "unterstützt", "plant",
    "dokumentiert", "erprobt", "verbessert",
]  # fmt: skip
# What a page is about, most common first: each page has two, the first ones more often, so
# that words are spread over the pages as in real text (a few common, most of them rare).
FOCUS = [
    "die Bürgerbeteiligung", "das Quartiersmanagement", "den Verfügungsfonds", "das Wohnumfeld",
    "die lokale Ökonomie", "die Integration", "die Bildungslandschaft", "das Familienzentrum",
    "die Gesundheitsförderung", "die Stadtteilkultur", "den Leerstand", "die Klimaanpassung",
    "die Beschäftigung und Qualifizierung", "das Image des Stadtteils", "die Spielplätze",
    "die Grünflächen", "die Sicherheit im Quartier", "das Stadtteilbüro", "die Jugendarbeit",
    "den Seniorentreff", "die Sprachkurse", "das Nachbarschaftsfest", "die Stadtteilzeitung",
    "die Mieterberatung", "die Radwege", "den Hitzeschutz", "das Fassadenprogramm",
    "die Hofbegrünung", "den Quartiersfonds", "das Stadtteilmarketing", "den Gewerbeverein",
    "die Existenzgründung", "das Beschäftigungsprojekt", "den Gesundheitskiosk",
    "die Präventionskette", "die Bewegungsangebote", "den Sportverein", "das Kulturzentrum",
    "die Stadtteilbibliothek", "die Begegnungsstätte", "das Ehrenamt", "die Stadtteilkonferenz",
    "den Lenkungskreis", "das Bürgerforum", "das Beteiligungsverfahren", "die Planungswerkstatt",
    "das Gender Mainstreaming", "die Schulsozialarbeit", "die Elternarbeit", "die Kita-Plätze",
    "die Ganztagsbetreuung", "den Jugendtreff", "die Streetwork", "die Suchtprävention",
    "die Wohnungsaufsicht", "die Modernisierung", "die Barrierefreiheit", "den Mobilitätsplan",
    "das Lastenrad", "den Quartiersplatz", "den Stadtteilpark", "das Urban Gardening",
    "den Gemeinschaftsgarten", "die Umweltbildung", "das Energiesparen", "die Nahversorgung",
    "den Wochenmarkt", "das Ladenlokal", "die Zwischennutzung", "das Kreativquartier",
    "die Kunstprojekte", "das Stadtteilfest", "die Willkommenskultur", "die Migrationsberatung",
    "die Antidiskriminierung", "den Runden Tisch", "die Sozialraumanalyse", "das Monitoring",
    "die Evaluation", "den Aktionsplan", "das Handlungskonzept", "die Förderrichtlinie",
]  # fmt: skip
ENDINGS = [
    "gemeinsam mit den Bewohnerinnen und Bewohnern", "über mehrere Jahre", "mit lokalen Partnern",
    "in enger Abstimmung mit der Verwaltung", "mit Unterstützung des Landes",
    "für alle Generationen", "seit dem vergangenen Jahr", "mit neuen Ideen",
    "Schritt für Schritt", "im ganzen Stadtteil", "mit viel Engagement", "auch im nächsten Jahr",
]  # fmt: skip
NOUNS = [
    "Werkstatt", "Fachtag", "Netzwerktreffen", "Exkursion", "Seminar", "Stadtteilkonferenz",
    "Arbeitshilfe", "Dokumentation", "Bestandsaufnahme", "Leitfaden", "Zwischenbilanz",
]  # fmt: skip
THEMES = [
    "Bürgerbeteiligung", "Lokale Ökonomie", "Gender Mainstreaming", "Wohnumfeld", "Bildung",
    "Gesundheit", "Integration", "Klimaanpassung", "Stadtteilmarketing", "Kultur im Quartier",
]  # fmt: skip
AUTHORS = [
    "Meyer, Margarete", "Schulz, Thomas", "Nowak, Piotr", "Becker, Anna", "Hoffmann, Jens",
    "Özdemir, Cem", "Wagner, Julia",
    "Yılmaz, Ayşe",  # noqa: RUF001 (the Turkish dotless i)
]  # fmt: skip


_sentence_sources: list[Callable[[Locale], Iterable[str]]] = []


def register_sentence_source(source: Callable[[Locale], Iterable[str]]):
    """Register ``source(locale)``: plain texts of the language's existing pages."""
    _sentence_sources.append(source)
    return source


def sentence_pool(locale: Locale) -> list[str]:
    """The sentences of the language's existing pages (the demo content: the network's own
    words), so that synthetic text has the word frequencies of real text."""
    discover()
    sentences = set()
    for source in _sentence_sources:
        for text in source(locale):
            for sentence in SENTENCE_END.split(" ".join((text or "").split())):
                if 6 <= len(sentence.split()) <= 40:
                    sentences.add(sentence)
    return sorted(sentences)


FOCUS_WEIGHTS = [rank**-0.5 for rank in range(1, len(FOCUS) + 1)]


class Text:
    """Deterministic German text in the network's vocabulary. Each page is about two things
    (``new_page``, picked with weights 1/√rank) that most of its sentences mention, as real
    pages stay on their subject; a few sentences are taken from the existing pages (the demo
    content) as they are."""

    def __init__(self, seed: int, pool: list[str]):
        self.random = random.Random(seed)
        self.pool = pool if len(pool) >= MIN_POOL else []
        self.focus = FOCUS[:2]
        self.place = PLACES[0]

    def pick(self, items):
        return self.random.choice(items)

    def new_page(self) -> None:
        self.focus = self.random.choices(FOCUS, weights=FOCUS_WEIGHTS, k=2)
        self.place = self.pick(PLACES)

    def sentence(self) -> str:
        if self.pool and self.random.random() < POOL_SHARE:
            return self.pick(self.pool)
        about = self.pick(self.focus) if self.random.random() < 0.9 else self.pick(FOCUS)
        place = self.place if self.random.random() < 0.7 else self.pick(PLACES)
        return f"{self.pick(SUBJECTS)} in {place} {self.pick(VERBS)} {about} {self.pick(ENDINGS)}."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for __ in range(sentences))

    def stream(self, paragraphs: int) -> list[dict]:
        return [
            {
                "type": "paragraph",
                "value": f"<p>{self.paragraph(self.random.randint(3, 7))}</p>",
                "id": str(uuid.UUID(int=self.random.getrandbits(128))),
            }
            for __ in range(paragraphs)
        ]

    def title(self, number: int) -> str:
        about = self.focus[0].split(" ", 1)[1]  # without the article
        return f"{self.pick(NOUNS)}: {about[0].upper()}{about[1:]} in {self.place} ({number})"

    def day(self, first_year=2005, last_year=2027) -> datetime.date:
        start = datetime.date(first_year, 1, 1).toordinal()
        end = datetime.date(last_year, 12, 31).toordinal()
        return datetime.date.fromordinal(self.random.randint(start, end))


@dataclass
class Kind:
    """How to make synthetic pages of one type: its share of the total, its parents and the
    field values of one page, plus optional hooks for what bulk creation skips."""

    name: str
    model: type
    share: float
    parents: Callable[[Locale], list[Page]]
    values: Callable[[Text, int], dict]
    prepare: Callable[[Page], None] | None = None  # each unsaved page, before the insert
    after_create: Callable[[list, Text], None] | None = None  # the saved pages of a batch


_kinds: dict[str, Kind] = {}


def register_kind(kind: Kind) -> Kind:
    _kinds[kind.name] = kind
    return kind


def discover() -> dict[str, Kind]:
    """The registered kinds (each app's ``synthetic`` module), the largest share first."""
    autodiscover_modules("synthetic")
    return dict(sorted(_kinds.items(), key=lambda item: -item[1].share))


def first_page(model, locale: Locale) -> Page:
    """The first page of ``model`` in ``locale``; LookupError (named) if there is none."""
    page = model.objects.filter(locale=locale).first()
    if page is None:
        raise LookupError(model._meta.verbose_name)
    return page


def plan(total: int) -> dict[str, int]:
    """How many pages of each type make ``total`` (the rest of the rounding to the largest)."""
    kinds = discover()
    counts = {name: int(total * kind.share) for name, kind in kinds.items()}
    if counts:
        counts[next(iter(counts))] += total - sum(counts.values())
    return counts


def existing_counts() -> dict[str, int]:
    return {
        name: kind.model.objects.filter(slug__startswith=SLUG_PREFIX).count()
        for name, kind in discover().items()
    }


def generate(total: int, seed: int = 2026, progress: Callable[[int], None] = lambda n: None):
    """Top the synthetic pages up to ``total``; returns how many of each type were added."""
    locale = Locale.get_default()
    kinds = discover()
    parents = {name: kind.parents(locale) for name, kind in kinds.items()}
    have = existing_counts()
    added = {}
    topics = list(Topic.objects.all())
    pool = sentence_pool(locale)
    for name, wanted in plan(total).items():
        missing = max(0, wanted - have[name])
        added[name] = missing
        kind = kinds[name]
        text = Text(seed + have[name] * 7919 + len(name), pool)
        number = have[name]
        while missing:
            batch = min(missing, CHUNK)
            with transaction.atomic():
                pages = _create(kind, parents[name], text, number, batch, locale, topics)
                _index(kind.model, [page.pk for page in pages])
            number += batch
            missing -= batch
            progress(batch)
    if any(added.values()):
        # Written around the ORM's signals: the stored listings are stale now.
        content_changed()
        # Statistics of the new thousands of rows; VACUUM also drops the row versions the
        # search index's upserts left behind.
        refresh_statistics()
    return added


def _create(
    kind: Kind, parents: list[Page], text: Text, first_number: int, count: int, locale, topics
) -> list:
    """``count`` pages of one type, spread over the type's parents, in bulk."""
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(kind.model)
    by_parent: dict[int, list] = {}
    for offset in range(count):
        number = first_number + offset
        parent = parents[number % len(parents)]
        text.new_page()
        title = text.title(number)
        page = kind.model(
            title=title,
            draft_title=title,
            slug=f"{SLUG_PREFIX}{kind.model._meta.model_name}-{number}",
            content_type=content_type,
            locale=locale,
            translation_key=uuid.UUID(int=text.random.getrandbits(128)),
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            **kind.values(text, number),
        )
        if kind.prepare is not None:
            kind.prepare(page)
        by_parent.setdefault(parent.pk, []).append(page)

    created = []
    for parent in parents:
        children = by_parent.get(parent.pk)
        if children:
            created += _insert_children(parent, children)
    _tag(created, topics, text)
    if kind.after_create is not None:
        kind.after_create(created, text)
    return created


def _insert_children(parent: Page, children: list) -> list:
    parent.refresh_from_db(fields=["path", "depth", "numchild", "url_path"])
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    for offset, page in enumerate(children, start=1):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step + offset)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.numchild = 0
        set_parent_keys(page, parent)
        set_sort_keys(page)
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create(
        Page(**{field.attname: getattr(page, field.attname) for field in base_fields})
        for page in children
    )
    for page, row in zip(children, rows, strict=True):
        page.pk = page.page_ptr_id = row.pk
        # Only the type's own table: the page row exists already (this is what loaddata does).
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(children))
    return children


def _tag(pages: Iterable[Page], topics: list, text: Text) -> None:
    if not topics:
        return
    TaggedPage.objects.bulk_create(
        TaggedPage(content_object_id=page.pk, tag_id=topic.pk)
        for page in pages
        for topic in text.random.sample(topics, k=min(len(topics), text.random.randint(1, 3)))
    )


def _index(model, ids: list[int]) -> None:
    backend = get_search_backend()
    index = backend.get_index_for_model(model)
    objects = model.get_indexed_objects().filter(pk__in=ids).prefetch_related("tagged_topics__tag")
    index.add_items(model, list(objects))
