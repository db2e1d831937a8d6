"""Excerpts of search results outside PostgreSQL (SQLite, the demo's default): cut at word
boundaries around the first found word, never mid-word, with the words marked."""

from search.service import MARK_END, MARK_START, _python_snippet

SENTENCE = "Die Stadtteilkonferenz in Essen-Katernberg beschließt den Verfügungsfonds. "


def words_of(text: str) -> list[str]:
    return text.replace("… ", "").replace(" …", "").split()


def test_cut_at_word_boundaries_around_the_found_word():
    body = "Einleitung " * 12 + SENTENCE * 8
    snippet = _python_snippet(body, ["verfügungsfonds"])
    assert snippet.startswith("… ")
    assert snippet.endswith(" …")
    plain = snippet.replace(MARK_START, "").replace(MARK_END, "")
    # every word of the excerpt is a whole word of the text
    whole_words = set(body.split())
    assert all(word in whole_words for word in words_of(plain)), plain
    assert f"{MARK_START}Verfügungsfonds{MARK_END}" in snippet
    assert len(plain) <= 240 + 4


def test_short_text_is_shown_whole_without_ellipses():
    snippet = _python_snippet("Kurz und gut: Leerstand im Quartier.", ["leerstand"])
    assert snippet == f"Kurz und gut: {MARK_START}Leerstand{MARK_END} im Quartier."


def test_no_found_word_starts_at_the_beginning():
    body = SENTENCE * 10
    snippet = _python_snippet(body, ["gibtesnicht"])
    assert snippet.startswith("Die Stadtteilkonferenz")
    assert not snippet.startswith("…")
    assert all(word in set(body.split()) for word in words_of(snippet))
