"""The typed document: frozen attrs classes and their JSON form.

Every class here is immutable so that a document can be handed to worker processes,
cached and compared without defensive copies. Lists are stored as tuples and mappings
as read-only proxies; ``to_dict`` turns them back into plain JSON types. Fields that
can be derived (``text``, ``trailer``, ``cleaned_text``) are properties, not state, so
they can never disagree with the blocks and edits they come from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, TypeVar, cast, get_args

import attrs

from corpuskit.edits import Edit, apply_edits
from corpuskit.errors import DocumentError

__all__ = [
    "BLOCK_KINDS",
    "REGIONS",
    "ROLES",
    "SCHEMA_ID",
    "Block",
    "BlockKind",
    "Document",
    "DocumentWarning",
    "DuplicateInfo",
    "Edit",
    "Language",
    "Region",
    "Role",
    "Source",
    "unwrap",
]

SCHEMA_ID = "corpuskit/document@1"

# Each closed set is written once, as its Literal type; the tuple of its values is read off
# the type (``typing.get_args``), so mypy and the checks at run time can never disagree.

#: Where a block lies in the article.
Region = Literal["header", "body", "trailer"]
REGIONS: tuple[Region, ...] = get_args(Region)
#: What a block is (``docs/structure.md`` says how each kind is found).
BlockKind = Literal[
    "title", "dateline", "byline", "date", "note", "standfirst",  # header fields
    "heading", "paragraph", "duplicate",  # the body
    "comment", "spam", "bio", "signature", "boilerplate", "other",  # trailer and junk (boilerplate also heads a page)
]
BLOCK_KINDS: tuple[BlockKind, ...] = get_args(BlockKind)
#: A record of a file: an article, or the text before the file's first delimiter.
Role = Literal["document", "preamble"]
ROLES: tuple[Role, ...] = get_args(Role)

_Value = TypeVar("_Value", bound=str)


_KIND_SET: frozenset[str] = frozenset(BLOCK_KINDS)
_REGION_SET: frozenset[str] = frozenset(REGIONS)


def _block_kind(value: str) -> BlockKind:
    """A Block's kind is checked when the Block is made: no stage can invent one."""
    # (a set lookup first: a Block is made for every line of every document)
    return cast(BlockKind, value) if value in _KIND_SET else _one_of(value, BLOCK_KINDS, "Block.kind")


def _region(value: str) -> Region:
    return cast(Region, value) if value in _REGION_SET else _one_of(value, REGIONS, "Block.region")


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


_QUOTE_PREFIX = re.compile(r"(?:[ \t]*[>|])+[ \t]?")
_SOFT_HYPHEN_END = re.compile(r"[^\W\d_]-$")


def unwrap(text: str) -> str:
    """A hard-wrapped block as one line: its lines stripped and joined by single spaces.

    A line ending in a letter and a hyphen joins the next without a space ("well-" +
    "known" gives "well-known": the hyphen is kept, since the text cannot tell a
    compound from a hyphenated break). A quoting prefix (``>``) repeated at the start of
    a continuation line is dropped, so a quoted paragraph reads "> a b c", not
    "> a > b > c". A one-line text comes back unchanged.
    """
    if "\n" not in text:
        return text
    lines = [line.strip() for line in text.split("\n")]
    first = _QUOTE_PREFIX.match(lines[0])
    prefix = first.group(0).replace(" ", "").replace("\t", "") if first else ""
    out = lines[0]
    for line in lines[1:]:
        if not line:
            continue
        m = _QUOTE_PREFIX.match(line) if prefix else None
        if m and m.group(0).replace(" ", "").replace("\t", "") == prefix:
            line = line[m.end() :]
        # only the end of ``out`` can match: test there, not the whole growing string
        joined = line[:1].islower() and _SOFT_HYPHEN_END.match(out, max(0, len(out) - 2)) is not None
        out += line if joined else " " + line
    return out


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


# -- checks of the JSON form (from_dict): the shipped schema's rules, as one error type ---------

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_RULE = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)+")


def _bad(where: str, what: str, value: object) -> DocumentError:
    shown = repr(value)
    return DocumentError(f"{where} must be {what}, not {shown[:60]}{'...' if len(shown) > 60 else ''}")


