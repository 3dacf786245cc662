"""Typo stage speed: words/s with default rules on clean text, and word-list start-up time.

Peer: pyspellchecker (the usual off-the-shelf choice) correcting every word it does not
know, on the same documents in the same run (``extra_info``). Run for real with
``pytest tests/benchmarks/test_bench_typos.py --benchmark-only``.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpuskit.options import Options
from corpuskit.pipeline import clean
from corpuskit.typos import TYPO_RULES

sys.path.insert(0, str(Path(__file__).parent.parent))
import typo_eval


def _docs(request: pytest.FixtureRequest) -> list[str]:
    docs = typo_eval.clean_documents()
    # Fresh string objects each copy, as a real corpus would give: no cache can help.
    copies = 2 if request.config.getoption("benchmark_disable") else 60
    return [d + "\n" * (i % 3 + 1) for i in range(copies) for d in docs]


def test_bench_typo_stage_words_per_second(benchmark, request: pytest.FixtureRequest) -> None:
    docs = _docs(request)
    words = sum(len(d.split()) for d in docs)
    options = Options()
    clean("warm up tge", options, TYPO_RULES)

    def run() -> int:
        return sum(len(clean(d, options, TYPO_RULES)[1]) for d in docs)

    changed = benchmark(run)
    assert changed == 0  # clean text: nothing to correct
    seconds = benchmark.stats.stats.mean if benchmark.stats else None
    if seconds:
        benchmark.extra_info["words"] = words
        benchmark.extra_info["words_per_second"] = round(words / seconds)
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return
    import re

    checker = SpellChecker()
    t = time.perf_counter()
    peer_changes = 0
    sample = docs[:2]  # the peer searches edit distance 2 in Python: ~100 words/s
    for d in sample:
        toks = re.findall(r"[A-Za-z]+", d)
        for w in checker.unknown(toks):
            if checker.correction(w) not in (None, w):
                peer_changes += 1
    peer_s = time.perf_counter() - t
    benchmark.extra_info["peer"] = "pyspellchecker"
    benchmark.extra_info["peer_words_per_second"] = round(sum(len(d.split()) for d in sample) / peer_s)
    benchmark.extra_info["peer_changed_words_in_sample"] = peer_changes


def test_bench_word_list_start_up(benchmark) -> None:
    """Time to load both shipped word lists in a fresh interpreter (import excluded)."""
    code = (
        "import time, corpuskit.wordlists as w; t = time.perf_counter();"
        "w.english(); w.misspellings(); print(time.perf_counter() - t)"
    )

    def run() -> float:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        return float(out.stdout)

    seconds = benchmark.pedantic(run, rounds=3, iterations=1)
    benchmark.extra_info["load_seconds"] = round(seconds, 3)
    assert seconds > 0
