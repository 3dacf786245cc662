"""Split a byte stream into raw segments, one per record, before any decoding.

Splitting on bytes lets each document be decoded on its own, so one file can mix
UTF-8, cp1252 and Latin-1 articles. The stream is read in chunks and a segment is
yielded as soon as the next delimiter is seen, so memory holds one document and one
chunk, never the file.

A segment is the record's delimiter line, its content, and the one line ending that
separates the content from the next delimiter line (which ``pack`` always writes).
Concatenating the ``raw`` bytes of all segments of a file gives back the file exactly.

Memory is bounded by ``max_bytes`` (``Options.max_document_bytes``) whatever the input:
once a record's content passes it, the splitter stops keeping its bytes and only counts
them (``Segment.skipped``), so a 1 GB record costs about ``max_bytes``, not 3 GB. Such a
record is reported as too large with its true offset and length; its ``raw`` then holds
the delimiter line and the last few bytes, and ``len(raw) + skipped`` still accounts for
every byte. A delimiter line is at most :data:`MAX_DELIMITER_LINE` bytes: a longer line
is text, which keeps the scan linear on a huge line without a newline and makes the
split the same for every ``chunk_size``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

import attrs

from corpuskit.dialects import BOMS, Dialect, doctag_attributes
from corpuskit.model import Role

__all__ = ["MAX_DELIMITER_LINE", "Segment", "iter_segments"]

#: The longest line (bytes, line ending excluded) that can be a delimiter line. Real ones
#: are a file name between markers, or a ``<doc ...>`` tag with a URL and a title.
MAX_DELIMITER_LINE = 8192
#: Bytes kept at the end of an oversized record, for its separator and ``</doc>``.
_KEEP_TAIL = 16


@attrs.frozen
class Segment:
    """One record's raw bytes and where its content lies inside them.

    ``offset`` is the byte offset of ``raw`` in the stream; the content is
    ``raw[content_start:content_end]``. ``name`` is ``None`` for a preamble and for the
    records of the formfeed and plain dialects (their names are made by the reader).
    """

    raw: bytes
    offset: int
    content_start: int
    content_end: int
    name: str | None
    ordinal: int
    role: Role = "document"
    metadata: dict[str, str] = attrs.field(factory=dict)
    problems: tuple[str, ...] = ()
    #: content bytes over the limit that were counted, not kept (they lie at ``content_start``)
    skipped: int = 0

    @property
    def content(self) -> bytes:
        """The content bytes kept (all of them unless ``skipped``)."""
        return self.raw[self.content_start : self.content_end]

    @property
    def content_length(self) -> int:
        """The content's true length in the stream, skipped bytes included."""
        return self.content_end - self.content_start + self.skipped

    @property
    def length(self) -> int:
        """The segment's length in the stream: ``len(raw)`` plus what was skipped."""
        return len(self.raw) + self.skipped

    @property
    def content_offset(self) -> int:
        return self.offset + self.content_start


def _strip_separator(data: bytes | bytearray, start: int, end: int, crlf: bool) -> int:
    """End of the content once the one line ending before a delimiter is removed.

    The separator is CRLF only when the record's own delimiter line ended in CRLF (a
    CRLF file); ``pack`` writes LF, so content ending in a lone CR survives a round trip.
    """
    if crlf and end - start >= 2 and data[end - 2 : end] == b"\r\n":
        return end - 2
    if end - start >= 1 and data[end - 1 : end] == b"\n":
        return end - 1
    return end


def _decode_name(raw: bytes) -> str:
    # surrogateescape keeps any non-UTF-8 byte of a name recoverable
    return raw.decode("utf-8", "surrogateescape")


def iter_segments(
    stream: BinaryIO, dialect: Dialect, *, chunk_size: int = 1 << 20, max_bytes: int | None = None,
    start: int = 0,
) -> Iterator[Segment]:
    """Yield the segments of ``stream`` in order, reading it once, in chunks.

    ``max_bytes``: content past this many bytes is counted, not kept (None: keep all).
    ``start``: where ``stream`` begins in its file (a byte range read on its own,
    :mod:`corpuskit.ranges`); every offset reported counts from there, so a range's
    segments carry their offsets in the file and nothing is shifted afterwards.
    """
    if dialect.kind == "plain":
        yield from _plain(stream, chunk_size, max_bytes, start)
    elif dialect.kind == "formfeed":
        yield from _formfeed(stream, chunk_size, max_bytes, start)
    else:
        yield from _LineSplitter(stream, dialect, chunk_size, max_bytes, start).segments()


class _Chunks:
    """The stream read into one growing buffer, a chunk at a time (the splitters cut it)."""

    __slots__ = ("buf", "chunk_size", "eof", "stream")

    def __init__(self, stream: BinaryIO, chunk_size: int) -> None:
        self.stream = stream
        self.chunk_size = chunk_size
        self.buf = bytearray()
        self.eof = False

    def more(self) -> None:
        """Read the next chunk into the buffer, or note the end of the stream."""
        chunk = self.stream.read(self.chunk_size)
        if chunk:
            self.buf.extend(chunk)
        else:
            self.eof = True


