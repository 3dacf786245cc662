"""Cutting text into blocks: one per line, or one per hard-wrapped paragraph."""

from __future__ import annotations

import textwrap
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import sample_seeds
from corpuskit.model import unwrap
from corpuskit.structure.blocks import cut, spans, wrap_width

PROSE = (
    "The committee met on Tuesday to discuss the budget for the coming year, and after a long "
    "debate about the cost of the new library it agreed to put the question to the town in a "
    "vote that will be held in the spring, when most of the residents are back from the winter."
)


def wrapped(paragraphs: list[str], width: int = 70, sep: str = "\n\n") -> str:
    return sep.join(textwrap.fill(p, width) for p in paragraphs)


def views(text: str) -> list[str]:
    return cut(text)[1]


def test_blank_line_and_single_newline_paragraphs_and_crlf():
    text = "Title\r\n\r\n  First para.  \nSecond para.\u00a0\n\n\n\u2003Third\n"
    assert [text[s:e] for s, e in spans(text)] == ["Title", "First para.", "Second para.", "Third"]


def test_empty_and_blank_text_have_no_blocks():
    assert spans("") == [] and spans(" \n\t\u00a0\n") == []


def test_wrapped_paragraphs_become_one_block_each_with_exact_offsets():
    paras = [PROSE, PROSE.replace("committee", "council"), PROSE.upper().lower()]
    text = wrapped(paras)
    offsets, vs = cut(text)
    assert vs == paras
    assert [text[s:e] for s, e in offsets] == [textwrap.fill(p, 70) for p in paras]
    width = wrap_width(text)
    assert width is not None and 60 <= width <= 70


def test_crlf_wrapped_text_is_joined_and_the_view_has_no_carriage_returns():
    text = wrapped([PROSE, PROSE]).replace("\n", "\r\n")
    assert views(text) == [PROSE, PROSE]


def test_reuters_style_paragraphs_break_at_an_indented_line():
    """No blank lines: a new paragraph is an indented line (Reuters-21578)."""
    first = textwrap.fill(PROSE, 65)
    second = textwrap.fill(PROSE.replace("Tuesday", "Friday"), 65, initial_indent="    ")
    assert views(first + "\n" + second) == [PROSE, PROSE.replace("Tuesday", "Friday")]


def test_an_indented_line_starts_a_paragraph_even_after_a_full_line():
    first = [
        "Arrivals for the week ended February 22 were 155,221 bags of sixty",
        "kilos, making a cumulative total for the season of 5.93 mln bags.",
    ]
    second = [
        "    Comissaria Smith said there is still some doubt as to how much",
        "old crop cocoa is still available as harvesting has come to an end.",
    ]
    got = views("\n".join(first + second))
    assert got == [" ".join(first), " ".join(line.strip() for line in second)]


def test_lines_wider_or_narrower_than_a_wrap_width_are_not_wrapped_text():
    """Headlines over 100 columns and a list of names under 40 never end a sentence either."""
    wide = [
        f"Council votes {i} to close the library on Main Street after a long debate over costs and "
        f"the future of the town centre {i}"
        for i in range(6)
    ]
    narrow = [f"Jane Doe and the Example Street Band {i}" for i in range(6)]
    assert views("\n".join(wide)) == wide
    assert views("\n".join(narrow)) == narrow


def test_one_paragraph_per_line_is_never_joined():
    """Seeds 001, 003, 004 style: long lines ending sentences, no blank lines."""
    lines = [PROSE, "It was a short meeting.", PROSE.replace("the", "a"), "Voters will decide."]
    text = "\n".join(lines)
    assert wrap_width(text) is None and views(text) == lines


def test_short_sentence_lines_under_a_wrap_width_are_not_wrapped_text():
    """Lines of 40-70 columns that each end a sentence: a list of short paragraphs."""
    lines = [
        "The council approved the new budget on Tuesday.",
        "Opposition members walked out before the vote.",
        "The mayor said the decision was long overdue now.",
        "A referendum on the library is planned for spring.",
        "Turnout at the last referendum was very low indeed.",
    ]
    assert views("\n".join(lines)) == lines


def test_the_seed_corpus_cuts_exactly_as_one_block_per_line():
    for name, raw in sample_seeds().items():
        text = raw.decode("utf-8")
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        assert views(text) == lines, name


