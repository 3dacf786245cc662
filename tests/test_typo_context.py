"""typo.context and candidate generation: the shortcuts that make the typo stage fast change nothing."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from corpuskit import wordlists
from corpuskit.typos import candidates, context
from corpuskit.typos.limits import CONTEXT_CANDIDATE_MIN_CZ, CONTEXT_WORD_MAX_CZ
from corpuskit.typos.scan import scan

sys.path.insert(0, str(Path(__file__).parent))
import typo_eval


def _rare_words() -> list[str]:
    en = wordlists.english()
    return sorted(
        w for w in en.real if w.isalpha() and w.isascii() and w.islower() and en.freq.get(w, 0) <= CONTEXT_WORD_MAX_CZ
    )


def test_the_confusable_list_follows_its_definition() -> None:
    """A rare dictionary word is listed exactly when a common one is a single edit away."""
    freq = wordlists.english().freq
    listed = wordlists.confusable()
    sample = random.Random(7).sample(_rare_words(), 1500)
    for w in sample:
        near = [c for c in candidates.one_edit_words(w) if c.isalpha()]
        assert (w in listed) == any(freq.get(c, 0) >= CONTEXT_CANDIDATE_MIN_CZ for c in near), w
    assert {"rein", "spites"} <= listed
    assert "reign" not in listed  # common: never suspected


def test_skipping_words_outside_the_list_changes_no_decision(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*typo_eval.clean_documents()[:5], "in spites of the defeats, their rein of destruction, a covert loan"]
    fast = [context.decisions(scan(t), frozenset()) for t in texts]
    assert any(fast)
    monkeypatch.setattr(wordlists, "confusable", lambda: frozenset(_rare_words()))
    context._last.clear()
    slow = []
    for t in texts:
        slow.append(context.decisions(scan(t + " "), frozenset()))  # a new text: no cached answer
    assert fast == slow


def test_the_delete_index_finds_the_same_words_as_generating_edits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past INDEX_AFTER_WORDS distinct words the index answers: it must answer the same."""
    words = [*random.Random(3).sample(_rare_words(), 300), "onlie", "thay", "tge", "recieved", "a", "xq"]
    floor = candidates._floor_words()
    generated = {w: tuple(sorted(candidates._edits1(w).intersection(floor) - {w})) for w in words}
    candidates.one_edit_words.cache_clear()
    monkeypatch.setattr(candidates, "_asked", [candidates.INDEX_AFTER_WORDS])
    try:
        for w in words:
            assert candidates.one_edit_words(w) == generated[w], w
    finally:
        candidates.one_edit_words.cache_clear()
