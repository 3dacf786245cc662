"""Build documents in batches, here or in worker processes, keeping input order and flat memory.

``read()`` goes through :func:`build_documents` whatever ``jobs`` is: with one job the
batches are built in this process, so the sequential and the parallel path are one code.

The parent plans (splits files into records, names them, finds duplicates: cheap and
sequential, so every record gets exactly the id it gets with ``jobs=1``); workers do
the expensive per-document work. Records travel in batches of consecutive records,
which for a big concatenated file are byte ranges cut on delimiter lines; batches of
small files spread many files over the workers. At most a few batches per worker are
in flight, so memory stays flat however big the corpus.

Measured on this project (``docs/performance.md``): shipping a record's raw bytes to a
worker costs ~4 ms per MB (pickle both ends), shipping the built Document back ~40 ms
per MB (thousands of small attrs objects). So workers reading their own byte ranges
would save little; what bounds the speed-up of ``read(jobs=N)`` is bringing Documents
back. Work that ends in bytes anyway therefore serialises in the workers through
:func:`map_batches` and ships bytes, not objects: ``corpuskit shard``, Dask exports, and
``corpuskit export`` to a format whose exporter encodes one document at a time
(:class:`corpuskit.exporters.RecordExporter`), through :func:`encode_documents`.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import NamedTuple, TypeVar

import attrs

from corpuskit.builder import WorkItem, build, build_document
from corpuskit.errors import CorpuskitError
from corpuskit.model import Document, DocumentWarning
from corpuskit.options import Options
from corpuskit.segments import Segment

__all__ = ["Encoded", "build_documents", "encode_documents", "map_batches", "resolve_jobs"]

T = TypeVar("T")

# a batch is cut when it holds this many raw bytes or this many records
BATCH_BYTES = 1 << 19
BATCH_RECORDS = 256
# batches in flight per worker: enough to keep every worker busy while the parent
# drains results in order, few enough that memory stays flat
WINDOW_PER_JOB = 3


def resolve_jobs(jobs: int) -> int:
    """``0`` means every core this process may use."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


# -- the worker side -----------------------------------------------------------------

_worker_options: Options | None = None


def _warm_up(options: Options) -> None:
    """Pay each stage's one-time start-up (word lists, compiled patterns) once per worker.

    Building one small document runs every stage, whatever stages exist, so nothing
    here needs to know them.
    """
    text = b"Warm-up\n\nThe quick brown fox jumps over tge lazy dog.\n"
    build_document(Segment(text, 0, 0, len(text), "warm-up.txt", 0), path="<warm-up>",
                   doc_id="warm-up", name="warm-up.txt", options=options)


def _init_worker(options: Options) -> None:
    global _worker_options
    _worker_options = options
    _warm_up(options)


def _run_batch(items: list[WorkItem], fn: Callable[[list[Document]], T]) -> T:

    options = _worker_options
    assert options is not None, "worker used before its initializer ran"
    return fn([build(item, options) for item in items])


def _identity(docs: list[Document]) -> list[Document]:
    return docs


# -- the parent side -----------------------------------------------------------------


def map_batches(
    items: Iterable[object],
    options: Options,
    on_error: Callable[[CorpuskitError], None],
    fn: Callable[[list[Document]], T],
) -> Iterator[T]:
    """``fn`` of each batch of built documents, in input order.

    ``fn`` runs in the worker (it must be picklable: a module-level function), so a
    caller that wants bytes in the end should turn documents into bytes there. Errors
    met while planning are passed to ``on_error`` in their place in the input order.
    With one job everything runs in this process, through the same batches, so the
    output is the same whatever ``jobs`` is.
    """
    jobs = resolve_jobs(options.jobs)
    if jobs == 1:
        yield from _map_here(items, options, on_error, fn)
        return
    pending: deque[Future[T] | CorpuskitError] = deque()
    window = jobs * WINDOW_PER_JOB

    def drain(keep: int) -> Iterator[T]:
        while len(pending) > keep:
            head = pending.popleft()
            if isinstance(head, CorpuskitError):
                on_error(head)
            else:
                yield head.result()

    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(options,)) as pool:
        try:
            for part in _batches(items):
                if isinstance(part, CorpuskitError):
                    pending.append(part)  # reported in its place in the input order
                    continue
                pending.append(pool.submit(_run_batch, part, fn))
                yield from drain(window)
            yield from drain(0)
        finally:
            for f in pending:
                if isinstance(f, Future):
                    f.cancel()


def _map_here(
    items: Iterable[object], options: Options, on_error: Callable[[CorpuskitError], None],
    fn: Callable[[list[Document]], T],
) -> Iterator[T]:
    for part in _batches(items):
        if isinstance(part, CorpuskitError):
            on_error(part)
        else:
            yield fn([build(item, options) for item in part])


def _batches(items: Iterable[object]) -> Iterator[list[WorkItem] | CorpuskitError]:
    """Consecutive records cut into batches (see ``BATCH_BYTES``), and the planning errors
    between them, in input order: an error ends the batch before it."""
    batch: list[WorkItem] = []
    size = 0
    for item in items:
        if isinstance(item, CorpuskitError):
            if batch:
                yield batch
                batch, size = [], 0
            yield item
            continue
        assert isinstance(item, WorkItem)
        batch.append(item)
        size += len(item.segment.raw)
        if size >= BATCH_BYTES or len(batch) >= BATCH_RECORDS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def build_documents(
    items: Iterable[object], options: Options, on_error: Callable[[CorpuskitError], None]
) -> Iterator[Document]:
    """Documents built in ``options.jobs`` worker processes, in input order."""
    for docs in map_batches(items, options, on_error, _identity):
        yield from docs


class Encoded(NamedTuple):
    """One document as its exporter encoded it, and what the parent still wants to know of
    it (the summary line counts warnings; ``--strict`` reports them): a tuple pickles in a
    fraction of a Document's time."""

    data: bytes
    id: str
    path: str
    warnings: tuple[DocumentWarning, ...]


@attrs.frozen
class _Encode:
    """Documents → their Encoded records (picklable: runs in the workers)."""

    encode: Callable[[Document], bytes]

    def __call__(self, docs: list[Document]) -> list[Encoded]:
        encode = self.encode
        return [Encoded(encode(d), d.id, d.source.path, tuple(d.warnings)) for d in docs]


def encode_documents(
    items: Iterable[object], options: Options, on_error: Callable[[CorpuskitError], None],
    encode: Callable[[Document], bytes],
) -> Iterator[Encoded]:
    """``encode`` of each document, in input order, run where the documents are built.

    ``encode`` must be picklable (a module-level function, or a bound method of a
    picklable object such as an exporter).
    """
    for batch in map_batches(items, options, on_error, _Encode(encode)):
        yield from batch
