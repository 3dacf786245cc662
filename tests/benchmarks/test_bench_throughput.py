"""Issue 16's tables, re-measured: each stage's CPU ms/MB on BBC news, next to its peers.

The corpus is the BBC full-text set (``$CORPUSKIT_BBC_DIR``; skipped without it) written
by ``corpusgen.bbc_corpus``: the 2,225 articles in the banner dialect, 5 % of them in
cp1252 and 2 % as mojibake, either each once (the *unique* text, ~5 MB: nothing repeats
to warm a cache) or repeated to ``CORPUSKIT_BENCH_BBC_MB`` (default 100). Everything is
CPU time (``time.process_time``; the machine is shared), and peers run in the same
process on the same bytes: the raw split with one compiled regex, ``json.dumps`` per
document, ftfy's ``fix_encoding`` and ``fix_text``. ``--jobs 2`` is measured as the CPU
each process spends (what bounds the speed-up on two cores is the parent's share), in
fresh processes. With ``--benchmark-disable`` (the default test run) the corpus is
~0.1 MB and every figure is taken once, which only proves the code runs.

    CORPUSKIT_BBC_DIR=... pytest tests/benchmarks/test_bench_throughput.py --benchmark-only
"""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import ftfy
import orjson
import pytest
from corpusgen import bbc_corpus, bbc_root
from test_bench_reader import RAW

from corpuskit import builder, exporters, structure
from corpuskit.errors import CorpuskitError
from corpuskit.model import Document
from corpuskit.options import Options
from corpuskit.parallel import build_documents
from corpuskit.reader import plan

ROOT = bbc_root()
pytestmark = pytest.mark.skipif(ROOT is None, reason="set CORPUSKIT_BBC_DIR to the BBC full-text folder")


def _size(request: pytest.FixtureRequest) -> int | None:
    if request.config.getoption("benchmark_disable"):
        return 100_000
    return int(float(os.environ.get("CORPUSKIT_BENCH_BBC_MB", "100")) * 1e6)


@pytest.fixture(scope="module")
def repeated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bbc") / "bbc.txt"
    assert ROOT is not None
    bbc_corpus(path, ROOT, _size(request))
    return path


