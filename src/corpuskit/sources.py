"""Turn the paths a user gives into readable byte streams, one per corpus file.

Directories are walked in sorted order, so a corpus reads the same on every machine;
compression is recognised by magic bytes, not by suffix; zip and tar archives yield one
stream per member. Each failure is yielded as an :class:`InputError` in place of the
stream, so the reader can report it and go on with the other inputs.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import shutil
import stat
import sys
import tarfile
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

import attrs

from corpuskit.errors import InputError, InputSkipped

__all__ = ["SNIFF_WINDOW", "Guard", "Input", "Limits", "open_inputs", "open_stream", "sniff"]

#: The first bytes of an input that ``sniff`` reads to tell text, compression and archives apart.
SNIFF_WINDOW = 8192

# what reading a damaged file, compressed stream or archive member can raise (a zip
# member's bad CRC or wrong declared size is BadZipFile, a cut tar member ReadError)
STREAM_ERRORS: tuple[type[Exception], ...] = (
    OSError, EOFError, ValueError, zlib.error, lzma.LZMAError, zipfile.BadZipFile, tarfile.TarError,
)

_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF file",
    b"\x7fELF": "an executable (ELF)",
    b"MZ": "a Windows executable",
    b"\x00asm": "a WebAssembly module",
    b"SQLite format 3\x00": "an SQLite database",
    b"OggS": "an Ogg media file",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
    b"(\xb5/\xfd": "a Zstandard stream",
}


class Guard(io.RawIOBase):
    """A raw stream that turns a read failure (truncated gzip, I/O error) into end of file.

    The splitter then closes the last record with the bytes that did arrive, and the
    reader reports ``error`` with ``position``, the offset where the data stopped.
    """

    def __init__(self, inner: BinaryIO, *, below: Guard | None = None, limits: Limits | None = None) -> None:
        super().__init__()
        self._inner = inner
        self._below = below  # the guard of the compressed stream this one decompresses
        self._limits = limits or Limits()
        self.position = 0
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.error is not None:
            return 0
        try:
            # read1 stops at one decompressed chunk, so the bytes before a truncation
            # arrive before the error does
            reader = getattr(self._inner, "read1", self._inner.read)
            data = reader(len(buffer))
        except STREAM_ERRORS as exc:
            self.error = exc
            return 0
        n = len(data)
        buffer[:n] = data
        self.position += n
        if self._below is not None:
            self._check_limits()
        return n

    def _check_limits(self) -> None:
        """Stop a decompression bomb: too many bytes out, or too many per byte in."""
        limits = self._limits
        assert self._below is not None
        if self.position > limits.max_input_bytes:
            self.error = InputError(
                f"decompressed size over {limits.max_input_bytes} bytes (max_input_bytes); rest not read")
        elif self.position > _RATIO_SLACK and self.position > limits.max_ratio * max(self._below.position, 1):
            self.error = InputError(
                f"decompresses over {limits.max_ratio} times its size (max_ratio): possible decompression bomb; "
                "rest not read")


@attrs.frozen
class Limits:
    """Bounds against hostile archives (Options.max_ratio / max_input_bytes)."""

    max_ratio: int = 1000
    max_input_bytes: int = 1 << 40


_RATIO_SLACK = 16 << 20  # small files may compress extremely well; judge the ratio past this


@attrs.frozen
class Input:
    """One corpus file ready to split: display path, file name, stream and its guard."""

    path: str
    filename: str
    stream: io.BufferedReader[Any]
    guard: Guard


def sniff(head: bytes) -> str:
    """What the first bytes say a stream is: gzip, bzip2, xz, zip, tar, binary or text."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"BZh") and head[3:4].isdigit():
        return "bzip2"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if len(head) >= 262 and head[257:262] == b"ustar":
        return "tar"
    for magic in _BINARY_MAGIC:
        if head.startswith(magic) and not (magic == b"MZ" and _texty(head)):
            return "binary"
    if b"\x00" in head and not _texty(head):
        return "binary"
    return "text"


