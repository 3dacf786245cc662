"""The parquet exporter next to jsonl: MB/s, documents/s and peak memory, 100,000 documents.

The same pool as the export benchmark (the seeds as corpuskit reads them and generated
articles with edits, header and trailer), cycled lazily; output to a counting sink.
Each run is a process of its own reporting its peak RSS, since Arrow allocates outside
Python's allocator (tracemalloc would not see a row group being held); a tenth of the
documents is run too, to show the peak does not grow with the corpus. MB/s is of the
JSONL text of the same documents (what is being converted), so the two formats are
compared on the same work; the output size of each is reported as well.

Run for real with ``pytest tests/benchmarks/test_bench_parquet.py --benchmark-only -s``;
in the default run (``--benchmark-disable``) 2,000 documents.
"""

from __future__ import annotations

import itertools
import json
import resource
import time
from pathlib import Path
from typing import Any, BinaryIO, cast

import pytest
from childproc import run_child

BIG, SMALL = 100_000, 2_000
ROW_GROUP_ROWS = 10_000  # the exporter's default
HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[1] / "examples" / "data" / "sample_corpus.txt"


def child(fmt: str, n: int) -> dict[str, Any]:
    import corpuskit
    from corpuskit import exporters
    from corpuskit.testing import CountingSink, sample_documents

    if fmt == "parquet":
        import pyarrow.parquet  # noqa: F401  (its import, ~100 MB of libraries, is not the export's)
    pool = list(corpuskit.read(SAMPLE)) + sample_documents(195, paragraph_words=60, paragraphs=4)
    text_bytes = sum(len(json.dumps(d.to_dict(), ensure_ascii=False).encode()) + 1 for d in pool)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sink = CountingSink()
    start = time.perf_counter()
    exporters.create(fmt).write(itertools.islice(itertools.cycle(pool), n), cast(BinaryIO, sink))
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "output_mb": round(sink.size / 1e6, 1),
            "jsonl_mb": round(text_bytes * n / len(pool) / 1e6, 1),
            "rss_before_mb": round(before / 1024, 1), "peak_rss_mb": round(after / 1024, 1)}


def run(kind: str, n: int) -> dict[str, Any]:
    return run_child("test_bench_parquet", "child", kind, n)


def test_bench_parquet_next_to_jsonl(benchmark: Any, request: pytest.FixtureRequest) -> None:
    pytest.importorskip("pyarrow", reason="the parquet extra is not installed")
    n = SMALL if request.config.getoption("benchmark_disable") else BIG
    ours: dict[str, Any] = {}
    benchmark.pedantic(lambda: ours.update(run("parquet", n)), rounds=1, iterations=1)
    tenth = run("parquet", n // 10)
    jsonl = run("jsonl", n)
    info: dict[str, Any] = {"documents": n}
    for name, r in (("parquet", ours), (f"parquet_{n // 10}", tenth), ("jsonl", jsonl)):
        info[name] = {"docs_per_s": round(int(name.split("_")[-1] if "_" in name else n) / r["seconds"]),
                      "mb_per_s": round(r["jsonl_mb"] / r["seconds"], 1), "output_mb": r["output_mb"],
                      "peak_rss_mb": r["peak_rss_mb"], "rss_before_mb": r["rss_before_mb"]}
    benchmark.extra_info.update(info)
    print(f"\nparquet vs jsonl: {info}")
    assert ours["output_mb"] > 0
    if n // 10 >= ROW_GROUP_ROWS:  # both runs hold a full row group at their peak: then flat
        assert ours["peak_rss_mb"] - tenth["peak_rss_mb"] < ours["jsonl_mb"] / 10
