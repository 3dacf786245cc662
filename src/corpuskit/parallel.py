"""Build documents in batches, here or in worker processes, keeping input order and flat memory.

``read()`` goes through :func:`build_documents` whatever ``jobs`` is: with one job the
batches are built in this process, so the sequential and the parallel path are one code.

The parent plans (splits files into records, names them, finds duplicates: cheap and
sequential, so every record gets exactly the id it gets with ``jobs=1``); workers do
the expensive per-document work, a batch at a time, stage by stage
(:func:`corpuskit.builder.build_many`). Records travel in batches of consecutive records,
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

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext
from typing import NamedTuple, TypeVar

import attrs

from corpuskit.builder import WorkItem, build_document, build_many
from corpuskit.errors import CorpuskitError
from corpuskit.model import Document, DocumentWarning
from corpuskit.options import Options
from corpuskit.segments import Segment

__all__ = ["Encoded", "batches", "build_documents", "encode_documents", "map_batches", "resolve_jobs"]

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


# English news prose with a misspelling, a rare word and a confusable pair: enough for the
# language model to say English and for every typo rule to read its word lists
WARM_UP_TEXT = (
    b"Warm-up\n\nThe council said on Monday that the new bridge would open next year, after the "
    b"work on the road had been finished. Residents recieved a letter about the plans, and the "
    b"mayor said she was pleased with the progess. They will loose their homes if the river "
    b"rises, a spokesman added.\n"
)


def _warm_up(options: Options) -> None:
    """Pay each stage's one-time start-up (word lists, language model, compiled patterns).

    Building one small English document runs every stage the options switch on, whatever
    stages exist, so nothing here needs to know them (a text the language model does not
    call English would leave the typo rules' word lists for the first real document).
    """
    build_document(Segment(WARM_UP_TEXT, 0, 0, len(WARM_UP_TEXT), "warm-up.txt", 0), path="<warm-up>",
                   doc_id="warm-up", name="warm-up.txt", options=options)


def _init_worker(options: Options, warm_up: bool) -> None:
    global _worker_options
    _worker_options = options
    if warm_up:
        _warm_up(options)


def _start_context() -> BaseContext:
    """The platform's default start method (the user may have set another)."""
    return multiprocessing.get_context()


def _pool(jobs: int, options: Options) -> ProcessPoolExecutor:
    """Worker processes with every stage loaded.

    With the fork start method (Linux's default) the stages are loaded here, once, before
    the workers are forked: they start with the word lists and the language model in
    memory, shared with this process page by page until written, instead of each reading
    them again (~0.8 s of CPU and ~120 MB per worker with the default rules). With spawn
    or forkserver (macOS, Windows, Python 3.14's Linux default) each worker loads its own.
    """
    context = _start_context()
    inherit = context.get_start_method() == "fork"
    if inherit:
        _warm_up(options)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                               initargs=(options, not inherit))


def _run_batch(items: list[WorkItem], fn: Callable[[list[Document]], T]) -> T:

    options = _worker_options
    assert options is not None, "worker used before its initializer ran"
    return fn(build_many(items, options))


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

    with _pool(jobs, options) as pool:
        try:
            for part in batches(items):
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
    for part in batches(items):
        if isinstance(part, CorpuskitError):
            on_error(part)
        else:
            yield fn(build_many(part, options))


def batches(items: Iterable[object]) -> Iterator[list[WorkItem] | CorpuskitError]:
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
