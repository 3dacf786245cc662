"""Near-duplicate detection: documents/s and peak memory for 100,000 documents, with a peer.

Documents are generated lazily (seeded): eight paragraphs of fifty words drawn from a
20,000-word Zipf vocabulary, and every tenth document a copy of an earlier one with a
paragraph dropped, so the index holds real clusters. Each run is its own process and
reports its peak RSS (``ru_maxrss``): rensa's index lives outside Python's allocator,
where tracemalloc cannot see it. The generation alone is timed too, and subtracted.

- ``corpuskit``: ``corpuskit.dedup`` (rensa MinHash + LSH, candidates verified);
- ``datasketch``: datasketch MinHash (``update_batch``) and MinHashLSH with the same
  shingles, permutations and bands, the way text-dedup and most scripts use it (a
  candidate is a duplicate; no signatures kept to verify).

Run for real with ``pytest tests/benchmarks/test_bench_dedup.py --benchmark-only -s``;
in the default run (``--benchmark-disable``) 2,000 documents.
"""

from __future__ import annotations

import itertools
import random
import resource
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from childproc import run_child

from corpuskit import Document
from corpuskit.testing import make_document

BIG, SMALL = 100_000, 2_000
HERE = Path(__file__).resolve().parent


def vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(size)]


def generated(n: int, seed: int = 1) -> Iterator[Document]:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    cum = list(itertools.accumulate(1 / (k + 1) for k in range(len(vocab))))
    recent: list[list[str]] = []
    for i in range(n):
        if i % 10 == 9 and recent:
            paras = list(rng.choice(recent))
            paras.pop(rng.randrange(len(paras)))
        else:
            paras = [" ".join(rng.choices(vocab, cum_weights=cum, k=50)) for _ in range(8)]
            recent = [*recent, paras][-500:]
        yield make_document(paras, doc_id=f"{i:06d}_{i:016x}")


def child(kind: str, n: int) -> dict[str, Any]:
    """Run one engine over ``n`` generated documents in this process; its figures."""
    start = time.perf_counter()
    copies = 0
    if kind == "generate":
        for _ in generated(n):
            pass
    elif kind == "corpuskit":
        import corpuskit

        copies = sum(d.duplicates is not None for d in corpuskit.dedup(generated(n)))
    else:
        import datasketch

        from corpuskit.neardup import DedupParams
        from corpuskit.neardup.shingles import shingles, words

        p = DedupParams()
        lsh = datasketch.MinHashLSH(num_perm=p.num_perm, params=(p.bands, p.rows))
        for i, d in enumerate(generated(n)):
            m = datasketch.MinHash(num_perm=p.num_perm, seed=p.seed)
            m.update_batch([s.encode("utf-8") for s in sorted(shingles(words(d.text), p.shingle_words))])
            copies += bool(lsh.query(m))  # text-dedup style: a candidate is a duplicate
            lsh.insert(i, m)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "copies": copies,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def run(kind: str, n: int) -> dict[str, Any]:
    return run_child("test_bench_dedup", "child", kind, n)


def test_bench_dedup_100k(benchmark: Any, request: pytest.FixtureRequest) -> None:
    pytest.importorskip("rensa", reason="the dedup extra is not installed")
    pytest.importorskip("datasketch", reason="the peer (datasketch) is not installed")
    n = SMALL if request.config.getoption("benchmark_disable") else BIG
    base = run("generate", n)
    ours: dict[str, Any] = {}
    benchmark.pedantic(lambda: ours.update(run("corpuskit", n)), rounds=1, iterations=1)
    peer = run("datasketch", n)
    info: dict[str, Any] = {"documents": n, "generation_s": round(base["seconds"], 1),
                            "generation_rss_mb": base["peak_rss_mb"]}
    for name, r in (("corpuskit", ours), ("datasketch", peer)):
        work = max(r["seconds"] - base["seconds"], 1e-9)
        info[name] = {"docs_per_s": round(n / work), "peak_rss_mb": r["peak_rss_mb"], "copies": r["copies"]}
    benchmark.extra_info.update(info)
    print(f"\ndedup: {info}")
    assert ours["copies"] >= n // 10 - 1  # every planted copy found
