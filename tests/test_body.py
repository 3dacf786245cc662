"""Headings and duplicates inside the body."""

from __future__ import annotations

from corpuskit.structure.body import duplicate_pairs, heading_indices, is_heading_line

PARA = "The group has lost enormous financial, arms and training capability with the loss of its territory."


def test_heading_needs_prose_after_it_and_a_block_before_it():
    texts = ["Over the border", PARA, "Vulnerable countries", PARA, "Arab Gulf countries may also suffer."]
    assert heading_indices(texts, 0, len(texts)) == [2]  # index 0 has nothing before it


def test_sentences_and_questions_are_not_headings():
    assert not is_heading_line("Similar dynamics can be observed throughout the continent.")
    assert not is_heading_line("What is preventing authorities from arresting them?")
    assert not is_heading_line("however, this is lower case")
    assert is_heading_line("Report: ISIS is Out of Heavy Weapons")


def test_two_short_lines_in_a_row_are_not_both_headings():
    texts = [PARA, "Over the border", "Short line two", PARA]
    assert heading_indices(texts, 0, 4) == [2]


def test_duplicates_point_at_the_first_copy_ignoring_runs_of_spaces():
    texts = [PARA, "x", PARA.upper(), "  ".join(PARA.split()), "Share", PARA]
    assert duplicate_pairs(texts, range(6)) == {3: 0, 5: 0}
    assert duplicate_pairs(["Share", "Share"], range(2)) == {}  # too short to be a repeated paragraph
