"""Cutting text into blocks."""

from __future__ import annotations

from corpuskit.structure.blocks import spans


def test_blank_line_and_single_newline_paragraphs_and_crlf():
    text = "Title\r\n\r\n  First para.  \nSecond para.\u00a0\n\n\n\u2003Third\n"
    assert [text[s:e] for s, e in spans(text)] == ["Title", "First para.", "Second para.", "Third"]


def test_empty_and_blank_text_have_no_blocks():
    assert spans("") == [] and spans(" \n\t\u00a0\n") == []
