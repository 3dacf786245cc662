"""read(jobs=N): the same documents, in the same order, with flat memory."""

from __future__ import annotations

import gzip
import os
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


def test_warm_up_runs_once_per_worker(inputs: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "warm.log"

    def record(options: Options) -> None:
        with open(log, "a") as fh:
            fh.write(f"{os.getpid()}\n")

    monkeypatch.setattr(parallel, "_warm_up", record)  # the fork start method carries it over
    count = sum(1 for _ in corpuskit.read(*inputs, jobs=2, on_error=lambda e: None))
    pids = log.read_text().split()
    assert count > 2 * parallel.BATCH_RECORDS // 64  # many batches went to the workers
    assert len(pids) == len(set(pids)) <= 2


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
