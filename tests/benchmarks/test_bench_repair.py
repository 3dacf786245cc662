"""Decode + repair + normalise speed, next to ftfy.fix_text on the same text in the same run.

Three corpora made from the five seed articles (each copy made unique so that no cache
helps): clean UTF-8, the same text in Windows-1252 (every document goes through
chardet), and the same text as mojibake (UTF-8 read as Windows-1252, written as UTF-8).
The stage is what ``build_document`` does before typos and structure: ``decode`` and
the ``REPAIR_RULES`` chain. The peer is ``ftfy.fix_text`` with its defaults on each
document's text (already decoded for it: detection is not counted for the peer).

Run for real (>= 20 MB per corpus) with
``pytest tests/benchmarks/test_bench_repair.py --benchmark-only``; in the default run
(``--benchmark-disable``) the corpora are ~100 kB and each function runs once.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import ftfy
import pytest

from corpuskit.builder import clean
from corpuskit.decode import decode
from corpuskit.mojibake import FTFY_CONFIG
from corpuskit.options import Options
from corpuskit.repair import REPAIR_RULES

sys.path.insert(0, str(Path(__file__).parent.parent))
from conftest import sample_seeds

MB = 1_000_000


def _mojibake(text: str) -> str:
    return decode(text.encode("utf-8"), "windows-1252").text


ENCODERS: dict[str, Callable[[str], bytes]] = {
    "utf8": lambda t: t.encode("utf-8"),
    "cp1252": lambda t: t.encode("cp1252"),
    "mojibake": lambda t: _mojibake(t).encode("utf-8"),
}
PEER_DECODE: dict[str, Callable[[bytes], str]] = {
    "utf8": lambda b: b.decode("utf-8"),
    "cp1252": lambda b: b.decode("cp1252"),
    "mojibake": lambda b: b.decode("utf-8"),
}


def _texts(request: pytest.FixtureRequest) -> list[str]:
    seeds = [d.decode("utf-8") for d in sample_seeds().values()]
    target = 100_000 if request.config.getoption("benchmark_disable") else 20 * MB
    out: list[str] = []
    size = 0
    i = 0
    while size < target:
        seed = seeds[i % len(seeds)]
        # vary each copy: a different first paragraph and reference line
        paragraphs = seed.split("\n\n")
        if len(paragraphs) > 2:
            paragraphs = paragraphs[1:] + paragraphs[:1]
        text = "\n\n".join(paragraphs) + f"\n\nRef. {i} – “copy {i}” of {len(seeds)}\n"
        out.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    return out


def _stage(docs: list[bytes], options: Options) -> list[str]:
    out = []
    for data in docs:
        text = decode(data).text
        out.append(clean(text, options, REPAIR_RULES)[0])
    return out


@pytest.mark.parametrize("kind", ["utf8", "cp1252", "mojibake"])
def test_bench_decode_repair_normalise(benchmark, request: pytest.FixtureRequest, kind: str) -> None:
    texts = _texts(request)
    docs = [ENCODERS[kind](t) for t in texts]
    options = Options()
    expected = _stage([t.encode("utf-8") for t in texts], options)

    result = benchmark.pedantic(_stage, args=(docs, options), rounds=3, iterations=1, warmup_rounds=0)
    # same result whatever the input: the mojibake and cp1252 corpora clean to the clean one
    assert result == expected

    nbytes = sum(len(d) for d in docs)
    peer_texts = [PEER_DECODE[kind](d) for d in docs]
    t = time.perf_counter()
    peer = [ftfy.fix_text(s) for s in peer_texts]
    peer_s = time.perf_counter() - t
    ours_s = benchmark.stats.stats.min if benchmark.stats else None
    benchmark.extra_info["corpus_mb"] = round(nbytes / MB, 2)
    benchmark.extra_info["peer"] = f"ftfy {ftfy.__version__} fix_text (defaults)"
    benchmark.extra_info["peer_mb_per_s"] = round(nbytes / MB / peer_s, 2)
    if ours_s:
        benchmark.extra_info["ours_mb_per_s"] = round(nbytes / MB / ours_s, 2)
        benchmark.extra_info["speed_vs_peer"] = round(peer_s / ours_s, 2)
    # ftfy with our settings (cosmetic fixers off) agrees with the repair, before our
    # normalisation rules; its defaults differ only by uncurling quotes.
    same_config = [ftfy.fix_text(s, FTFY_CONFIG) for s in peer_texts[:50]]
    ours_raw = [decode(d).text for d in docs[:50]]
    ours_repaired = [clean(s, Options(disable=["unicode", "whitespace"]), REPAIR_RULES)[0] for s in ours_raw]
    benchmark.extra_info["same_as_ftfy_same_config"] = same_config == ours_repaired
    benchmark.extra_info["ftfy_defaults_changed_docs"] = sum(p != s for p, s in zip(peer, peer_texts, strict=True))
    assert same_config == ours_repaired


def test_bench_chardet_per_document(benchmark, request: pytest.FixtureRequest) -> None:
    """Detection alone on Windows-1252 documents (what non-UTF-8 input pays first)."""
    docs = [t.encode("cp1252") for t in _texts(request)][:400]
    import chardet

    chardet.detect(docs[0])  # model loading is paid once per process

    def run() -> int:
        return sum(chardet.detect(d, compat_names=False)["encoding"] == "cp1252" for d in docs)

    right = benchmark.pedantic(run, rounds=3, iterations=1)
    assert right == len(docs)
    seconds = benchmark.stats.stats.min if benchmark.stats else None
    if seconds:
        nbytes = sum(len(d) for d in docs)
        benchmark.extra_info["docs"] = len(docs)
        benchmark.extra_info["mb_per_s"] = round(nbytes / MB / seconds, 2)
        benchmark.extra_info["ms_per_doc"] = round(seconds / len(docs) * 1000, 2)
