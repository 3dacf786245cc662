"""RFC 822-style header blocks at the top of a document (structure.mail)."""

from __future__ import annotations

from pathlib import Path

import pytest

import corpuskit
from corpuskit.errors import OptionError
from corpuskit.options import Options
from corpuskit.structure import analyse
from corpuskit.structure.mail import read_mail_header

LOOKALIKE = Path(__file__).parent / "data" / "lookalike"
POST = (
    "From: tobias@convex.example (Allen Tobias)\n"
    "Subject: Re: Auto air conditioning without Freon\n"
    "Organization: CONVEX Computer Corporation, Richardson, Tx., USA\n"
    "Date: Tue, 20 Apr 1993 14:03:12 GMT\n"
    "X-Disclaimer: This message was written by a user at CONVEX Computer\n"
    "              Corp. The opinions expressed are those of the user.\n"
    "Lines: 3\n"
    "\n"
    "Better still, years ago they demonstrated a cold air system.\n"
)


def test_a_usenet_header_gives_title_author_date_and_metadata():
    h = read_mail_header(POST)
    assert h.title == "Re: Auto air conditioning without Freon"
    assert h.authors == ("Allen Tobias",)
    assert h.date == "1993-04-20"
    assert h.metadata == {"organization": "CONVEX Computer Corporation, Richardson, Tx., USA"}
    assert h.kinds == ("byline", "title", "other", "date", "other", "other")
    folded = POST[h.spans[4][0] : h.spans[4][1]]
    assert folded.startswith("X-Disclaimer:") and folded.endswith("those of the user.")
    assert POST[h.end :].strip().startswith("Better still")


def test_the_header_is_the_header_region_and_its_fields_are_never_joined():
    s = analyse(POST, Options())
    assert [b.region for b in s.blocks] == ["header"] * 6 + ["body"]
    assert s.title == "Re: Auto air conditioning without Freon" and s.date == "1993-04-20"
    assert all(POST[b.start : b.end] == b.text for b in s.blocks)


def test_addresses_without_a_name_and_several_authors():
    assert read_mail_header("From: jdoe@example.org\nSubject: x\n\nbody\n").authors == ("jdoe@example.org",)
    h = read_mail_header('From: "Doe, Jane" <j@x.example>, Bob Roe <b@x.example>\nSubject: y\n\nz\n')
    assert h.authors == ("Doe, Jane", "Bob Roe")


@pytest.mark.parametrize(
    ("value", "authors"),
    [
        ("(Rashid)", ("Rashid",)),
        ("()", ()),
        ("uabdpo.dpo.example!gila005 (Stephen Holland)", ("Stephen Holland",)),
        ("bd@fluent@dartmouth.example (Brice Dowaliby)", ("Brice Dowaliby",)),
    ],
)
def test_odd_from_fields_of_real_posts(value, authors):
    assert read_mail_header(f"From: {value}\nSubject: x\n\nbody\n").authors == authors


def test_a_header_whose_first_field_lost_its_name():
    """20 Newsgroups "bydate" removed the Path: name and left its indented value on top."""
    text = " agate!news.example!mithril!alung\nSubject: Re: Geeko\nFrom: alung@example.com (Aaron Lung)\n\nText.\n"
    h = read_mail_header(text)
    assert h.title == "Re: Geeko" and h.authors == ("Aaron Lung",) and h.kinds[0] == "other"
    assert text[h.spans[0][0] : h.spans[0][1]] == "agate!news.example!mithril!alung"


def test_an_mbox_envelope_line_opens_the_block():
    text = "From jdoe@example.org Mon Apr 19 10:00:00 1993\nFrom: Jane <j@example.org>\nSubject: Hi\n\nText.\n"
    h = read_mail_header(text)
    assert h.kinds == ("other", "byline", "title") and h.title == "Hi"


@pytest.mark.parametrize(
    "text",
    [
        "Note: this article was updated.\nThe council met on Tuesday.\n",
        "Subject: only one field\n\nThe council met.\n",
        "The council met on Tuesday.\nFrom: the mayor's office\nSubject: budget\n\n",
        "Title: A Book\nAuthor: Someone\nThe first line of the book follows at once.\n",
        "From: the mayor's office\nSubject: budget\nThe council met on Tuesday to vote.\n",
    ],
)
def test_text_that_only_resembles_a_header_is_not_one(text):
    assert not read_mail_header(text).found
    assert analyse(text, Options()).metadata == {}


def test_users_map_their_own_fields():
    text = "Title: A Book\nAuthor: Some One\nRelease: 1901\nThe first line of the book follows.\n"
    opts = Options(header_fields={"Title": "title", "Author": "authors", "Release": "released"})
    s = analyse(text, opts)
    assert s.title == "A Book" and s.authors == ("Some One",) and s.metadata == {"released": "1901"}
    # the same through the pipeline and the KEY=TARGET form of the command line
    path = LOOKALIKE / "usenet_post.txt"
    doc = next(iter(corpuskit.read(str(path), header_fields=["Lines=lines", "Organization="])))
    assert doc.metadata["lines"] == "24" and "organization" not in doc.metadata
    with pytest.raises(OptionError, match="KEY=TARGET"):
        Options(header_fields=["nonsense"])


def test_the_lookalike_post_through_the_pipeline():
    doc = next(iter(corpuskit.read(str(LOOKALIKE / "usenet_post.txt"))))
    assert doc.title == "Re: Cheap ways to cool a garage workshop?"
    assert doc.authors == ("Jane Q. Doe",)
    assert doc.metadata["message_id"] == "<1993Apr20.101010.1234@cs.example.edu>"
    assert doc.text.startswith("In article <C5u5Fy.Hvx@news.example.com>")
    assert "From:" not in doc.text


def test_switching_the_mail_reader_off_leaves_the_lines_to_the_web_header():
    s = analyse(POST, Options(disable=["structure.mail"]))
    assert s.metadata == {} and s.title != "Re: Auto air conditioning without Freon"
