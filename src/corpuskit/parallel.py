"""Build documents in worker processes while keeping input order and flat memory."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from corpuskit.errors import CorpuskitError
from corpuskit.model import Document
from corpuskit.options import Options

__all__ = ["build_parallel"]

_BATCH = 64


def _build_batch(items: list[object], options: Options) -> list[Document]:
    from corpuskit.reader import WorkItem, build

    return [build(item, options) for item in items if isinstance(item, WorkItem)]


def build_parallel(
    items: Iterable[object], options: Options, on_error: object
) -> Iterator[Document]:
    """Ordered, bounded fan-out: at most a few batches per worker are in flight."""
    jobs = options.jobs if options.jobs > 0 else (os.cpu_count() or 1)
    window = jobs * 4
    pending: deque[Future[list[Document]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        batch: list[object] = []
        for item in items:
            if isinstance(item, CorpuskitError):
                on_error(item)  # type: ignore[operator]
                continue
            batch.append(item)
            if len(batch) >= _BATCH:
                pending.append(pool.submit(_build_batch, batch, options))
                batch = []
                while len(pending) >= window:
                    yield from pending.popleft().result()
        if batch:
            pending.append(pool.submit(_build_batch, batch, options))
        while pending:
            yield from pending.popleft().result()
