"""Where the evaluation data is, and how a page of it becomes a corpuskit Document.

Pages are written one file each into a temporary folder and read with ``corpuskit.read`` and
the ``plain`` dialect: the same decoding, cleaning and structure a user's folder of
per-article files gets, one Document per page.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import attrs

import corpuskit

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT.parent / "shared" / "data"


def data_dir(given: str | os.PathLike[str] | None = None) -> Path:
    """The evaluation data folder: ``given``, else ``$CORPUSKIT_EVAL_DATA``, else ``../shared/data``."""
    return Path(given or os.environ.get("CORPUSKIT_EVAL_DATA") or DEFAULT)


def read_pages(pages: Sequence[bytes], **options: object) -> Iterator[corpuskit.Document]:
    """One Document per page, in order, through the whole default pipeline."""
    with tempfile.TemporaryDirectory(prefix="corpuskit-eval-") as tmp:
        names = []
        for i, page in enumerate(pages):
            name = f"{i:05d}.txt"
            Path(tmp, name).write_bytes(page)
            names.append(name)
        docs = {d.name: d for d in corpuskit.read(tmp, dialect="plain", **options)}
        for name in names:
            yield docs[name]


C = TypeVar("C")


def add_counts(a: C, b: C) -> C:
    """Field-by-field sum of two frozen attrs records of counts (per-page tallies summed)."""
    return type(a)(*(x + y for x, y in zip(attrs.astuple(a), attrs.astuple(b), strict=True)))


def raw_to_cleaned(doc: corpuskit.Document, raw_offset: int) -> int:
    """Where a ``raw_text`` offset lands in ``cleaned_text`` once the edits are applied."""
    shift = 0
    for e in doc.edits:
        if e.end <= raw_offset:
            shift += len(e.after) - (e.end - e.start)
        elif e.start < raw_offset:  # an edit across the offset: land at its start
            return e.start + shift
    return raw_offset + shift
