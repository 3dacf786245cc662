"""The typed document: frozen attrs classes and their JSON form.

Every class here is immutable so that a document can be handed to worker processes,
cached and compared without defensive copies. Lists are stored as tuples and mappings
as read-only proxies; ``to_dict`` turns them back into plain JSON types. Fields that
can be derived (``text``, ``trailer``, ``cleaned_text``) are properties, not state, so
they can never disagree with the blocks and edits they come from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from corpuskit.edits import Edit, apply_edits

__all__ = [
    "BLOCK_KINDS",
    "REGIONS",
    "SCHEMA_ID",
    "Block",
    "Document",
    "DocumentWarning",
    "DuplicateInfo",
    "Edit",
    "Language",
    "Source",
]

SCHEMA_ID = "corpuskit/document@1"

REGIONS = ("header", "body", "trailer")
BLOCK_KINDS = (
    "title",
    "dateline",
    "byline",
    "date",
    "note",
    "standfirst",
    "heading",
    "paragraph",
    "duplicate",
    "comment",
    "spam",
    "bio",
    "signature",
    "boilerplate",
    "other",
)


class FrozenMap(Mapping[str, str]):
    """A read-only, hashable, picklable mapping (documents travel to worker processes)."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, str] | None = None) -> None:
        self._data = dict(data or {})

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __eq__(self, other: object) -> bool:
        return dict(self._data) == dict(other) if isinstance(other, Mapping) else NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._data.items())))

    def __reduce__(self) -> tuple[type[FrozenMap], tuple[dict[str, str]]]:
        return FrozenMap, (self._data,)

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


def _frozen_map(value: Mapping[str, str] | None) -> Mapping[str, str]:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


def _edits(value: Iterable[Edit]) -> tuple[Edit, ...]:
    return tuple(value)


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _warnings(value: Iterable[DocumentWarning]) -> tuple[DocumentWarning, ...]:
    return tuple(value)


@attrs.frozen
class Source:
    """Where a document's raw bytes came from and how they were decoded.

    ``offset`` and ``length`` count bytes of the content (delimiter line excluded) in the
    stream the reader saw: for a compressed file that is the decompressed stream, for an
    archive member the member's own bytes (``path`` is then ``archive!member``).
    ``dialect`` names how the file was split into records (``banner``, ``plain``…).
    """

    path: str
    offset: int
    length: int
    encoding: str = "utf-8"
    confidence: float = 1.0
    dialect: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "offset": self.offset,
            "length": self.length,
            "encoding": self.encoding,
            "confidence": self.confidence,
        }
        if self.dialect is not None:
            out["dialect"] = self.dialect
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Source:
        return cls(
            path=str(data["path"]),
            offset=int(data["offset"]),
            length=int(data["length"]),
            encoding=str(data.get("encoding", "utf-8")),
            confidence=float(data.get("confidence", 1.0)),
            dialect=data.get("dialect"),
        )


@attrs.frozen
class Language:
    """The language a document is written in, as the reader identified it.

    ``code`` is an ISO 639-1 code (``en``, ``de``, ``vi``) or ``und`` when it cannot be
    told (too little text, mixed languages, a low confidence); ``confidence`` is the
    identifier's probability for its best guess (0.0: too little text to ask; 1.0: the
    language was given with the ``language`` option). See ``corpuskit.language``.
    """

    code: str
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "confidence": self.confidence}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Language:
        return cls(code=str(data["code"]), confidence=float(data.get("confidence", 0.0)))


@attrs.frozen
class Block:
    """A line or paragraph of the cleaned text, with its place in the article.

    ``start``/``end`` are offsets into the cleaned text. ``duplicate_of`` is the index (in
    ``Document.blocks``) of the first occurrence when ``kind == "duplicate"``. ``score`` is
    the structure stage's junk score (below 0 reads as article, above as junk; ``None``
    when the stage did not score the block), so users can audit a cut or re-cut with a
    threshold of their own.
    """

    kind: str
    region: str
    start: int
    end: int
    text: str
    duplicate_of: int | None = None
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "region": self.region,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }
        if self.duplicate_of is not None:
            out["duplicate_of"] = self.duplicate_of
        if self.score is not None:
            out["score"] = self.score
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Block:
        dup = data.get("duplicate_of")
        return cls(
            kind=str(data["kind"]),
            region=str(data["region"]),
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            duplicate_of=None if dup is None else int(dup),
            score=None if data.get("score") is None else float(data["score"]),
        )


@attrs.frozen
class DocumentWarning:
    """Something the reader noticed and could not settle.

    ``code`` is dotted and stable (``decode.replacement``, ``record.duplicate_name``,
    ``date.ambiguous``, ``typo.suggestion``…) so users can count and filter warnings;
    ``offset`` is a byte offset in the source stream where one is known.
    """

    code: str
    message: str
    offset: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "offset": self.offset}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | str) -> DocumentWarning:
        if isinstance(data, str):
            return cls(code="other", message=data)
        off = data.get("offset")
        return cls(
            code=str(data.get("code", "other")),
            message=str(data.get("message", "")),
            offset=None if off is None else int(off),
        )


