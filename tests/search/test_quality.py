"""Search quality over the demo content: every judged query must keep its pages in the top 5.

Runs on PostgreSQL only: the German stemming, umlaut spellings and similarity fallback it
measures exist only there. The figures (precision at 5, pages found) are printed at the end
of the module so CI logs show how search quality moves from commit to commit.
"""

from django.utils import translation

from wagtail.models import Page

import pytest

from cms.models import TaggedPage
from search.service import search

from .quality_set import ENGLISH, GERMAN, Judged

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres(
        reason="measures PostgreSQL full-text search (stemming, umlauts, similarity)",
    ),
]

TOP = 5
QUERIES = [("de", judged) for judged in GERMAN] + [("en", judged) for judged in ENGLISH]


@pytest.fixture(scope="module")
def report(request):
    rows: list[tuple[str, str, float, bool]] = []
    yield rows
    if not rows:
        return
    writer = request.config.pluginmanager.get_plugin("terminalreporter")
    lines = ["", "Search quality on the demo content (top 5):"]
    for language in ("de", "en"):
        mine = [row for row in rows if row[0] == language]
        if mine:
            precision = sum(row[2] for row in mine) / len(mine)
            kept = sum(row[3] for row in mine)
            lines.append(
                f"  {language}: {len(mine)} queries, mean precision@5 {precision:.2f}, "
                f"all required pages in the top 5 for {kept}/{len(mine)}"
            )
    lines += [f"  missed: {row[0]} {row[1]!r}" for row in rows if not row[3]]
    for line in lines:
        writer.write_line(line)


def relative_path(url_path: str, language: str) -> str:
    home = Page.objects.get(depth=2, locale__language_code=language)
    return url_path.removeprefix(home.url_path).strip("/")


def relevant_pages(judged: Judged, language: str) -> set[str]:
    tagged = TaggedPage.objects.filter(
        tag__slug__in=judged.topics, content_object__locale__language_code=language
    ).values_list("content_object__url_path", flat=True)
    return {
        *judged.must,
        *judged.relevant,
        *(relative_path(url_path, language) for url_path in tagged),
    }


@pytest.mark.parametrize(
    ("language", "judged"), QUERIES, ids=[f"{lang}:{j.query}" for lang, j in QUERIES]
)
def test_query_keeps_its_pages_in_the_top_5(demo, report, language, judged):
    with translation.override(language):
        response = search(judged.query, {}, language)
    top = [relative_path(hit.page.url_path, language) for hit in response.hits[:TOP]]
    relevant = relevant_pages(judged, language)
    precision = len(relevant.intersection(top)) / max(1, min(TOP, len(top)))
    missing = [page for page in judged.must if page not in top]
    report.append((language, judged.query, precision, not missing))
    assert not missing, f"{judged.query!r}: {missing} not in the top {TOP}: {top}"


def test_the_set_is_big_enough():
    assert len(GERMAN) >= 30
    assert len(ENGLISH) >= 10
    assert len({j.query for j in GERMAN}) == len(GERMAN)
