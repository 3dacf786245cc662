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
    stream: BinaryIO, dialect: Dialect, *, chunk_size: int = 1 << 20, stem: str = "doc",
    max_bytes: int | None = None,
) -> Iterator[Segment]:
    """Yield the segments of ``stream`` in order, reading it once, in chunks.

    ``max_bytes``: content past this many bytes is counted, not kept (None: keep all).
    """
    if dialect.kind == "plain":
        yield from _plain(stream, chunk_size, max_bytes)
    elif dialect.kind == "formfeed":
        yield from _formfeed(stream, chunk_size, max_bytes)
    else:
        yield from _lines(stream, dialect, chunk_size, max_bytes)


def _plain(stream: BinaryIO, chunk_size: int, max_bytes: int | None) -> Iterator[Segment]:
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
    yield Segment(raw, 0, 0, len(raw), None, 0, skipped=skipped)


def _formfeed(stream: BinaryIO, chunk_size: int, max_bytes: int | None) -> Iterator[Segment]:
    buf = bytearray()
    base = 0  # stream offset of the open record
    ordinal = 0
    search = 0  # where in buf the next form feed may be
    skipped = 0  # bytes of the open record counted, not kept (they came before buf[0])
    eof = False

    def more() -> None:
        nonlocal eof
        chunk = stream.read(chunk_size)
        if chunk:
            buf.extend(chunk)
        else:
            eof = True

    while True:
        cut = buf.find(b"\f", search)
        if cut < 0:
            if eof:
                break
            search = len(buf)
            if max_bytes is not None and len(buf) > max_bytes:
                skipped += len(buf)
                del buf[:]
                search = 0
            more()
            continue
        end = cut + 1
        # the line ending after the form feed may be in the next chunk: decide on two bytes
        while len(buf) < end + 2 and not eof:
            more()
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


def _lines(stream: BinaryIO, dialect: Dialect, chunk_size: int, max_bytes: int | None) -> Iterator[Segment]:
    prefix = dialect.prefix
    needle = b"\n" + prefix if prefix else None
    buf = bytearray()
    base = 0  # stream offset of buf[0]
    scan = 0  # position in buf from which to look for the next delimiter line
    eof = False
    header: _Header | None = None  # the open record; None while in the preamble
    seg_start = 0  # position in buf where the open segment (or preamble) starts
    ordinal = 0
    at_file_start = True
    skipped = 0  # content bytes of the open segment counted, not kept

    def emit(end: int) -> Segment:
        nonlocal ordinal
        raw = bytes(buf[seg_start:end])
        if header is None:
            seg = Segment(raw, base + seg_start, 0, len(raw), None, ordinal, role="preamble", skipped=skipped)
        else:
            cs = header.content_start - seg_start
            problems: tuple[str, ...] = ()
            if dialect.kind == "doctag":
                close = raw.rfind(b"</doc>", cs)
                if close >= 0 and (close == cs or raw[close - 1 : close] == b"\n"):
                    ce = _strip_separator(raw, cs, close, header.crlf)
                    tail = raw[close + len(b"</doc>") :]
                    if tail.strip():
                        problems = (f"{len(tail.strip())} bytes after </doc> kept in the raw segment",)
                else:
                    ce = _strip_separator(raw, cs, len(raw), header.crlf)
                    problems = ("unclosed <doc> record",)
            else:
                ce = _strip_separator(raw, cs, len(raw), header.crlf)
            seg = Segment(raw, base + seg_start, cs, ce, header.name, ordinal, "document",
                          header.metadata, problems, skipped)
        ordinal += 1
        return seg

    def more() -> None:
        """Read the next chunk into the buffer, or note the end of the stream."""
        nonlocal eof
        chunk = stream.read(chunk_size)
        if chunk:
            buf.extend(chunk)
        else:
            eof = True

    while True:
        # find the start of the next candidate delimiter line
        if at_file_start:
            if len(buf) < 64 and not eof:
                more()
                continue
            line_start = 0
            text_start = len(BOMS[0]) if buf.startswith(BOMS[0]) else 0
        else:
            if needle is not None:
                idx = buf.find(needle, scan)
                line_start = -1 if idx < 0 else idx + 1
            else:
                idx = buf.find(b"\n", scan)
                line_start = -1 if idx < 0 else idx + 1
            text_start = line_start
        if line_start < 0:
            if eof:
                break
            # keep what is searched; the last few bytes may begin a needle
            scan = max(scan, len(buf) - (len(needle) if needle else 1))
            more()
            # trim consumed bytes so memory stays bounded by the open record
            if seg_start > chunk_size:
                del buf[:seg_start]
                base += seg_start
                scan -= seg_start
                if header is not None:
                    header.content_start -= seg_start
                seg_start = 0
            # an oversized record: count what was searched, keep only its last bytes
            keep_from = header.content_start if header is not None else seg_start
            drop_to = scan - _KEEP_TAIL
            if max_bytes is not None and drop_to - keep_from > max_bytes:
                skipped += drop_to - keep_from
                del buf[keep_from:drop_to]
                scan -= drop_to - keep_from
            continue
        line_end = buf.find(b"\n", text_start)
        if line_end < 0 and not eof and len(buf) - text_start <= MAX_DELIMITER_LINE:
            more()
            continue
        too_long = (len(buf) if line_end < 0 else line_end) - text_start > MAX_DELIMITER_LINE
        stop = len(buf) if line_end < 0 else line_end
        after = len(buf) if line_end < 0 else line_end + 1
        line = bytes(buf[text_start : min(stop, text_start + MAX_DELIMITER_LINE + 1)])
        crlf = line.endswith(b"\r")
        if crlf:
            line = line[:-1]
        m = None if too_long else dialect.match_line(line) if (prefix is None or line.startswith(prefix)) else None
        if at_file_start:
            at_file_start = False
            scan = 0
            if m is None:
                continue
        else:
            scan = line_start
        if m is None:
            continue
        if line_start > seg_start or header is not None:
            yield emit(line_start)
            if skipped:  # the bytes dropped lay before line_start: rebase the buffer on it
                del buf[:line_start]
                base += line_start + skipped
                after -= line_start
                line_start = 0
                skipped = 0
        seg_start = line_start
        if dialect.kind == "doctag":
            meta = doctag_attributes(m)
            name = meta.get("id")
        else:
            meta = {}
            name = _decode_name(m.group("name"))
        header = _Header(line_start, after, name, meta, crlf)
        scan = after - 1 if after > 0 else 0
        if scan < line_start:
            scan = line_start
    if len(buf) > seg_start or header is not None:
        yield emit(len(buf))

