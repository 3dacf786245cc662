"""Typo stage speed: words/s with default rules on clean text, and word-list start-up time.

Peer: pyspellchecker (the usual off-the-shelf choice) correcting every word it does not
know, on the same documents in the same run (``extra_info``). Run for real with
``pytest tests/benchmarks/test_bench_typos.py --benchmark-only``.
"""

from __future__ import annotations

import os
import re
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


REUTERS_DIR = os.environ.get("CORPUSKIT_REUTERS_DIR")


@pytest.mark.skipif(not REUTERS_DIR, reason="set CORPUSKIT_REUTERS_DIR to a folder of reut2-NNN.sgm files")
def test_bench_typo_stage_on_reuters(benchmark, request: pytest.FixtureRequest) -> None:
    """The typo stage (the rules and typo.suggestion) on Reuters-21578 story bodies: MB/s.

    Real news text, with its real typos and rare words (what typo.context looks at); the
    figures of docs/performance.md. Every body is a fresh string, and the per-word caches
    are cleared first, so the first pass's candidate generation is measured too.
    """
    from corpuskit.typos import candidates, frequency_choice, suggestions

    assert REUTERS_DIR
    files = sorted(Path(REUTERS_DIR).glob("reut2-*.sgm"))[: 1 if request.config.getoption("benchmark_disable") else 3]
    bodies = [b for f in files for b in re.findall(r"<BODY>(.*?)</BODY>", f.read_bytes().decode("latin-1"), re.DOTALL)]
    if request.config.getoption("benchmark_disable"):
        bodies = bodies[:200]
    megabytes = sum(len(b.encode()) for b in bodies) / 1e6
    options = Options()
    clean("warm up tge", options, TYPO_RULES)
    suggestions("warm up tge onlie", options)

    def run() -> int:
        candidates.one_edit_words.cache_clear()
        frequency_choice.cache_clear()
        edits = 0
        for b in bodies:
            out, found, _ = clean(b + " ", options, TYPO_RULES)
            edits += len(found)
            suggestions(out, options)
        return edits

    t = time.process_time()
    edits = benchmark.pedantic(run, rounds=1, iterations=1)
    cpu = time.process_time() - t
    benchmark.extra_info.update(stories=len(bodies), megabytes=round(megabytes, 2), edits=edits)
    benchmark.extra_info["cpu_megabytes_per_second"] = round(megabytes / cpu, 2)
    assert edits > 0  # Reuters has real typos


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
