"""Dialect detection from the first bytes, and the name rule that keeps body lines text."""

from __future__ import annotations

import os
import tarfile
from pathlib import Path

import pytest

import corpuskit
from corpuskit.dialects import custom_dialect, detect_dialect, get_dialect, looks_like_document_name
from corpuskit.errors import DialectError


@pytest.mark.parametrize(
    "head,expected",
    [
        (b"=== 000_cd0ba43665274ae9.txt ===\nSiria, Aleppo\n", "banner"),
        (b"\xef\xbb\xbf=== a.txt\nbody\n", "banner"),
        (b"==> 001_6de41f068a7d4c44.txt <==\nISIS Plans\n", "head"),
        (b"----- 002_d83b1ee9d24fb740.txt -----\ntext\n", "dashes"),
        (b'<doc id="1" url="x" title="T">\nT\n</doc>\n', "doctag"),
        (b"page one\f\npage two\f\n", "formfeed"),
        (b"A plain article.\n=== Update: 3 dead ===\nMore.\n", "plain"),
        (b"A plain article.\n=== Notes ===\nMore.\n", "plain"),
        (b"Preamble line\n\n=== a.txt ===\nA\n=== b.txt ===\nB\n", "banner"),
        (b"\xff\xfeH\x00i\x00", "plain"),
        (b"", "plain"),
    ],
)
def test_detection(head: bytes, expected: str) -> None:
    assert detect_dialect(head).name == expected


@pytest.mark.parametrize(
    "line,is_delimiter",
    [
        (b"=== a.txt ===", True),
        (b"==== a.txt", True),
        (b"=== a.txt ===   ", True),
        (b"=== Update: 3 dead ===", False),
        (b"=== ===", False),
        (b"== a.txt ==", False),
        (b"x === a.txt ===", False),
    ],
)
def test_banner_names_cannot_hold_spaces(line: bytes, is_delimiter: bool) -> None:
    assert (get_dialect("banner").match_line(line) is not None) is is_delimiter


def test_unknown_dialect_lists_the_known_ones() -> None:
    with pytest.raises(DialectError, match="known dialects: banner, head, dashes, doctag, formfeed, plain"):
        get_dialect("markdown")


def test_custom_delimiter_needs_a_name_group_and_a_valid_regex() -> None:
    with pytest.raises(DialectError, match="named group"):
        custom_dialect(r"#### \w+")
    with pytest.raises(DialectError, match="not a valid regex"):
        custom_dialect(r"#### (?P<name>")


@pytest.mark.parametrize(
    "head",
    [
        b"From: k@x.edu\nSubject: Re: a\n\nHi.\n\n----- krueger@gas.uug.arizona.edu -----\n",
        b"Hi.\n===== pcalitri@descartes.waterloo.edu =====\n",
        b"Hi.\n\n=== Notes ===\n",
        b"A diff:\n--- 209,218 ----\n b\n--- 225,236 ----\n c\n--- 257,269 ----\n",
        b"Quoted\n=== a.txt ===\nmore\n",  # one delimiter after a preamble is text
        b"Sig\n========== 45\nx\n=== 38\ny\n",  # different frames do not agree
        b"From: a@b.c\nSubject: s\n\n--- end ---\nq\n--- end ---\n",  # a message is one document
        b"From: a@b.c\nSubject: s\n\npage one\n\f\npage two\n",
    ],
)
def test_lines_of_one_document_that_look_like_delimiters_are_text(head: bytes) -> None:
    assert detect_dialect(head).name == "plain"


def test_agreeing_delimiters_after_a_preamble_make_a_corpus() -> None:
    assert detect_dialect(b"Made by a script\n--- rec.autos/1 ---\nA\n--- rec.autos/2 ---\nB\n").name == "dashes"
    assert detect_dialect(b"Notes\n==== 17 ====\nA\n==== 18 ====\nB\n").name == "banner"


def test_files_of_a_directory_must_start_with_their_first_delimiter() -> None:
    corpus_with_preamble = b"Preamble\n\n=== a.txt ===\nA\n=== b.txt ===\nB\n"
    assert detect_dialect(corpus_with_preamble).name == "banner"
    assert detect_dialect(corpus_with_preamble, member=True).name == "plain"
    assert detect_dialect(b"=== a.txt ===\nA\n=== b.txt ===\nB\n", member=True).name == "banner"
    assert detect_dialect(b"page one\f\npage two\f\n", member=True).name == "plain"


@pytest.mark.parametrize(
    "name,ok",
    [(b"000_cd0b.txt", True), (b"rec.autos/101551", True), (b"104974", True), (b"na\xc3\xafve.txt", True),
     (b"a@b.edu", False), (b"209,218", False), (b"http://x.org/a", False), (b"12:30", False)],
)
def test_document_names(name: bytes, ok: bool) -> None:
    assert looks_like_document_name(name) is ok


def test_a_usenet_folder_and_its_tarball_read_one_document_per_file(newsgroups_tree: Path, tmp_path: Path) -> None:
    files = sorted(p for p in newsgroups_tree.rglob("*") if p.is_file())
    docs = list(corpuskit.read(newsgroups_tree))
    assert len(docs) == len(files)
    assert {d.source.dialect for d in docs} == {"plain"}
    tarball = tmp_path / "20news.tar.gz"
    with tarfile.open(tarball, "w:gz") as tf:
        tf.add(newsgroups_tree, arcname="20news-lookalike")
    assert len(list(corpuskit.read(tarball))) == len(files)
    for path in files:  # and each post given on its own
        assert len(list(corpuskit.read(path))) == 1, path


NEWSGROUPS_DIR = os.environ.get("CORPUSKIT_20NEWS_DIR")


@pytest.mark.skipif(not NEWSGROUPS_DIR, reason="set CORPUSKIT_20NEWS_DIR to the 20news-bydate-test folder")
def test_the_real_20_newsgroups_test_set_is_one_document_per_file() -> None:
    from corpuskit.reader import read_segments

    assert NEWSGROUPS_DIR is not None
    files = [p for p in Path(NEWSGROUPS_DIR).rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert sum(1 for _ in read_segments(NEWSGROUPS_DIR)) == len(files)


def test_a_detected_dialect_splits_only_on_its_own_frame(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes(b"=== a.txt ===\nSig:\n========== pat@example.org ==========\n"
                     b"==== b.txt\n=== c.txt ===\nC\n")
    assert [d.name for d in corpuskit.read(path)] == ["a.txt", "c.txt"]
    assert [d.name for d in corpuskit.read(path, dialect="banner")] == ["a.txt", "pat@example.org", "b.txt", "c.txt"]
