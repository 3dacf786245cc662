"""Running an exporter the way ``corpuskit export`` does, and the streams tests hand it.

``OneShot`` is a corpus that can be read once (a pipe); ``run_exporter`` returns what an
exporter wrote, as bytes or a folder's files; ``CountingSink`` is an unseekable stream
that counts and discards, for measuring exports without keeping them.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from corpuskit.exporters import Exporter
from corpuskit.model import Document

__all__ = ["CountingSink", "OneShot", "Output", "run_exporter"]

#: What an exporter wrote: the bytes of its file, or each file of its directory by
#: relative POSIX path.
Output = bytes | dict[str, bytes]


class OneShot(Iterable[Document]):
    """An iterable that can be iterated once, like a corpus being read from a pipe.

    Iterating it twice raises. ``on_pull`` is called before each document is handed
    over (the streaming check uses it to watch the output grow).
    """

    def __init__(self, documents: Iterable[Document], on_pull: Callable[[int], None] | None = None) -> None:
        self._documents = documents
        self._on_pull = on_pull
        self._used = False
        self.pulled = 0

    def __iter__(self) -> Iterator[Document]:
        if self._used:
            raise AssertionError("the documents were iterated twice; a corpus can only be read once")
        self._used = True
        return self._generate()

    def _generate(self) -> Iterator[Document]:
        for doc in self._documents:
            if self._on_pull is not None:
                self._on_pull(self.pulled)
            self.pulled += 1
            yield doc


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


class _Probe(io.BytesIO):
    """A destination that remembers whether the exporter closed it."""

    closed_by_exporter = False

    def close(self) -> None:
        self.closed_by_exporter = True
        super().close()


def run_exporter(
    exporter: Exporter,
    documents: Iterable[Document],
    workdir: Path,
    *,
    on_pull: Callable[[int, int], None] | None = None,
) -> Output:
    """Run ``exporter`` the way ``corpuskit export`` does and return what it wrote.

    ``on_pull(i, size)`` is called before document ``i`` is handed over, with the
    number of bytes written so far.
    """
    if exporter.layout == "file":
        probe = _Probe()
        hook = None if on_pull is None else (lambda i: on_pull(i, len(probe.getbuffer())))
        exporter.write(OneShot(documents, hook), probe)
        if probe.closed_by_exporter:
            raise AssertionError("write() closed the stream it was given (detach a TextIOWrapper, do not close it)")
        return probe.getvalue()
    workdir.mkdir(parents=True, exist_ok=True)
    target = Path(workdir)
    n = 0
    while (target / f"out{n}").exists():
        n += 1
    target = target / f"out{n}"
    target.mkdir()
    hook = None if on_pull is None else (lambda i: on_pull(i, _size(target)))
    exporter.write(OneShot(documents, hook), target)
    return _tree(target)


class CountingSink(io.RawIOBase):
    """A write-only, unseekable stream that counts and discards (like a pipe to stdout)."""

    def __init__(self) -> None:
        super().__init__()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        n = memoryview(data).nbytes
        self.size += n
        return n

    def tell(self) -> int:
        return self.size
