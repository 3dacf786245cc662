"""JSON: the whole corpus as one valid JSON array, written one document at a time."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, ClassVar

import attrs

from corpuskit import Document
from corpuskit_exporters._streams import encode_json, stream_of


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

    def _dump(self, doc: Document) -> str:
        indent = self.options.indent or None
        text = json.dumps(
            doc.to_dict(),
            ensure_ascii=self.options.ensure_ascii,
            indent=indent,
            separators=(",", ": ") if indent else (",", ":"),
        )
        # Nest the document one level inside the array; JSON strings hold no raw newline.
        return text.replace("\n", "\n" + " " * indent) if indent else text

    def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
        out = stream_of(destination, self.name)
        pad = " " * self.options.indent
        first = True
        for doc in documents:
            out.write(encode_json(("[\n" if first else ",\n") + pad + self._dump(doc)))
            first = False
        out.write(b"[]\n" if first else b"\n]\n")
