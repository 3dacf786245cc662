"""``corpuskit.read``: stream Documents out of any mix of corpus inputs.

The reader is split in two so that the expensive half can run anywhere: planning
(open inputs, detect dialects, split bytes, name records, spot duplicates) is cheap
and sequential; building (decode, clean, structure) is pure and per document, so it can
run in worker processes while order is kept.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from corpuskit.builder import WorkItem, split_name
from corpuskit.catalogue import check_rule_names
from corpuskit.dialects import Dialect, custom_dialect, detect_dialect, get_dialect
from corpuskit.errors import CorpuskitError, ErrorCollector, InputError
from corpuskit.evidence import with_priors
from corpuskit.model import Document, DocumentWarning
from corpuskit.names import NameTracker
from corpuskit.options import Options
from corpuskit.parallel import Encoded, build_documents, encode_documents
from corpuskit.segments import Segment, iter_segments
from corpuskit.sources import Input, Limits, open_inputs

__all__ = [
    "DETECT_WINDOW", "ErrorHandler", "dialect_for", "is_member", "plan", "plan_input", "read", "read_encoded",
    "read_segments",
    "shared_evidence",
]

ErrorHandler = Callable[[CorpuskitError], None]

#: The first bytes of an input that dialect detection reads.
DETECT_WINDOW = 64 * 1024


def dialect_for(options: Options, head: bytes, *, member: bool = False) -> Dialect:
    """The dialect forced by the options, or detected from ``head``.

    ``member`` says the file was found in a directory or an archive: see
    :func:`corpuskit.dialects.detect_dialect` for why that raises the bar.
    """
    if options.delimiter:
        return custom_dialect(options.delimiter)
    if options.dialect:
        return get_dialect(options.dialect)
    return detect_dialect(head, member=member)


def _fail_message(exc: BaseException) -> str:
    if isinstance(exc, CorpuskitError):
        return exc.message
    if isinstance(exc, EOFError):
        return "truncated compressed stream (input ended early)"
    if "unexpected end of data" in str(exc):  # tarfile's word for a member cut short
        return "truncated archive member (input ended early)"
    return f"read failed: {exc}"


def _with_last(segments: Iterator[Segment]) -> Iterator[tuple[Segment, bool]]:
    """Each segment with whether it is the last (a truncation concerns only that one)."""
    previous: Segment | None = None
    for seg in segments:
        if previous is not None:
            yield previous, False
        previous = seg
    if previous is not None:
        yield previous, True


def is_member(item: Input, given: str) -> bool:
    """Whether ``item`` was found inside the path the user gave (a directory or an archive)."""
    return item.path not in (given, "<stdin>")


def plan_input(
    item: Input, options: Options, *, member: bool = False, dialect: Dialect | None = None, start: int = 0,
) -> Iterator[WorkItem | CorpuskitError]:
    """The records of one input, named. ``dialect`` forces a prepared dialect, and
    ``start`` is where the stream begins in its file: both for a byte range of a file
    whose dialect was detected once for the whole file (:mod:`corpuskit.ranges`), so
    that a range is planned by exactly this code, with its offsets in the file."""
    if dialect is None:
        head = item.stream.peek(DETECT_WINDOW)[:DETECT_WINDOW] if hasattr(item.stream, "peek") else b""
        try:
            dialect = dialect_for(options, head, member=member)
        except CorpuskitError as exc:
            yield exc
            return
    guarded = item.guard
    stem = item.filename.rsplit(".", 1)[0] if "." in item.filename[1:] else item.filename
    seen = NameTracker()  # bounded: a fixed-size table of fingerprints, not every name
    for seg, last in _with_last(iter_segments(item.stream, dialect, chunk_size=options.chunk_size,
                                                    max_bytes=options.max_document_bytes, start=start)):
        warnings: list[DocumentWarning] = [
            DocumentWarning("record.malformed", p, seg.offset) for p in seg.problems
        ]
        if last and guarded.error is not None:
            warnings.append(
                DocumentWarning(
                    "record.truncated",
                    f"input ended early at byte {start + guarded.position}: {_fail_message(guarded.error)}",
                    start + guarded.position,
                )
            )
        if seg.role == "preamble":
            name = f"{item.filename}#preamble"
            warnings.append(
                DocumentWarning("record.preamble", f"{seg.length} bytes before the first delimiter", seg.offset)
            )
        elif seg.name is not None:
            name = seg.name
        elif dialect.kind == "plain":
            name = item.filename
        else:
            name = f"{stem}-{seg.ordinal:06d}"
        doc_id = f"{stem}.preamble" if seg.role == "preamble" else split_name(name)[0]
        if not doc_id:
            doc_id = f"{stem}-{seg.ordinal:06d}"
        was_full = seen.full
        unique = seen.unique(doc_id)
        if unique is not None:
            warnings.append(
                DocumentWarning(
                    "record.duplicate_name",
                    f"name {name!r} already used in this file; id made unique as {unique}"
                    if split_name(name)[0] == doc_id else
                    f"id {doc_id!r} already used in this file; made unique as {unique}",
                    seg.offset,
                )
            )
            doc_id = unique
        if seen.full and not was_full:
            warnings.append(DocumentWarning(
                "record.names_untracked",
                "duplicate-name tracking is full for this file; later new names are not tracked (see corpuskit.names)",
                seg.offset))
        if seg.role == "document" and not seg.skipped and not seg.content.strip():
            warnings.append(DocumentWarning("record.empty", "empty document", seg.content_offset))
        yield WorkItem(seg, item.path, doc_id, name, tuple(warnings), dialect.name)
    if guarded.error is not None:
        yield InputError(_fail_message(guarded.error), path=item.path, offset=start + guarded.position)


def plan(sources: Iterable[str | os.PathLike[str]], options: Options) -> Iterator[WorkItem | CorpuskitError]:
    """Every record of every input, in order, with the errors met along the way."""
    check_rule_names(options.disable, "disable")
    check_rule_names(options.enable, "enable")
    paths = [os.fspath(s) for s in sources]
    limits = Limits(max_ratio=options.max_ratio, max_input_bytes=options.max_input_bytes)
    for given in paths:
        yield from shared_evidence(_plan_given(given, limits, options), options)


def _plan_given(given: str, limits: Limits, options: Options) -> Iterator[WorkItem | CorpuskitError]:
    for item in open_inputs([given], limits=limits):
        if isinstance(item, CorpuskitError):
            yield item
            continue
        yield from plan_input(item, options, member=is_member(item, given))


def shared_evidence(
    items: Iterable[WorkItem | CorpuskitError], options: Options
) -> Iterator[WorkItem | CorpuskitError]:
    """The records of one input given, each carrying the input's encoding prior."""
    if options.encoding:
        yield from items  # forced: nothing to guess
        return
    yield from with_priors(items, _content, _group, _with_prior)


