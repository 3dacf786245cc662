"""Edits: application, selection by rule family, and composition across chained rules."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuskit.edits import Edit, apply_edits, compose, rule_matches, select_edits


def test_apply_replaces_spans_in_order() -> None:
    text = "a\u00a0b\u00a0c"
    edits = [Edit("unicode.nbsp", 1, 2, "\u00a0", " "), Edit("unicode.nbsp", 3, 4, "\u00a0", " ")]
    assert apply_edits(text, edits) == "a b c"


def test_apply_refuses_overlapping_edits() -> None:
    with pytest.raises(ValueError, match="overlap"):
        apply_edits("abcdef", [Edit("x.a", 0, 3, "abc", ""), Edit("x.b", 2, 4, "cd", "")])


def test_rule_families_match_by_dotted_prefix_only() -> None:
    assert rule_matches("typo.known", ["typo"])
    assert rule_matches("typo.known", ["typo.known"])
    assert not rule_matches("typography.ascii", ["typo"])
    assert not rule_matches("typo.known", ["typo.frequency"])


def test_select_edits_only_and_without() -> None:
    edits = [Edit("unicode.nbsp", 0, 1, "\u00a0", " "), Edit("typo.known", 2, 5, "tge", "the")]
    assert [e.rule for e in select_edits(edits, without=["typo"])] == ["unicode.nbsp"]
    assert [e.rule for e in select_edits(edits, only=["typo"])] == ["typo.known"]


def test_compose_merges_a_later_change_to_text_an_earlier_rule_made() -> None:
    raw = "caf\u00c3\u00a9\u00a0ok"
    first = [Edit("encoding.mojibake", 3, 5, "\u00c3\u00a9", "\u00e9")]
    mid = apply_edits(raw, first)
    second = [Edit("unicode.nfc", 3, 4, "\u00e9", "e"), Edit("unicode.nbsp", 4, 5, "\u00a0", " ")]
    out = compose(raw, first, second, mid)
    assert apply_edits(raw, out) == "cafe ok"
    assert [(e.rule, e.before, e.after) for e in out] == [
        ("encoding.mojibake", "\u00c3\u00a9", "e"),
        ("unicode.nbsp", "\u00a0", " "),
    ]


@st.composite
def _text_and_edits(draw: st.DrawFn, text: str | None = None) -> tuple[str, list[Edit]]:
    if text is None:
        text = draw(st.text(alphabet="ab \n\u00a0", max_size=30))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits: list[Edit] = []
    pos = 0
    for i in range(0, len(cuts) - 1, 2):
        s, e = cuts[i], cuts[i + 1]
        if s < pos:
            continue
        edits.append(Edit(f"r.r{i}", s, e, text[s:e], draw(st.text(alphabet="xyz", max_size=3))))
        pos = e
    return text, edits


@settings(max_examples=400)
@given(st.data())
def test_compose_equals_applying_one_rule_after_the_other(data: st.DataObject) -> None:
    raw, base = data.draw(_text_and_edits())
    mid = apply_edits(raw, base)
    _, new = data.draw(_text_and_edits(mid))
    out = compose(raw, base, new, mid)
    assert apply_edits(raw, out) == apply_edits(mid, new)
    assert all(raw[e.start : e.end] == e.before for e in out)
    assert all(a.end <= b.start for a, b in itertools.pairwise(out))
