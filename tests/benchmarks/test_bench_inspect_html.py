"""What ``inspect --html`` adds to ``inspect``: the same corpus, with and without the page.

A generated banner corpus (corpusgen: seed paragraphs recombined, ~700-byte articles) of
10,000 documents, inspected in this process with standard output discarded, best of two
runs each, alternating. ``extra_info["html_overhead"]`` is the added share of time.

Run for real with ``pytest tests/benchmarks/test_bench_inspect_html.py --benchmark-only -s``;
in the default run (``--benchmark-disable``) 300 documents.
"""

from __future__ import annotations

import contextlib
import io
import time
from pathlib import Path
from typing import Any

import pytest
from corpusgen import write_corpus

from corpuskit.cli import main

BIG, SMALL = 10_000, 300
MEAN_DOC = 700


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(args) == 0
    return time.perf_counter() - start


def test_bench_inspect_html_overhead(benchmark: Any, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    n = SMALL if request.config.getoption("benchmark_disable") else BIG
    corpus = tmp_path / "corpus.txt"
    docs = write_corpus(corpus, n * MEAN_DOC, mean_doc=MEAN_DOC)
    plain = [str(corpus), "--no-progress"]
    page = tmp_path / "report.html"
    with_html = [*plain, "--html", str(page)]
    times: dict[str, list[float]] = {"inspect": [], "inspect_html": []}
    benchmark.pedantic(lambda: times["inspect_html"].append(timed(["inspect", *with_html])), rounds=1, iterations=1)
    times["inspect"].append(timed(["inspect", *plain]))
    times["inspect_html"].append(timed(["inspect", *with_html]))
    times["inspect"].append(timed(["inspect", *plain]))
    best = {k: min(v) for k, v in times.items()}
    info = {"documents": docs, **{f"{k}_s": round(v, 2) for k, v in best.items()},
            "html_overhead": round(best["inspect_html"] / best["inspect"] - 1, 3),
            "page_kb": round(page.stat().st_size / 1024, 1)}
    benchmark.extra_info.update(info)
    print(f"\ninspect --html: {info}")
    assert page.stat().st_size > 0
