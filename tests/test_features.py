"""The block scorer's speed-ups must not change a score: the folded matching is exact."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

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


# -- the speed-ups' exact shortcuts (vocabulary.gate_literals, shape.words, shape.AsciiCaseless)


def test_required_literal_reads_only_what_every_match_holds():
    from corpuskit.structure.vocabulary import gate_literals, required_literal

    assert required_literal(r"all\s+rights?\s+reserved") == "reserved"
    assert required_literal(r"ab?c") == "a"  # "b" may be absent
    assert required_literal(r"abc{2}d") == "ab"  # "c" is repeated: a run ends there
    assert required_literal(r"x(?:y|zz)w+") == "x"  # nothing inside a group is sure
    assert required_literal(r"[]a]bc") == "bc"
    assert required_literal(r"\d+\s+likes?") == "like"
    assert required_literal(r"a|bcd") == ""  # a top-level alternative: nothing is sure
    assert gate_literals((r"use\s+cookies", r"cookie\s+policy", r"a|b")) is None
    assert gate_literals((r"use\s+cookies", r"cookie\s+policy")) == ("cookie",)


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_every_match_of_a_gated_pattern_holds_its_literal(data):
    from corpuskit.structure import vocabulary as V

    for patterns in (V.LEGAL_LINES, V.ATTRIBUTION_VERBS):
        gate = V.gate_literals(patterns)
        assert gate is not None
        pattern = data.draw(st.sampled_from(patterns))
        text = data.draw(st.from_regex(pattern, fullmatch=True))
        assert any(lit in text for lit in gate), (pattern, text)


_TEXT = st.text(st.sampled_from("abcXYZ'’ é1_-.:\u00a0\u017f\u0130"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_words_on_ascii_lines_are_the_unicode_words(line):
    from corpuskit.structure import shape

    assert shape.words(line) == re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", line)


_WORDS = st.sampled_from(["published", "PUBLISHED", "Publi\u017fhed", "By:", "by", "bY :", "x", "\u00e9", "\u0130"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=6).map(" ".join))
def test_ascii_caseless_finds_what_ignorecase_finds(line):
    from corpuskit.structure.shape import AsciiCaseless

    pattern = r"\b(?:published|by)\b\s*:?"
    m, ref = AsciiCaseless(pattern).search_line(line), re.search(pattern, line, re.IGNORECASE)
    assert (m and m.span()) == (ref and ref.span())
