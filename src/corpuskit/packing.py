"""``pack`` and ``unpack``: between a directory of article files and one banner corpus.

``pack`` writes each document as ``=== NAME ===``, a newline, its exact bytes and a
newline; the reader removes that one separating newline again, so the two round-trip
byte for byte. A document that itself holds a line the reader would take for a
delimiter cannot be packed without splitting it later, so it is refused, not mangled.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from corpuskit.atomic import atomic_directory, atomic_file
from corpuskit.dialects import DIALECTS
from corpuskit.errors import ExportError
from corpuskit.reader import ErrorHandler, read_segments

__all__ = ["pack", "safe_filename", "unpack"]

_BANNER = DIALECTS["banner"]
_UNSAFE = re.compile(r"[\x00-\x1f/\\:*?\"<>|]")


def safe_filename(name: str, fallback: str = "document") -> str:
    """A file name that cannot leave its directory: no separators, no ``..``, no controls."""
    base = _UNSAFE.sub("_", name).strip().lstrip(".")
    return base[:200] or fallback


def _delimiter_lines(content: bytes) -> Iterable[tuple[int, bytes]]:
    pos = 0
    for line in content.split(b"\n"):
        if _BANNER.match_line(line.rstrip(b"\r")):
            yield pos, line
        pos += len(line) + 1


def pack(
    sources: Iterable[str | os.PathLike[str]], output: str | os.PathLike[str],
    *, on_error: ErrorHandler | None = None, **options: object,
) -> int:
    """Write the documents of ``sources`` to ``output`` in the banner dialect.

    Each file is one document (the ``plain`` dialect) unless ``dialect`` says otherwise.
    Returns the number of documents written. Raises :class:`ExportError` (and writes
    nothing) when a name has white space or a document holds a delimiter-like line.
    """
    count = 0
    options.setdefault("dialect", "plain")  # each file under the directories is one article
    with atomic_file(output) as out:
        for item in read_segments(*sources, on_error=on_error, **options):
            seg = item.segment
            name = item.name
            line = b"=== " + name.encode("utf-8", "surrogateescape") + b" ==="
            if re.search(r"\s", name) or not _BANNER.match_line(line):
                raise ExportError(
                    f"document name {name!r} cannot be written as a banner line", path=item.path, offset=seg.offset
                )
            content = seg.content
            for pos, _ in _delimiter_lines(content):
                raise ExportError(
                    f"document {name!r} holds a line that reads as a delimiter; packing it would split it",
                    path=item.path, offset=seg.content_offset + pos,
                )
            out.write(line + b"\n")
            out.write(content)
            out.write(b"\n")
            count += 1
    return count


def unpack(
    sources: Iterable[str | os.PathLike[str]], output: str | os.PathLike[str],
    *, on_error: ErrorHandler | None = None, **options: object,
) -> int:
    """Write each document of ``sources`` to its own file under ``output``."""
    count = 0
    used: set[str] = set()
    with atomic_directory(output) as tmp:
        for item in read_segments(*sources, on_error=on_error, **options):
            name = safe_filename(item.name)
            candidate, n = name, 1
            while candidate in used:
                n += 1
                stem, dot, ext = name.rpartition(".")
                candidate = f"{stem}~{n}.{ext}" if dot else f"{name}~{n}"
            used.add(candidate)
            Path(tmp, candidate).write_bytes(item.segment.content)
            count += 1
    return count

