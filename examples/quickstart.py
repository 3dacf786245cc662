"""Read the bundled sample corpus and print a table of its documents.

Run it from anywhere: ``python examples/quickstart.py [CORPUS...]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import corpuskit

SAMPLE = Path(__file__).parent / "data" / "sample_corpus.txt"


def main(argv: list[str]) -> int:
    sources = argv or [str(SAMPLE)]
    print(f"{'id':22} {'enc':8} {'edits':>5} {'blocks':>6} {'trailer':>7}  title")
    for doc in corpuskit.read(*sources):
        title = (doc.title or doc.text.split("\n", 1)[0])[:48]
        print(
            f"{doc.id:22} {doc.source.encoding:8} {len(doc.edits):5} {len(doc.blocks):6} "
            f"{len(doc.trailer):7}  {title}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
