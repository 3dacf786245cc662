"""``pack`` and ``unpack``: between a directory tree of article files and one banner corpus.

``pack`` writes each document as ``=== NAME ===``, a newline, its exact bytes and a
newline, NAME being the file's path relative to the folder given (``rec.autos/101551``);
the reader removes that one separating newline again, so the two round-trip byte for
byte. A document that itself holds a line the reader would take for a delimiter cannot
be packed without splitting it later, so it is refused, not mangled.

``unpack`` recreates the folders of a NAME under the destination and never outside it:
each path component is made safe on its own (see :func:`safe_filename`), ``.`` and ``..``
components are dropped, and a name already used is made unique with ``~2``, ``~3``…
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from corpuskit.atomic import atomic_directory, atomic_file
from corpuskit.builder import WorkItem
from corpuskit.dialects import DIALECTS
from corpuskit.errors import ExportError
from corpuskit.reader import ErrorHandler, read_segments

__all__ = ["MAX_NAME_BYTES", "pack", "safe_filename", "safe_relpath", "unpack"]

_BANNER = DIALECTS["banner"]
_PACKED = attrs.evolve(_BANNER, frame=b"===")  # what the reader detects in a file pack wrote
# separators, characters Windows forbids, C0/C1 controls and DEL, and the invisible
# bidirectional controls that make "evil\u202etxt.exe" display as "evilexe.txt"
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f/\\\\:*?\"<>|\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# names Windows reserves for devices, with any extension ("CON", "aux", "COM1.txt")
_DEVICE = re.compile(r"(?i)(?:CON|PRN|AUX|NUL|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3])(?:\..*)?")
#: the longest file name most file systems take, in bytes (ext4, APFS, NTFS in UTF-16 units)
MAX_NAME_BYTES = 255


def _fit(name: str, limit: int) -> str:
    """``name`` cut to at most ``limit`` bytes (UTF-8, as the file system stores it), keeping
    a short extension and never cutting a character in two."""
    if len(os.fsencode(name)) <= limit:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or len(os.fsencode(ext)) > 16 or not stem:
        stem, ext = name, ""
    tail = "." + ext if ext else ""
    room = limit - len(os.fsencode(tail))
    while stem and len(os.fsencode(stem)) > room:
        stem = stem[:-1]
    return stem + tail


def safe_filename(name: str, fallback: str = "document", *, limit: int = MAX_NAME_BYTES) -> str:
    """One path component that cannot leave its directory or fool a reader of it.

    No separators, no ``..``, no hidden leading dot, no control or bidirectional-override
    characters, no trailing dot or space (Windows drops them), no Windows device name
    (``CON`` becomes ``_CON``), and at most ``limit`` bytes.
    """
    base = _UNSAFE.sub("_", name).strip().lstrip(".").rstrip(". ")
    if _DEVICE.fullmatch(base):
        base = "_" + base
    return _fit(base, limit) or fallback


def safe_relpath(name: str, fallback: str = "document") -> tuple[str, ...]:
    """The folders and file name a document NAME unpacks to, each component made safe;
    ``.``, ``..`` and empty components are dropped, so the path stays inside the folder."""
    parts = [p for p in re.split(r"[/\\]", name) if p.strip() not in ("", ".", "..")]
    safe = tuple(safe_filename(p, fallback) for p in parts)
    return safe or (fallback,)


def _delimiter_lines(content: bytes) -> Iterable[tuple[int, bytes]]:
    pos = 0
    for line in content.split(b"\n"):
        if _PACKED.match_line(line.rstrip(b"\r")):
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
        for item, name in _named(sources, on_error, options):
            seg = item.segment
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


def _relative_name(item: WorkItem, given: str) -> str:
    """A packed document's NAME: its path relative to the folder (or archive) given."""
    if item.path.startswith(given + "!"):
        return item.path[len(given) + 1 :]  # an archive member: its path in the archive
    if item.path != given and os.path.isdir(given):
        return Path(os.path.relpath(item.path, given)).as_posix()
    return item.name


def _named(
    sources: Iterable[str | os.PathLike[str]], on_error: ErrorHandler | None, options: dict[str, object]
) -> Iterator[tuple[WorkItem, str]]:
    for source in sources:
        given = os.fspath(source)
        for item in read_segments(given, on_error=on_error, **options):
            yield item, (_relative_name(item, given) if item.dialect == "plain" else item.name)


def unpack(
    sources: Iterable[str | os.PathLike[str]], output: str | os.PathLike[str],
    *, on_error: ErrorHandler | None = None, **options: object,
) -> int:
    """Write each document of ``sources`` to its own file under ``output``."""
    count = 0
    files: set[tuple[str, ...]] = set()
    folders: set[tuple[str, ...]] = set()
    with atomic_directory(output) as tmp:
        for item in read_segments(*sources, on_error=on_error, **options):
            parts = _unique(safe_relpath(item.name), files, folders)
            target = Path(tmp, *parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.segment.content)
            count += 1
    return count


def _unique(parts: tuple[str, ...], files: set[tuple[str, ...]], folders: set[tuple[str, ...]]) -> tuple[str, ...]:
    """``parts`` made free: a folder that is already a file's name, or a file name already
    taken (by a file or a folder), gets ``~2``, ``~3``… still within the byte limit."""
    out: tuple[str, ...] = ()
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        taken = folders | files if last else files
        candidate, n = part, 1
        while (*out, candidate) in taken:
            n += 1
            stem, dot, ext = part.rpartition(".")
            suffix = f"~{n}.{ext}" if dot and stem and last else f"~{n}"
            base = stem if dot and stem and last else part
            candidate = _fit(base, MAX_NAME_BYTES - len(os.fsencode(suffix))) + suffix
        out = (*out, candidate)
        if not last:
            folders.add(out)
    files.add(out)
    return out

