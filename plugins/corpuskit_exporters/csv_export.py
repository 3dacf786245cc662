"""CSV: one row per document, RFC 4180, safe to open in a spreadsheet.

Columns are fixed before the first document is seen (a streaming writer cannot add
columns later), so edit counts by rule live in one cell, ``edits_by_rule``, written
``rule=count;rule=count`` sorted by rule name. The set of rules is open (user typo
lists, future rules, disabled families), and per-rule columns would change the header
from one corpus or release to the next; one compact cell keeps every file's header the
same. In pandas: ``df.edits_by_rule.str.extractall(r"(?P<rule>[^=;]+)=(?P<count>\\d+)")``.

Formula escaping (on by default) is reversible: every cell that starts with ``'`` had one
added, so ``restore`` (drop one leading ``'``) gives back the exact text; in pandas,
``df[col].str.replace(r"^'", "", regex=True)``.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, ClassVar

import attrs

from corpuskit import Document, edit_counts
from corpuskit_exporters._streams import stream_of

#: The header, in order. Stable: a new column is only ever appended.
COLUMNS = (
    "id",
    "name",
    "role",
    "index",
    "key",
    "title",
    "authors",
    "date",
    "dateline",
    "text",
    "trailer",
    "trailer_kinds",
    "source_path",
    "source_offset",
    "source_length",
    "source_encoding",
    "source_confidence",
    "edit_count",
    "edits_by_rule",
    "warnings",
    "language",
    "language_confidence",
)

#: Joins list values (authors, trailer kinds, warning codes) inside one cell.
LIST_SEPARATOR = "; "

#: OWASP "CSV injection": a spreadsheet runs a cell that starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: What a spreadsheet may pass over before it reads a formula: whitespace (LibreOffice's
#: "trim spaces" runs `` =1+1``), line feeds, no-break and other Unicode spaces, and the
#: invisible zero-width space, word joiner and byte order mark.
_FORMULA = re.compile("[\\s\u00a0\u180e\u200b-\u200d\u2060\ufeff]*[=+\\-@]")


def neutralise(cell: str) -> str:
    """Prefix with ``'`` a cell a spreadsheet could read as a formula (OWASP), reversibly.

    A cell is prefixed when, past any leading whitespace or invisible characters, it starts
    with ``= + - @``, when it starts with tab or CR, and when it already starts with ``'``
    (so that :func:`restore`, which drops one leading ``'`` from any cell, gives back
    every original cell exactly).
    """
    if cell.startswith(("'", "\t", "\r")) or _FORMULA.match(cell):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """The original text of a cell written with ``escape_formulas`` on: one leading ``'`` off."""
    return cell[1:] if cell.startswith("'") else cell


def _one_char(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if len(value) != 1 or value in "\"'\r\n":
        raise ValueError(f"option {attribute.name} takes one character other than a quote or newline, not {value!r}")


@attrs.frozen
class CsvOptions:
    """Options of the ``csv`` format."""

    bom: bool = attrs.field(
        default=False,
        validator=attrs.validators.instance_of(bool),
        metadata={"help": "start with a UTF-8 byte order mark, so Excel reads the file as UTF-8"},
    )
    escape_formulas: bool = attrs.field(
        default=True,
        validator=attrs.validators.instance_of(bool),
        metadata={"help": "prefix with ' cells a spreadsheet could run: = + - @ (also after spaces or "
                          "invisible characters), tab, CR, or ' itself (reversible: drop one leading ')"},
    )
    delimiter: str = attrs.field(
        default=",",
        validator=[attrs.validators.instance_of(str), _one_char],
        metadata={"help": "field separator, one character (';' for Excel in many European locales)"},
    )


def row_of(doc: Document) -> list[str]:
    """The raw cells of one document, before formula neutralisation (numbers as text)."""
    counts = edit_counts(doc.edits)
    trailer = doc.trailer
    return [
        doc.id,
        doc.name,
        doc.role,
        "" if doc.index is None else str(doc.index),
        doc.key or "",
        doc.title or "",
        LIST_SEPARATOR.join(doc.authors),
        doc.date or "",
        doc.dateline or "",
        doc.text,
        "\n\n".join(b.text for b in trailer),
        LIST_SEPARATOR.join(b.kind for b in trailer),
        doc.source.path,
        str(doc.source.offset),
        str(doc.source.length),
        doc.source.encoding,
        repr(doc.source.confidence),
        str(len(doc.edits)),
        ";".join(f"{rule}={n}" for rule, n in counts.items()),
        LIST_SEPARATOR.join(w.code for w in doc.warnings),
        doc.language.code if doc.language is not None else "",
        repr(doc.language.confidence) if doc.language is not None else "",
    ]


class CsvExporter:
    """One row per document under a fixed header; ``None`` is an empty cell.

    Rows end with CRLF and every cell that needs it is quoted (RFC 4180, by the ``csv``
    module). Lone surrogates (from undecodable file names) are written ``\\udcXX`` so
    the file stays valid UTF-8.
    """

    name: ClassVar[str] = "csv"
    suffix: ClassVar[str] = ".csv"
    media_type: ClassVar[str] = "text/csv"
    description: ClassVar[str] = "CSV: one row per document (for spreadsheets, pandas and R)"
    layout: ClassVar[str] = "file"
    Options: ClassVar[type] = CsvOptions

    def __init__(self, options: CsvOptions) -> None:
        self.options = options

    def _row(self, cells: Iterable[str]) -> bytes:
        buffer = io.StringIO(newline="")
        csv.writer(buffer, delimiter=self.options.delimiter, lineterminator="\r\n").writerow(cells)
        return buffer.getvalue().encode("utf-8", "backslashreplace")

    def encode(self, document: Document) -> bytes:
        """One row (a ``corpuskit.exporters.RecordExporter``: ``--jobs`` workers encode)."""
        cells = row_of(document)
        return self._row([neutralise(c) for c in cells] if self.options.escape_formulas else cells)

    def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
        self.write_records(map(self.encode, documents), destination)

    def write_records(self, records: Iterable[bytes], destination: BinaryIO | Path) -> None:
        out = stream_of(destination, self.name)
        out.write((codecs.BOM_UTF8 if self.options.bom else b"") + self._row(COLUMNS))
        for row in records:
            out.write(row)
