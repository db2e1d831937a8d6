"""The network's topic vocabulary, from the lists in the network's own pages; the entries are in
``cms/demo/topics.yaml``.

The Städtenetz page lists twelve recurring topics, the portrait of the AG Soziale Stadt another
set of topic fields. Where both name the same field in other words ("Förderung der lokalen
Ökonomie" / "Lokale Ökonomie"), it is one topic and the other wording is kept as a synonym, so
searches for either find it.
"""

from pathlib import Path
from typing import NamedTuple

from .data import Pair, pair, read_list, text

DATA = Path(__file__).resolve().parent / "topics.yaml"


class Topic(NamedTuple):
    slug: str
    name: Pair  # German label, English label
    description: Pair
    synonyms: str


def load_topics(path: Path = DATA) -> list[Topic]:
    topics = []
    for number, item in enumerate(read_list(path), start=1):
        where = f"{path.name} item {number}"
        topics.append(
            Topic(
                slug=text(item, "slug", where),
                name=pair(item, "name", where),
                description=pair(item, "description", where),
                synonyms=text(item, "synonyms", where, default=""),
            )
        )
    return topics


TOPICS = load_topics()