def _plain(stream: BinaryIO, chunk_size: int, max_bytes: int | None, start: int) -> Iterator[Segment]:
    parts: list[bytes] = []
    kept = skipped = 0
    while True:
        chunk = stream.read(chunk_size)
        if not chunk:
            break
        if skipped or (max_bytes is not None and kept + len(chunk) > max_bytes):
            skipped += kept + len(chunk)  # over the limit: from here on, count only
            parts, kept = [], 0
            continue
        parts.append(chunk)
        kept += len(chunk)
    raw = b"".join(parts)
    yield Segment(raw, start, 0, len(raw), None, 0, skipped=skipped)


def _formfeed(stream: BinaryIO, chunk_size: int, max_bytes: int | None, start: int) -> Iterator[Segment]:
    chunks = _Chunks(stream, chunk_size)
    buf = chunks.buf
    base = start  # file offset of the open record
    ordinal = 0
    search = 0  # where in buf the next form feed may be
    skipped = 0  # bytes of the open record counted, not kept (they came before buf[0])
    while True:
        cut = buf.find(b"\f", search)
        if cut < 0:
            if chunks.eof:
                break
            search = len(buf)
            if max_bytes is not None and len(buf) > max_bytes:
                skipped += len(buf)
                del buf[:]
                search = 0
            chunks.more()
            continue
        end = cut + 1
        # the line ending after the form feed may be in the next chunk: decide on two bytes
        while len(buf) < end + 2 and not chunks.eof:
            chunks.more()
        if buf[end : end + 2] == b"\r\n":
            end += 2
        elif buf[end : end + 1] == b"\n":
            end += 1
        raw = bytes(buf[:end])
        yield Segment(raw, base, 0, cut, None, ordinal, skipped=skipped)
        ordinal += 1
        base += end + skipped
        skipped = 0
        del buf[:end]
        search = 0
    if buf or skipped:
        raw = bytes(buf)
        yield Segment(raw, base, 0, len(raw), None, ordinal, skipped=skipped)


class _Header:
    __slots__ = ("content_start", "crlf", "metadata", "name", "start")

    def __init__(self, start: int, content_start: int, name: str | None, metadata: dict[str, str],
                 crlf: bool) -> None:
        self.start = start
        self.content_start = content_start
        self.name = name
        self.metadata = metadata
        self.crlf = crlf


#: A delimiter line found: where it starts in the buffer, where the line after it starts,
#: its match, and whether it ended in CRLF.
_Found = tuple[int, int, "re.Match[bytes]", bool]


def _content_end(raw: bytes, content_start: int, crlf: bool, doctag: bool) -> tuple[int, tuple[str, ...]]:
    """Where a record's content ends in its raw bytes, and what is wrong with that end.

    A doctag record's content ends at its ``</doc>`` line (what follows it stays in the
    raw segment and is reported); any other record's at the separator before the next
    delimiter line.
    """
    end = len(raw)
    if not doctag:
        return _strip_separator(raw, content_start, end, crlf), ()
    close = raw.rfind(b"</doc>", content_start)
    if close < 0 or (close != content_start and raw[close - 1 : close] != b"\n"):
        return _strip_separator(raw, content_start, end, crlf), ("unclosed <doc> record",)
    tail = raw[close + len(b"</doc>") :].strip()
    problems = (f"{len(tail)} bytes after </doc> kept in the raw segment",) if tail else ()
    return _strip_separator(raw, content_start, close, crlf), problems


