"""corpuskit.dask on a real LocalCluster: the documents of read(), in order, none lost or doubled."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from corpusgen import boundary_corpus, write_corpus

import corpuskit
from corpuskit.model import Document

pytest.importorskip("dask.bag", reason="corpuskit[dask] is not installed (CI installs it)")
distributed = pytest.importorskip("distributed", reason="corpuskit[dask] is not installed (CI installs it)")

from corpuskit.dask import read_corpus, to_files  # noqa: E402 - needs dask

BLOCK = 4096


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dask")
    (root / "a_edges.txt").write_bytes(boundary_corpus(BLOCK, blocks=24))
    write_corpus(root / "b_plain.txt", 6 * BLOCK, mean_doc=1500, start=500)
    (root / "c_packed.txt.gz").write_bytes(gzip.compress((root / "b_plain.txt").read_bytes()))
    return root


def test_bag_gives_the_documents_of_read_in_order(client: object, corpus_dir: Path) -> None:
    bag = read_corpus(str(corpus_dir / "*"), blocksize=BLOCK)
    assert bag.npartitions > 12  # the edges file was cut, the gzip file was not
    got = bag.compute()
    expected = list(corpuskit.read(*sorted(str(p) for p in corpus_dir.iterdir())))
    assert [d.id for d in got] == [d.id for d in expected]
    assert got == expected
    assert got == list(corpuskit.read(str(corpus_dir), jobs=2))


def test_export_from_the_workers_one_file_per_partition(client: object, corpus_dir: Path, tmp_path: Path) -> None:
    bag = read_corpus(str(corpus_dir / "a_edges.txt"), blocksize=BLOCK)
    paths = to_files(bag, "jsonl", str(tmp_path / "out"))
    assert len(paths) == bag.npartitions
    assert paths == sorted(paths)
    lines = [line for p in paths for line in Path(p).read_text(encoding="utf-8").splitlines()]
    docs = [Document.from_dict(json.loads(line)) for line in lines]
    assert docs == list(corpuskit.read(str(corpus_dir / "a_edges.txt")))


def test_reader_options_reach_the_workers(client: object, corpus_dir: Path) -> None:
    docs = read_corpus(str(corpus_dir / "b_plain.txt"), blocksize=BLOCK, disable=["structure"]).compute()
    assert docs == list(corpuskit.read(str(corpus_dir / "b_plain.txt"), disable=["structure"]))
    with pytest.raises(corpuskit.errors.OptionError):
        read_corpus(str(corpus_dir / "b_plain.txt"), no_such_option=1)


def test_files_of_a_directory_are_read_as_read_reads_them(client: object, newsgroups_tree: Path) -> None:
    # not a message, and two agreeing delimiters after a preamble: a corpus on its own, a post in a folder
    (newsgroups_tree / "misc.test" / "1").parent.mkdir()
    (newsgroups_tree / "misc.test" / "1").write_bytes(b"Two files:\n=== a.c ===\nint a;\n=== b.c ===\nint b;\n")
    got = read_corpus(str(newsgroups_tree), blocksize=BLOCK).compute()
    assert [d.id for d in got] == [d.id for d in corpuskit.read(newsgroups_tree)]
    assert len(got) == sum(1 for p in newsgroups_tree.rglob("*") if p.is_file())


def test_a_partition_is_built_as_it_is_iterated_and_pickles_as_its_documents(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """to_files streams a partition from the builder to the exporter (one batch of documents
    in memory at a time, as a --jobs worker); sent elsewhere, the partition is its list of
    documents."""
    import pickle

    import corpuskit.dask as cdask
    from corpuskit import parallel
    from corpuskit.options import Options

    opts = Options()
    fs, ranges = cdask.plan_ranges(str(corpus_dir / "b_plain.txt"), opts, blocksize=1 << 20)
    built = 0
    real_build_many = cdask.build_many

    def counting(items: list[Any], options: Options) -> list[Document]:
        nonlocal built
        built += len(items)
        return real_build_many(items, options)

    monkeypatch.setattr(cdask, "build_many", counting)
    monkeypatch.setattr(parallel, "BATCH_RECORDS", 2)
    part = cdask._read_partition(ranges, fs, opts, "raise")
    assert built == 0
    first = next(iter(part))
    assert built == 2  # the first batch, not the partition
    docs = list(part)
    assert len(docs) > 5 and docs[0] == first  # iterable again: every consumer gets all of them
    assert pickle.loads(pickle.dumps(part)) == docs
