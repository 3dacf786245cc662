"""typos.scan answers by str.find what the WORD tokenisation of the whole text would say.

The scan counts and places only the words a rule asks about; these properties pin that
to the definition it replaced (every WORD token of the text, counted and placed), on
text made of letters, both apostrophes, digits, hyphens and the characters whose case
mapping changes a string's length.
"""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuskit.typos.scan import APOSTROPHES, WORD, scan

_PIECES = ["ab", "Ab", "AB", "b", "ba", "a", "'", "’", " ", "\n", "-", "1", "é", "İ", "\u212a", "ß", ".", "ab'ba"]
texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def _words(text: str) -> list[str]:
    return sorted({w.lower().translate(APOSTROPHES) for w in WORD.findall(text)} | {"ab", "b'a", "a b", "x"})


@settings(max_examples=300, deadline=None)
@given(texts)
def test_counts_are_those_of_every_token(text: str) -> None:
    found = scan(text + " ")
    tokens = Counter(WORD.findall(found.lower))
    for w in _words(text):
        assert found.count(w) == tokens.get(w, 0), w
        assert found.occurs(w, 2) == (tokens.get(w, 0) >= 2), w


@settings(max_examples=300, deadline=None)
@given(texts)
def test_capitalised_counts_are_those_of_every_token(text: str) -> None:
    found = scan(text + "  ")
    cased = Counter(w.translate(APOSTROPHES) for w in WORD.findall(found.text))
    for w in _words(text):
        title = w[:1].upper() + w[1:]
        expected = cased.get(title, 0) + (cased.get(w.upper(), 0) if len(w) > 1 else 0)
        assert found.capitalised(w) == expected, w


@settings(max_examples=300, deadline=None)
@given(texts)
def test_positions_are_those_of_every_token(text: str) -> None:
    found = scan(text + "   ")
    for w in _words(text):
        if found.odd_case:
            continue  # placed by the case-insensitive regex itself
        expected = [(m.start(), m.end()) for m in WORD.finditer(found.lower) if m.group() == w]
        assert list(found.positions([w])) == expected, w
    assert list(found.positions(_words(text))) == sorted(
        (m.start(), m.end()) for m in WORD.finditer(found.lower) if m.group() in set(_words(text))
    ) or found.odd_case


def test_a_word_with_a_space_or_hyphen_is_never_counted() -> None:
    found = scan("a b and a-b, A B")
    assert found.count("a b") == found.count("a-b") == found.capitalised("a b") == 0
    assert re.search("a b", found.text)
