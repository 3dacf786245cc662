"""Cut big concatenated files into byte ranges that begin on delimiter lines.

A range must start exactly where the reader would start a record, or a document is
split in two or read twice. A fixed byte string cannot say where that is (a body line
such as ``=== Update: 3 dead ===`` starts like a banner delimiter; the first header of
a file has no newline before it and may follow a BOM), so an edge is moved forward by
running the reader's own splitter (:func:`corpuskit.segments.iter_segments`, which uses
:meth:`Dialect.match_line`) from the newline at or after the edge: the first segment
boundary it reports past the edge is where the range starts. The first range of a file
starts at byte 0, so the preamble, the BOM and the first header are read exactly as
``read()`` reads them.

Only files of a line dialect are cut: compressed files cannot be entered in the middle,
and the formfeed and doctag dialects name records by their position in the file. Those
are read whole, as one range. (A segment's ``ordinal`` counts records within its range;
documents of a line dialect never depend on it, their names come from the delimiter
lines.) Nothing here knows fsspec: ``opener`` is any function that
opens a path as a seekable binary file (``open``, ``fs.open``).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from typing import BinaryIO

import attrs

from corpuskit.builder import WorkItem
from corpuskit.dialects import Dialect, get_dialect
from corpuskit.errors import CorpuskitError
from corpuskit.options import Options
from corpuskit.reader import DETECT_WINDOW, dialect_for, plan_input, shared_evidence
from corpuskit.segments import iter_segments
from corpuskit.sources import SNIFF_WINDOW, Guard, Input, Limits, open_stream, sniff

__all__ = ["ByteRange", "next_delimiter", "open_local", "plan_file", "range_items"]

Opener = Callable[[str], BinaryIO]

_STEP = 64 * 1024  # how much is read at a time while looking for an edge


@attrs.frozen
class ByteRange:
    """``[start, end)`` of ``path``; ``end is None`` means the whole file, read as ``read()`` would.

    ``label`` is the path documents report (``Source.path``); ``dialect`` is the file's
    dialect, forced on every range of a cut file so that all ranges read alike.
    """

    path: str
    label: str
    start: int = 0
    end: int | None = None
    dialect: str | None = None
    member: bool = False  # found in a directory: dialect detection is stricter
    frame: bytes | None = None  # the run the detected delimiters open with (Dialect.frame)

    @property
    def whole(self) -> bool:
        return self.end is None


def open_local(path: str) -> BinaryIO:
    """The opener for files on this machine."""
    return open(path, "rb")


def _newline_at_or_after(fh: BinaryIO, pos: int, size: int) -> int:
    """Offset of the first ``\\n`` at or after ``pos``, or ``size``."""
    fh.seek(pos)
    while pos < size:
        chunk = fh.read(_STEP)
        if not chunk:
            break
        i = chunk.find(b"\n")
        if i >= 0:
            return pos + i
        pos += len(chunk)
    return size


def next_delimiter(fh: BinaryIO, offset: int, dialect: Dialect, size: int) -> int:
    """The first offset ``>= offset`` where the reader starts a record, or ``size``.

    The splitter is started on the newline at or after ``offset - 1``: its first line is
    then empty (never mistaken for a delimiter, never taken for a BOM), and every later
    delimiter line is found by exactly the rule ``read()`` applies.
    """
    if offset <= 0:
        return 0
    start = _newline_at_or_after(fh, offset - 1, size)
    if start >= size:
        return size
    fh.seek(start)
    for seg in iter_segments(fh, dialect, chunk_size=_STEP, start=start):
        end = seg.offset + len(seg.raw)
        if end >= offset:
            return min(end, size)
    return size


def plan_file(
    opener: Opener, path: str, size: int, options: Options, blocksize: int, *, label: str | None = None,
    member: bool = False,
) -> list[ByteRange]:
    """The ranges of one file: cut about every ``blocksize`` bytes when it can be cut."""
    label = path if label is None else label
    whole = [ByteRange(path, label, member=member)]
    if size <= blocksize:
        return whole
    with opener(path) as fh:
        head = fh.read(DETECT_WINDOW)
        if sniff(head[:SNIFF_WINDOW]) != "text":
            return whole  # compressed or an archive: read whole, by read()'s own code
        try:
            dialect = dialect_for(options, head, member=member)
        except CorpuskitError:
            return whole  # the worker reports the error, as read() does
        if dialect.kind != "line":
            return whole
        edges = [0]
        pos = blocksize
        while pos < size:
            edge = next_delimiter(fh, pos, dialect, size)
            if edge >= size:
                break
            edges.append(edge)
            pos = edge + blocksize
    forced = None if options.delimiter else dialect.name
    ends = [*edges[1:], size]
    return [ByteRange(path, label, a, b, forced, member, dialect.frame) for a, b in zip(edges, ends, strict=True)]


def range_items(opener: Opener, rng: ByteRange, options: Options) -> Iterator[WorkItem | CorpuskitError]:
    """The records of one range, named and offset as ``read()`` names and offsets them.

    A whole range goes through the reader's own input handling (decompression,
    archives, dialect detection). A cut range is read into memory (one block) and
    planned by the same ``plan_input``, with the file's dialect forced and its start
    given, so its records carry their offsets in the file.
    """
    filename = os.path.basename(rng.path.rstrip("/")) or rng.path
    with opener(rng.path) as fh:
        if rng.end is None:
            limits = Limits(max_ratio=options.max_ratio, max_input_bytes=options.max_input_bytes)
            yield from shared_evidence(_whole(rng, filename, fh, limits, options), options)
            return
        fh.seek(rng.start)
        data = fh.read(rng.end - rng.start)
    dialect = None
    if rng.dialect is not None:
        dialect = attrs.evolve(get_dialect(rng.dialect), frame=rng.frame)
    guard = Guard(io.BytesIO(data))
    stream = io.BufferedReader(guard, buffer_size=1 << 16)
    items = plan_input(Input(rng.label, filename, stream, guard), options, dialect=dialect, start=rng.start)
    yield from shared_evidence(items, options)  # the prior of a cut file is gathered per range


def _whole(
    rng: ByteRange, filename: str, fh: BinaryIO, limits: Limits, options: Options
) -> Iterator[WorkItem | CorpuskitError]:
    for opened in open_stream(rng.label, filename, fh, 3, limits):
        if isinstance(opened, CorpuskitError):
            yield opened
        else:
            yield from plan_input(opened, options, member=rng.member or opened.path != rng.label)
