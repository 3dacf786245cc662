"""The block scorer's speed-ups must not change a score: the folded matching is exact."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from corpuskit.structure import features
from corpuskit.structure.features import FOLD_ODD, score_block, section_kind

STRUCTURE = Path(features.__file__).parent


def _alphabet() -> set[str]:
    """Every lower-case letter the scorer's patterns can hold: the characters of the
    modules that write them (a superset), and the ranges' a-z."""
    text = (STRUCTURE / "features.py").read_text() + (STRUCTURE / "vocabulary.py").read_text()
    chars = {c.lower() for c in text if c.isalpha() and len(c.lower()) == 1}
    return chars | set("abcdefghijklmnopqrstuvwxyz")


def test_lowering_matches_ignorecase_except_on_the_odd_characters():
    """Case-sensitive patterns on the lowered line give IGNORECASE's matches wherever the
    line holds none of FOLD_ODD: each cased character lowers to one character, which is
    exactly the pattern letters it matches case-insensitively, and lowering keeps \\w, \\d
    and \\s as they were. A character the interpreter folds unlike ``str.lower`` that is
    missing from FOLD_ODD fails here."""
    alphabet = sorted(_alphabet())
    letters = [(p, re.compile(re.escape(p), re.IGNORECASE)) for p in alphabet]
    classes = [re.compile(r"\w"), re.compile(r"\d"), re.compile(r"\s")]
    needed = set()
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if low == c and c.upper() == c:
            continue  # uncased: lowering leaves it alone
        matched = {p for p, rx in letters if rx.fullmatch(c)}
        if len(low) != 1 or matched - {low}:
            needed.add(c)
            continue
        assert low not in alphabet or low in matched, c
        for rx in classes:
            assert bool(rx.match(c)) == bool(rx.match(low)), (hex(cp), rx.pattern)
    assert needed == set(FOLD_ODD)


def test_a_line_with_an_odd_character_is_matched_case_insensitively():
    # "ſ" (long s) matches "s" under IGNORECASE but does not lower to it
    assert section_kind("Commentſ") == section_kind("Comments") == "comment"
    assert section_kind("COMMENTS") == "comment"
    assert score_block("Commentſ") == score_block("Comments")
    assert score_block("Prİvacy Policy") == score_block("Privacy Policy")
