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

from corpuskit.builder import clean
from corpuskit.options import Options
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


@pytest.mark.parametrize("megabytes", [0.25, 1, 2])
def test_bench_typo_suggestion_is_linear(benchmark, request: pytest.FixtureRequest, megabytes: float) -> None:
    """typo.suggestion on one document of 0.25 / 1 / 2 MB: the time grows with the size, no faster.

    The document is the clean name-dense text with a misspelling every ~300 words, so that
    there are candidates to weigh (corpuskit 0.1 took 1.2 / 19 / 76 s on such sizes).
    """
    from corpuskit.typos import suggestions

    if request.config.getoption("benchmark_disable"):
        megabytes = 0.02
    base = "\n\n".join(typo_eval.clean_documents())
    wrongs = [w for _, w in typo_eval.testset()]
    parts, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        chunk = base[(i * 2000) % len(base) :][:2000] + f" {wrongs[i % len(wrongs)]} "
        parts.append(chunk)
        size += len(chunk)
        i += 1
    doc = "".join(parts)
    options = Options()
    suggestions("warm up tge onlie", options)
    found = benchmark.pedantic(lambda: suggestions(doc, options), rounds=1, iterations=1)
    benchmark.extra_info["megabytes"] = megabytes
    assert isinstance(found, list)
