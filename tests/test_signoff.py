"""Sign-offs at the end: signatures, wire credits, markup tails and e-text footers."""

from __future__ import annotations

from pathlib import Path

import pytest

import corpuskit
from corpuskit.options import Options
from corpuskit.structure import analyse
from corpuskit.structure.signoff import find_signoff

LOOKALIKE = Path(__file__).parent / "data" / "lookalike"
WIRE_DELIMITER = r'<REUTERS\b[^>]*\bNEWID="(?P<name>\d+)"[^>]*>'
PROSE = (
    "The committee met on Tuesday to discuss the budget for the coming year, and after a long "
    "debate about the cost of the new library it agreed to put the question to the town."
)


def tail(text: str, options: Options | None = None) -> list[tuple[str, str]]:
    s = analyse(text, options or Options())
    return [(b.kind, b.text) for b in s.blocks if b.region == "trailer"]


def test_a_signature_after_the_dash_dash_space_line():
    doc = next(iter(corpuskit.read(str(LOOKALIKE / "usenet_post.txt"))))
    kinds = [b.kind for b in doc.trailer]
    assert kinds == ["signature"] * 4
    assert doc.trailer[0].text == "--" and doc.trailer[-1].text == '"Measure twice, cut once."'
    assert doc.text.rstrip().endswith("Jane")  # the sign-off name above the delimiter stays


def test_a_contact_block_without_a_delimiter():
    doc = next(iter(corpuskit.read(str(LOOKALIKE / "contact_post.txt"))))
    assert doc.trailer[0].text == "-Sam"
    assert {b.kind for b in doc.trailer} == {"signature"} and len(doc.trailer) == 5
    assert doc.text.endswith("Thanks in advance for any pointers.")


def test_a_long_tail_after_a_dash_line_is_not_a_signature():
    text = PROSE + "\n--\n" + "\n".join(f"line {i} of a long reply below the dashes" for i in range(20))
    assert tail(text) == []


def test_a_quoted_signature_is_not_the_posters_signature():
    text = PROSE + "\n> --\n> Bob Roe bob@example.org\n" + PROSE
    assert all(kind != "signature" for kind, _ in tail(text))


def test_short_last_lines_without_a_contact_cue_stay_in_the_body():
    assert tail(PROSE + "\n\nThanks in advance,\nJane") == []


def test_wire_signoffs_and_the_sgml_tail_of_reuters_stories():
    docs = list(corpuskit.read(str(LOOKALIKE / "wire.sgm"), delimiter=WIRE_DELIMITER))
    assert [d.id for d in docs] == ["9001", "9002"]
    for doc, word in zip(docs, ["Reuter", "REUTER"], strict=True):
        assert [(b.kind, b.text) for b in doc.trailer] == [
            ("signature", word),
            ("boilerplate", "&#3;</BODY></TEXT>"),
            ("boilerplate", "</REUTERS>"),
        ]
        assert word not in doc.text
    # paragraphs are the story's paragraphs, not its lines
    assert "\nquarter profit" not in docs[0].text
    assert docs[0].text.split("\n\n")[-1] == "It gave no figures for the quarter."


@pytest.mark.parametrize("word", ["AP", "AFP", "(dpa)", "Reuters", "UPI"])
def test_other_agencies(word):
    assert tail(PROSE + "\n" + PROSE + "\n" + word) == [("signature", word)]


def test_an_etext_footer_and_front_matter():
    doc = next(iter(corpuskit.read(str(LOOKALIKE / "etext.txt"))))
    assert doc.title == "A Sample Book" and doc.authors == ("Nobody In Particular",)
    assert doc.trailer[0].text.startswith("*** END OF THE PROJECT GUTENBERG EBOOK")
    assert {b.kind for b in doc.trailer} == {"boilerplate"} and len(doc.trailer) == 4
    assert not any(b.kind == "comment" for b in doc.blocks)
    assert "START OF" not in doc.text and "END OF" not in doc.text
    paragraphs = [p for p in doc.text.split("\n\n") if p.startswith("This is paragraph")]
    assert len(paragraphs) == 9 and all("\n" not in p for p in paragraphs)


def test_the_body_is_never_emptied():
    assert find_signoff(["Reuter"]).start == 1
    s = find_signoff(["Short post.", "--", "Jane jane@example.org"])
    assert s.start == 1 and s.kinds == ("signature", "signature")


def test_switching_signoffs_off():
    text = PROSE + "\n" + PROSE + "\nReuter"
    assert tail(text, Options(disable=["structure.signoff"])) == []


def test_a_contact_shaped_end_of_a_web_page_is_not_a_signature():
    """Only a post (a document with a mail header) has an undelimited contact block."""
    page = PROSE + "\n\nDepartment of Applied Psychology\nhttp://www.example.edu/staff\n"
    assert all(kind != "signature" for kind, _ in tail(page))  # the web trailer may still take the link
    post = "From: Jane <j@example.org>\nSubject: A question\n\n" + page
    assert [k for k, _ in tail(post)] == ["signature", "signature"]
