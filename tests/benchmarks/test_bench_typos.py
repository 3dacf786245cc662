"""Typo stage speed: MB/s on real news (Reuters, BBC) next to ftfy.fix_text on the same
text, words/s on clean text, and word-list start-up time.

Peers, in the same run (``extra_info``): ``ftfy.fix_text`` over the same news text (the
cleaning step readers would otherwise run), and pyspellchecker (the usual off-the-shelf
speller) correcting every word it does not know on the clean text. Run for real with
``CORPUSKIT_BBC_DIR=... CORPUSKIT_REUTERS_DIR=... pytest tests/benchmarks/test_bench_typos.py
--benchmark-only``.
"""

from __future__ import annotations

import json
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


def _reuters_bodies(folder: str, quick: bool) -> list[str]:
    """Reuters-21578's story bodies: from the ``reut2-*.json`` conversion when present
    (every file present), else from the ``reut2-*.sgm`` files (SGML entities as written)."""
    files = sorted(Path(folder).glob("reut2-*.json"))
    if files:
        bodies = [r["body"] for f in files[: 1 if quick else None] for r in json.loads(f.read_text()) if r.get("body")]
    else:
        sgml = sorted(Path(folder).glob("reut2-*.sgm"))[: 1 if quick else None]
        body = re.compile(r"<BODY>(.*?)</BODY>", re.DOTALL)
        bodies = [b for f in sgml for b in body.findall(f.read_bytes().decode("latin-1"))]
    return bodies[:200] if quick else bodies


def _typo_stage_against_ftfy(benchmark, texts: list[str]) -> int:  # type: ignore[no-untyped-def]
    """The typo stage (rules and typo.suggestion) over ``texts`` once, CPU MB/s, next to
    ``ftfy.fix_text`` over the same texts in the same run (the cleaning peer readers
    know). Every text is a fresh string and the per-word caches are cleared first, so
    each word's candidates are worked out as in a fresh process; the word lists, the
    pair table and the language model are loaded before (start-up, measured apart)."""
    import ftfy

    from corpuskit import language
    from corpuskit.typos import candidates, context, frequency_choice, suggestions

    megabytes = sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6
    options = Options()
    clean("warm up tge", options, TYPO_RULES)
    suggestions("warm up tge onlie rein of", options)
    context.bigrams()
    language.foreign_stretch("A paragraph in plain English, to load the language model.")

    def run() -> int:
        candidates.one_edit_words.cache_clear()
        frequency_choice.cache_clear()
        candidates._asked[0] = 0
        edits = 0
        for t in texts:
            out, found, _ = clean(t + " ", options, TYPO_RULES)
            edits += len(found)
            suggestions(out, options)
        return edits

    t = time.process_time()
    edits = benchmark.pedantic(run, rounds=1, iterations=1)
    cpu = time.process_time() - t
    t = time.process_time()
    for text in texts:
        ftfy.fix_text(text)
    peer_cpu = time.process_time() - t
    benchmark.extra_info.update(documents=len(texts), megabytes=round(megabytes, 2), edits=edits)
    benchmark.extra_info["cpu_megabytes_per_second"] = round(megabytes / cpu, 2)
    benchmark.extra_info["peer"] = f"ftfy {ftfy.__version__} fix_text (defaults), same texts"
    benchmark.extra_info["peer_cpu_megabytes_per_second"] = round(megabytes / peer_cpu, 2)
    return edits


@pytest.mark.skipif(not REUTERS_DIR, reason="set CORPUSKIT_REUTERS_DIR to a folder of reut2-NNN.sgm/json files")
def test_bench_typo_stage_on_reuters(benchmark, request: pytest.FixtureRequest) -> None:
    """The typo stage on Reuters-21578 story bodies: MB/s, and ftfy.fix_text's on the same.

    Real news text, with its real typos and rare words (what typo.context looks at); the
    figures of docs/performance.md.
    """
    assert REUTERS_DIR
    bodies = _reuters_bodies(REUTERS_DIR, bool(request.config.getoption("benchmark_disable")))
    assert _typo_stage_against_ftfy(benchmark, bodies) > 0  # Reuters has real typos


def test_bench_typo_stage_on_bbc(benchmark, request: pytest.FixtureRequest) -> None:
    """The typo stage on the 2,225 BBC articles, each once (issue 16's unique text), and
    ftfy.fix_text on the same articles in the same run."""
    from corpusgen import bbc_articles, bbc_root

    root = bbc_root()
    if root is None:
        pytest.skip("set CORPUSKIT_BBC_DIR to the BBC full-text folder")
    articles = bbc_articles(root)
    if request.config.getoption("benchmark_disable"):
        articles = articles[:100]
    assert _typo_stage_against_ftfy(benchmark, articles) > 0


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
