"""Corpus-level decoding evidence: what the legacy-encoded documents of one input share.

A short legacy document says little about its encoding: a post with one ``\\xd5`` can be
MacRoman (’), Windows-1252 (Õ) or ISO-8859-15, and a detector that sees it alone answers
at random. The documents of one input (a file, a folder, an archive) were usually
written the same way, so they are judged together: the planner, which sees every record
in order, collects the lines with non-ASCII bytes of the documents that are not UTF-8
into one bounded sample, runs the detector once on it, and hands the answer to every
document of that input as its *prior* (:attr:`corpuskit.builder.WorkItem.prior`). The
decoder lets the prior win only a close call (see :func:`corpuskit.decode.decode`).

Documents are grouped as they were written: the documents of one concatenated file are
one group, and so are the per-document files of one folder (a 20 Newsgroups group; a
folder inside an archive); a new group starts when the folder or file changes.

The prior must be the same whatever ``--jobs`` is and whichever worker builds a
document, so it is computed here, in the planner, from bytes alone, never from other
documents' results. To give the first documents of an input the same prior as the
later ones, the planner looks ahead: it holds back records (at most
:data:`LOOKAHEAD_ITEMS` of them and :data:`LOOKAHEAD_BYTES` of content) until the sample is
full or the input ends, then decides the prior once for the whole input. Memory stays
bounded by those two numbers. A byte range of a big file (dask) gathers its own
evidence the same way, per range.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Final, TypeVar

import attrs
import chardet

from corpuskit.decode import normal_codec, reading_codec

__all__ = [
    "LOOKAHEAD_BYTES", "LOOKAHEAD_ITEMS", "PRIOR_MIN_CONFIDENCE", "PRIOR_MIN_DOCUMENTS", "SAMPLE_BYTES", "Evidence",
    "high_lines", "with_priors",
]

#: The sample of non-ASCII lines the prior is decided on (the detector reads 200 kB at most).
SAMPLE_BYTES: Final = 64 * 1024
#: Lines taken from one document: a long document must not fill the sample alone.
PER_DOCUMENT_BYTES: Final = 4 * 1024
#: The sample's own detection must reach this confidence to become a prior. It is far
#: lower than :data:`corpuskit.decode.CONFIDENT`: the prior only breaks ties that the
#: document's own reading leaves (see ``decode``), the sample is more evidence than any one
#: of its documents, and chardet rates a clean Western text of a few hundred bytes at 0.1.
PRIOR_MIN_CONFIDENCE: Final = 0.1
#: ...and come from at least this many documents (one document is its own evidence).
PRIOR_MIN_DOCUMENTS: Final = 2
#: How far the planner looks ahead before deciding the prior of an input.
LOOKAHEAD_ITEMS: Final = 4096
LOOKAHEAD_BYTES: Final = 32 * 1024 * 1024

_HIGH_BYTE = re.compile(rb"[\x80-\xff]")

T = TypeVar("T")


@attrs.define
class Evidence:
    """The sample of one input's legacy-encoded lines, and the prior decided from it."""

    sample: bytearray = attrs.field(factory=bytearray)
    documents: int = 0

    @property
    def full(self) -> bool:
        return len(self.sample) >= SAMPLE_BYTES

    def add(self, content: bytes) -> None:
        """Take the non-ASCII lines of a document that is not ASCII or UTF-8."""
        if self.full or content.isascii() or _utf8(content):
            return
        self.documents += 1
        taken = 0
        for line in high_lines(content):
            self.sample += line
            taken += len(line)
            if taken >= PER_DOCUMENT_BYTES or self.full:
                break

    def prior(self) -> tuple[str, float] | None:
        """The encoding the sample was confidently detected as, or None."""
        if not self.sample:
            return None
        guess = chardet.detect(bytes(self.sample), compat_names=False)
        name = normal_codec(guess.get("encoding"))
        confidence = float(guess.get("confidence") or 0.0)
        if name is not None:
            name = reading_codec(name, bytes(self.sample))
        if name is None or confidence < PRIOR_MIN_CONFIDENCE or self.documents < PRIOR_MIN_DOCUMENTS:
            return None
        return name, round(confidence, 4)


def high_lines(content: bytes) -> Iterator[bytes]:
    """The lines of ``content`` that hold a byte above 0x7F, each with its newline, in order.

    One search for the next such byte, then the line around it: a regex for the whole
    line (``[^\\n]*[\\x80-\\xff][^\\n]*``) retries from every position of a line without
    one, quadratic in the line's length (a 2 kB ASCII paragraph: two million steps).
    """
    pos = 0
    while (m := _HIGH_BYTE.search(content, pos)) is not None:
        start = content.rfind(b"\n", pos, m.start()) + 1 or pos
        end = content.find(b"\n", m.start())
        end = len(content) if end < 0 else end + 1
        yield content[start:end]
        pos = end


def _utf8(content: bytes) -> bool:
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def with_priors(
    items: Iterable[T], content: Callable[[T], bytes | None], group: Callable[[T], str | None],
    attach: Callable[[T, tuple[str, float] | None], T],
) -> Iterator[T]:
    """``items`` in order, each document given the prior of its group by ``attach``.

    ``content`` gives an item's document bytes and ``group`` its group (the folder of a
    per-document file, the file of a concatenated one); both are None for an item that
    is not a document (an error), which keeps its place in the order. A group ends when
    the next document belongs to another one.
    """
    evidence = Evidence()
    held: list[T] = []
    held_bytes = 0
    current: str | None = None
    decided = False
    prior: tuple[str, float] | None = None

    def release() -> Iterator[T]:
        for h in held:
            yield attach(h, prior) if content(h) is not None else h

    for item in items:
        data = content(item)
        key = group(item)
        if data is not None and key != current:
            if not decided:
                prior = evidence.prior()
                yield from release()
            held, held_bytes, evidence, decided, current = [], 0, Evidence(), False, key
        if decided:
            yield attach(item, prior) if data is not None else item
            continue
        held.append(item)
        if data is not None:
            evidence.add(data)
            held_bytes += len(data)
        if evidence.full or len(held) >= LOOKAHEAD_ITEMS or held_bytes >= LOOKAHEAD_BYTES:
            prior, decided = evidence.prior(), True
            yield from release()
            held = []
    if not decided:
        prior = evidence.prior()
        yield from release()
