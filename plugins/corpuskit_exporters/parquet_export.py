"""Parquet: one row per document, the document's fields as typed (nested) columns.

For the dataframe and datasets world: pandas, polars, DuckDB, Spark and Hugging Face
``datasets`` read it as is. Every field of ``Document.to_dict()`` is a column of the
Arrow type in :data:`ARROW_SCHEMA` (lists of structs for ``edits``, ``blocks``,
``trailer`` and ``warnings``; a struct for ``source`` and ``duplicates``; ``date`` a
real date). The Arrow schema is versioned with the JSON Schema: its id,
``ARROW_SCHEMA_ID``, and the JSON Schema's id are stored in the file's key-value
metadata. Like the JSON Schema it only grows, by new nullable columns appended.

Streaming: documents are turned into Arrow record batches of at most
``BATCH_ROWS`` rows or ``BATCH_CHARS`` characters of text, and batches are written as one
row group when ``row_group_rows`` rows or ``row_group_mb`` megabytes of Arrow data have
gathered; memory is bounded by one row group, whatever the corpus size.

Text Parquet cannot hold: a lone surrogate (what ``surrogateescape`` makes of an
undecodable file name) is written as its ``\\udcXX`` escape, as the JSON exporters do.

Needs the ``parquet`` extra (``pip install 'corpuskit[parquet]'``, pyarrow): without
it the format is still listed, and exporting is a one-line error naming the extra.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import attrs
import orjson

from corpuskit import SCHEMA_ID, Document, errors
from corpuskit_exporters._streams import stream_of

#: Versioned with the JSON Schema: ``@1`` columns are never renamed or retyped.
ARROW_SCHEMA_ID = "corpuskit/document-arrow@1"
#: A record batch is cut at this many rows or characters of document text.
BATCH_ROWS = 256
BATCH_CHARS = 1 << 18
COMPRESSIONS = ("zstd", "snappy", "gzip", "brotli", "lz4", "none")
EXTRA_HINT = "pip install 'corpuskit[parquet]'"


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise errors.ExportError(f"format 'parquet' needs pyarrow: {EXTRA_HINT}") from None
    return pyarrow


def arrow_schema() -> Any:
    """The Arrow schema of a corpuskit Parquet file (``docs/exporters.md`` shows it)."""
    pa = _pyarrow()
    s, i64, f64 = pa.string(), pa.int64(), pa.float64()
    return pa.schema(
        [
            pa.field("schema", s, nullable=False),
            pa.field("id", s, nullable=False),
            pa.field("name", s, nullable=False),
            pa.field("role", s, nullable=False),
            pa.field("index", i64),
            pa.field("key", s),
            pa.field("metadata", pa.list_(pa.struct([("key", s), ("value", s)]))),
            pa.field(
                "source",
                pa.struct([("path", s), ("offset", i64), ("length", i64), ("encoding", s),
                           ("confidence", f64), ("dialect", s)]),
                nullable=False,
            ),
            pa.field("title", s),
            pa.field("authors", pa.list_(s)),
            pa.field("date", pa.date32()),
            pa.field("dateline", s),
            pa.field("text", s),
            pa.field("trailer", pa.list_(pa.struct([("kind", s), ("text", s)]))),
            pa.field("warnings", pa.list_(pa.struct([("code", s), ("message", s), ("offset", i64)]))),
            pa.field("raw_text", s),
            pa.field("edits", pa.list_(pa.struct([("rule", s), ("start", i64), ("end", i64), ("before", s),
                                                  ("after", s)]))),
            pa.field("blocks", pa.list_(pa.struct([("kind", s), ("region", s), ("start", i64), ("end", i64),
                                                   ("text", s), ("duplicate_of", i64), ("score", f64)]))),
            pa.field("language", pa.struct([("code", s), ("confidence", f64)])),
            pa.field("duplicates", pa.struct([("cluster", i64), ("first", s), ("first_path", s), ("match", s),
                                              ("match_path", s), ("jaccard", f64), ("exact", pa.bool_())])),
        ],
        metadata={"corpuskit.schema": SCHEMA_ID, "corpuskit.arrow_schema": ARROW_SCHEMA_ID},
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(value: Any) -> Any:
    """``value`` with lone surrogates in its strings spelled as ``\\udcXX`` (valid UTF-8)."""
    if isinstance(value, str):
        if _SURROGATE.search(value) is None:
            return value
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def row_of(doc: Document) -> dict[str, Any]:
    """The Parquet row of a document: ``to_dict()`` with typed date and metadata pairs."""
    row = doc.to_dict()
    row["metadata"] = [{"key": k, "value": v} for k, v in row["metadata"].items()]
    date = row["date"]
    if date is not None:
        try:
            row["date"] = datetime.date.fromisoformat(date)
        except ValueError:
            raise errors.ExportError(f"{doc.id}: date {date!r} is not an ISO date (YYYY-MM-DD)") from None
    return row


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"{attribute.name} must be at least 1, not {value}")


@attrs.frozen
class ParquetOptions:
    """Options of the ``parquet`` format."""

    compression: str = attrs.field(
        default="zstd",
        validator=attrs.validators.in_(COMPRESSIONS),
        metadata={"help": "column compression: " + ", ".join(COMPRESSIONS)},
    )
    row_group_rows: int = attrs.field(
        default=10_000,
        validator=[attrs.validators.instance_of(int), _positive],
        metadata={"help": "a row group holds at most this many documents"},
    )
    row_group_mb: int = attrs.field(
        default=64,
        validator=[attrs.validators.instance_of(int), _positive],
        metadata={"help": "...and at most about this many megabytes of Arrow data (bounds memory)"},
    )


class ParquetExporter:
    """Apache Parquet: typed columns, nested lists of structs, written in row groups."""

    name: ClassVar[str] = "parquet"
    suffix: ClassVar[str] = ".parquet"
    media_type: ClassVar[str] = "application/vnd.apache.parquet"
    description: ClassVar[str] = "Apache Parquet: typed columns for pandas, polars, DuckDB and datasets"
    layout: ClassVar[str] = "file"
    Options: ClassVar[type] = ParquetOptions

    def __init__(self, options: ParquetOptions) -> None:
        self.options = options

    def encode(self, document: Document) -> bytes:
        """The document's row as JSON (a ``corpuskit.exporters.RecordExporter``: with
        ``--jobs``, workers build rows and the parent only parses them, with orjson, and
        writes). The text size the batches are cut by travels with it."""
        row = row_of(document)
        size = 2 * len(document.raw_text)  # the raw text, and the blocks and text cut from it
        try:
            return orjson.dumps([size, row])
        except TypeError:  # a lone surrogate: escaped now, as the batch would escape it
            return orjson.dumps([size, _clean(row)])

    def _batches(self, records: Iterable[bytes], schema: Any) -> Iterator[Any]:
        pa = _pyarrow()
        rows: list[dict[str, Any]] = []
        chars = 0

        def batch() -> Any:
            try:
                return pa.RecordBatch.from_pylist(rows, schema=schema)
            except (UnicodeEncodeError, pa.ArrowInvalid):  # a lone surrogate somewhere: escape it
                return pa.RecordBatch.from_pylist([_clean(r) for r in rows], schema=schema)

        for record in records:
            size, row = orjson.loads(record)
            if row["date"] is not None:
                row["date"] = datetime.date.fromisoformat(row["date"])
            rows.append(row)
            chars += size
            if len(rows) >= BATCH_ROWS or chars >= BATCH_CHARS:
                yield batch()
                rows, chars = [], 0
        if rows:
            yield batch()

    def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
        self.write_records(map(self.encode, documents), destination)

    def write_records(self, records: Iterable[bytes], destination: BinaryIO | Path) -> None:
        out = stream_of(destination, self.name)
        pa = _pyarrow()
        schema = arrow_schema()
        compression = None if self.options.compression == "none" else self.options.compression
        limit_rows = self.options.row_group_rows
        limit_bytes = self.options.row_group_mb << 20
        sink = pa.PythonFile(_Unclosable(out), mode="w")
        writer = pa.parquet.ParquetWriter(sink, schema, compression=compression)
        pending: list[Any] = []
        rows = size = 0

        def flush() -> None:
            nonlocal pending, rows, size
            if pending:
                writer.write_table(pa.Table.from_batches(pending, schema=schema), row_group_size=rows)
            pending, rows, size = [], 0, 0

        try:
            for rb in self._batches(records, schema):
                while rb.num_rows:  # a batch never makes a row group exceed row_group_rows
                    room = limit_rows - rows
                    part, rb = rb.slice(0, room), rb.slice(room)
                    pending.append(part)
                    rows += part.num_rows
                    size += part.nbytes
                    if rows >= limit_rows or size >= limit_bytes:
                        flush()
            flush()
        finally:
            writer.close()


class _Unclosable:
    """The caller's stream, which the Parquet writer may write and flush but never close.

    It counts its own position: a pipe (``--output -``) cannot ``tell()``.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._position = 0
        self.closed = False

    def write(self, data: Any) -> int:
        view = memoryview(data)
        self._stream.write(view)
        self._position += view.nbytes
        return view.nbytes

    def flush(self) -> None:
        self._stream.flush()

    def tell(self) -> int:
        return self._position

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def seekable(self) -> bool:
        return False

    def close(self) -> None:
        self.closed = True
        self._stream.flush()
