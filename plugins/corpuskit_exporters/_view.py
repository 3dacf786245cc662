"""The reading view both reading formats (HTML and EPUB) render: one module, two users.

What a document looks like to a reader, independent of the container: its text cleaned
for markup, blocks cut into parts (links, highlighted edits), the corpus summary, the table
of contents entry, the spool that keeps article views out of memory, and the sandboxed
template environment. Plugin-internal, not corpuskit API.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import jinja2
from jinja2.sandbox import SandboxedEnvironment

from corpuskit import Block, Document, Edit

TEMPLATES = Path(__file__).parent / "templates"

# Characters XML 1.0 forbids (and HTML treats as parse errors): C0 controls but tab,
# newline and carriage return; lone surrogates; U+FFFE and U+FFFF.
_INVALID_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_URL = re.compile(r"\bhttps?://[^\s<>\"'`]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}'\""
_KIND = re.compile(r"[^a-z0-9-]+")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_-]+")
_RESERVED_NAMES = {"con", "prn", "aux", "nul", "index", *(f"com{i}" for i in range(10)),
                   *(f"lpt{i}" for i in range(10))}
_NAME_MAX = 80


def clean_text(text: str) -> str:
    """Replace characters no HTML or XML reader accepts with U+FFFD (visible, not lost)."""
    return _INVALID_CHARS.sub("\ufffd", text)


def kind_class(kind: str) -> str:
    """A block kind reduced to a CSS class token (kinds come from data)."""
    return _KIND.sub("-", kind.lower()).strip("-") or "other"


def safe_file_stem(doc_id: str) -> str:
    """A file name stem for ``doc_id`` that cannot leave its directory.

    Only ASCII letters, digits, ``_`` and ``-`` are kept, so no separator, dot, drive
    letter or control character survives. When anything had to change (or the stem
    would be a Windows device name or ``index``), a short hash of the id is appended, so
    distinct ids such as ``a/b`` and ``a_b`` never meet on one file.
    """
    stem = _SAFE_NAME.sub("_", doc_id).strip("_")[:_NAME_MAX]
    if stem != doc_id or not stem or stem.lower() in _RESERVED_NAMES:
        digest = hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        stem = f"{stem}-{digest}" if stem else f"document-{digest}"
    return stem


def unique_path(directory: Path, stem: str, suffix: str) -> Path:
    """``directory/stem+suffix``, numbered when taken (duplicate ids are still written)."""
    path = directory / f"{stem}{suffix}"
    n = 2
    while path.exists():
        path = directory / f"{stem}-{n}{suffix}"
        n += 1
    return path


# -- edits in cleaned-text coordinates -----------------------------------------------


def cleaned_spans(edits: Iterable[Edit]) -> list[tuple[int, int, Edit]]:
    """Each edit's span in the cleaned text.

    Edit offsets point into ``raw_text``; walking the edits in order, every edit before
    one has shifted it by its ``delta``, and its replacement occupies ``len(after)``.
    """
    out = []
    shift = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        start = e.start + shift
        out.append((start, start + len(e.after), e))
        shift += e.delta
    return out


def _text_parts(text: str, links: bool) -> list[dict[str, Any]]:
    if not links:
        return [{"text": text}] if text else []
    parts: list[dict[str, Any]] = []
    pos = 0
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(_URL_TRAILING)
        if m.start() > pos:
            parts.append({"text": text[pos : m.start()]})
        parts.append({"text": url, "href": url})
        pos = m.start() + len(url)
    if pos < len(text):
        parts.append({"text": text[pos:]})
    return parts


def block_parts(
    text: str,
    start: int,
    spans: list[tuple[int, int, Edit]] | None,
    links: bool,
) -> list[dict[str, Any]]:
    """A block's text cut into plain runs, edited runs and (optionally) links.

    ``spans`` are the document's edits in cleaned-text coordinates (None: no
    highlighting); ``start`` is the block's offset in the cleaned text, whose text it
    must be. An edit that straddles the block's edge is shown for the part inside.
    """
    if not spans:
        return _text_parts(clean_text(text), links)
    end = start + len(text)
    parts: list[dict[str, Any]] = []
    pos = start
    # spans are sorted and do not overlap, so their ends are sorted too: start at the
    # first that can reach this block and stop past its end (linear over a document)
    first = bisect.bisect_left(spans, start, key=lambda span: span[1])
    for i in range(first, len(spans)):
        s, t, edit = spans[i]
        if s > end:
            break
        if t == start and s != t:
            continue
        s, t = max(s, start), min(t, end)
        if s > pos:
            parts.extend(_text_parts(clean_text(text[pos - start : s - start]), links))
        parts.append({
            "text": clean_text(text[s - start : t - start]),
            "edit": {"rule": edit.rule, "before": clean_text(edit.before), "after": clean_text(edit.after)},
        })
        pos = max(pos, t)
    if pos < end:
        parts.extend(_text_parts(clean_text(text[pos - start :]), links))
    return parts


# -- the view model --------------------------------------------------------------------


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


#: Trailer-like kinds whose URLs are never made links, even in the body.
_NO_LINKS = ("spam", "comment", "boilerplate")

_PartsOf = Callable[[Block, bool], list[dict[str, Any]]]


def article_view(
    doc: Document,
    number: int,
    *,
    highlight_edits: bool = False,
    links: bool = False,
) -> dict[str, Any]:
    """What a reader sees of one document, as plain data for the templates.

    Works on whatever blocks exist: today's body-only paragraphs as well as a full
    header (title, byline, date), subheadings and a trailer. A document without blocks
    is shown as its cleaned text cut at blank lines.
    """
    blocks = list(doc.blocks) or _paragraphs(doc.cleaned_text)
    title = doc.title
    if title is None:
        title = next((b.text for b in blocks if b.kind == "title"), None)
    header, body, trailer = _sections(doc, blocks, title, _parts_of(doc, highlight_edits), links)
    trailer_kinds = Counter(t["kind"] for t in trailer)
    words = len(doc.text.split()) if doc.blocks else sum(len(b.text.split()) for b in blocks)
    return {
        "number": number,
        "anchor": f"doc-{number}",
        "id": clean_text(doc.id),
        "name": clean_text(doc.name),
        "role": doc.role,
        "title": clean_text(title) if title else None,
        "label": clean_text(title) if title else f"Untitled ({clean_text(doc.id)})",
        "authors": [clean_text(a) for a in doc.authors],
        "date": doc.date,
        "dateline": clean_text(doc.dateline) if doc.dateline else None,
        "header": header,
        "body": body,
        "trailer": trailer,
        "trailer_summary": ", ".join(_plural(n, k) for k, n in sorted(trailer_kinds.items())),
        "encoding": doc.source.encoding,
        "words": words,
        "edits": len(doc.edits),
        "warnings": len(doc.warnings),
    }


def _paragraphs(text: str) -> list[Block]:
    """Blocks for a document that has none: its text cut at blank lines."""
    return [
        Block("paragraph", "body", m.start(), m.end(), m.group(0))
        for m in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*\Z)", text, re.DOTALL)
    ]


def _parts_of(doc: Document, highlight_edits: bool) -> _PartsOf:
    """How a block of ``doc`` is cut into parts: with its edits marked when asked, and
    only where the block's text is the cleaned text at its offsets."""
    spans = cleaned_spans(doc.edits) if highlight_edits and doc.edits else None
    cleaned = doc.cleaned_text if spans else None

    def parts(b: Block, allow_links: bool) -> list[dict[str, Any]]:
        if cleaned is not None and cleaned[b.start : b.end] == b.text:
            return block_parts(b.text, b.start, spans, allow_links)
        return block_parts(b.text, b.start, None, allow_links)

    return parts


