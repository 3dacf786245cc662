"""``inspect --html``: the figures, bounded memory, hostile text, and a real browser's render."""

from __future__ import annotations

import html
import subprocess
import sys
import tracemalloc
from pathlib import Path

import attrs
import pytest

import corpuskit
from browser import needs_chromium, screenshot
from corpuskit import DocumentWarning, Edit
from corpuskit.htmlreport import StatsBuilder, render_report, write_report
from corpuskit.htmlreport.stats import EXAMPLES_PER_RULE, MAX_INPUT_ROWS, OFFSETS_PER_WARNING, OTHER_INPUTS
from corpuskit.testing import hostile_documents, iter_sample_documents, sample_documents

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "data" / "sample_corpus.txt"


def stats_of(docs: object) -> StatsBuilder:
    b = StatsBuilder()
    for _ in b.tap(docs):  # type: ignore[arg-type]
        pass
    return b


def test_figures_of_the_sample_corpus() -> None:
    docs = list(corpuskit.read(SAMPLE))
    s = stats_of(docs).stats()
    assert s.documents == 5 and s.bytes == sum(d.source.length for d in docs)
    assert [(r.path, r.documents, r.dialects) for r in s.inputs] == [(str(SAMPLE), 5, (("banner", 5),))]
    assert sum(n for _, n, _ in s.edits) == sum(len(d.edits) for d in docs)
    assert dict((r, n) for r, n, _ in s.edits) == dict(corpuskit.edit_counts([e for d in docs for e in d.edits]))
    assert dict(s.header)["title"] == sum(d.title is not None for d in docs)
    assert sum(n for _, n in s.lengths) == 5
    assert s.trailer_chars == sum(len(b.text) for d in docs for b in d.trailer)
    assert s.body_chars == sum(len(b.text) for d in docs for b in d.blocks_of("body"))


def test_samples_stay_bounded_however_many_documents() -> None:
    docs = []
    for i, d in enumerate(iter_sample_documents(400)):
        w = DocumentWarning("date.ambiguous", "02/03", offset=i)
        docs.append(attrs.evolve(d, source=attrs.evolve(d.source, path=f"file{i}.txt"), warnings=(w,)))
    s = stats_of(docs).stats()
    assert len(s.inputs) == MAX_INPUT_ROWS + 1 and s.inputs[-1].path == OTHER_INPUTS
    assert sum(r.documents for r in s.inputs) == 400
    assert all(len(v) <= EXAMPLES_PER_RULE for v in s.examples.values())
    assert len(s.warning_offsets["date.ambiguous"]) == OFFSETS_PER_WARNING
    assert dict(s.warnings) == {"date.ambiguous": 400}


def _traced_peak(n: int) -> int:
    b = StatsBuilder()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    for doc in iter_sample_documents(n, paragraph_words=20, paragraphs=2):
        b.add(doc)
    return tracemalloc.get_traced_memory()[1] - base


def test_memory_does_not_grow_with_the_corpus() -> None:
    tracemalloc.start()
    try:
        small, big = _traced_peak(300), _traced_peak(3_000)
    finally:
        tracemalloc.stop()
    assert big - small < 64 * 1024  # ten times the documents, the same few counters


def test_hostile_text_is_only_text_and_nothing_is_fetched() -> None:
    docs = hostile_documents()
    evil = Edit("typo.known", 0, 8, "<script>", "</style>")
    docs.append(attrs.evolve(sample_documents(1)[0], edits=(evil,), raw_text="<script>" + "x" * 500,
                             warnings=(DocumentWarning("x.<b>", "<img src=x onerror=alert(1)>", 3),)))
    page = render_report(stats_of(docs).stats(), title="<script>alert(1)</script>")
    low = page.lower()
    assert "<script" not in low and "<img" not in low and "<b>" not in low
    assert "&lt;script&gt;" in page
    csp = html.unescape(page.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0])
    assert csp.startswith("default-src 'none'; style-src 'sha256-") and "img-src 'none'" in csp
    assert " src=" not in low and "href=" not in low and "url(" not in low


def test_cli_writes_the_page_with_clusters(tmp_path: Path) -> None:
    pytest.importorskip("rensa")
    page = tmp_path / "report.html"
    done = subprocess.run([sys.executable, "-m", "corpuskit", "inspect", str(SAMPLE), str(SAMPLE),
                           "--duplicates", "--html", str(page)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    text = page.read_text(encoding="utf-8")
    assert "Duplicate clusters" in text and "5 clusters, 5 copies (5 exact)" in text
    assert "Edits by rule" in text and "unicode.nbsp" in text


@pytest.mark.chromium
@needs_chromium
@pytest.mark.parametrize("corpus", ["sample", "10k"])
def test_chromium_renders_the_report(tmp_path: Path, corpus: str) -> None:
    docs = corpuskit.read(SAMPLE) if corpus == "sample" else iter_sample_documents(10_000, paragraph_words=30)
    page = tmp_path / f"report-{corpus}.html"
    write_report(page, stats_of(docs).stats(), title=f"Report: {corpus}")
    console = screenshot(page, tmp_path / f"report-{corpus}.png", tmp_path, (1200, 2200))
    assert console == []  # no Content-Security-Policy violation (the inline stylesheet's hash holds)