def test_verse_a_table_of_contents_and_lists_inside_wrapped_text_stay_lines():
    verse = "    Out of human care and strife,\n    Leave me, as a gift, those virtues\n    Shun danger and fly,"
    toc = (
        "         V.  Monseigneur Bienvenu made his Cassocks last too long\n"
        "        VI.  Who guarded his House for him"
    )
    items = "- the first item of the list is long enough to reach the margin of it\n- second item"
    text = wrapped([PROSE, PROSE]) + "\n\n" + verse + "\n\n" + toc + "\n\n" + items
    got = views(text)
    assert got[:2] == [PROSE, PROSE]
    assert got[2:] == [line.strip() for line in (verse + "\n" + toc + "\n" + items).split("\n")]


def test_quoted_and_unquoted_lines_are_not_joined_but_quoted_paragraphs_are():
    quoted = textwrap.fill(PROSE, 70, initial_indent="> ", subsequent_indent="> ")
    reply = textwrap.fill(PROSE.replace("committee", "board"), 70)
    got = views(quoted + "\n" + reply)
    assert got == ["> " + PROSE, PROSE.replace("committee", "board")]


def test_rule_lines_and_signature_delimiters_are_never_joined():
    text = wrapped([PROSE]) + "\n--\n" + "-" * 70 + "\nJane Doe, Example University"
    got = views(text)
    assert got[0] == PROSE and got[1:] == ["--", "-" * 70, "Jane Doe, Example University"]


def test_a_wire_signoff_and_markup_lines_are_never_continuations():
    body = textwrap.fill(PROSE, 64)
    text = body + "\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>"
    assert views(text) == [PROSE, "Reuter", "&#3;</BODY></TEXT>", "</REUTERS>"]
    text = "<TITLE>A HEADLINE OF THE STORY THAT IS LONG ENOUGH TO REACH</TITLE>\n" + body
    assert views(text)[0].startswith("<TITLE>") and views(text)[1] == PROSE


def test_a_reply_wrapped_narrower_than_the_quote_above_it_is_joined():
    quoted = textwrap.fill(PROSE, 78, initial_indent="> ", subsequent_indent="> ")
    reply = textwrap.fill(PROSE, 68)
    assert views(quoted + "\n\n" + reply)[1] == PROSE


def test_unwrap_keeps_hyphens_and_drops_repeated_quote_prefixes():
    assert unwrap("a well-\nknown fact") == "a well-known fact"
    assert unwrap("a dash --\nthen more") == "a dash -- then more"
    assert unwrap("> one two\n> three") == "> one two three"
    assert unwrap("single line") == "single line"


def test_cut_a_range_leaves_the_rest_alone():
    head = "From: a@b.example (A B)\nSubject: Something long enough to matter for us"
    text = head + "\n\n" + wrapped([PROSE])
    offsets, vs = cut(text, len(head))
    assert vs == [PROSE] and offsets[0][0] > len(head)


words = st.text(alphabet="abcdefghij", min_size=1, max_size=9)
paragraph = st.lists(words, min_size=1, max_size=60).map(" ".join)


@given(st.lists(paragraph, min_size=1, max_size=6), st.integers(40, 100), st.sampled_from(["\n\n", "\n \n"]))
@settings(max_examples=150, deadline=None)
def test_wrapped_blocks_partition_the_text_and_never_cross_a_blank_line(paras, width, sep):
    text = wrapped(paras, width, sep)
    offsets, vs = cut(text)
    covered = "".join(text[s:e] for s, e in offsets)
    assert "".join(covered.split()) == "".join(text.split())
    for (_, e), (s2, _) in pairwise(offsets):
        assert e <= s2 and text[e:s2].strip() == ""
    for (s, e), v in zip(offsets, vs, strict=True):
        assert "\n\n" not in text[s:e] and v == unwrap(text[s:e])


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
@settings(max_examples=200, deadline=None)
def test_any_text_is_partitioned(text):
    offsets, vs = cut(text)
    assert "".join("".join(text[s:e] for s, e in offsets).split()) == "".join(text.split())
    assert all(text[s:e] == text[s:e].strip() and text[s:e] for s, e in offsets)
    assert len(vs) == len(offsets)