def _texty(head: bytes) -> bool:
    """Whether bytes with NULs still look like text (UTF-16/32, or a stray NUL or two).

    Text has almost no C0 control bytes besides tab, newlines and form feed; binary
    formats are full of them. A few NULs in text are the control-character rule's job.
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\x00\x00\xfe\xff")):
        return True
    nul = head.count(0)
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    # UTF-16 without a BOM: ASCII text has its zero bytes on one side only
    if nul and (even == 0 or odd == 0) and max(even, odd) * 4 > len(head) // 2:
        return True
    # UTF-32 without a BOM: the zero bytes fill three of every four positions
    if nul * 2 > len(head) and min(head[0::4].count(0), head[3::4].count(0)) == 0:
        return True
    control = sum(1 for b in head if b < 9 or (13 < b < 32 and b != 27))
    return control * 20 < max(len(head), 256)  # a short snippet is too little evidence


def _describe_binary(head: bytes) -> str:
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return what
    return "binary data (NUL and control bytes)"




def _peek(stream: io.BufferedReader[Any], n: int = SNIFF_WINDOW) -> bytes:
    head = stream.peek(n)
    return head[:n]


def open_inputs(paths: list[str], *, limits: Limits | None = None, max_depth: int = 3) -> Iterator[Input | InputError]:
    """Yield an :class:`Input` per corpus file under ``paths`` (or the error met).

    Each stream is open only while the consumer works on it: it is closed when the
    generator is resumed, so a zip of a million members holds one member open at a time.
    """
    lim = limits or Limits()
    for path in paths:
        if path == "-":
            yield from open_stream("<stdin>", "stdin", sys.stdin.buffer, max_depth, lim)
            continue
        if os.path.isdir(path):
            yield from _walk(path, max_depth, lim)
            continue
        yield from _open_file(path, max_depth, lim)


def _walk(root: str, max_depth: int, limits: Limits) -> Iterator[Input | InputError]:
    found = False
    for dirpath, dirnames, filenames in os.walk(root, onerror=None):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            found = True
            path = os.path.join(dirpath, name)
            try:
                mode = os.stat(path).st_mode
            except OSError as exc:
                yield InputError(exc.strerror or str(exc), path=path)
                continue
            if not stat.S_ISREG(mode):
                # a FIFO or device inside a folder would block the run forever (or never end)
                yield InputSkipped("not a regular file (FIFO, socket or device); skipped", path=path)
                continue
            yield from _open_file(path, max_depth, limits)
    if not found:
        yield InputError("directory holds no files", path=root)


def _open_file(path: str, max_depth: int, limits: Limits) -> Iterator[Input | InputError]:
    try:
        fh = open(path, "rb", buffering=1 << 16)  # noqa: SIM115 - closed below
    except FileNotFoundError:
        yield InputError("no such file or directory", path=path)
        return
    except IsADirectoryError:
        yield InputError("is a directory", path=path)
        return
    except OSError as exc:
        yield InputError(exc.strerror or str(exc), path=path)
        return
    with fh:
        yield from open_stream(path, os.path.basename(path), fh, max_depth, limits)


def open_stream(
    path: str, filename: str, raw: BinaryIO, depth: int, limits: Limits, below: Guard | None = None
) -> Iterator[Input | InputError]:
    guard = Guard(raw, below=below, limits=limits)
    stream = io.BufferedReader(guard, buffer_size=1 << 16)
    head = _peek(stream)
    if guard.error is not None and not head:
        cause = "truncated archive member (input ended early)" if "unexpected end of data" in str(guard.error) \
            else f"cannot read: {guard.error}"
        yield InputError(cause, path=path, offset=0)
        return
    kind = sniff(head)
    if kind in ("gzip", "bzip2", "xz"):
        if depth <= 0:
            yield InputError(f"{kind} nested too deep", path=path, offset=0)
            return
        inner: gzip.GzipFile | bz2.BZ2File | lzma.LZMAFile
        if kind == "gzip":
            inner = gzip.GzipFile(fileobj=stream, mode="rb")
        elif kind == "bzip2":
            inner = bz2.BZ2File(stream, mode="rb")
        else:
            inner = lzma.LZMAFile(stream, mode="rb")  # noqa: SIM115 - closed just below
        with inner:
            yield from open_stream(path, _strip_suffix(filename, kind), inner, depth - 1,  # type: ignore[arg-type]
                                    limits, guard)
        return
    if kind == "zip":
        yield from _zip(path, stream, depth, limits)
        if guard.error is not None:
            yield InputError(f"cannot read: {guard.error}", path=path, offset=guard.position)
        return
    if kind == "tar":
        yield from _tar(path, stream, depth, limits)
        return
    if kind == "binary":
        yield InputError(f"not a text corpus: looks like {_describe_binary(head)}", path=path, offset=0)
        return
    yield Input(path, filename, stream, guard)


_SUFFIXES = {"gzip": (".gz", ".gzip"), "bzip2": (".bz2",), "xz": (".xz",)}


def _strip_suffix(filename: str, kind: str) -> str:
    for suffix in _SUFFIXES[kind]:
        if filename.endswith(suffix):
            return filename[: -len(suffix)]
    return filename


def _seekable(stream: io.BufferedReader[Any]) -> BinaryIO:
    """Archives need random access; spool a pipe or a decompressed stream to disk."""
    try:
        if stream.seekable():
            stream.seek(0, os.SEEK_CUR)
            return stream
    except OSError:
        pass
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed with the zip file
    shutil.copyfileobj(stream, spool, 1 << 20)
    spool.seek(0)
    return spool


def _member_ok(name: str) -> bool:
    """A member name that stays inside the archive (no absolute path, no ``..``)."""
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return False
    parts = name.replace("\\", "/").split("/")
    return ".." not in parts


def _member(path: str, name: str) -> tuple[str, str | None, InputError | None]:
    """An archive member's label (``ARCHIVE!MEMBER``), its file name, and why it is refused.

    The file name is None for a member to pass over: one that escapes the archive (with
    an error saying so) or a hidden file.
    """
    label = f"{path}!{name}"
    if not _member_ok(name):
        return label, None, InputError("archive member escapes the archive; skipped", path=label)
    base = name.rsplit("/", 1)[-1]
    return label, (None if base.startswith(".") else base), None


def _zip(path: str, stream: io.BufferedReader[Any], depth: int, limits: Limits) -> Iterator[Input | InputError]:
    backing = _seekable(stream)
    try:
        zf = zipfile.ZipFile(backing)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        yield InputError(f"corrupt zip archive: {exc}", path=path, offset=0)
        return
    with zf:
        yield from _zip_members(path, zf, depth, limits)
    if backing is not stream:
        backing.close()


def _zip_members(path: str, zf: zipfile.ZipFile, depth: int, limits: Limits) -> Iterator[Input | InputError]:
    infos = zf.infolist()
    for info in infos:
        if info.is_dir():
            continue
        label, base, refused = _member(path, info.filename)
        if refused is not None:
            yield refused
        if base is None:
            continue
        if info.file_size > limits.max_input_bytes or (
            info.file_size > _RATIO_SLACK and info.file_size > limits.max_ratio * max(info.compress_size, 1)
        ):
            yield InputError(
                f"member would decompress to {info.file_size} bytes from {info.compress_size} "
                "(max_ratio / max_input_bytes): possible decompression bomb; skipped",
                path=label, offset=info.header_offset)
            continue
        try:
            member = zf.open(info)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError) as exc:
            yield InputError(f"cannot open archive member: {exc}", path=label, offset=info.header_offset)
            continue
        with member:
            yield from open_stream(label, base, member, depth - 1, limits)  # type: ignore[arg-type]


class _EndSeen(tarfile.TarInfo):
    """A TarInfo that records how the archive ended, which tarfile's stream mode hides.

    tarfile ends iteration silently at a cut or garbled header after the first member
    and at a stream that stops without the end-of-archive blocks: both are truncations.
    """

    @classmethod
    def fromtarfile(cls, tarfile_: tarfile.TarFile) -> _EndSeen:
        try:
            return super().fromtarfile(tarfile_)
        except tarfile.HeaderError as exc:
            kind = type(exc).__name__  # tarfile's subclasses of HeaderError are not public
            if kind == "EOFHeaderError":
                end = "marker"
            elif kind == "EmptyHeaderError":
                end = "no end-of-archive marker"
            else:
                end = f"a damaged member header ({exc})"
            setattr(tarfile_, "corpuskit_end", end)  # noqa: B010 - an attribute of our own
            raise


def _tar(path: str, stream: io.BufferedReader[Any], depth: int, limits: Limits) -> Iterator[Input | InputError]:
    last: list[Input | InputError] = []  # what the archive yielded last
    try:
        with tarfile.open(fileobj=stream, mode="r|*", tarinfo=_EndSeen) as tf:
            for item in _tar_members(path, tf, depth, limits):
                last[:] = [item]
                yield item
            end = getattr(tf, "corpuskit_end", "marker")
            if end != "marker":
                yield InputError(f"truncated tar archive: it ends with {end} after the last complete member",
                                 path=path, offset=tf.offset)
    except (tarfile.TarError, OSError, EOFError) as exc:
        if "unexpected end of data" not in str(exc):
            yield InputError(f"corrupt tar archive: {exc}", path=path)
        elif not (last and (isinstance(last[0], InputError) or last[0].guard.error is not None)):
            yield InputError("truncated tar archive (input ended early)", path=path)


def _tar_members(path: str, tf: tarfile.TarFile, depth: int, limits: Limits) -> Iterator[Input | InputError]:
    for info in tf:
        kept = getattr(tf, "members", None)  # stream mode keeps every TarInfo: memory would grow per member
        if isinstance(kept, list):
            kept.clear()
        if not info.isfile():
            continue
        label, base, refused = _member(path, info.name)
        if refused is not None:
            yield refused
        if base is None:
            continue
        member = tf.extractfile(info)
        if member is None:
            continue
        with member:
            yield from open_stream(label, base, member, depth - 1, limits)  # type: ignore[arg-type]
