"""The full pipeline (read, decode, repair, typos, structure, jsonl export) in MB/s.

Each figure sits next to the raw limit measured in the same run (one compiled regex
splitting the file). Also: --jobs 1 vs --jobs 2, peak memory of a subprocess on a
corpus of ``CORPUSKIT_BENCH_MB`` and ``CORPUSKIT_BENCH_BIG_MB`` MB (default 100 and
1000), and the Dask path on a 2-worker LocalCluster against --jobs 2. Whatever stages
exist are measured: the pipeline is the library's, not a copy.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpusgen import write_corpus
from test_bench_reader import raw_split

import corpuskit
from corpuskit import exporters


def _mb(request: pytest.FixtureRequest, var: str, default: str) -> float:
    if request.config.getoption("benchmark_disable"):
        return 0.3
    return float(os.environ.get(var, default))


@pytest.fixture(scope="module")
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipe") / "corpus.txt"
    write_corpus(path, int(_mb(request, "CORPUSKIT_BENCH_MB", "100") * 1e6))
    return path


def _export(corpus: Path, out: Path, jobs: int) -> None:
    exporters.export(corpuskit.read(str(corpus), jobs=jobs), "jsonl", out)


def _timed(fn: object, *args: object) -> float:
    t0 = time.perf_counter()
    fn(*args)  # type: ignore[operator]
    return time.perf_counter() - t0


def _bench(benchmark, fn: object, *args: object) -> float:  # type: ignore[no-untyped-def]
    """One benchmarked round; its wall time (pytest-benchmark keeps none when disabled)."""
    t0 = time.perf_counter()
    benchmark.pedantic(fn, args=args, rounds=1, iterations=1)
    return time.perf_counter() - t0


def test_full_pipeline_one_job(benchmark, corpus: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mb = corpus.stat().st_size / 1e6
    raw = mb / _timed(raw_split, corpus)
    mbps = mb / _bench(benchmark, _export, corpus, tmp_path / "one.jsonl", 1)
    benchmark.extra_info.update(MB=round(mb, 1), MBps=round(mbps, 2), raw_split_MBps=round(raw, 1),
                                ratio_to_raw=round(mbps / raw, 4))
    assert (tmp_path / "one.jsonl").stat().st_size > 0


def test_full_pipeline_two_jobs(benchmark, corpus: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mb = corpus.stat().st_size / 1e6
    one = _timed(_export, corpus, tmp_path / "one.jsonl", 1)
    two = _bench(benchmark, _export, corpus, tmp_path / "two.jsonl", 2)
    # read() only (documents to the parent, no export), to separate the transfer cost
    r1 = _timed(lambda: sum(1 for _ in corpuskit.read(str(corpus))))
    r2 = _timed(lambda: sum(1 for _ in corpuskit.read(str(corpus), jobs=2)))
    s2 = _timed(lambda: corpuskit_shard(corpus, tmp_path / "shard2", 2))
    s1 = _timed(lambda: corpuskit_shard(corpus, tmp_path / "shard1", 1))
    benchmark.extra_info.update(
        MB=round(mb, 1), export_jobs1_MBps=round(mb / one, 2), export_jobs2_MBps=round(mb / two, 2),
        export_speedup=round(one / two, 2), read_speedup=round(r1 / r2, 2),
        shard_jobs1_MBps=round(mb / s1, 2), shard_jobs2_MBps=round(mb / s2, 2), shard_speedup=round(s1 / s2, 2),
    )
    assert (tmp_path / "two.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()


def corpuskit_shard(corpus: Path, out: Path, jobs: int) -> None:
    from corpuskit.shard import shard

    shard([corpus], out, jobs=jobs)


_PEAK = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_rss_mb(argv: list[str]) -> float:
    """Peak resident memory of the largest process of a command (its workers included)."""
    out = subprocess.run([sys.executable, "-c", _PEAK, *argv], check=True, capture_output=True, text=True)
    return int(out.stdout.split()[-1]) / 1024


@pytest.mark.parametrize("size", ["CORPUSKIT_BENCH_MB", "CORPUSKIT_BENCH_BIG_MB"])
def test_peak_memory(benchmark, request: pytest.FixtureRequest, tmp_path: Path, size: str) -> None:  # type: ignore[no-untyped-def]
    mb = _mb(request, size, "100" if size == "CORPUSKIT_BENCH_MB" else "1000")
    path = tmp_path / "corpus.txt"
    write_corpus(path, int(mb * 1e6))
    cli = [sys.executable, "-m", "corpuskit.cli", "export", str(path), "-f", "jsonl", "-o", str(tmp_path / "o.jsonl"),
           "--no-progress", "--jobs", "2"]
    peak = benchmark.pedantic(peak_rss_mb, args=(cli,), rounds=1, iterations=1)
    benchmark.extra_info.update(MB=round(mb, 1), peak_rss_MB=round(peak, 1), command="export --jobs 2")
    assert peak > 0


def test_dask_local_cluster_against_two_jobs(benchmark, corpus: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed", reason="corpuskit[dask] is not installed")
    from corpuskit.dask import read_corpus, to_files

    mb = corpus.stat().st_size / 1e6
    blocksize = max(1 << 16, int(mb * 1e6 / 16))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        read_corpus(str(corpus), blocksize=blocksize).take(1)  # workers warmed up, as a pool's are
        dask_s = _bench(benchmark, lambda: to_files(read_corpus(str(corpus), blocksize=blocksize), "jsonl",
                                                    str(tmp_path / "dask")))
    shard2 = _timed(lambda: corpuskit_shard(corpus, tmp_path / "shard2", 2))
    export2 = _timed(_export, corpus, tmp_path / "two.jsonl", 2)
    benchmark.extra_info.update(MB=round(mb, 1), dask_export_MBps=round(mb / dask_s, 2),
                                jobs2_export_MBps=round(mb / export2, 2), jobs2_shard_MBps=round(mb / shard2, 2))
