"""typo.context and candidate generation: the shortcuts that make the typo stage fast change nothing."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from corpuskit import wordlists
from corpuskit.options import Options
from corpuskit.typos import TYPO_RULES, candidates, context, suggestions
from corpuskit.typos.limits import CONFUSION_MIN_RATIO, CONTEXT_CANDIDATE_MIN_CZ, CONTEXT_WORD_MAX_CZ
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


def test_the_wildcard_index_finds_the_same_words_as_generating_edits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past INDEX_AFTER_WORDS distinct words the index answers: it must answer the same,
    also for words with an apostrophe, accents, or the index's own ``*`` and space."""
    odd = ["don't", "dont", "oclock", "o'clock", "naïve", "a*b", "ab*", "*", "the*", "x y", "", "aa", "bok"]
    words = [*random.Random(3).sample(_rare_words(), 300), "onlie", "thay", "tge", "recieved", "a", "xq", *odd]
    floor = candidates._floor_words()
    generated = {w: tuple(sorted(candidates._edits1(w).intersection(floor) - {w})) for w in words}
    candidates.one_edit_words.cache_clear()
    monkeypatch.setattr(candidates, "_asked", [candidates.INDEX_AFTER_WORDS])
    try:
        for w in words:
            assert candidates.one_edit_words(w) == generated[w], w
    finally:
        candidates.one_edit_words.cache_clear()


# -- the confusion-set decision (rein / reign / rain) -------------------------------------


_CONTEXT = next(r for r in TYPO_RULES if r.name == "typo.context")


def _context_edits(text: str) -> list[tuple[str, str]]:
    return [(e.before, e.after) for e in _CONTEXT.find(text, Options())]


def test_a_confusion_set_partner_far_likelier_on_both_sides_is_an_edit() -> None:
    """Their reign of, against their rein of: each neighbour points at reign, 400+ times likelier."""
    text = "ISIS lost its territory, and their rein of destruction has come to an end."
    assert _context_edits(text) == [("rein", "reign")]
    best, ratio, strong = context._confused(context.bigrams(), "their", "rein", "of") or ("", 0.0, False)
    assert (best, strong) == ("reign", True) and ratio >= CONFUSION_MIN_RATIO


def test_a_confusion_case_short_of_two_orders_of_magnitude_is_only_a_suggestion() -> None:
    """Did reign supreme, against did rein supreme: both neighbours favour reign, 87 times likelier, not 100."""
    text = "The flood rose for days, and confusion did rein supreme in the town."
    ratio = context._confused(context.bigrams(), "did", "rein", "supreme")
    assert ratio is not None and ratio[0] == "reign" and 30 < ratio[1] < CONFUSION_MIN_RATIO and not ratio[2]
    assert _context_edits(text) == []
    warned = [w.message for w in suggestions(text, Options())]
    assert any("'rein' may be a typo for 'reign'" in m for m in warned), warned


def test_a_confusion_case_one_neighbour_does_not_support_is_only_a_suggestion() -> None:
    """His reign over is 200 times likelier than his rein over, but "his rein" is a rider's: only "over" is for it."""
    text = "Henry was a cruel king, and his rein over England lasted 38 years."
    ratio = context._confused(context.bigrams(), "his", "rein", "over")
    assert ratio is not None and ratio[0] == "reign" and ratio[1] >= CONFUSION_MIN_RATIO and not ratio[2]
    assert _context_edits(text) == []
    warned = [w.message for w in suggestions(text, Options())]
    assert any("'rein' may be a typo for 'reign'" in m for m in warned), warned


def test_the_partners_frequency_alone_is_no_evidence() -> None:
    """In "set to halve in", have is far more common, but neither neighbour favours it."""
    assert context._confused(context.bigrams(), "to", "halve", "in") is None
    assert _context_edits("Economic growth is set to halve in Singapore this year.") == []


def test_a_confusion_case_two_partners_could_fill_is_only_a_suggestion() -> None:
    """Their reign was and their rain was are both far likelier than their rein was: no clear winner."""
    verdict = context._confused(context.bigrams(), "their", "rein", "was")
    assert verdict is not None and verdict[1] >= CONFUSION_MIN_RATIO and not verdict[2]
    assert _context_edits("It was a long night, and their rein was over at last.") == []


def test_three_words_the_sample_has_as_written_are_meant() -> None:
    """The serge of (a uniform's cloth) occurs in the sample: not corrected to surge, however likelier that is."""
    assert context._confused(context.bigrams(), "the", "serge", "of") is None
    assert _context_edits("He brushed the serge of his old uniform.") == []


def test_a_capitalised_confusion_word_is_never_changed() -> None:
    for text in ("It ended their Rein of destruction.", "It ended their REIN of destruction."):
        assert _context_edits(text) == [], text


def test_a_confusion_word_the_document_repeats_is_meant() -> None:
    text = "He drew in the rein. Their rein of destruction, he said, held the rein."
    assert _context_edits(text) == []


def test_the_confusion_pairs_are_one_edit_apart_and_symmetric() -> None:
    pairs = wordlists.confusion_pairs()
    assert {"reign", "rain"} <= set(pairs["rein"]) and "rein" in pairs["reign"]
    assert "ruin" not in pairs["rein"]  # not a homophone: never a partner
    for w, near in pairs.items():
        for c in near:
            assert candidates.is_one_edit(w, c) and w in pairs[c], (w, c)


def test_a_word_the_sample_hardly_knows_is_not_judged_by_it() -> None:
    """Bloc is in the sample 83 times, an eighth of its web rate: a bloc of is news English, not a block of."""
    assert "bloc" in wordlists.confusion_pairs() and "bloc" not in context._confusion_suspects()
    assert _context_edits("The six small nations formed a bloc of their own.") == []


def test_the_wildcard_keys_are_every_floor_word_with_one_letter_starred(monkeypatch: pytest.MonkeyPatch) -> None:
    """Built with byte slices for ASCII words and a comprehension otherwise: the same keys."""
    floor = candidates._floor_words()
    assert candidates._wildcard_keys() == {w[:i] + "*" + w[i + 1 :] for w in floor for i in range(len(w))}
    small = frozenset({"naïve", "café", "cafe", "book", "boot", "a"})
    monkeypatch.setattr(candidates, "_floor_words", lambda: small)
    candidates._wildcard_keys.cache_clear()
    try:
        assert candidates._wildcard_keys() == {w[:i] + "*" + w[i + 1 :] for w in small for i in range(len(w))}
    finally:
        candidates._wildcard_keys.cache_clear()


def _norvig_edits1(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in letters}
        | {a + c + b for a, b in splits for c in letters}
    )


@pytest.mark.parametrize("word", ["onlie", "a", "", "don't", "naïve", "a\nb", "x y", "thhe"])
def test_edits1_is_norvigs_set(word: str) -> None:
    """The strings are made by join and split (C), except around a newline: the same set."""
    assert candidates._edits1(word) == _norvig_edits1(word)
