"""Export throughput (documents/s) and peak memory of the jsonl and csv exporters.

Documents come from a fixed pool (the five seeds as read by corpuskit plus generated
articles with edits, header and trailer), cycled lazily to 100,000: generation costs
nothing and the pool's memory is constant, so what is measured is the exporter. Output
goes to a counting sink (no disk), so the figure is the exporter's, not the file
system's.

The peer is the floor a user would write by hand with the standard library (one
``json.dumps(doc.to_dict())`` per line; ``csv.writer`` on the same cells without
neutralisation): ``extra_info["ratio_to_stdlib_floor"]`` is what the plugin machinery,
surrogate handling and formula neutralisation cost on top. No peer library exports
corpuskit documents, and pandas (the natural CSV peer) would first hold the whole
corpus in memory.

The memory test cycles shared pool documents, so it measures what the exporter itself
keeps per document (nothing: the peak is flat); that an exporter does not keep the
documents is the conformance kit's streaming check, on freshly built ones.

Run for real with ``pytest tests/benchmarks/test_bench_export.py --benchmark-only -s``;
in the default run (``--benchmark-disable``) the corpus is small.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

import pytest

import corpuskit
from corpuskit import Document, exporters
from corpuskit.testing import CountingSink, sample_documents
from corpuskit_exporters.csv_export import COLUMNS, row_of

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "data" / "sample_corpus.txt"
BIG, SMALL = 100_000, 1_000


@pytest.fixture(scope="module")
def pool() -> list[Document]:
    seeds = list(corpuskit.read(SAMPLE))
    return seeds + sample_documents(195, paragraph_words=60, paragraphs=4)


def size_for(request: pytest.FixtureRequest) -> int:
    return SMALL if request.config.getoption("benchmark_disable") else BIG


def cycle(pool: list[Document], n: int) -> Iterator[Document]:
    return itertools.islice(itertools.cycle(pool), n)


def stdlib_jsonl(docs: Iterator[Document], out: BinaryIO) -> None:
    for doc in docs:
        out.write(json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8") + b"\n")


def stdlib_csv(docs: Iterator[Document], out: BinaryIO) -> None:
    text = io.TextIOWrapper(cast(Any, out), encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(COLUMNS)
    for doc in docs:
        writer.writerow(row_of(doc))
    text.detach()


FLOORS: dict[str, Callable[[Iterator[Document], BinaryIO], None]] = {"jsonl": stdlib_jsonl, "csv": stdlib_csv}


def timed(fn: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    size = fn()
    return time.perf_counter() - start, size


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_bench_export_throughput(benchmark: Any, request: pytest.FixtureRequest, pool: list[Document],
                                 fmt: str) -> None:
    n = size_for(request)
    exporter = exporters.create(fmt)

    result: dict[str, float] = {}

    def export() -> None:  # timed by our own clock too: benchmark.stats is empty when disabled
        sink = CountingSink()
        start = time.perf_counter()
        exporter.write(cycle(pool, n), cast(BinaryIO, sink))
        result.update(seconds=time.perf_counter() - start, size=sink.size)

    def floor() -> int:
        sink = CountingSink()
        FLOORS[fmt](cycle(pool, n), cast(BinaryIO, sink))
        return sink.size

    benchmark.pedantic(export, rounds=1, iterations=1)
    seconds, size = result["seconds"], int(result["size"])
    floor_seconds, floor_size = timed(floor)
    info = {
        "documents": n,
        "bytes": size,
        "docs_per_s": round(n / seconds),
        "mb_per_s": round(size / seconds / 1e6, 1),
        "stdlib_floor_docs_per_s": round(n / floor_seconds),
        "ratio_to_stdlib_floor": round(seconds / floor_seconds, 2),
    }
    benchmark.extra_info.update(info)
    print(f"\n{fmt}: {info}")
    assert size > 0 and abs(size - floor_size) / floor_size < 0.05  # same work, give or take escaping


def peak_bytes(fmt: str, pool: list[Document], n: int) -> int:
    exporter = exporters.create(fmt)
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    exporter.write(cycle(pool, n), cast(BinaryIO, CountingSink()))
    return tracemalloc.get_traced_memory()[1] - base


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_bench_export_memory_is_flat(benchmark: Any, request: pytest.FixtureRequest, pool: list[Document],
                                     fmt: str) -> None:
    big = size_for(request)
    small = max(big // 10, 2 * len(pool))  # every pool document seen in both runs: same largest one
    tracemalloc.start()
    try:
        small_peak = peak_bytes(fmt, pool, small)
        big_peak = peak_bytes(fmt, pool, big)
    finally:
        tracemalloc.stop()
    per_document = sum(len(d.raw_text) for d in pool) / len(pool)
    info = {
        f"peak_kb_{small}_docs": round(small_peak / 1024),
        f"peak_kb_{big}_docs": round(big_peak / 1024),
        "corpus_text_mb": round(per_document * big / 1e6, 1),
    }
    benchmark.extra_info.update(info)
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    print(f"\n{fmt} memory: {info}")
    # Many times the documents, (nearly) the same peak: a collecting writer would add at
    # least the text of the extra documents (megabytes) to it, not a tenth of it.
    assert big_peak - small_peak < per_document * (big - small) / 10
