"""What ``inspect --html`` shows, gathered in one pass with memory bounded by the limits here.

Every figure is a counter or a fixed-size sample: documents and bytes per input (the first
``MAX_INPUT_ROWS`` paths, the rest folded into one row), fixed length bins, a few edit
examples per rule and a few offsets per warning code. So the report costs the same memory
for ten documents as for ten million.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from corpuskit.model import Document

__all__ = ["LENGTH_BINS", "InputRow", "ReportStats", "StatsBuilder"]

#: Per-input rows kept; later paths are counted in one "other inputs" row.
MAX_INPUT_ROWS: Final = 200
#: Examples (before -> after) kept per cleaning rule, and offsets per warning code.
EXAMPLES_PER_RULE: Final = 3
OFFSETS_PER_WARNING: Final = 5
#: Upper bounds (exclusive) of the body-length bins, in characters; the last bin is open.
LENGTH_BINS: Final = (1, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000)
#: An example longer than this is cut (with an ellipsis) so one huge edit cannot fill the page.
EXAMPLE_MAX_CHARS: Final = 80
OTHER_INPUTS: Final = "(other inputs)"
HEADER_FIELDS: Final = ("title", "authors", "date", "dateline")


@attrs.frozen
class InputRow:
    path: str
    documents: int
    bytes: int
    dialects: tuple[tuple[str, int], ...]
    encodings: tuple[tuple[str, int], ...]


@attrs.frozen
class ReportStats:
    """A snapshot of everything the page shows (plain values, sorted, ready to render)."""

    documents: int
    bytes: int
    inputs: tuple[InputRow, ...]
    dialects: tuple[tuple[str, int], ...]
    encodings: tuple[tuple[str, int], ...]
    languages: tuple[tuple[str, int], ...]
    edits: tuple[tuple[str, int, int], ...]  # rule, edits, documents
    examples: dict[str, tuple[tuple[str, str], ...]]
    lengths: tuple[tuple[str, int], ...]  # bin label, documents
    header: tuple[tuple[str, int], ...]
    trailer: tuple[tuple[str, int, int], ...]  # kind, blocks, characters
    body_chars: int
    trailer_chars: int
    warnings: tuple[tuple[str, int], ...]
    warning_offsets: dict[str, tuple[tuple[str, int | None], ...]]


def _clip(text: str) -> str:
    shown = repr(text)
    return shown if len(shown) <= EXAMPLE_MAX_CHARS else shown[: EXAMPLE_MAX_CHARS - 1] + "…"


def _compact(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def _bin_labels() -> list[str]:
    """``empty``, ``1–199``, ``200–499``, ... ``1k–2k``, ``50k+``: short enough for a chart axis."""
    labels = ["empty"]
    for low, high in itertools.pairwise(LENGTH_BINS):
        labels.append(f"{_compact(low)}–{_compact(high) if high >= 1000 else high - 1}")
    labels.append(f"{_compact(LENGTH_BINS[-1])}+")
    return labels


def _bin_of(chars: int) -> int:
    for i, bound in enumerate(LENGTH_BINS):
        if chars < bound:
            return i
    return len(LENGTH_BINS)


def _sorted(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


class _InputCount:
    __slots__ = ("bytes", "dialects", "documents", "encodings")

    def __init__(self) -> None:
        self.documents = 0
        self.bytes = 0
        self.dialects: Counter[str] = Counter()
        self.encodings: Counter[str] = Counter()


class StatsBuilder:
    """Feed documents with :meth:`add` (or wrap a stream with :meth:`tap`); :meth:`stats` at the end."""

    def __init__(self) -> None:
        self.documents = 0
        self.bytes = 0
        self._inputs: dict[str, _InputCount] = {}
        self._dialects: Counter[str] = Counter()
        self._encodings: Counter[str] = Counter()
        self._languages: Counter[str] = Counter()
        self._edits: Counter[str] = Counter()
        self._edit_docs: Counter[str] = Counter()
        self._examples: dict[str, list[tuple[str, str]]] = {}
        self._lengths = [0] * (len(LENGTH_BINS) + 1)
        self._header: Counter[str] = Counter()
        self._trailer_blocks: Counter[str] = Counter()
        self._trailer_chars: Counter[str] = Counter()
        self._body_chars = 0
        self._warnings: Counter[str] = Counter()
        self._offsets: dict[str, list[tuple[str, int | None]]] = {}

    def tap(self, documents: Iterable[Document]) -> Iterator[Document]:
        """The same documents, each counted as it passes."""
        for doc in documents:
            self.add(doc)
            yield doc

    def _input(self, path: str) -> _InputCount:
        row = self._inputs.get(path)
        if row is None:
            key = path if len(self._inputs) < MAX_INPUT_ROWS else OTHER_INPUTS
            row = self._inputs.setdefault(key, _InputCount())
        return row

    def add(self, doc: Document) -> None:
        self.documents += 1
        src = doc.source
        self.bytes += src.length
        row = self._input(src.path.split("!", 1)[0])  # an archive is one input
        row.documents += 1
        row.bytes += src.length
        dialect = src.dialect or "-"
        row.dialects[dialect] += 1
        row.encodings[src.encoding] += 1
        self._dialects[dialect] += 1
        self._encodings[src.encoding] += 1
        language = getattr(doc, "language", None)  # an optional field of the document model
        code = getattr(language, "code", language)
        self._languages[str(code) if code else "(not detected)"] += 1
        rules = set()
        for e in doc.edits:
            self._edits[e.rule] += 1
            rules.add(e.rule)
            shown = self._examples.setdefault(e.rule, [])
            pair = (_clip(e.before), _clip(e.after))
            if len(shown) < EXAMPLES_PER_RULE and pair not in shown:
                shown.append(pair)
        self._edit_docs.update(rules)
        body = 0
        for b in doc.blocks:
            if b.region == "body":
                body += len(b.text)
            elif b.region == "trailer":
                self._trailer_blocks[b.kind] += 1
                self._trailer_chars[b.kind] += len(b.text)
        self._body_chars += body
        self._lengths[_bin_of(body)] += 1
        for name in HEADER_FIELDS:
            if getattr(doc, name):
                self._header[name] += 1
        for w in doc.warnings:
            self._warnings[w.code] += 1
            first = self._offsets.setdefault(w.code, [])
            if len(first) < OFFSETS_PER_WARNING:
                first.append((src.path, w.offset if w.offset is not None else src.offset))

    def stats(self) -> ReportStats:
        inputs = tuple(
            InputRow(path, r.documents, r.bytes, _sorted(r.dialects), _sorted(r.encodings))
            for path, r in self._inputs.items()
        )
        return ReportStats(
            documents=self.documents,
            bytes=self.bytes,
            inputs=inputs,
            dialects=_sorted(self._dialects),
            encodings=_sorted(self._encodings),
            languages=_sorted(self._languages),
            edits=tuple((rule, n, self._edit_docs[rule]) for rule, n in _sorted(self._edits)),
            examples={rule: tuple(v) for rule, v in self._examples.items()},
            lengths=tuple(zip(_bin_labels(), self._lengths, strict=True)),
            header=tuple((name, self._header[name]) for name in HEADER_FIELDS),
            trailer=tuple((k, n, self._trailer_chars[k]) for k, n in _sorted(self._trailer_blocks)),
            body_chars=self._body_chars,
            trailer_chars=sum(self._trailer_chars.values()),
            warnings=_sorted(self._warnings),
            warning_offsets={code: tuple(v) for code, v in self._offsets.items()},
        )
