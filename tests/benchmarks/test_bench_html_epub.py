"""HTML and EPUB export of 2,000 documents: seconds and peak memory, against pandoc.

pandoc is the peer: the tool people reach for to make a reading copy or an e-book. It
gets the same corpus as one Markdown file (raw HTML off, so the spam stays text) and
writes a standalone HTML page and an EPUB 3. Its time includes its start-up; its peak
memory is the child's maximum resident set size. Ours is the Python heap's peak during
the export (tracemalloc, in a run apart from the timed one). With --benchmark-disable
the corpus is 40 documents, so the default test run stays quick.

    pytest tests/benchmarks/test_bench_html_epub.py --benchmark-only
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from corpuskit import Document
from corpuskit.exporters import create
from corpuskit.testing import CountingSink

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from test_html_export import make_corpus


@pytest.fixture(scope="module")
def corpus(request: pytest.FixtureRequest) -> list[Document]:
    n = 40 if request.config.getoption("benchmark_disable") else 2000
    return list(make_corpus(n))


def _markdown(docs: list[Document]) -> str:
    out = []
    for doc in docs:
        out.append(f"# {doc.title or doc.id}\n")
        if doc.authors or doc.date:
            out.append(f"*{', '.join(doc.authors)} {doc.date or ''}*\n")
        for b in doc.blocks:
            if b.region == "header":
                continue
            out.append(f"## {b.text}\n" if b.kind == "heading" else f"{b.text}\n")
    return "\n".join(out)


def _pandoc(docs: list[Document], fmt: str, tmp: Path) -> dict[str, Any]:
    source = tmp / "corpus.md"
    source.write_text(_markdown(docs), "utf-8")
    target = tmp / f"pandoc.{fmt}"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        ["pandoc", "-f", "markdown-raw_html", "-t", fmt, "--standalone", "--metadata", "title=Corpus",
         "-o", str(target), str(source)],
        check=True, capture_output=True, timeout=600,
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"pandoc_seconds": round(seconds, 3),
            "pandoc_peak_rss_mib": round(peak / 1024, 1) if peak > before else "n/a (an earlier child was bigger)",
            "pandoc_output_bytes": target.stat().st_size}


def _ours(fmt: str, options: dict[str, str], docs: list[Document]) -> dict[str, Any]:
    sink = CountingSink()
    exporter = create(fmt, **options)
    tracemalloc.start()
    exporter.write(iter(docs), sink)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"peak_python_heap_mib": round(peak / 2**20, 2), "output_bytes": sink.size}


@pytest.mark.parametrize(
    ("fmt", "options"),
    [("html", {}), ("html", {"highlight_edits": "true"}), ("epub", {"modified": "2024-01-01T00:00:00Z"})],
    ids=["html", "html-highlight", "epub"],
)
def test_bench_export(
    benchmark: Any, corpus: list[Document], tmp_path: Path, fmt: str, options: dict[str, str]
) -> None:
    def run() -> int:
        sink = CountingSink()
        create(fmt, **options).write(iter(corpus), sink)
        return sink.size

    size = benchmark.pedantic(run, rounds=1, iterations=1)  # one round: a shared, loaded machine
    assert size > 0
    info = {"documents": len(corpus), **_ours(fmt, options, corpus)}
    if shutil.which("pandoc") and not options.get("highlight_edits"):  # pandoc has no such view
        info.update(_pandoc(corpus, fmt, tmp_path))
        if benchmark.stats is not None and benchmark.stats.stats.mean:
            info["pandoc_over_corpuskit"] = round(info["pandoc_seconds"] / benchmark.stats.stats.mean, 2)
    benchmark.extra_info.update(info)
    print(f"\n{fmt} {options}: {info}")
