"""JSON Lines: one document per line, UTF-8 without BOM, final newline."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, ClassVar

import attrs

from corpuskit import Document
from corpuskit_exporters._streams import compact_json, stream_of


@attrs.frozen
class JsonlOptions:
    """Options of the ``jsonl`` format."""

    ensure_ascii: bool = attrs.field(
        default=False,
        validator=attrs.validators.instance_of(bool),
        metadata={"help": "escape every non-ASCII character as \\uXXXX"},
    )


class JsonlExporter:
    """Each line is exactly ``Document.to_dict()``, so ``Document.from_dict`` loads it back."""

    name: ClassVar[str] = "jsonl"
    suffix: ClassVar[str] = ".jsonl"
    media_type: ClassVar[str] = "application/jsonl"
    description: ClassVar[str] = "JSON Lines: one document per line (for pipelines and datasets)"
    layout: ClassVar[str] = "file"
    Options: ClassVar[type] = JsonlOptions

    def __init__(self, options: JsonlOptions) -> None:
        self.options = options

    def encode(self, document: Document) -> bytes:
        """One line (a ``corpuskit.exporters.RecordExporter``: ``--jobs`` workers encode)."""
        return compact_json(document.to_dict(), ensure_ascii=self.options.ensure_ascii) + b"\n"

    def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
        self.write_records(map(self.encode, documents), destination)

    def write_records(self, records: Iterable[bytes], destination: BinaryIO | Path) -> None:
        out = stream_of(destination, self.name)
        for line in records:
            out.write(line)