def _content(item: WorkItem | CorpuskitError) -> bytes | None:
    # the raw record (no copy): its delimiter line is ASCII, and only non-ASCII lines count
    return item.segment.raw if isinstance(item, WorkItem) else None


def _group(item: WorkItem | CorpuskitError) -> str | None:
    """The records of a concatenated file share evidence; per-document files, their folder's."""
    if not isinstance(item, WorkItem):
        return None
    if item.dialect != "plain":
        return item.path
    return item.path.rsplit("/", 1)[0] if "/" in item.path else ""


def _with_prior(item: WorkItem | CorpuskitError, prior: tuple[str, float] | None) -> WorkItem | CorpuskitError:
    # only a document that is not ASCII can need it; the constructor is faster than evolve
    if prior is None or not isinstance(item, WorkItem) or item.segment.raw.isascii():
        return item
    return WorkItem(item.segment, item.path, item.doc_id, item.name, item.warnings, item.dialect, prior)


def _blank_preamble(item: WorkItem | CorpuskitError) -> bool:
    """Blank lines before the first delimiter: kept in the segments, not a document."""
    return isinstance(item, WorkItem) and item.segment.role == "preamble" and not item.segment.raw.strip()


def _to_build(sources: Iterable[str | os.PathLike[str]], options: Options) -> Iterator[WorkItem | CorpuskitError]:
    return (i for i in plan(sources, options) if not _blank_preamble(i))


def read(
    *sources: str | os.PathLike[str],
    on_error: ErrorHandler | None = None,
    options: Options | None = None,
    **fields: Any,
) -> Iterator[Document]:
    """Stream the Documents of every source, in order, with constant memory.

    ``sources`` are files, directories, archives, compressed files or ``"-"`` (stdin).
    ``fields`` are the fields of :class:`corpuskit.Options` (``dialect``, ``encoding``,
    ``disable``…); a prepared ``Options`` can be passed as ``options``. An input that
    cannot be read is passed to ``on_error``; without one,
    the errors are raised together as :class:`ReadErrors` after every readable input
    has been read, so one bad file never hides the others.
    """
    opts = Options.resolve(options, fields)
    handler = ErrorCollector(on_error)
    yield from build_documents(_to_build(sources, opts), opts, handler)
    handler.raise_errors()


def read_encoded(
    *sources: str | os.PathLike[str],
    encode: Callable[[Document], bytes],
    on_error: ErrorHandler | None = None,
    options: Options | None = None,
    **fields: Any,
) -> Iterator[Encoded]:
    """:func:`read`, each document handed on as ``encode(document)`` computed where it was built.

    With ``jobs`` > 1 the workers encode, and only bytes (and each document's id, path
    and warnings) come back: what ``corpuskit export`` uses for a
    :class:`corpuskit.exporters.RecordExporter`. ``encode`` must be picklable.
    """
    opts = Options.resolve(options, fields)
    handler = ErrorCollector(on_error)
    yield from encode_documents(_to_build(sources, opts), opts, handler, encode)
    handler.raise_errors()


def read_segments(
    *sources: str | os.PathLike[str], on_error: ErrorHandler | None = None, **options: Any
) -> Iterator[WorkItem]:
    """The raw records without decoding: for packing, auditing and byte accounting."""
    opts = Options.from_kwargs(options)
    handler = ErrorCollector(on_error)
    for item in plan(sources, opts):
        if isinstance(item, CorpuskitError):
            handler(item)
        else:
            yield item
    handler.raise_errors()
