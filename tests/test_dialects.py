"""Dialect detection from the first bytes, and the name rule that keeps body lines text."""

from __future__ import annotations

import pytest

from corpuskit.dialects import custom_dialect, detect_dialect, get_dialect
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
