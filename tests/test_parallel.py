"""read(jobs=N): the same documents, in the same order, with flat memory."""

from __future__ import annotations

import ast
import gzip
import multiprocessing
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from corpusgen import boundary_corpus, write_corpus

import corpuskit
from corpuskit import parallel
from corpuskit.errors import CorpuskitError
from corpuskit.options import Options
from corpuskit.reader import plan


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    edges = tmp_path / "edges.txt"
    edges.write_bytes(boundary_corpus(parallel.BATCH_BYTES // 64, blocks=40))
    big = tmp_path / "big.txt"
    write_corpus(big, 3 * parallel.BATCH_BYTES, mean_doc=3000)
    gz = tmp_path / "big.txt.gz"
    gz.write_bytes(gzip.compress(big.read_bytes()[: parallel.BATCH_BYTES]))
    return [str(edges), str(tmp_path / "missing.txt"), str(big), str(gz)]


def _events(inputs: list[str], jobs: int) -> list[object]:
    events: list[object] = []
    for doc in corpuskit.read(*inputs, jobs=jobs, on_error=lambda e: events.append(str(e))):
        events.append(doc)
    return events


def test_two_jobs_give_the_documents_of_one_in_order(inputs: list[str]) -> None:
    one = _events(inputs, 1)
    two = _events(inputs, 2)
    assert len(one) > 100
    assert two == one  # documents and the error, each in its place


def test_all_cores(inputs: list[str]) -> None:
    assert [d.id for d in corpuskit.read(inputs[0], jobs=0)] == [d.id for d in corpuskit.read(inputs[0])]
    assert parallel.resolve_jobs(0) >= 1


def _warm_up_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    log = tmp_path / "warm.log"

    def record(options: Options) -> None:
        with open(log, "a") as fh:
            fh.write(f"{os.getpid()}\n")

    monkeypatch.setattr(parallel, "_warm_up", record)  # the fork start method carries it over
    return log


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the fork start method only")
def test_forked_workers_start_warm_from_the_parent(
    inputs: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Forked workers inherit the parent's loaded word lists and model: the warm-up runs
    once, in the parent, not once per worker."""
    log = _warm_up_log(tmp_path, monkeypatch)
    count = sum(1 for _ in corpuskit.read(*inputs, jobs=2, on_error=lambda e: None))
    assert count > 2 * parallel.BATCH_RECORDS // 64  # many batches went to the workers
    assert log.read_text().split() == [str(os.getpid())]


def test_spawned_workers_warm_themselves_and_give_the_same_documents(
    inputs: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With spawn (macOS, Windows) nothing is inherited: the parent loads nothing for
    the workers, each worker warms itself, and the documents are those of one job."""
    small = [inputs[0]]
    one = _events(small, 1)
    log = _warm_up_log(tmp_path, monkeypatch)
    monkeypatch.setattr(parallel, "_start_context", lambda: multiprocessing.get_context("spawn"))
    assert _events(small, 2) == one
    assert not log.exists()  # the parent did not warm up for workers that cannot inherit it


def test_the_warm_up_loads_what_an_english_article_needs() -> None:
    """After the warm-up, building real English articles reads no word list or model
    again (in a fresh interpreter: this one may have loaded them already). A warm-up text
    the language model does not call English leaves the typo rules' lists unloaded."""
    script = textwrap.dedent('''
        import functools, importlib, pkgutil, sys
        import corpuskit
        from corpuskit import parallel
        from corpuskit.options import Options
        from corpuskit.reader import plan
        from corpuskit.builder import build
        names = [m.name for m in pkgutil.walk_packages(corpuskit.__path__, "corpuskit.")
                 if not any(s in m.name for s in ("dask", "testing", "__main__"))]
        modules = [importlib.import_module(n) for n in names]
        def loaded():  # the one-time tables: functools.cache, unbounded
            return {f"{m.__name__}.{k}" for m in modules for k, f in vars(m).items()
                    if getattr(f, "__module__", None) == m.__name__ and hasattr(f, "cache_info")
                    and f.cache_info().maxsize is None and f.cache_info().currsize}
        options = Options()
        parallel._warm_up(options)
        warm = loaded()
        for item in plan([sys.argv[1]], options):
            build(item, options)
        print(sorted(warm), sorted(loaded() - warm))
    ''')
    sample = Path(__file__).resolve().parents[1] / "examples" / "data" / "sample_corpus.txt"
    out = subprocess.run([sys.executable, "-c", script, str(sample)], capture_output=True, text=True, check=True)
    warm, new = (ast.literal_eval(part + "]") for part in out.stdout.strip()[:-1].split("] "))
    assert "corpuskit.wordlists.english" in warm and "corpuskit.language._model" in warm
    assert new == []


def test_memory_is_bounded_by_the_window(inputs: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent plans only a few batches ahead of what the consumer has taken."""
    monkeypatch.setattr(parallel, "BATCH_BYTES", 1 << 14)
    pulled = 0

    def counted() -> object:
        nonlocal pulled
        for item in plan([inputs[2]], Options()):
            pulled += 1
            yield item

    opts = Options(jobs=2)
    docs = parallel.build_documents(counted(), opts, lambda e: None)
    next(docs)
    ahead = pulled
    window = 2 * parallel.WINDOW_PER_JOB
    per_batch = parallel.BATCH_BYTES // 2000 + 1  # documents of >= ~2 kB
    assert ahead <= (window + 1) * per_batch
    total = sum(1 for _ in docs) + 1
    assert total == pulled > 4 * ahead


def test_errors_keep_their_place_with_one_job(inputs: list[str]) -> None:
    events = _events(inputs, 1)
    error_at = next(i for i, e in enumerate(events) if isinstance(e, str))
    assert "missing.txt" in str(events[error_at])
    assert all(d.source.path == inputs[0] for d in events[:error_at])  # type: ignore[union-attr]
    assert not isinstance(events[error_at + 1], (str, CorpuskitError))


# -- encoded records: workers encode, the parent writes bytes ---------------------------


@pytest.fixture
def mixed_inputs(tmp_path: Path) -> list[str]:
    """UTF-8, cp1252 and mojibake documents, a duplicate name, a CRLF record, a preamble,
    a lone surrogate in a file name, and a missing input: what the output must carry over."""
    corpus = tmp_path / "mixed.txt"
    text = "Café owners in Zürich said the “new” rules — announced on Monday — would cost £3m.\n\n"
    records = [
        b"a preamble line\n",
        b"=== 001_aaaa.txt ===\n" + text.encode("utf-8") * 3,
        b"=== 002_bbbb.txt ===\n" + text.encode("cp1252") * 3,
        b"=== 003_cccc.txt ===\n" + text.encode("utf-8").decode("cp1252", "replace").encode("utf-8") * 3,
        b"=== 001_aaaa.txt ===\r\nThe same name again, with a CRLF delimiter line.\r\n",
        b"=== 004_dddd.txt ===\nAn article with a tpyo in teh text.\n",
    ]
    corpus.write_bytes(b"".join(records) * 4)
    odd = tmp_path / "n\udcff.txt".encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape")
    odd.write_bytes(b"A per-document file whose name is not UTF-8.\n")
    edges = tmp_path / "edges.txt"
    edges.write_bytes(boundary_corpus(2048, blocks=8))
    return [str(corpus), str(tmp_path / "missing.txt"), str(odd), str(edges)]


RECORD_FORMATS = [("jsonl", {}), ("jsonl", {"ensure_ascii": "true"}), ("json", {"indent": "2"}),
                  ("csv", {"bom": "true"}), ("parquet", {})]


@pytest.mark.parametrize(("fmt", "options"), RECORD_FORMATS)
def test_export_with_two_jobs_writes_the_bytes_of_one_job_and_of_write(
    fmt: str, options: dict[str, str], mixed_inputs: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    from corpuskit import exporters
    from corpuskit.cli import main

    monkeypatch.setattr(parallel, "BATCH_RECORDS", 3)  # many batches, spread over both workers
    flags = [x for k, v in options.items() for x in ("--option", f"{k}={v}")]
    written = []
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}.{fmt}"
        assert main(["export", *mixed_inputs, "-f", fmt, "-o", str(out), "--jobs", str(jobs), "-q", *flags]) == 1
        written.append(out.read_bytes())
    direct = tmp_path / f"direct.{fmt}"  # the Document path: read() into the exporter's write()
    exporters.export(corpuskit.read(*mixed_inputs, on_error=lambda e: None), fmt, direct, **options)
    assert written[0] == written[1] == direct.read_bytes()
    assert len(written[0]) > 10_000


def test_a_record_exporter_gets_no_documents_in_the_parent(
    mixed_inputs: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import corpuskit.reader
    from corpuskit.cli import main

    def no_documents(*args: object, **kwargs: object) -> None:
        raise AssertionError("the parent built or received Document objects")

    monkeypatch.setattr(corpuskit.reader, "read", no_documents)
    received: list[object] = []
    original = parallel.encode_documents

    def spy(*args: object, **kwargs: object) -> object:
        for record in original(*args, **kwargs):  # type: ignore[arg-type]
            received.append(record)
            yield record

    monkeypatch.setattr(corpuskit.reader, "encode_documents", spy)
    out = tmp_path / "out.jsonl"
    assert main(["export", *mixed_inputs, "-f", "jsonl", "-o", str(out), "--jobs", "2", "-q"]) == 1
    assert received and all(isinstance(r, parallel.Encoded) and isinstance(r.data, bytes) for r in received)
    assert b"".join(r.data for r in received) == out.read_bytes()  # type: ignore[union-attr]


def test_strict_and_the_summary_are_the_same_on_both_paths(
    mixed_inputs: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--strict reports every warning, and the summary counts them, whether the parent gets
    Documents (a plain exporter) or encoded records (a RecordExporter)."""
    from corpuskit import exporters
    from corpuskit.cli import main

    class PlainIds:
        name = "plain-ids"
        suffix = ".txt"
        media_type = "text/plain"
        description = "ids, one a line (no encoded-records fast path)"
        layout = "file"
        Options = exporters.NoOptions

        def __init__(self, options: object) -> None:
            pass

        def write(self, documents: object, destination: object) -> None:
            for doc in documents:  # type: ignore[attr-defined]
                destination.write(doc.id.encode("utf-8", "backslashreplace") + b"\n")  # type: ignore[attr-defined]

    exporters.register(PlainIds)  # type: ignore[arg-type]
    try:
        reports = []
        for fmt in ("plain-ids", "jsonl"):
            code = main(["export", *mixed_inputs, "-f", fmt, "-o", str(tmp_path / f"out.{fmt}"), "--strict",
                         "--jobs", "2", "--no-progress"])
            err = capsys.readouterr().err.splitlines()
            reports.append((code, err[:-1], err[-1].rsplit(" in ", 1)[0]))  # the time differs
    finally:
        exporters.unregister("plain-ids")
    assert reports[0] == reports[1]
    code, errors, summary = reports[0]
    assert code == 1 and len(errors) > 5 and "record.duplicate_name" in "\n".join(errors)
    assert summary.startswith("corpuskit: exported ")
