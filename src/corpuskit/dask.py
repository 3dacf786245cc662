"""Read a corpus as a Dask bag, and export a bag from the workers (extra ``corpuskit[dask]``).

Dask's ``read_bytes(delimiter=...)`` cuts on a fixed byte string, which splits a
document wherever a body line merely starts like a delimiter, and misses the first
header of a file. So the ranges are planned here, with the reader's own rule
(:mod:`corpuskit.ranges`), and each partition of the bag is one range read by the
reader's own code. Paths are anything fsspec opens (local paths, globs, ``s3://``,
``gs://`` …); compressed files and archives are read whole, one partition each.

Collecting documents to the client (``bag.compute()``) ships every Document through
the scheduler and is slow; write results from the workers with :func:`to_files`.

A partition is lazy (:class:`_Partition`): its range is read, and its documents built
a batch at a time (``parallel.batches``, ``builder.build_many``), as the partition is
iterated, so ``to_files`` streams the documents from the builder to the exporter and a
worker holds one batch at a time, as a ``--jobs`` worker does, not the whole partition
(a 64 MB range is several hundred MB of Documents). Pickled (sent
to another worker or to the client), a partition is sent as the list of its documents.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import dask
import dask.bag as db
import fsspec
from fsspec.core import get_fs_token_paths

from corpuskit import exporters
from corpuskit.builder import build_many
from corpuskit.errors import CorpuskitError, ReadErrors
from corpuskit.model import Document
from corpuskit.options import Options
from corpuskit.parallel import batches
from corpuskit.ranges import ByteRange, plan_file, range_items

__all__ = ["plan_ranges", "read_corpus", "to_files"]

DEFAULT_BLOCKSIZE = 64 * 1024 * 1024


def _files(fs: Any, paths: Sequence[str]) -> list[tuple[str, bool]]:
    """Files under ``paths`` (and whether each was found in a directory), directories walked
    in sorted order, hidden names skipped."""
    out: list[tuple[str, bool]] = []
    for path in paths:
        if fs.isdir(path):
            found = sorted(fs.find(path))
            out.extend((p, True) for p in found if not any(part.startswith(".") for part in
                                                            posixpath.relpath(p, path).split("/")))
        else:
            out.append((path, False))
    return out


def plan_ranges(
    urlpath: str | Sequence[str], options: Options, blocksize: int = DEFAULT_BLOCKSIZE,
    storage_options: dict[str, Any] | None = None,
) -> tuple[Any, list[ByteRange]]:
    """The filesystem and the byte ranges of every input, in input order."""
    fs, _, paths = get_fs_token_paths(urlpath, mode="rb", storage_options=storage_options or {})
    local = "file" in (fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,))
    ranges: list[ByteRange] = []
    for path, member in _files(fs, paths):
        label = path if local else fs.unstrip_protocol(path)
        ranges.extend(plan_file(fs.open, path, int(fs.size(path)), options, blocksize, label=label, member=member))
    return fs, ranges


class _Partition(Iterable[Document]):
    """The documents of some byte ranges, read and built each time the partition is iterated.

    Iterable, not an iterator, so every consumer gets all of them (a persisted bag keeps
    the plan, not the documents: ``bag.map_partitions(list).persist()`` keeps those).
    """

    def __init__(self, ranges: Sequence[ByteRange], fs: Any, options: Options, errors: str) -> None:
        self.ranges, self.fs, self.options, self.errors = list(ranges), fs, options, errors

    def __iter__(self) -> Iterator[Document]:
        failures: list[CorpuskitError] = []
        for rng in self.ranges:
            for part in batches(range_items(self.fs.open, rng, self.options)):
                if isinstance(part, CorpuskitError):
                    failures.append(part)
                else:
                    yield from build_many(part, self.options)
        if failures and self.errors == "raise":
            raise ReadErrors(failures)

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (list(self),))


def _read_partition(ranges: Iterable[ByteRange], fs: Any, options: Options, errors: str) -> _Partition:
    return _Partition(list(ranges), fs, options, errors)


def read_corpus(
    urlpath: str | Sequence[str],
    blocksize: int | str = DEFAULT_BLOCKSIZE,
    *,
    storage_options: dict[str, Any] | None = None,
    errors: str = "raise",
    **options: Any,
) -> db.Bag:
    """A bag of the Documents of ``urlpath``, one partition per byte range, in input order.

    ``blocksize`` (bytes, or a string such as ``"64MiB"``) is the size a big
    uncompressed corpus file is cut at, each edge moved to the next delimiter line.
    ``options`` are :class:`corpuskit.Options` fields. With ``errors="raise"`` an input
    that cannot be read fails its partition with :class:`ReadErrors`; with ``"skip"`` it
    is left out. Unlike ``read()``, a name used twice in one file is made unique only
    when both records fall in the same block.
    """
    if errors not in ("raise", "skip"):
        raise ValueError("errors must be 'raise' or 'skip'")
    opts = Options.from_kwargs(options)
    size = dask.utils.parse_bytes(blocksize) if isinstance(blocksize, str) else int(blocksize)
    fs, ranges = plan_ranges(urlpath, opts, size, storage_options)
    if not ranges:
        return db.from_sequence([], npartitions=1)
    bag = db.from_sequence(ranges, npartitions=len(ranges))
    return bag.map_partitions(_read_partition, fs, opts, errors)


def _write_partition(docs: Iterable[Document], format: str, path: str, options: dict[str, Any]) -> str:
    if "://" in path and not path.startswith("file://"):
        exporter = exporters.create(format, **options)
        if exporter.layout != "file":
            raise CorpuskitError(f"format {format!r} writes a directory; give a local path", path=path)
        with fsspec.open(path, "wb") as fh:
            exporter.write(docs, fh)
    else:
        exporters.export(docs, format, path, **options)
    return path


def to_files(
    bag: db.Bag, format: str, output: str | os.PathLike[str], *, compute: bool = True, **options: Any
) -> Any:
    """Write each partition of ``bag`` with the exporter ``format`` from the workers.

    Files are ``OUTPUT/part-00000<suffix>`` (a directory per partition for directory
    formats), one per partition, in partition order; nothing is sent to the client but
    the paths. ``options`` are the exporter's options. Returns the paths, or the delayed
    tasks with ``compute=False``.
    """
    output = os.fspath(output)
    cls = exporters.get(format)
    exporters.parse_options(cls, options)  # a bad option fails here, not on a worker
    if "://" not in output or output.startswith("file://"):
        os.makedirs(output.removeprefix("file://"), exist_ok=True)
    suffix = cls.suffix if cls.layout == "file" else ""
    tasks = [
        dask.delayed(_write_partition)(part, format, posixpath.join(output, f"part-{i:05d}{suffix}"), options)
        for i, part in enumerate(bag.to_delayed())
    ]
    if not compute:
        return tasks
    return list(dask.compute(*tasks))