def _mapping(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _bad(where, "an object", value)
    return value


def _field(data: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in data:
        raise DocumentError(f"{where}{key} is missing")
    return data[key]


def _str(value: object, where: str, *, optional: bool = False, nonempty: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str) or (nonempty and not value):
        raise _bad(where, "a non-empty string" if nonempty else "a string" + (" or null" if optional else ""), value)
    return value


def _int(value: object, where: str, *, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _bad(where, "a whole number >= 0" + (" or null" if optional else ""), value)
    return value


def _number(value: object, where: str, low: float | None = None, high: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _bad(where, "a number", value)
    if (low is not None and value < low) or (high is not None and value > high):
        raise _bad(where, f"a number from {low} to {high}", value)
    return float(value)


def _list(value: object, where: str) -> list[Any]:
    if not isinstance(value, (list, tuple)):
        raise _bad(where, "an array", value)
    return list(value)


def _one_of(value: object, choices: tuple[_Value, ...], where: str) -> _Value:
    if value not in choices:
        raise _bad(where, f"one of {', '.join(choices)}", value)
    return value


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
        w = "source."
        data = _mapping(data, "source")
        return cls(
            path=_str(_field(data, "path", w), "source.path"),
            offset=_int(_field(data, "offset", w), "source.offset"),
            length=_int(_field(data, "length", w), "source.length"),
            encoding=_str(data.get("encoding", "utf-8"), "source.encoding"),
            confidence=_number(data.get("confidence", 1.0), "source.confidence", 0, 1),
            dialect=_str(data.get("dialect"), "source.dialect", optional=True),
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

    kind: BlockKind = attrs.field(converter=_block_kind)
    region: Region = attrs.field(converter=_region)
    start: int
    end: int
    text: str
    duplicate_of: int | None = None
    score: float | None = None

    @property
    def unwrapped(self) -> str:
        """``text`` as one line: a hard-wrapped paragraph's lines joined (see ``unwrap``)."""
        return unwrap(self.text)

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
    def from_dict(cls, data: Mapping[str, Any], where: str = "block") -> Block:
        data = _mapping(data, where)
        w = f"{where}."
        start = _int(_field(data, "start", w), f"{w}start")
        end = _int(_field(data, "end", w), f"{w}end")
        if start > end:
            raise DocumentError(f"{w}start ({start}) is after {w}end ({end})")
        score = data.get("score")
        return cls(
            kind=_one_of(_field(data, "kind", w), BLOCK_KINDS, f"{w}kind"),
            region=_one_of(_field(data, "region", w), REGIONS, f"{w}region"),
            start=start,
            end=end,
            text=_str(_field(data, "text", w), f"{w}text"),
            duplicate_of=_int(data.get("duplicate_of"), f"{w}duplicate_of", optional=True),
            score=None if score is None else _number(score, f"{w}score"),
        )


#: Each Block field's slot setter, in field order (``blocks_of`` fills a Block through them).
_BLOCK_SETTERS = tuple(Block.__dict__[f.name].__set__ for f in attrs.fields(Block))


def blocks_of(
    kinds: Sequence[str],
    regions: Sequence[str],
    spans: Sequence[tuple[int, int]],
    texts: Sequence[str],
    duplicate_of: Mapping[int, int],
    scores: Sequence[float | None],
) -> tuple[Block, ...]:
    """The blocks a stage found, given column by column: block ``i`` is
    ``Block(kinds[i], regions[i], *spans[i], texts[i], duplicate_of.get(i), scores[i])``.

    Equal to building each with ``Block(...)``, but the kinds and regions are checked once
    for the whole document (two set tests, the same error for a value outside the closed
    sets) instead of by two converters per block, and each Block is filled through its
    slots: one Block per line of every document made this the structure stage's largest
    fixed cost after scoring."""
    if not _KIND_SET.issuperset(kinds):
        _one_of(next(k for k in kinds if k not in _KIND_SET), BLOCK_KINDS, "Block.kind")
    if not _REGION_SET.issuperset(regions):
        _one_of(next(r for r in regions if r not in _REGION_SET), REGIONS, "Block.region")
    new = object.__new__
    set_kind, set_region, set_start, set_end, set_text, set_duplicate, set_score = _BLOCK_SETTERS
    out = []
    get = duplicate_of.get
    for i, (start, end) in enumerate(spans):
        b = new(Block)
        set_kind(b, kinds[i])
        set_region(b, regions[i])
        set_start(b, start)
        set_end(b, end)
        set_text(b, texts[i])
        set_duplicate(b, get(i))
        set_score(b, scores[i])
        out.append(b)
    return tuple(out)


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
    def from_dict(cls, data: Mapping[str, Any], where: str = "warning") -> DocumentWarning:
        data = _mapping(data, where)
        off = data.get("offset")
        if off is not None and (isinstance(off, bool) or not isinstance(off, int)):
            raise _bad(f"{where}.offset", "a whole number or null", off)
        return cls(
            code=_str(_field(data, "code", f"{where}."), f"{where}.code"),
            message=_str(_field(data, "message", f"{where}."), f"{where}.message"),
            offset=off,
        )


def _language_of(value: object) -> Language | None:
    if not value:
        return None
    try:
        return Language.from_dict(_mapping(value, "language"))
    except (KeyError, TypeError, ValueError) as exc:
        raise DocumentError(f"language is not a valid language object: {exc}") from None


def _duplicates_of(value: object) -> DuplicateInfo | None:
    if value is None:
        return None
    try:
        return DuplicateInfo.from_dict(_mapping(value, "duplicates"))
    except (KeyError, TypeError, ValueError) as exc:
        raise DocumentError(f"duplicates is not a valid duplicates object: {exc}") from None


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


def _edit_from_dict(data: Mapping[str, Any], where: str, raw: str) -> Edit:
    data = _mapping(data, where)
    w = f"{where}."
    rule = _str(_field(data, "rule", w), f"{w}rule")
    if not _RULE.fullmatch(rule):
        raise _bad(f"{w}rule", "a dotted rule name such as unicode.nbsp", rule)
    start = _int(_field(data, "start", w), f"{w}start")
    end = _int(_field(data, "end", w), f"{w}end")
    if not start <= end <= len(raw):
        raise DocumentError(f"{w}start..end ({start}..{end}) is not a span of raw_text ({len(raw)} characters)")
    return Edit(
        rule=rule,
        start=start,
        end=end,
        before=_str(_field(data, "before", w), f"{w}before"),
        after=_str(_field(data, "after", w), f"{w}after"),
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
    role: Role = "document"
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
        """The body region only, paragraphs separated by a blank line.

        A hard-wrapped paragraph is one block whose lines are joined by spaces here
        (``Block.unwrapped``); the block's own ``text`` keeps the newlines of the source.
        """
        return "\n\n".join(b.unwrapped for b in self.blocks if b.region == "body")

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
            "trailer": [{"kind": b.kind, "text": b.unwrapped} for b in self.trailer],
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
        """Load the JSON form; unknown fields are ignored and derived ones recomputed.

        Every field read is checked against the rules of the shipped schema (types, kinds,
        regions, ``YYYY-MM-DD`` dates, offsets that are spans of the text); anything else
        raises :class:`~corpuskit.errors.DocumentError` (a ``ValueError``) naming the field.
        ``id``, ``name``, ``source`` and ``raw_text`` are required; lists left out are empty.
        """
        data = _mapping(data, "document")
        schema = data.get("schema", SCHEMA_ID)
        if not isinstance(schema, str) or not schema.startswith("corpuskit/document@"):
            raise DocumentError(f"not a corpuskit document (schema {schema!r})")
        raw = _str(_field(data, "raw_text", ""), "raw_text")
        date = _str(data.get("date"), "date", optional=True)
        if date is not None and not _DATE.fullmatch(date):
            raise _bad("date", "an ISO date YYYY-MM-DD or null", date)
        metadata = _mapping({} if data.get("metadata") is None else data["metadata"], "metadata")
        for k, v in metadata.items():
            _str(v, f"metadata.{k}")
        for i, t in enumerate(_list(data.get("trailer", ()), "trailer")):  # derived, but must be well formed
            _str(_field(_mapping(t, f"trailer.{i}"), "text", f"trailer.{i}."), f"trailer.{i}.text")
        _str(data.get("text", ""), "text")
        return cls(
            id=_str(_field(data, "id", ""), "id", nonempty=True),
            name=_str(_field(data, "name", ""), "name"),
            source=Source.from_dict(_field(data, "source", "")),
            raw_text=raw,
            edits=[_edit_from_dict(e, f"edits.{i}", raw) for i, e in enumerate(_list(data.get("edits", ()), "edits"))],
            blocks=[Block.from_dict(b, f"blocks.{i}") for i, b in enumerate(_list(data.get("blocks", ()), "blocks"))],
            title=_str(data.get("title"), "title", optional=True),
            authors=[_str(a, f"authors.{i}") for i, a in enumerate(_list(data.get("authors", ()), "authors"))],
            date=date,
            dateline=_str(data.get("dateline"), "dateline", optional=True),
            warnings=[DocumentWarning.from_dict(w, f"warnings.{i}")
                      for i, w in enumerate(_list(data.get("warnings", ()), "warnings"))],
            index=_int(data.get("index"), "index", optional=True),
            key=_str(data.get("key"), "key", optional=True),
            role=_one_of(data.get("role", "document"), ROLES, "role"),
            metadata=dict(metadata),
            language=_language_of(data.get("language")),
            duplicates=_duplicates_of(data.get("duplicates")),
        )


def edit_counts(edits: Sequence[Edit]) -> dict[str, int]:
    """Number of edits per rule, sorted by rule name (for reports and CSV columns)."""
    counts: dict[str, int] = {}
    for e in edits:
        counts[e.rule] = counts.get(e.rule, 0) + 1
    return dict(sorted(counts.items()))
