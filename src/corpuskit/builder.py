"""Building one document: segment bytes → decoded text → edits → blocks → Document.

``WorkItem`` is one planned record (what the reader hands on; picklable, so it can go to
a worker process) and ``build`` turns it into its Document. This is the one place where
the stages plug in. Each stage is a pure function of its
input and the options; the only state is the document being built. A failure inside a
stage is caught here and recorded on that document as a warning, so one bad document
never stops a corpus of good ones.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import attrs

from corpuskit import language, structure
from corpuskit.decode import Decoded, decode, uncertainty
from corpuskit.edits import Edit, apply_edits, compose
from corpuskit.model import Document, DocumentWarning, Language, Source
from corpuskit.options import Options
from corpuskit.repair import REPAIR_RULES
from corpuskit.rules import Rule
from corpuskit.segments import Segment
from corpuskit.typos import TYPO_RULES, suggestions

__all__ = [
    "CLEANING_RULES", "WorkItem", "build", "build_document", "build_many", "clean", "identify_language", "split_name",
    "typos_apply",
]

CLEANING_RULES: tuple[Rule, ...] = REPAIR_RULES + TYPO_RULES

_INDEXED = re.compile(r"(?P<index>\d+)_(?P<key>[0-9A-Fa-f]+)")


def split_name(name: str) -> tuple[str, int | None, str | None]:
    """``000_cd0b….txt`` → id ``000_cd0b…``, index 0, key ``cd0b…``.

    A name with folders (``rec.autos/101551``, as ``pack`` writes) keeps them in the id,
    so that ``rec.autos/101551`` and ``sci.med/101551`` stay two ids.
    """
    folder, _, stem = name.rpartition("/")
    if "." in stem[1:]:
        stem = stem[: stem.rindex(".")]
    m = _INDEXED.fullmatch(stem)
    doc_id = f"{folder}/{stem}" if folder and stem else stem
    if m:
        return doc_id, int(m.group("index")), m.group("key").lower()
    return doc_id, None, None


def corpus_title(metadata: dict[str, str]) -> str | None:
    """The title the corpus format itself gives (a doctag ``title="…"`` attribute, entities
    decoded). It wins over the title found in the text: it is what the source says the
    document is called, where the text's first lines are only a guess."""
    title = html.unescape(metadata.get("title", "")).strip()
    return " ".join(title.split()) or None


def clean(
    raw: str, options: Options, rules: Sequence[Rule] = CLEANING_RULES,
    *, start: tuple[str, list[Edit]] | None = None,
) -> tuple[str, list[Edit], list[DocumentWarning]]:
    """Run the cleaning chain on ``raw``; return the text, the edits and any failures.

    ``start`` continues an earlier run: the text it produced and its edits on ``raw``.
    """
    text, edits = start if start is not None else (raw, [])
    problems: list[DocumentWarning] = []
    for rule in rules:
        if not options.rule_on(rule.name, default=rule.default):
            continue
        try:
            found = list(rule.find(text, options))
        except Exception as exc:
            problems.append(DocumentWarning("pipeline.error", f"rule {rule.name} failed: {exc!r}"))
            continue
        if not found:
            continue
        new_text = apply_edits(text, found)
        edits = compose(raw, edits, found, text)
        text = new_text
    return text, edits, problems


@attrs.frozen
class WorkItem:
    """One record, named and ready to build into a Document (picklable)."""

    segment: Segment
    path: str
    doc_id: str
    name: str
    warnings: tuple[DocumentWarning, ...] = ()
    dialect: str | None = None
    #: the encoding the legacy documents of its input share (corpuskit.evidence)
    prior: tuple[str, float] | None = None



def build(item: WorkItem, options: Options) -> Document:
    """The Document of one planned record."""
    return build_many([item], options)[0]


def build_document(
    segment: Segment, *, path: str, doc_id: str, name: str, options: Options,
    extra_warnings: Sequence[DocumentWarning] = (), dialect: str | None = None,
    prior: tuple[str, float] | None = None,
) -> Document:
    """Turn one raw segment into a Document, whatever its bytes hold.

    ``prior`` is the encoding of the rest of its input (:mod:`corpuskit.evidence`).
    """
    return build(WorkItem(segment, path, doc_id, name, tuple(extra_warnings), dialect, prior), options)


@attrs.define
class _Build:
    """One document between the stages of ``build_many``: what it has become so far."""

    item: WorkItem
    decoded: Decoded
    options: Options  # the options to clean with (see ``_check_decoding``)
    text: str
    edits: list[Edit]
    warnings: list[DocumentWarning]  # what each step noticed, in order
    language: Language | None = None


