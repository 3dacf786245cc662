"""The conformance checks: one function per promise, ``check_exporter`` runs them all."""

from __future__ import annotations

import io
import mimetypes
import os
import pickle
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO, cast

import attrs

from corpuskit.errors import OptionError, PluginError
from corpuskit.exporters import Exporter, RecordExporter, parse_options, validate_exporter, write_to
from corpuskit.model import Document
from corpuskit.testing.documents import hostile_documents, iter_sample_documents, sample_documents
from corpuskit.testing.harness import CountingSink, OneShot, Output, run_exporter

__all__ = ["ConformanceError", "check_exporter"]


class ConformanceError(AssertionError):
    """One or more broken promises; ``failures`` holds one line per check that failed."""

    def __init__(self, exporter: str, failures: Sequence[str]) -> None:
        self.failures = list(failures)
        lines = "\n".join(f"  - {f}" for f in self.failures)
        super().__init__(f"exporter {exporter} breaks the contract:\n{lines}")


_TEXT_SUFFIXES = {".html", ".xhtml", ".htm", ".xml", ".opf", ".ncx", ".css", ".txt", ".md", ".json",
                  ".jsonl", ".csv", ".tsv", ".svg"}


def _is_text_type(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base.startswith("text/") or base.endswith(("json", "jsonl", "xml", "yaml", "ndjson"))


def _is_markup_type(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return "html" in base or base.endswith("xml") or base == "text/markdown"


def _members(output: Output, media_type: str) -> Iterator[tuple[str, str, bytes]]:
    """(label, media type, bytes) of each text part of an output, zip members included."""
    if isinstance(output, dict):
        for rel, data in output.items():
            guessed = mimetypes.guess_type(rel)[0] or ""
            if Path(rel).suffix.lower() in _TEXT_SUFFIXES:
                yield rel, guessed or "text/plain", data
        return
    if output[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(output)) as zf:
            for info in zf.infolist():
                if Path(info.filename).suffix.lower() in _TEXT_SUFFIXES:
                    guessed = mimetypes.guess_type(info.filename)[0] or "text/plain"
                    if info.filename.endswith((".xhtml", ".opf", ".ncx")):
                        guessed = "application/xhtml+xml"
                    yield info.filename, guessed, zf.read(info)
        return
    if _is_text_type(media_type):
        yield "the output", media_type, output


def _text_problems(output: Output, media_type: str) -> list[str]:
    problems = []
    for label, kind, data in _members(output, media_type):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(f"{label} is not valid UTF-8 ({exc.reason} at byte {exc.start})")
            continue
        if _is_markup_type(kind) and "<script" in text.lower():
            problems.append(f"{label} contains a live '<script' taken from document text (escape it)")
    return problems


def _check_interface(cls: type[Exporter]) -> list[str]:
    try:
        validate_exporter(cls, repr(getattr(cls, "name", cls)))
    except PluginError as exc:
        return [str(exc)]
    problems = []
    if not cls.description.strip():
        problems.append("description is empty (corpuskit formats shows it)")
    if not cls.media_type or "/" not in cls.media_type:
        problems.append(f"media_type {cls.media_type!r} is not a media type such as 'text/csv'")
    if cls.suffix and not cls.suffix.startswith("."):
        problems.append(f"suffix {cls.suffix!r} should start with '.'")
    return problems


def _check_options(cls: type[Exporter]) -> list[str]:
    problems = []
    defaults = cls.Options()
    fields = attrs.fields(cls.Options)
    if fields:
        try:
            setattr(defaults, fields[0].name, getattr(defaults, fields[0].name))
            problems.append("Options is not frozen (use @attrs.frozen): options must not change mid-export")
        except attrs.exceptions.FrozenInstanceError:
            pass
    for field in fields:
        if field.default is attrs.NOTHING:
            problems.append(f"option {field.name} has no default")
        if not str(field.metadata.get("help", "")).strip():
            problems.append(f"option {field.name} has no metadata={{'help': ...}} text")
    bogus = "no_such_option_xyz"
    try:
        parse_options(cls, {bogus: "1"})
        problems.append(f"an unknown option {bogus!r} was accepted")
    except OptionError as exc:
        missing = [f.name for f in fields if f.name not in str(exc)]
        if missing:
            problems.append(f"the unknown-option error does not list the valid keys {missing}: {exc}")
    for field in fields:
        if isinstance(field.default, bool):
            try:
                parse_options(cls, {field.name: "maybe"})
                problems.append(f"option {field.name} accepted 'maybe' as a boolean")
            except OptionError:
                pass
            for text, value in (("true", True), ("no", False)):
                try:
                    got = getattr(parse_options(cls, {field.name: text}), field.name)
                except OptionError as exc:
                    problems.append(f"option {field.name}={text} was refused: {exc}")
                    continue
                if got is not value:
                    problems.append(f"option {field.name}={text} gave {got!r}")
    return problems


def _peak_memory(cls: type[Exporter], options: Any, count: int, workdir: Path) -> tuple[int, int]:
    """Peak traced memory while exporting ``count`` generated documents, and their text size."""
    chars = 0

    def documents() -> Iterator[Document]:
        nonlocal chars
        for doc in iter_sample_documents(count, paragraph_words=2000, paragraphs=8):  # ~100 KB each
            chars += len(doc.raw_text)
            yield doc

    exporter = cls(options)
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    if exporter.layout == "file":
        exporter.write(OneShot(documents()), cast(BinaryIO, CountingSink()))
    else:
        target = workdir / f"memory{count}"
        target.mkdir(parents=True)
        exporter.write(OneShot(documents()), target)
    return tracemalloc.get_traced_memory()[1] - base, chars


def _check_streaming(cls: type[Exporter], options: Any, workdir: Path) -> list[str]:
    """Read once; and memory must not grow with the corpus (measured, not guessed).

    Peak memory is compared between a small and a four-times larger corpus of ~100 KB
    documents: holding the documents (or their text) costs at least the extra text,
    streaming costs nothing more. Spooling to a temporary file is fine: only memory
    counts.
    """
    try:
        run_exporter(cls(options), sample_documents(3), workdir)
    except AssertionError as exc:
        return [str(exc)]
    started = not tracemalloc.is_tracing()
    if started:
        tracemalloc.start()
    try:
        small_peak, small_chars = _peak_memory(cls, options, 4, workdir)
        big_peak, big_chars = _peak_memory(cls, options, 16, workdir)
    finally:
        if started:
            tracemalloc.stop()
    growth, extra = big_peak - small_peak, big_chars - small_chars
    if growth > extra // 4:
        return [
            f"memory grows with the corpus: peak {small_peak / 1e6:.1f} MB for {small_chars / 1e6:.1f} M characters, "
            f"{big_peak / 1e6:.1f} MB for {big_chars / 1e6:.1f} M; write each document as it arrives "
            "(spool to a temporary file if something must come first)"
        ]
    return []


def _check_empty(cls: type[Exporter], options: Any, workdir: Path) -> list[str]:
    output = run_exporter(cls(options), [], workdir)
    return [f"empty corpus: {p}" for p in _text_problems(output, cls.media_type)]


def _check_determinism(cls: type[Exporter], options: Any, workdir: Path) -> list[str]:
    docs = sample_documents(6) + hostile_documents()[:3]
    first = run_exporter(cls(options), docs, workdir)
    second = run_exporter(cls(options), docs, workdir)
    if first == second:
        return []
    if isinstance(first, dict) and isinstance(second, dict) and first.keys() != second.keys():
        return [f"two runs wrote different files: {sorted(first.keys() ^ second.keys())[:5]}"]
    return ["two runs on the same documents wrote different bytes (timestamps? set or dict order? ids?)"]


def _check_hostile(cls: type[Exporter], options: Any, workdir: Path) -> list[str]:
    output = run_exporter(cls(options), hostile_documents(), workdir)
    problems = [f"hostile text: {p}" for p in _text_problems(output, cls.media_type)]
    if not output:
        problems.append("hostile text: nothing was written for 10 documents")
    return problems


class _Crash(Exception):
    pass


def _check_atomic(cls: type[Exporter], options: Any, workdir: Path) -> list[str]:
    problems = []
    folder = workdir / "atomic"
    folder.mkdir(parents=True, exist_ok=True)
    layout = cls(options).layout  # an option may switch it (html's layout=per-document)
    target = folder / ("out" + cls.suffix if layout == "file" else "out")

    def crashing() -> Iterator[Document]:
        yield from sample_documents(3)
        raise _Crash("the reader failed half-way")

    try:
        write_to(cls(options), crashing(), target)
        problems.append("a failure while reading the documents was swallowed")
    except _Crash:
        pass
    left = sorted(p.name for p in folder.iterdir())
    if left:
        problems.append(f"a failed export left {left} behind")
    docs = sample_documents(3)
    write_to(cls(options), docs, target)
    if not target.exists():
        problems.append(f"a successful export did not create {target.name}")
    elif layout == "file":
        streamed = run_exporter(cls(options), docs, workdir)
        if target.read_bytes() != streamed:
            problems.append("writing to a path and writing to a stream gave different bytes")
    left = sorted(p.name for p in folder.iterdir() if p != target)
    if left:
        problems.append(f"a successful export left temporaries {left} behind")
    return problems


def _written(exporter: Exporter, write: Callable[[Any], None], workdir: Path, tag: str) -> bytes | dict[str, bytes]:
    if exporter.layout == "file":
        buffer = io.BytesIO()
        write(buffer)
        return buffer.getvalue()
    target = workdir / tag
    target.mkdir(parents=True)
    write(target)
    return {p.relative_to(target).as_posix(): p.read_bytes() for p in sorted(target.rglob("*")) if p.is_file()}


def _check_records(cls: type[Exporter], options: Any, workdir: Path) -> list[str]:
    """A RecordExporter (``encode`` + ``write_records``) writes the same bytes either way,
    and survives the trip to a worker process (pickling)."""
    exporter = cls(options)
    if not isinstance(cast(object, exporter), RecordExporter):
        return []  # the optional fast path is not offered: nothing to check
    recorder = cast(RecordExporter, exporter)
    problems = []
    corpora: tuple[tuple[str, list[Document]], ...] = (
        ("sample", sample_documents(4) + hostile_documents()), ("empty", []))
    for label, docs in corpora:
        encoded = [recorder.encode(d) for d in docs]
        if not all(isinstance(e, bytes) for e in encoded):
            problems.append("encode() must return bytes")
            return problems

        def direct(dest: Any, docs: list[Document] = docs) -> None:
            exporter.write(OneShot(docs), dest)

        def records(dest: Any, encoded: list[bytes] = encoded) -> None:
            recorder.write_records(iter(encoded), dest)

        if _written(exporter, records, workdir, f"{label}-records") != _written(exporter, direct, workdir,
                                                                                 f"{label}-write"):
            problems.append(f"{label} corpus: write_records(map(encode, docs)) differs from write(docs)")
    try:
        copy = pickle.loads(pickle.dumps(exporter))
    except Exception as exc:  # any failure means it cannot go to a worker
        return [*problems, f"the exporter cannot be pickled to a worker process: {exc!r}"]
    doc = sample_documents(1)[0]
    if copy.encode(doc) != recorder.encode(doc):
        problems.append("a pickled copy of the exporter encodes differently")
    return problems


_CHECKS: dict[str, Callable[[type[Exporter], Any, Path], list[str]]] = {
    "streaming": _check_streaming,
    "empty corpus": _check_empty,
    "determinism": _check_determinism,
    "hostile text": _check_hostile,
    "atomic writes": _check_atomic,
    "encoded records": _check_records,
}


def check_exporter(
    cls: type[Exporter],
    *,
    options: Mapping[str, Any] | None = None,
    workdir: str | os.PathLike[str] | None = None,
) -> list[str]:
    """Check ``cls`` against the exporter contract; return the names of the checks run.

    ``options`` (``KEY=VALUE`` strings or typed values) configure the runs, to check a
    non-default configuration too. ``workdir`` is where outputs are written (a
    temporary directory, removed afterwards, when not given). Raises
    :class:`ConformanceError` listing every failure.
    """
    import tempfile

    label = repr(getattr(cls, "name", cls))
    failures = _check_interface(cls)
    if failures:  # the rest cannot run on a class the registry would refuse
        raise ConformanceError(label, failures)
    failures += _check_options(cls)
    try:
        opts = parse_options(cls, options or {})
    except OptionError as exc:
        raise ConformanceError(label, [*failures, f"options {dict(options or {})} refused: {exc}"]) from None
    try:
        instance = cls(opts)
    except Exception as exc:  # report, do not crash the kit
        raise ConformanceError(label, [*failures, f"{cls.__name__}(options) raised {exc!r}"]) from None
    if not isinstance(cast(object, instance), Exporter):
        failures.append("an instance does not satisfy the corpuskit.Exporter protocol")
    with tempfile.TemporaryDirectory(prefix="corpuskit-check-") as tmp:
        base = Path(workdir) if workdir is not None else Path(tmp)
        for i, (title, check) in enumerate(_CHECKS.items()):
            try:
                failures += check(cls, opts, base / f"check{i}")
            except Exception as exc:  # one failing check must not hide the others
                failures.append(f"{title}: raised {exc!r}")
    if failures:
        raise ConformanceError(label, failures)
    return ["interface", "options", *_CHECKS]
