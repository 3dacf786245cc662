"""The reader alone (split bytes, name records) against the raw limit: one compiled regex.

Real run: ``pytest tests/benchmarks --benchmark-only`` (a >= 100 MB generated corpus;
``CORPUSKIT_BENCH_MB`` changes it). In the default test run the corpus is tiny.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from corpusgen import write_corpus

from corpuskit.reader import read_segments

# the raw limit: the fastest sensible one-regex split (it starts with the literal "\n===")
RAW = re.compile(rb"\n(?====[ \t])")
# what the issue warns about: a multiline-anchored delimiter regex
ANCHORED = re.compile(rb"^={3,}[ \t]+\S+(?:[ \t]+={3,})?[ \t]*\r?$", re.M)


def corpus_mb(request: pytest.FixtureRequest) -> float:
    if request.config.getoption("benchmark_disable"):
        return 0.2
    return float(os.environ.get("CORPUSKIT_BENCH_MB", "100"))


@pytest.fixture(scope="module")
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "corpus.txt"
    write_corpus(path, int(corpus_mb(request) * 1e6))
    return path


def _mbps(path: Path, fn: Callable[[], object], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return path.stat().st_size / 1e6 / best


def raw_split(path: Path, rx: re.Pattern[bytes] = RAW) -> int:
    return len(rx.split(path.read_bytes()))


def reader(path: Path) -> int:
    return sum(1 for _ in read_segments(str(path)))


def test_raw_regex_split(benchmark, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    n = benchmark.pedantic(raw_split, args=(corpus,), rounds=3, iterations=1)
    assert n == reader(corpus)
    benchmark.extra_info["MB"] = round(corpus.stat().st_size / 1e6, 1)
    benchmark.extra_info["anchored_regex_MBps"] = round(_mbps(corpus, lambda: raw_split(corpus, ANCHORED)), 1)


def test_reader_alone(benchmark, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    raw = _mbps(corpus, lambda: raw_split(corpus))
    n = benchmark.pedantic(reader, args=(corpus,), rounds=3, iterations=1)
    assert n > 0
    mine = _mbps(corpus, lambda: reader(corpus))
    benchmark.extra_info.update(
        MB=round(corpus.stat().st_size / 1e6, 1),
        reader_MBps=round(mine, 1),
        raw_split_MBps=round(raw, 1),
        ratio_to_raw=round(mine / raw, 2),
    )