def build_many(items: Sequence[WorkItem], options: Options) -> list[Document]:
    """The Documents of planned records (what workers run, a batch at a time).

    Every document takes the same steps in the same order (decoding and repair, language,
    typos where they apply, structure), so each Document is the one it would be alone; but
    each stage runs over the whole batch before the next starts, so its word lists,
    language model and compiled patterns stay in the processor's caches instead of being
    pushed out by the other stages' at every document: 1,787 -> 1,375 ms of CPU per MB of
    unique BBC text (docs/performance.md, "Stop 23"). A batch is held whole, so callers pass batches
    of bounded size (``parallel.BATCH_BYTES``).
    """
    docs = [_repaired(item, options) for item in items]
    for d in docs:
        d.language = identify_language(d.text, d.options)
    for d in docs:
        if typos_apply(d.language):
            d.text, d.edits, problems = clean(d.decoded.text, d.options, TYPO_RULES, start=(d.text, d.edits))
            d.warnings.extend(problems)
            d.warnings.extend(suggestions(d.text, d.options))
    found = [_structure(d.text, d.options, d.warnings) for d in docs]
    return [_document(d, f) for d, f in zip(docs, found, strict=True)]


def _repaired(item: WorkItem, options: Options) -> _Build:
    """Decoded, checked, and cleaned by the repair rules."""
    warnings = list(item.warnings)
    segment = item.segment
    content = _content_within_limit(segment, options, warnings)
    decoded = decode(content, options.encoding, prior=item.prior)
    options = _check_decoding(decoded, segment.content_offset, options, warnings)
    text, edits, problems = clean(decoded.text, options, REPAIR_RULES)
    warnings.extend(problems)
    return _Build(item, decoded, options, text, edits, warnings)


def _document(d: _Build, found: structure.Structure) -> Document:
    item, segment, decoded = d.item, d.item.segment, d.decoded
    d.warnings.extend(found.warnings)
    _, index, key = split_name(item.name)
    return Document(
        id=item.doc_id,
        name=item.name,
        source=Source(
            path=item.path,
            offset=segment.content_offset,
            length=segment.content_length,
            encoding=decoded.encoding,
            confidence=round(decoded.confidence, 4),
            dialect=item.dialect,
        ),
        raw_text=decoded.text,
        edits=d.edits,
        blocks=found.blocks,
        title=corpus_title(segment.metadata) or found.title,
        authors=found.authors,
        date=found.date,
        dateline=found.dateline,
        warnings=d.warnings,
        index=index,
        key=key,
        role=segment.role,
        metadata={**found.metadata, **segment.metadata},
        language=d.language,
    )


def _content_within_limit(segment: Segment, options: Options, warnings: list[DocumentWarning]) -> bytes:
    """The record's content, or nothing (and a warning) when it is over ``max_document_bytes``."""
    size = segment.content_length
    if size <= options.max_document_bytes:
        return segment.content
    warnings.append(DocumentWarning(
        "record.too_large",
        f"{size} bytes at offset {segment.content_offset}, over the limit of {options.max_document_bytes} "
        "(max_document_bytes): not processed",
        segment.content_offset,
    ))
    return b""


def _check_decoding(decoded: Decoded, offset: int, options: Options, warnings: list[DocumentWarning]) -> Options:
    """Warn of a guessed encoding and of replaced bytes; the options to clean with (a guess
    turns ``encoding.mojibake`` off: see ``decode.CONFIDENT``)."""
    guessed = uncertainty(decoded)
    if guessed is not None:
        warnings.append(DocumentWarning("decode.uncertain", guessed, offset))
        options = attrs.evolve(options, disable=options.disable | {"encoding.mojibake"})
    if decoded.bad_offsets:
        first = decoded.bad_offsets[0] + offset
        warnings.append(
            DocumentWarning(
                "decode.replacement",
                f"{len(decoded.bad_offsets)} byte(s) not valid {decoded.encoding} replaced by U+FFFD, "
                f"first at byte offset {first}",
                first,
            )
        )
    return options


def _structure(text: str, options: Options, warnings: list[DocumentWarning]) -> structure.Structure:
    """The blocks and header fields; plain paragraphs when the stage is off or fails."""
    if options.rule_on("structure"):
        try:
            return structure.analyse(text, options)
        except Exception as exc:
            warnings.append(DocumentWarning("pipeline.error", f"structure failed: {exc!r}"))
    return structure.Structure(blocks=tuple(structure.cut_blocks(text)))


def identify_language(text: str, options: Options) -> Language | None:
    """The document's language: given by the ``language`` option, identified, or None when off."""
    if options.language is not None:
        return Language(options.language, 1.0)
    if not options.rule_on("language"):
        return None
    try:
        return language.identify(text)
    except Exception:  # the identifier is a dependency: never let it stop a document
        return Language(language.UNDETERMINED, 0.0)


def typos_apply(found: Language | None) -> bool:
    """The typo rules are English rules: they run on English documents only.

    With identification switched off (``--disable language``) nothing is known, and the
    rules run as in corpuskit 0.1.
    """
    return found is None or found.code == "en"