class _LineSplitter:
    """The splitter of the dialects whose records start with a delimiter line.

    ``buf`` holds the stream from offset ``base`` on. The open segment starts at
    ``seg_start`` (the preamble while ``header`` is None); the next delimiter line is
    looked for from ``scan``. Each step below is one method: find the next delimiter
    line, read on (dropping what is consumed or over the limit), emit the open segment,
    open the next record.
    """

    def __init__(
        self, stream: BinaryIO, dialect: Dialect, chunk_size: int, max_bytes: int | None, start: int = 0
    ) -> None:
        self.chunks = _Chunks(stream, chunk_size)
        self.buf = self.chunks.buf
        self.prefix = dialect.prefix
        self.dialect_match = dialect.match_line
        self.doctag = dialect.kind == "doctag"
        self.max_bytes = max_bytes
        # a delimiter line starts after a line ending (and with the dialect's prefix)
        self.needle = b"\n" + (dialect.prefix or b"")
        self.base = start  # file offset of buf[0]
        self.scan = 0  # position in buf from which to look for the next delimiter line
        self.header: _Header | None = None  # the open record; None while in the preamble
        self.seg_start = 0  # position in buf where the open segment (or preamble) starts
        self.ordinal = 0
        self.skipped = 0  # content bytes of the open segment counted, not kept

    def segments(self) -> Iterator[Segment]:
        found = self._first_delimiter()
        while found is not None:
            line_start, after, match, crlf = found
            if line_start > self.seg_start or self.header is not None:
                yield self._emit(line_start)
                if self.skipped:  # the bytes dropped lay before line_start: rebase the buffer on it
                    del self.buf[:line_start]
                    self.base += line_start + self.skipped
                    after -= line_start
                    line_start = 0
                    self.skipped = 0
            self._open(line_start, after, match, crlf)
            found = self._next_delimiter()
        if len(self.buf) > self.seg_start or self.header is not None:
            yield self._emit(len(self.buf))

    def _first_delimiter(self) -> _Found | None:
        """The delimiter line the stream starts with (after a BOM), else the first one after it."""
        while len(self.buf) < 64 and not self.chunks.eof:
            self.chunks.more()
        text_start = len(BOMS[0]) if self.buf.startswith(BOMS[0]) else 0
        match, after, crlf = self._match_line(text_start)
        self.scan = 0
        if match is not None:
            return 0, after, match, crlf
        return self._next_delimiter()

    def _next_delimiter(self) -> _Found | None:
        """The next delimiter line from ``scan`` on, reading on as needed; None at the end."""
        find, needle, match_line = self.buf.find, self.needle, self._match_line  # (the hot loop)
        while True:
            idx = find(needle, self.scan)
            if idx < 0:
                if self.chunks.eof:
                    return None
                self._read_on()
                continue
            line_start = idx + 1
            match, after, crlf = match_line(line_start)
            self.scan = line_start
            if match is not None:
                return line_start, after, match, crlf

    def _match_line(self, text_start: int) -> tuple[re.Match[bytes] | None, int, bool]:
        """The dialect's match of the line at ``text_start`` (None: it is text), where the
        line after it starts, and whether it ends in CRLF; reads on until the line is whole
        or too long to be a delimiter."""
        buf = self.buf
        line_end = buf.find(b"\n", text_start)
        while line_end < 0 and not self.chunks.eof and len(buf) - text_start <= MAX_DELIMITER_LINE:
            self.chunks.more()
            line_end = buf.find(b"\n", text_start)
        stop = len(buf) if line_end < 0 else line_end
        after = len(buf) if line_end < 0 else line_end + 1
        line = bytes(buf[text_start : min(stop, text_start + MAX_DELIMITER_LINE + 1)])
        crlf = line.endswith(b"\r")
        if crlf:
            line = line[:-1]
        prefix = self.prefix
        if stop - text_start > MAX_DELIMITER_LINE or (prefix is not None and not line.startswith(prefix)):
            return None, after, crlf
        return self.dialect_match(line), after, crlf

    def _read_on(self) -> None:
        """Read the next chunk, keeping in memory no more than the open record needs."""
        # keep what is searched; the last few bytes may begin a needle
        self.scan = max(self.scan, len(self.buf) - len(self.needle))
        self.chunks.more()
        self._drop_consumed()
        self._drop_oversized()

    def _drop_consumed(self) -> None:
        """Cut the bytes before the open segment off the buffer once they pass a chunk."""
        cut = self.seg_start
        if cut > self.chunks.chunk_size:
            del self.buf[:cut]
            self.base += cut
            self.scan -= cut
            if self.header is not None:
                self.header.content_start -= cut
            self.seg_start = 0

    def _drop_oversized(self) -> None:
        """An oversized record: count what was searched, keep only its last bytes."""
        keep_from = self.header.content_start if self.header is not None else self.seg_start
        drop_to = self.scan - _KEEP_TAIL
        if self.max_bytes is not None and drop_to - keep_from > self.max_bytes:
            self.skipped += drop_to - keep_from
            del self.buf[keep_from:drop_to]
            self.scan -= drop_to - keep_from

    def _emit(self, end: int) -> Segment:
        """The open segment (or preamble), ending at ``end`` in the buffer."""
        raw = bytes(self.buf[self.seg_start : end])
        offset = self.base + self.seg_start
        header = self.header
        if header is None:
            seg = Segment(raw, offset, 0, len(raw), None, self.ordinal, role="preamble", skipped=self.skipped)
        else:
            start = header.content_start - self.seg_start
            stop, problems = _content_end(raw, start, header.crlf, self.doctag)
            seg = Segment(raw, offset, start, stop, header.name, self.ordinal, "document",
                          header.metadata, problems, self.skipped)
        self.ordinal += 1
        return seg

    def _open(self, line_start: int, after: int, match: re.Match[bytes], crlf: bool) -> None:
        """The delimiter line at ``line_start`` opens the next record."""
        self.seg_start = line_start
        if self.doctag:
            meta = doctag_attributes(match)
            name = meta.get("id")
        else:
            meta = {}
            name = _decode_name(match.group("name"))
        self.header = _Header(line_start, after, name, meta, crlf)
        self.scan = max(after - 1, line_start)
