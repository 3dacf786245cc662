"""Dragnet's corrected pages: the article, then (on about 3 pages in 10) the reader comments.

Scoring as the data's README says a user needs it: the separator line is removed, body and
comments are read as one document, and the trailer is compared with the comments at character
level (non-space characters, summed over pages):

- precision: trailer characters that are comment text, over trailer characters (pages with
  comments);
- recall: comment characters found in the trailer, over comment characters;
- body loss: article characters put in the trailer, over article characters (every page);
- on comment-free pages: how many get any trailer, and the share of their characters it takes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import attrs

import corpuskit

from .data import add_counts, raw_to_cleaned, read_pages

# The separator as the files spell it: "!@#$%^&*()  COMMENTS" with 1-3 spaces or a tab, and
# the variants some files have ("COMMNENTS", "!@#$%$%^&*()", "!@ $%^&*()", "!#@$%...",
# "!!@#...", "!@#$%^&*" without the brackets, the symbols alone or followed by another word):
# a line that is a run of these symbols (at least "$%^&*"), maybe then one word, is the marker.
_SEPARATOR = re.compile(rb"^[!@# ]{2,5}\$%[$%^&*()]*(?:[ \t]+[A-Z]+)?[ \t]*\r?$", re.MULTILINE)


@attrs.frozen
class Page:
    name: str
    body: bytes
    comments: bytes  # b"" when the page had none

    @property
    def joined(self) -> bytes:
        return self.body + self.comments


_UTF16 = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def _split_utf16(name: str, data: bytes, codec: str) -> Page:
    """A UTF-16 page (four files have a byte-order mark): split on the decoded separator and
    encode the halves back, the body keeping the mark, so ``joined`` is the file less the line."""
    text = data[2:].decode(codec, errors="replace")
    m = _SEPARATOR.search(text.encode("utf-8"))
    if m is None:
        return Page(name, data, b"")
    raw = text.encode("utf-8")
    body, rest = raw[: m.start()].decode("utf-8"), raw[m.end() :].decode("utf-8").lstrip("\r\n")
    if not body.endswith("\n"):
        body += "\n"
    return Page(name, data[:2] + body.encode(codec), rest.encode(codec))


def load(folder: Path) -> list[Page]:
    pages = []
    for path in sorted(folder.glob("*.corrected.txt")):
        data = path.read_bytes()
        if data[:2] in _UTF16:
            pages.append(_split_utf16(path.name, data, _UTF16[data[:2]]))
            continue
        m = _SEPARATOR.search(data)
        if m is None:
            pages.append(Page(path.name, data, b""))
        else:
            body = data[: m.start()]
            rest = data[m.end() :].lstrip(b"\r\n")
            pages.append(Page(path.name, body if body.endswith(b"\n") else body + b"\n", rest))
    return pages


@attrs.frozen
class Counts:
    """Non-space character counts of one page: where article and comment text went."""

    article: int = 0
    comment: int = 0
    article_in_junk: int = 0
    comment_in_junk: int = 0

    def __add__(self, other: Counts) -> Counts:
        return add_counts(self, other)


def _solid(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def junk_spans_of(doc: corpuskit.Document) -> list[tuple[int, int]]:
    """corpuskit's junk at the end of an article: its trailer blocks."""
    return [(b.start, b.end) for b in doc.blocks if b.region == "trailer"]


def count(text: str, boundary: int, junk: Iterable[tuple[int, int]]) -> Counts:
    """Counts for ``text`` whose comments start at ``boundary``, with ``junk`` spans removed."""
    art_junk = com_junk = 0
    for s, e in junk:
        art_junk += _solid(text[s : min(e, boundary)]) if s < boundary else 0
        com_junk += _solid(text[max(s, boundary) : e]) if e > boundary else 0
    return Counts(_solid(text[:boundary]), _solid(text[boundary:]), art_junk, com_junk)


@attrs.frozen
class Result:
    with_comments: Counts
    without_comments: Counts
    pages_with_comments: int
    pages_without: int
    pages_without_given_junk: int

    @property
    def precision(self) -> float:
        c = self.with_comments
        junk = c.article_in_junk + c.comment_in_junk
        return c.comment_in_junk / junk if junk else 1.0

    @property
    def recall(self) -> float:
        c = self.with_comments
        return c.comment_in_junk / c.comment if c.comment else 1.0

    @property
    def body_loss(self) -> float:
        both = self.with_comments + self.without_comments
        return both.article_in_junk / both.article if both.article else 0.0

    @property
    def clean_pages_with_junk(self) -> float:
        return self.pages_without_given_junk / self.pages_without if self.pages_without else 0.0

    @property
    def clean_chars_taken(self) -> float:
        c = self.without_comments
        return c.article_in_junk / c.article if c.article else 0.0


def _result(per_page: Sequence[tuple[bool, Counts]]) -> Result:
    with_c, without = Counts(), Counts()
    n_with = n_without = given = 0
    for has_comments, c in per_page:
        if has_comments:
            with_c, n_with = with_c + c, n_with + 1
        else:
            without, n_without = without + c, n_without + 1
            given += c.article_in_junk > 0
    return Result(with_c, without, n_with, n_without, given)


def evaluate_corpuskit(pages: Sequence[Page], **options: object) -> Result:
    out = []
    for page, doc in zip(pages, read_pages([p.joined for p in pages], **options), strict=True):
        raw_boundary = len(page.body.decode(_codec(doc.source.encoding), errors="replace"))
        boundary = raw_to_cleaned(doc, raw_boundary)
        out.append((bool(page.comments), count(doc.cleaned_text, boundary, junk_spans_of(doc))))
    return _result(out)


def evaluate_text(pages: Sequence[Page], junk_of: Callable[[str], list[tuple[int, int]]]) -> Result:
    """A peer's figures: ``junk_of(text)`` gives the spans it removes from the page's text."""
    out = []
    for page in pages:
        codec = _UTF16.get(page.body[:2], "utf-8")
        skip = 2 if codec != "utf-8" else 0
        body = page.body[skip:].decode(codec, errors="replace")
        text = body + page.comments.decode(codec, errors="replace")
        out.append((bool(page.comments), count(text, len(body), junk_of(text))))
    return _result(out)


def _codec(name: str) -> str:
    try:
        import codecs

        codecs.lookup(name)
        return name
    except LookupError:
        return "utf-8"
