"""Write outputs atomically: to a temporary sibling, renamed into place when complete.

A crash, Ctrl-C or SIGTERM therefore never leaves a half-written file that looks
finished; the temporary is removed on failure. Only a regular file (or a new path) is
ever replaced: an existing output that is a FIFO, a device or a terminal (``/dev/null``,
``/dev/stdout``) is written to directly, because renaming over it would replace the
device itself. A symlink to a regular file stays a symlink (its target is replaced).
OS failures become one :class:`~corpuskit.errors.ExportError` naming the path and cause.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from corpuskit.errors import ExportError

__all__ = ["atomic_directory", "atomic_file", "os_error"]

#: the longest file name most file systems take (ext4, XFS, APFS, NTFS: 255 bytes)
_NAME_MAX = 255
#: what the temporary name adds around the kept part of the target's name
_TMP_EXTRA = len(".") + len(".") + 8 + len(".part")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_CAUSES = {
    errno.ENOENT: "no such directory",
    errno.ENOTDIR: "a parent is not a directory",
    errno.EISDIR: "is a directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "read-only file system",
    errno.ENAMETOOLONG: "file name too long",
    errno.ENOSPC: "no space left on device",
    errno.EDQUOT: "disk quota exceeded",
}


def os_error(exc: OSError, path: str | os.PathLike[str]) -> ExportError:
    """One line naming ``path`` and the cause, for an OS failure while writing it."""
    cause = _CAUSES.get(exc.errno or 0) or exc.strerror or str(exc)
    return ExportError(f"cannot write: {cause}", path=os.fspath(path))


def _temp_prefix(name: str) -> str:
    """``.NAME.`` cut so that the temporary's name stays within 255 bytes."""
    room = _NAME_MAX - _TMP_EXTRA
    raw = name.encode("utf-8", "surrogateescape")
    if len(raw) > room:
        name = raw[:room].decode("utf-8", "ignore")
    return f".{name}."


def _special(target: Path) -> bool:
    """An existing output that must be written in place, never replaced."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return (not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)) or _under_dev(target)


def _under_dev(target: Path) -> bool:
    # /dev/stdout -> /proc/self/fd/1 may be a regular file the shell opened: replacing
    # it would cut the shell's file off from what is written
    resolved = os.path.realpath(target)
    return str(target).startswith(("/dev/", "/proc/")) or resolved.startswith(("/dev/", "/proc/"))


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    target = Path(path)
    if len(target.name.encode("utf-8", "surrogateescape")) > _NAME_MAX:
        raise ExportError("cannot write: file name too long", path=os.fspath(path))
    if _special(target):
        try:
            fh = open(target, "wb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise os_error(exc, target) from None
        with fh:
            yield fh
        return
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if target.is_dir():
        raise ExportError("cannot write: is a directory", path=os.fspath(path))
    parent = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(target.name), suffix=".part", dir=parent)
    except OSError as exc:
        raise os_error(exc, path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private; the result gets the permissions of any new file
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and exc.filename in (tmp, os.fspath(target), None):
            raise os_error(exc, path) from None
        raise


@contextlib.contextmanager
def atomic_directory(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A fresh directory renamed to ``path`` when done; an existing ``path`` must be empty."""
    target = Path(path)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ExportError("output directory exists and is not empty", path=str(target))
    parent = target.parent if str(target.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=_temp_prefix(target.name), suffix=".part", dir=parent))
    except OSError as exc:
        raise os_error(exc, path) from None
    try:
        yield tmp
        os.chmod(tmp, 0o777 & ~_umask())
        if target.exists():
            target.rmdir()
        os.replace(tmp, target)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError) and exc.filename in (os.fspath(tmp), os.fspath(target), None):
            raise os_error(exc, path) from None
        raise
