"""JSON: the whole corpus as one valid JSON array, written one document at a time."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, ClassVar

import attrs

from corpuskit import Document
from corpuskit_exporters._streams import compact_json, encode_json, stream_of


@attrs.frozen
class JsonOptions:
    """Options of the ``json`` format."""

    indent: int = attrs.field(
        default=0,
        validator=[attrs.validators.instance_of(int), attrs.validators.in_(range(9))],
        metadata={"help": "indent nested values by this many spaces, 0-8 (0: one document per line)"},
    )
    ensure_ascii: bool = attrs.field(
        default=False,
        validator=attrs.validators.instance_of(bool),
        metadata={"help": "escape every non-ASCII character as \\uXXXX"},
    )


class JsonExporter:
    """An array of ``Document.to_dict()`` objects.

    The array is written piecewise (``[``, each document, ``,`` between them, ``]``), so
    memory holds one document at a time however large the corpus; an empty corpus is
    ``[]``. With the default ``indent=0`` each document sits on its own line, so the
    file is still readable with line tools.
    """

    name: ClassVar[str] = "json"
    suffix: ClassVar[str] = ".json"
    media_type: ClassVar[str] = "application/json"
    description: ClassVar[str] = "JSON: one array of documents (for archives and tools that load a whole file)"
    layout: ClassVar[str] = "file"
    Options: ClassVar[type] = JsonOptions

    def __init__(self, options: JsonOptions) -> None:
        self.options = options

    def _dump(self, doc: Document) -> bytes:
        indent = self.options.indent
        if not indent:
            return compact_json(doc.to_dict(), ensure_ascii=self.options.ensure_ascii)
        text = json.dumps(doc.to_dict(), ensure_ascii=self.options.ensure_ascii, indent=indent, separators=(",", ": "))
        # Nest the document one level inside the array; JSON strings hold no raw newline.
        return encode_json(text.replace("\n", "\n" + " " * indent))

    def encode(self, document: Document) -> bytes:
        """One array element, indented (a ``corpuskit.exporters.RecordExporter``)."""
        return b" " * self.options.indent + self._dump(document)

    def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
        self.write_records(map(self.encode, documents), destination)

    def write_records(self, records: Iterable[bytes], destination: BinaryIO | Path) -> None:
        out = stream_of(destination, self.name)
        first = True
        for element in records:
            out.write((b"[\n" if first else b",\n") + element)
            first = False
        out.write(b"[]\n" if first else b"\n]\n")
