"""The conformance kit: it passes exporters that keep the contract and names each broken promise."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import shutil
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import attrs
import jsonschema
import pytest

import corpuskit
from corpuskit import Document, apply_edits, exporters
from corpuskit.testing import (
    ConformanceError,
    OneShot,
    check_exporter,
    hostile_documents,
    sample_documents,
)
from corpuskit.testing.documents import HUGE_LINE_CHARS

ALL_CHECKS = ["interface", "options", "streaming", "empty corpus", "determinism", "hostile text", "atomic writes",
              "encoded records"]


@pytest.mark.parametrize(
    ("fmt", "options"),
    [
        ("json", {}),
        ("json", {"indent": "4", "ensure_ascii": "true"}),
        ("jsonl", {}),
        ("csv", {}),
        ("csv", {"bom": "true", "escape_formulas": "false", "delimiter": "\t"}),
    ],
)
def test_the_builtins_pass(fmt: str, options: dict[str, str]) -> None:
    assert check_exporter(exporters.get(fmt), options=options) == ALL_CHECKS


# -- the kit's documents -----------------------------------------------------------------


def test_kit_documents_are_valid_documents() -> None:
    schema = corpuskit.load_schema()
    for doc in [*sample_documents(6), *hostile_documents()]:
        jsonschema.validate(json.loads(json.dumps(doc.to_dict())), schema)
        assert apply_edits(doc.raw_text, doc.edits) == doc.cleaned_text
        for b in doc.blocks:
            assert doc.cleaned_text[b.start : b.end] == b.text
        covered = "".join(doc.cleaned_text[b.start : b.end] for b in doc.blocks)
        assert "".join(covered.split()) == "".join(doc.cleaned_text.split())
        assert Document.from_dict(doc.to_dict()) == doc


def test_hostile_documents_hold_what_they_promise() -> None:
    docs = hostile_documents()
    everything = "".join(json.dumps(d.to_dict(), ensure_ascii=False) for d in docs)
    assert any(d.title and d.title.startswith("=HYPERLINK(") for d in docs)
    for hazard in ("<script>", "\u202e", "\x00", "\r\n", "\u2028", "\ufeff", "🦄", "]]>"):
        assert json.dumps(hazard, ensure_ascii=False)[1:-1] in everything, hazard
    assert any("\udce9" in d.name and "\udcff" in d.source.path for d in docs)
    assert any(len(b.text) == HUGE_LINE_CHARS for d in docs for b in d.blocks)
    assert any(not d.blocks for d in docs) and any(d.role == "preamble" for d in docs)


def test_sample_documents_have_edits_and_are_deterministic() -> None:
    docs = sample_documents(5)
    assert docs == sample_documents(5) and len({d.id for d in docs}) == 5
    assert all({e.rule for e in d.edits} == {"unicode.nbsp", "typo.known"} for d in docs)


def test_one_shot_refuses_a_second_pass() -> None:
    docs = OneShot(sample_documents(2))
    assert len(list(docs)) == 2
    with pytest.raises(AssertionError, match="iterated twice"):
        iter(docs)


# -- broken exporters, one per promise ---------------------------------------------------


@attrs.frozen
class _Opts:
    pretty: bool = attrs.field(default=False, metadata={"help": "indent"})


class Good:
    """A minimal exporter that keeps the contract; each Broken* below breaks one promise."""

    name: ClassVar[str] = "good"
    suffix: ClassVar[str] = ".jsonl"
    media_type: ClassVar[str] = "application/jsonl"
    description: ClassVar[str] = "ids and titles as JSON lines"
    layout: ClassVar[str] = "file"
    Options: ClassVar[type] = _Opts

    def __init__(self, options: Any) -> None:
        self.options = options

    def line(self, doc: Document) -> bytes:
        data = {"id": doc.id, "title": doc.title, "text": doc.text}
        return json.dumps(data, indent=2 if self.options.pretty else None).encode() + b"\n"

    def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
        assert not isinstance(destination, Path)
        for doc in documents:
            destination.write(self.line(doc))


def test_a_minimal_good_exporter_passes() -> None:
    assert check_exporter(Good) == ALL_CHECKS


def failures_of(cls: type, **kw: Any) -> list[str]:
    with pytest.raises(ConformanceError) as err:
        check_exporter(cls, **kw)
    assert isinstance(err.value, AssertionError)
    return err.value.failures


def test_reading_the_documents_twice_is_caught() -> None:
    class TwoPass(Good):
        def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
            count = sum(1 for _ in documents)
            assert not isinstance(destination, Path)
            destination.write(f"{count}\n".encode())
            super().write(documents, destination)

    assert any("iterated twice" in f for f in failures_of(TwoPass))


def test_collecting_the_corpus_in_memory_is_caught() -> None:
    class Collector(Good):
        def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
            docs = sorted(documents, key=lambda d: d.id)  # "just sort them first"
            super().write(docs, destination)

    failures = failures_of(Collector)
    assert len(failures) == 1 and failures[0].startswith("memory grows with the corpus")


def test_spooling_to_disk_is_streaming_enough(tmp_path: Path) -> None:
    class Spooler(Good):
        """Writes a count first, so it spools documents to a temporary file meanwhile."""

        def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
            import tempfile

            assert not isinstance(destination, Path)
            with tempfile.TemporaryFile() as spool:
                n = 0
                for doc in documents:
                    spool.write(self.line(doc))
                    n += 1
                destination.write(f"{n} documents\n".encode())
                spool.seek(0)
                shutil.copyfileobj(spool, destination)  # spool.read() would hold it all again

    assert check_exporter(Spooler, workdir=tmp_path) == ALL_CHECKS


def test_non_deterministic_output_is_caught() -> None:
    counter = itertools.count()

    class Stamped(Good):
        def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
            assert not isinstance(destination, Path)
            destination.write(f"exported {time.time_ns()} run {next(counter)}\n".encode())
            super().write(documents, destination)

    assert failures_of(Stamped) == [
        "two runs on the same documents wrote different bytes (timestamps? set or dict order? ids?)",
        "writing to a path and writing to a stream gave different bytes",
    ]


def test_crashing_on_hostile_text_is_caught() -> None:
    class StrictUtf8(Good):
        def line(self, doc: Document) -> bytes:
            return f"{doc.name}\t{doc.text}\n".encode()  # a lone surrogate cannot be encoded

    failures = failures_of(StrictUtf8)
    assert any(f.startswith("hostile text: raised UnicodeEncodeError") for f in failures)


def test_invalid_utf8_output_is_caught() -> None:
    class SurrogateEscape(Good):
        def line(self, doc: Document) -> bytes:
            return f"{doc.name}\n".encode("utf-8", "surrogateescape")

    assert any("is not valid UTF-8" in f for f in failures_of(SurrogateEscape))


def test_unescaped_markup_is_caught() -> None:
    class Naive(Good):
        media_type: ClassVar[str] = "text/html"
        suffix: ClassVar[str] = ".html"

        def line(self, doc: Document) -> bytes:
            return f"<p>{doc.text}</p>\n".encode("utf-8", "backslashreplace")

    assert failures_of(Naive) == [
        "hostile text: the output contains a live '<script' taken from document text (escape it)"
    ]


def test_closing_the_stream_is_caught() -> None:
    class Closer(Good):
        def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
            assert not isinstance(destination, Path)
            with io.TextIOWrapper(destination, encoding="utf-8", errors="backslashreplace") as text:  # type: ignore[type-var]
                for doc in documents:
                    text.write(doc.id + "\n")

    assert any("closed the stream" in f for f in failures_of(Closer))


def test_swallowing_a_reader_failure_is_caught() -> None:
    class Swallower(Good):
        def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
            with contextlib.suppress(Exception):
                super().write(documents, destination)

    assert failures_of(Swallower) == [
        "a failure while reading the documents was swallowed",
        "a failed export left ['out.jsonl'] behind",  # what swallowing means for users
    ]


def test_failing_on_an_empty_corpus_is_caught() -> None:
    class NeedsOne(Good):
        def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
            it = iter(documents)
            first = next(it)  # StopIteration on an empty corpus
            assert not isinstance(destination, Path)
            destination.write(self.line(first))
            super().write(it, destination)

    assert any(f.startswith("empty corpus: raised StopIteration") for f in failures_of(NeedsOne))


def test_bad_options_classes_are_caught() -> None:
    @attrs.define
    class Mutable:
        pretty: bool = attrs.field(default=False, metadata={"help": "indent"})
        quiet: bool = False

    class LooseOptions(Good):
        Options: ClassVar[type] = Mutable

    assert failures_of(LooseOptions) == [
        "Options is not frozen (use @attrs.frozen): options must not change mid-export",
        "option quiet has no metadata={'help': ...} text",
    ]


def test_a_wrong_interface_stops_at_the_first_check() -> None:
    class Nameless(Good):
        name: ClassVar[str] = "Has Spaces"
        layout: ClassVar[str] = "tarball"

    assert failures_of(Nameless) == [
        "exporter 'Has Spaces': name must be lowercase letters, digits, '.', '_' or '-'"
    ]


def test_options_given_to_the_kit_are_used_and_checked() -> None:
    class PrettyOnly(Good):
        def line(self, doc: Document) -> bytes:
            if not self.options.pretty:
                raise RuntimeError("only pretty output is implemented")
            return super().line(doc)

    assert check_exporter(PrettyOnly, options={"pretty": "yes"}) == ALL_CHECKS
    assert failures_of(PrettyOnly, options={"colour": "red"})[-1].startswith("options {'colour': 'red'} refused")


def test_directory_exporters_are_checked_too(tmp_path: Path) -> None:
    class PerDocument(Good):
        layout: ClassVar[str] = "directory"
        suffix: ClassVar[str] = ""

        def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
            assert isinstance(destination, Path)
            for i, doc in enumerate(documents):
                (destination / f"{i:05d}.json").write_bytes(self.line(doc))

    assert check_exporter(PerDocument) == ALL_CHECKS

    class CollectsThenWrites(PerDocument):
        def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
            super().write(list(documents), destination)

    assert failures_of(CollectsThenWrites)[0].startswith("memory grows with the corpus")


class GoodRecords(Good):
    """Good, offering the encoded-records fast path (corpuskit.exporters.RecordExporter)."""

    def encode(self, document: Document) -> bytes:
        return self.line(document)

    def write_records(self, records: Iterable[bytes], destination: BinaryIO | Path) -> None:
        assert not isinstance(destination, Path)
        for record in records:
            destination.write(record)


def test_a_record_exporter_is_checked_for_the_same_bytes_both_ways() -> None:
    assert isinstance(GoodRecords(_Opts()), exporters.RecordExporter)
    assert not isinstance(Good(_Opts()), exporters.RecordExporter)
    assert check_exporter(GoodRecords) == ALL_CHECKS


class Framed(GoodRecords):
    """Frames its records with a header that write() does not write."""

    def write_records(self, records: Iterable[bytes], destination: BinaryIO | Path) -> None:
        assert not isinstance(destination, Path)
        destination.write(b"# header\n")
        super().write_records(records, destination)


def test_records_framed_differently_from_write_are_caught() -> None:
    assert failures_of(Framed) == [
        "sample corpus: write_records(map(encode, docs)) differs from write(docs)",
        "empty corpus: write_records(map(encode, docs)) differs from write(docs)",
    ]


def test_a_record_exporter_that_cannot_go_to_a_worker_is_caught() -> None:
    class Unpicklable(GoodRecords):
        def __init__(self, options: Any) -> None:
            super().__init__(options)
            self.hook = lambda text: text  # a lambda does not pickle

    failures = failures_of(Unpicklable)
    assert len(failures) == 1 and failures[0].startswith("the exporter cannot be pickled to a worker process")
