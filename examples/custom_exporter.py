"""A custom exporter defined in a script: one TSV line per document with its trailer kinds.

No package needed: ``corpuskit.exporters.register`` adds the format for this process, and
``corpuskit.exporters.export`` writes it atomically, streaming, like any built-in format.
Run: ``python examples/custom_exporter.py [OUTPUT]``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, ClassVar

import attrs

import corpuskit
from corpuskit import exporters

SAMPLE = Path(__file__).parent / "data" / "sample_corpus.txt"


@attrs.frozen
class TsvOptions:
    max_title: int = attrs.field(default=60, metadata={"help": "cut titles to this many characters"})


class TrailerTsv:
    """id, title, word count of the body, and the kinds of junk found after the article."""

    name: ClassVar[str] = "trailer-tsv"
    suffix: ClassVar[str] = ".tsv"
    media_type: ClassVar[str] = "text/tab-separated-values"
    description: ClassVar[str] = "one line per document: id, title, body words, trailer kinds"
    layout: ClassVar[str] = "file"
    Options: ClassVar[type] = TsvOptions

    def __init__(self, options: TsvOptions) -> None:
        self.options = options

    def write(self, documents: Iterable[corpuskit.Document], destination: BinaryIO | Path) -> None:
        assert not isinstance(destination, Path)
        destination.write(b"id\ttitle\tbody_words\ttrailer\n")
        for doc in documents:
            title = (doc.title or "").replace("\t", " ")[: self.options.max_title]
            kinds = ",".join(b.kind for b in doc.trailer)
            destination.write(f"{doc.id}\t{title}\t{len(doc.text.split())}\t{kinds}\n".encode())


def main(argv: list[str]) -> int:
    exporters.register(TrailerTsv)
    output = argv[0] if argv else "trailers.tsv"
    exporters.export(corpuskit.read(SAMPLE), "trailer-tsv", output, max_title="40")
    print(Path(output).read_text(encoding="utf-8"), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