@pytest.fixture(scope="module")
def unique(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bbc") / "bbc-unique.txt"
    assert ROOT is not None
    bbc_corpus(path, ROOT, 100_000 if request.config.getoption("benchmark_disable") else None)
    return path


def _cpu(fn: Callable[[], object]) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def _documents(path: Path) -> Iterator[bytes]:
    data = path.read_bytes()
    for part in RAW.split(data):
        yield part[part.find(b"\n") + 1:]


def _texts(path: Path) -> list[str]:
    out = []
    for body in _documents(path):
        try:
            out.append(body.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(body.decode("cp1252", "replace"))
    return out


def _one_job(items: Iterable[builder.WorkItem], opts: Options) -> Iterator[Document]:
    """The documents of planned records, built as ``--jobs 1`` builds them (in batches)."""
    def fail(exc: CorpuskitError) -> None:
        raise exc
    return build_documents(items, attrs.evolve(opts, jobs=1), fail)


def _export(path: Path, *disable: str) -> None:
    exporter = exporters.create("jsonl")
    opts = Options(disable=frozenset(disable))
    items = (i for i in plan([str(path)], opts) if isinstance(i, builder.WorkItem))
    with open(os.devnull, "wb") as sink:
        exporter.write_records((exporter.encode(d) for d in _one_job(items, opts)), sink)


def test_throughput_against_the_peers(benchmark, repeated: Path) -> None:  # type: ignore[no-untyped-def]
    """The issue's first table: MB/s (CPU) of each row on the same corpus, same run."""
    mb = repeated.stat().st_size / 1e6
    texts = _texts(repeated)
    rows = {
        "read_split_regex": lambda: sum(1 for _ in _documents(repeated)),
        "plus_utf8_decode": lambda: [b.decode("utf-8", "replace") for b in _documents(repeated)],
        "plus_json_dumps": lambda: [json.dumps({"text": b.decode("utf-8", "replace")}) for b in _documents(repeated)],
        "ftfy_fix_encoding": lambda: [ftfy.fix_encoding(t) for t in texts],
        "ftfy_fix_text": lambda: [ftfy.fix_text(t) for t in texts],
        "corpuskit_no_typo_no_structure": lambda: _export(repeated, "typo", "structure"),
        "corpuskit_no_typo": lambda: _export(repeated, "typo"),
    }
    figures = {name: round(mb / _cpu(fn), 2) for name, fn in rows.items()}
    default_s = benchmark.pedantic(_cpu, args=(lambda: _export(repeated),), rounds=1, iterations=1)
    figures["corpuskit_default"] = round(mb / _cpu(lambda: _export(repeated)), 2)
    benchmark.extra_info.update(MB=round(mb, 1), MBps_cpu=figures)
    assert default_s is not None or figures


class _StageClock:
    """CPU seconds by stage, taken by wrapping the builder's stage functions."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.seconds: collections.Counter[str] = collections.Counter()
        clean = builder.clean

        def staged_clean(raw: str, options: Options, rules: Any = builder.CLEANING_RULES, *,
                         start: Any = None) -> Any:
            return self.timed("typos" if start is not None else "repair", clean)(raw, options, rules, start=start)

        monkeypatch.setattr(builder, "clean", staged_clean)
        for module, name, stage in ((builder, "decode", "decode"), (builder, "identify_language", "language"),
                                    (builder, "suggestions", "typos"), (structure, "analyse", "structure"),
                                    (structure, "cut_blocks", "structure"), (builder, "Document", "Document")):
            monkeypatch.setattr(module, name, self.timed(stage, getattr(module, name)))

    def timed(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            t = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[stage] += time.process_time() - t
        return run


def test_stage_table(benchmark, unique: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The issue's second table: where one core's time goes, ms per MB of unique BBC text."""
    mb = unique.stat().st_size / 1e6
    list(plan([str(unique)], Options()))  # chardet's and the planner's imports, once
    clock = _StageClock(monkeypatch)
    opts = Options()
    seconds = clock.seconds

    def run() -> None:
        t = time.process_time()
        items = [i for i in plan([str(unique)], opts) if isinstance(i, builder.WorkItem)]
        seconds["plan (split, name, duplicates, encoding evidence)"] += time.process_time() - t
        t = time.process_time()
        docs = list(_one_job(items, opts))
        seconds["build"] += time.process_time() - t
        t = time.process_time()
        dicts = [d.to_dict() for d in docs]
        seconds["to_dict"] += time.process_time() - t
        t = time.process_time()
        for d in dicts:
            orjson.dumps(d)
        seconds["JSON encoding (orjson)"] += time.process_time() - t

    benchmark.pedantic(run, rounds=1, iterations=1)
    inner = sum(v for k, v in seconds.items() if k in ("decode", "repair", "language", "typos", "structure",
                                                        "Document"))
    seconds["rest of build (options, warnings, composition)"] = seconds["build"] - inner
    table = {k: round(1000 * v / mb, 1) for k, v in seconds.items() if k != "build"}
    total = sum(v for k, v in seconds.items() if k not in ("build",))
    benchmark.extra_info.update(MB=round(mb, 2), ms_per_MB=table, total_ms_per_MB=round(1000 * total / mb, 1),
                                MBps_cpu=round(mb / total, 2))
    assert table["decode"] >= 0


# the ``corpuskit`` command itself (``cli.run``), its CPU reported by an exit handler
_MEASURE = (
    "import atexit, json, resource, sys\n"
    "from corpuskit.cli import run\n"
    "def report():\n"
    "    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "    print(json.dumps([s.ru_utime + s.ru_stime, c.ru_utime + c.ru_stime]), file=sys.stderr)\n"
    "atexit.register(report)\n"
    "run()\n"
)


def _cli_cpu(path: Path, out: Path, jobs: int, *flags: str) -> tuple[float, float, float]:
    """(wall, parent CPU, workers' CPU) of ``corpuskit export`` in a fresh process."""
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURE, "export", str(path), "-f", "jsonl", "-o", str(out),
                           "--jobs", str(jobs), "-q", *flags], capture_output=True, text=True, check=True)
    parent, workers = json.loads(done.stderr.strip().splitlines()[-1])
    return time.perf_counter() - t, parent, workers


@pytest.mark.parametrize("flags", [(), ("--disable", "typo", "--disable", "structure")], ids=["default", "fast"])
def test_two_jobs_cpu_split(benchmark, repeated: Path, tmp_path: Path, flags: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """--jobs 2 against --jobs 1, interleaved, median of 3: wall, and the CPU of parent and workers.

    On two cores the wall-clock speed-up is at most 2 x (jobs-1 CPU) / (jobs-2 CPU of all
    processes): the bound is reported, since a shared machine blurs the wall clock.
    """
    if benchmark.disabled and flags:
        pytest.skip("one configuration is enough to show the code runs")
    rounds = 1 if benchmark.disabled else 3
    one: list[tuple[float, float, float]] = []
    two: list[tuple[float, float, float]] = []
    for _ in range(rounds):
        one.append(_cli_cpu(repeated, tmp_path / "one.jsonl", 1, *flags))
        two.append(_cli_cpu(repeated, tmp_path / "two.jsonl", 2, *flags))
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)

    def median(runs: list[tuple[float, float, float]], k: int) -> float:
        return sorted(r[k] for r in runs)[len(runs) // 2]

    cpu1 = median(one, 1)
    parent2, workers2 = median(two, 1), median(two, 2)
    benchmark.extra_info.update(
        MB=round(repeated.stat().st_size / 1e6, 1), wall_speedup=round(median(one, 0) / median(two, 0), 2),
        jobs1_cpu_s=round(cpu1, 2), jobs2_parent_cpu_s=round(parent2, 2), jobs2_workers_cpu_s=round(workers2, 2),
        parent_share=round(parent2 / (parent2 + workers2), 3),
        speedup_bound_2_cores=round(min(2.0, 2 * cpu1 / (parent2 + workers2), cpu1 / parent2), 2),
    )
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
