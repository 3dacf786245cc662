"""``corpuskit shard``: write a corpus as ``jsonl.gz`` shards that other engines take over.

The layout is the one datatrove's ``JsonlReader`` and dolma read:
``OUTPUT/documents/00000.jsonl.gz`` … (one JSON object a line, with ``id``, ``text``,
``source``, ``added``, ``created`` and ``metadata``), a completion marker
``OUTPUT/completions/00000`` written once a shard is complete (datatrove's executor
keeps the same markers to skip finished work), and ``OUTPUT/_SUCCESS`` when all are and
no input failed.
A shard is written under a temporary name and renamed when complete, so a crash never
leaves a shard that looks finished.

Workers turn documents into compressed bytes themselves (a gzip member per batch; a
gzip file may hold many members), so the parent only appends bytes: shipping the bytes
is far cheaper than shipping Document objects.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import json
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

import attrs

from corpuskit.errors import CorpuskitError, ErrorCollector, ExportError, OptionError
from corpuskit.model import Document
from corpuskit.options import Options
from corpuskit.parallel import map_batches
from corpuskit.reader import plan

__all__ = ["DEFAULT_SHARD_SIZE", "ShardResult", "parse_size", "record", "shard"]

DEFAULT_SHARD_SIZE = 1 << 30

_UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9,
          "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30}


def parse_size(text: str | int) -> int:
    """``"1GB"``, ``"500MiB"``, ``"1048576"`` → bytes."""
    if isinstance(text, int):
        value = text
    else:
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*", text)
        if not m or m.group(2).lower() not in _UNITS:
            raise OptionError(f"size {text!r} is not a size such as 1GB, 500MiB or 1048576")
        value = int(float(m.group(1)) * _UNITS[m.group(2).lower()])
    if value <= 0:
        raise OptionError("shard size must be positive")
    return value


def record(doc: Document, added: str) -> dict[str, Any]:
    """One document as a datatrove/dolma record: the body as ``text``, the rest as metadata."""
    return {
        "id": doc.id,
        "text": doc.text,
        "source": "corpuskit",
        "added": added,
        "created": doc.date or "",
        "metadata": {
            "name": doc.name,
            "title": doc.title,
            "authors": list(doc.authors),
            "date": doc.date,
            "dateline": doc.dateline,
            "path": doc.source.path,
            "offset": doc.source.offset,
            "length": doc.source.length,
            "encoding": doc.source.encoding,
            "role": doc.role,
            "edits": len(doc.edits),
            "warnings": [w.code for w in doc.warnings],
        },
    }


@attrs.frozen
class _Encode:
    """Documents → one gzip member of JSON lines (picklable, runs in the workers)."""

    added: str

    def __call__(self, docs: list[Document]) -> tuple[int, bytes]:
        lines = "".join(json.dumps(record(d, self.added), ensure_ascii=False) + "\n" for d in docs)
        # mtime=0: the same corpus gives the same bytes, whatever the clock or --jobs
        return len(docs), gzip.compress(lines.encode("utf-8"), compresslevel=6, mtime=0)


@attrs.frozen
class ShardResult:
    shards: tuple[str, ...]
    documents: int


class _Writer:
    """Appends gzip members to the open shard; rolls over past the size limit."""

    def __init__(self, root: Path, limit: int) -> None:
        self.docs_dir = root / "documents"
        self.done_dir = root / "completions"
        self.docs_dir.mkdir(parents=True, exist_ok=True)
        self.done_dir.mkdir(parents=True, exist_ok=True)
        self.limit = limit
        self.index = 0
        self.size = 0
        self.fh: IO[bytes] | None = None
        self.written: list[str] = []

    def _part(self) -> Path:
        return self.docs_dir / f".{self.index:05d}.jsonl.gz.part"

    def write(self, data: bytes) -> None:
        if self.fh is None:
            self.fh = open(self._part(), "wb")  # noqa: SIM115 - closed in close()
        self.fh.write(data)
        self.size += len(data)
        if self.size >= self.limit:
            self.close()

    def close(self) -> None:
        if self.fh is None:
            return
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        self.fh = None
        final = self.docs_dir / f"{self.index:05d}.jsonl.gz"
        os.replace(self._part(), final)
        (self.done_dir / f"{self.index:05d}").touch()
        self.written.append(str(final))
        self.index += 1
        self.size = 0

    def abort(self) -> None:
        if self.fh is not None:
            self.fh.close()
            self.fh = None
            self._part().unlink(missing_ok=True)


def shard(
    sources: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    shard_size: int | str = DEFAULT_SHARD_SIZE,
    on_error: Callable[[CorpuskitError], None] | None = None,
    options: Options | None = None,
    **fields: Any,
) -> ShardResult:
    """Read ``sources`` and write them to ``output`` as jsonl.gz shards of about ``shard_size``.

    ``shard_size`` counts compressed bytes; a shard closes at the first batch boundary
    past it. ``fields`` (or a prepared ``options``) are reader options (``jobs`` included). ``output`` must not
    hold shards already.
    """
    limit = parse_size(shard_size)
    opts = Options.resolve(options, fields)
    root = Path(output)
    if (root / "documents").exists() and any((root / "documents").iterdir()):
        raise ExportError("output already holds shards; choose an empty directory", path=str(root))
    handler = ErrorCollector(on_error)
    added = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    writer = _Writer(root, limit)
    count = 0
    try:
        for n, data in map_batches(plan([os.fspath(s) for s in sources], opts), opts, handler, _Encode(added)):
            count += n
            writer.write(data)
        writer.close()
    except BaseException:
        writer.abort()
        raise
    if not handler.failed:  # _SUCCESS says the whole input is in the shards: not so when one failed
        (root / "_SUCCESS").touch()
    handler.raise_errors()
    return ShardResult(tuple(writer.written), count)