def _sections(
    doc: Document, blocks: Iterable[Block], title: str | None, parts: _PartsOf, links: bool
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The header blocks not already shown by the heading and byline line, the body, the trailer."""
    shown = {"title": title is not None, "byline": bool(doc.authors), "date": doc.date is not None,
             "dateline": doc.dateline is not None}
    header: list[dict[str, Any]] = []
    body: list[dict[str, Any]] = []
    trailer: list[dict[str, Any]] = []
    for b in blocks:
        kind = kind_class(b.kind)
        if b.region == "header":
            if not shown.get(b.kind):
                header.append({"kind": kind, "parts": parts(b, False)})
        elif b.region == "trailer":
            trailer.append({"kind": kind, "parts": parts(b, False)})
        else:
            body.append({
                "kind": kind,
                "heading": b.kind == "heading",
                "parts": parts(b, links and b.kind not in _NO_LINKS),
            })
    return header, body, trailer


def toc_entry(view: Mapping[str, Any], href: str) -> dict[str, Any]:
    """The few fields the contents list needs (what is kept per document)."""
    return {
        "href": href,
        "label": view["label"],
        "untitled": view["title"] is None,
        "id": view["id"],
        "authors": view["authors"],
        "date": view["date"],
    }


@attrs.define
class CorpusSummary:
    """Counts over the corpus, gathered as documents stream past (bounded memory)."""

    documents: int = 0
    words: int = 0
    encodings: Counter[str] = attrs.field(factory=Counter)
    edits: Counter[str] = attrs.field(factory=Counter)
    trailer: Counter[str] = attrs.field(factory=Counter)

    def add(self, doc: Document, view: Mapping[str, Any]) -> None:
        self.documents += 1
        self.words += int(view["words"])
        self.encodings[doc.source.encoding] += 1
        self.edits.update(e.rule for e in doc.edits)
        self.trailer.update(t["kind"] for t in view["trailer"])

    def view(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "words": self.words,
            "encodings": sorted(self.encodings.items()),
            "edits": sorted(self.edits.items()),
            "edits_total": sum(self.edits.values()),
            "trailer": sorted(self.trailer.items()),
        }


class JsonSpool:
    """Small records spooled to a temporary file, read back in order (flat memory)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile("w+b")  # noqa: SIM115 - lives until close()
        self.count = 0

    def append(self, record: Mapping[str, Any]) -> None:
        self._file.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        self.count += 1

    def __iter__(self) -> Iterator[dict[str, Any]]:
        self._file.flush()
        self._file.seek(0)
        for line in self._file:
            yield json.loads(line)
        self._file.seek(0, 2)

    def close(self) -> None:
        self._file.close()


# -- options both formats take ------------------------------------------------------------

#: A BCP 47 language tag, as far as a reader needs it checked (``en``, ``pt-BR``).
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


def check_language_tag(option: str) -> Callable[[Any, Any, str], None]:
    """An attrs validator: the option ``option`` is a language tag."""

    def check(instance: Any, attribute: Any, value: str) -> None:
        if not LANGUAGE_TAG.fullmatch(value):
            raise ValueError(f"{option} must be a language tag such as en or pt-BR, not {value!r}")

    return check


def _check_template_dir(instance: Any, attribute: Any, value: str) -> None:
    if value and not Path(value).is_dir():  # a usage error when the options are read, not mid-export
        raise ValueError(f"template_dir {value!r} is not a directory")


def template_dir_option() -> Any:
    """The ``template_dir`` option: user templates overriding the built-in ones, checked when read."""
    return attrs.field(
        default="",
        validator=_check_template_dir,
        metadata={"help": "a directory of templates overriding the built-in ones (sandboxed); empty: none"},
    )


def template_environment(builtin: Path, template_dir: str | None) -> SandboxedEnvironment:
    """A sandboxed jinja2 environment with autoescape on; ``template_dir`` overrides."""
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(builtin))]
    if template_dir:
        _check_template_dir(None, None, template_dir)
        loaders.insert(0, jinja2.FileSystemLoader(template_dir))
    return SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