@attrs.frozen
class DuplicateInfo:
    """Why a document is a copy of an earlier one (set by ``corpuskit.dedup``).

    ``cluster`` is the 0-based position, in the order the documents were given, of the
    cluster's first document, whose id is ``first`` (read from ``first_path``); ``match``
    (in ``match_path``) is the earlier document this one is most similar to, with
    ``jaccard`` their estimated Jaccard similarity (word shingles of the body, from
    MinHash signatures; 1.0 when ``exact``). ``exact`` means the body has the same words
    in the same order as ``match``'s. Paths are given because ids repeat across inputs
    (``business/001.txt`` and ``sport/001.txt`` are both ``001``).
    """

    cluster: int
    first: str
    first_path: str
    match: str
    match_path: str
    jaccard: float
    exact: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "cluster": self.cluster,
            "first": self.first,
            "first_path": self.first_path,
            "match": self.match,
            "match_path": self.match_path,
            "jaccard": self.jaccard,
            "exact": self.exact,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DuplicateInfo:
        return cls(
            cluster=int(data["cluster"]),
            first=str(data["first"]),
            first_path=str(data.get("first_path", "")),
            match=str(data["match"]),
            match_path=str(data.get("match_path", "")),
            jaccard=float(data["jaccard"]),
            exact=bool(data.get("exact", False)),
        )


def _edit_to_dict(edit: Edit) -> dict[str, Any]:
    return {
        "rule": edit.rule,
        "start": edit.start,
        "end": edit.end,
        "before": edit.before,
        "after": edit.after,
    }


def _edit_from_dict(data: Mapping[str, Any]) -> Edit:
    return Edit(
        rule=str(data["rule"]),
        start=int(data["start"]),
        end=int(data["end"]),
        before=str(data["before"]),
        after=str(data["after"]),
    )


@attrs.frozen
class Document:
    """One article of a corpus, from raw bytes to cleaned, structured text.

    ``raw_text`` is the decoded text before cleaning; ``edits`` turn it into
    ``cleaned_text``; ``blocks`` cut the cleaned text into regions and kinds.
    ``role`` is ``"document"``, or ``"preamble"`` for text found before a file's first
    delimiter (kept so that nothing is lost). ``duplicates`` is set only by
    ``corpuskit.dedup`` on a document whose body repeats an earlier one's.
    """

    id: str
    name: str
    source: Source
    raw_text: str
    edits: tuple[Edit, ...] = attrs.field(default=(), converter=_edits)
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_blocks)
    title: str | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    date: str | None = None
    dateline: str | None = None
    warnings: tuple[DocumentWarning, ...] = attrs.field(default=(), converter=_warnings)
    index: int | None = None
    key: str | None = None
    role: str = "document"
    metadata: Mapping[str, str] = attrs.field(factory=FrozenMap, converter=_frozen_map)
    language: Language | None = None
    duplicates: DuplicateInfo | None = None

    # -- derived views -------------------------------------------------------------

    @property
    def cleaned_text(self) -> str:
        """``raw_text`` with every edit applied: the text the blocks index into."""
        return apply_edits(self.raw_text, self.edits)

    @property
    def text(self) -> str:
        """The body region only, paragraphs separated by a blank line."""
        return "\n\n".join(b.text for b in self.blocks if b.region == "body")

    @property
    def trailer(self) -> tuple[Block, ...]:
        """The trailer blocks: comments, spam, bios and boilerplate kept apart."""
        return self.blocks_of("trailer")

    def blocks_of(self, region: str) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.region == region)

    def apply(
        self,
        *,
        only: Iterable[str] | None = None,
        without: Iterable[str] | None = None,
    ) -> str:
        """Replay a chosen subset of the edits on ``raw_text``.

        Rules are named exactly (``unicode.nbsp``) or by family prefix (``typo``), as
        with ``--disable``: ``doc.apply(without=["typo"])`` is the text with every
        cleaning change except the typo corrections.
        """
        from corpuskit.edits import select_edits

        return apply_edits(self.raw_text, select_edits(self.edits, only=only, without=without))

    # -- JSON ----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (schema ``corpuskit/document@1``); plain types only."""
        out: dict[str, Any] = {
            "schema": SCHEMA_ID,
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "index": self.index,
            "key": self.key,
            "metadata": dict(self.metadata),
            "source": self.source.to_dict(),
            "title": self.title,
            "authors": list(self.authors),
            "date": self.date,
            "dateline": self.dateline,
            **({"language": self.language.to_dict()} if self.language is not None else {}),
            "text": self.text,
            "trailer": [{"kind": b.kind, "text": b.text} for b in self.trailer],
            "warnings": [w.to_dict() for w in self.warnings],
            "raw_text": self.raw_text,
            "edits": [_edit_to_dict(e) for e in self.edits],
            "blocks": [b.to_dict() for b in self.blocks],
        }
        if self.duplicates is not None:  # additive: only documents found to be copies have it
            out["duplicates"] = self.duplicates.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Load the JSON form; unknown fields are ignored and derived ones recomputed."""
        schema = data.get("schema", SCHEMA_ID)
        if not str(schema).startswith("corpuskit/document@"):
            raise ValueError(f"not a corpuskit document (schema {schema!r})")
        index = data.get("index")
        dup = data.get("duplicates")
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            source=Source.from_dict(data["source"]),
            raw_text=str(data["raw_text"]),
            edits=[_edit_from_dict(e) for e in data.get("edits", ())],
            blocks=[Block.from_dict(b) for b in data.get("blocks", ())],
            title=data.get("title"),
            authors=[str(a) for a in data.get("authors", ())],
            date=data.get("date"),
            dateline=data.get("dateline"),
            warnings=[DocumentWarning.from_dict(w) for w in data.get("warnings", ())],
            index=None if index is None else int(index),
            key=data.get("key"),
            role=str(data.get("role", "document")),
            metadata={str(k): str(v) for k, v in (data.get("metadata") or {}).items()},
            language=Language.from_dict(data["language"]) if data.get("language") else None,
            duplicates=None if dup is None else DuplicateInfo.from_dict(dup),
        )


def edit_counts(edits: Sequence[Edit]) -> dict[str, int]:
    """Number of edits per rule, sorted by rule name (for reports and CSV columns)."""
    counts: dict[str, int] = {}
    for e in edits:
        counts[e.rule] = counts.get(e.rule, 0) + 1
    return dict(sorted(counts.items()))
