"""JSON Lines: one document per line, UTF-8 without BOM, final newline."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, ClassVar

import attrs

from corpuskit import Document


@attrs.frozen
class JsonlOptions:
    """Options of the ``jsonl`` format."""

    ensure_ascii: bool = attrs.field(default=False, metadata={"help": "escape every non-ASCII character"})


class JsonlExporter:
    """Each line is exactly ``Document.to_dict()``, so ``from_dict`` loads it back."""

    name: ClassVar[str] = "jsonl"
    suffix: ClassVar[str] = ".jsonl"
    media_type: ClassVar[str] = "application/jsonl"
    description: ClassVar[str] = "JSON Lines: one document per line (for pipelines and datasets)"
    layout: ClassVar[str] = "file"
    Options: ClassVar[type] = JsonlOptions

    def __init__(self, options: JsonlOptions) -> None:
        self.options = options

    def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
        assert not isinstance(destination, Path)
        for doc in documents:
            line = json.dumps(doc.to_dict(), ensure_ascii=self.options.ensure_ascii, separators=(",", ":"))
            destination.write(line.encode("utf-8") + b"\n")
