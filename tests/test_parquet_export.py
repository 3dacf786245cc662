"""The parquet exporter: the conformance kit, and four readers get back what JSONL holds.

pandas, polars, DuckDB and Hugging Face ``datasets`` (offline, from the file) each read
the Parquet file; every row, normalised to JSON types (a date to its ISO string, the
metadata pairs to a mapping, arrays to lists), must equal the JSONL line of the same
document. The documents: the sample corpus as corpuskit reads it, generated articles,
the conformance kit's hostile ones and near-duplicate copies marked by ``dedup``.
"""

from __future__ import annotations

import datetime
import io
import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest

import corpuskit
from corpuskit import exporters
from corpuskit.testing import check_exporter, hostile_documents, sample_documents

pa = pytest.importorskip("pyarrow", reason="the parquet extra (pyarrow) is not installed")
pq = pytest.importorskip("pyarrow.parquet")

from corpuskit_exporters.parquet_export import ARROW_SCHEMA_ID, ParquetExporter, arrow_schema  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "sample_corpus.txt"
SURROGATE_ID = "004_caf\udce9"


def documents() -> list[corpuskit.Document]:
    seeds = list(corpuskit.read(SAMPLE))
    copies = [seeds[0], seeds[1], seeds[0]]  # an exact copy, marked by dedup
    scored = attrs.evolve(seeds[2], blocks=[attrs.evolve(b, score=-1.25 + i) for i, b in enumerate(seeds[2].blocks)])
    docs = [*seeds, scored, *sample_documents(8), *hostile_documents(), *corpuskit.dedup(copies)]
    return [d for d in docs if d.id != SURROGATE_ID]  # not representable as is: tested apart


def normal(value: Any) -> Any:
    """JSON types for what a reader returns (numpy arrays and scalars, dates, NaN)."""
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()[:10]
    if isinstance(value, Mapping):
        return {k: normal(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normal(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def as_jsonl(row: Mapping[str, Any]) -> dict[str, Any]:
    """A reader's row in the JSONL shape: metadata pairs back to a mapping, nulls dropped."""
    out = normal(dict(row))
    out["metadata"] = {p["key"]: p["value"] for p in out["metadata"] or []}
    out["source"] = {k: v for k, v in out["source"].items() if v is not None}  # dialect is optional
    for b in out["blocks"]:
        for optional in ("duplicate_of", "score"):
            if b.get(optional) is None:
                b.pop(optional, None)
    for optional in ("duplicates", "language"):
        if out.get(optional) is None:
            out.pop(optional, None)
    return out


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    docs = documents()
    root = tmp_path_factory.mktemp("parquet")
    exporters.export(docs, "jsonl", root / "docs.jsonl")
    exporters.export(docs, "parquet", root / "docs.parquet", row_group_rows=4)  # several row groups
    expected = [json.loads(line) for line in (root / "docs.jsonl").read_bytes().split(b"\n") if line]
    return root / "docs.parquet", expected


def test_passes_the_conformance_kit() -> None:
    check_exporter(ParquetExporter)
    check_exporter(ParquetExporter, options={"compression": "none", "row_group_rows": "2"})


def _json_fields(node: dict[str, Any], prefix: str = "") -> set[str]:
    """Every property path of the JSON Schema: ``blocks.score``, ``source.dialect``…"""
    out = set()
    for name, sub in node.get("properties", {}).items():
        out.add(prefix + name)
        items = sub.get("items", {}) if sub.get("type") == "array" else sub
        out |= _json_fields(items, f"{prefix}{name}.")
    return out


def _arrow_fields(fields: Any, prefix: str = "") -> set[str]:
    out = set()
    for f in fields:
        out.add(prefix + f.name)
        t = f.type.value_type if pa.types.is_list(f.type) else f.type
        if pa.types.is_struct(t):
            out |= _arrow_fields([t.field(i) for i in range(t.num_fields)], f"{prefix}{f.name}.")
    return out


def test_every_field_of_the_json_schema_is_a_column() -> None:
    # a field added to the document model and its JSON Schema must reach the Arrow schema
    # too (pyarrow would silently drop a key the schema does not know)
    missing = _json_fields(corpuskit.load_schema()) - _arrow_fields(arrow_schema())
    assert missing == set(), f"add to parquet_export.arrow_schema() (and docs/exporters.md): {sorted(missing)}"


def test_is_registered_through_the_entry_point() -> None:
    assert exporters.available()["parquet"] is ParquetExporter


def test_schema_and_row_groups(files: tuple[Path, list[dict[str, Any]]]) -> None:
    path, expected = files
    meta = pq.ParquetFile(path)
    assert meta.schema_arrow == arrow_schema()
    assert meta.schema_arrow.metadata[b"corpuskit.arrow_schema"] == ARROW_SCHEMA_ID.encode()
    assert meta.schema_arrow.metadata[b"corpuskit.schema"] == corpuskit.SCHEMA_ID.encode()
    assert meta.metadata.num_rows == len(expected)
    assert meta.metadata.num_row_groups == math.ceil(len(expected) / 4)
    types = {f.name: str(f.type).replace("element: ", "").replace("item: ", "") for f in meta.schema_arrow}
    assert types["date"] == "date32[day]"
    assert types["edits"].startswith("list<struct<rule: string, start: int64")
    assert types["blocks"].startswith("list<struct<kind: string, region: string")
    assert types["warnings"] == "list<struct<code: string, message: string, offset: int64>>"


def test_pyarrow_reads_the_jsonl_values(files: tuple[Path, list[dict[str, Any]]]) -> None:
    path, expected = files
    got = [as_jsonl(r) for r in pq.read_table(path).to_pylist()]
    assert got == expected
    assert any("duplicates" in r for r in got) and any(r["date"] for r in got)


def test_pandas_reads_the_jsonl_values(files: tuple[Path, list[dict[str, Any]]]) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_parquet(path := files[0], dtype_backend="pyarrow")
    rows = [{k: (None if v is pd.NA else v) for k, v in r.items()} for r in frame.to_dict("records")]
    assert [as_jsonl(r) for r in rows] == files[1], path


def test_polars_reads_the_jsonl_values(files: tuple[Path, list[dict[str, Any]]]) -> None:
    pl = pytest.importorskip("polars")
    assert [as_jsonl(r) for r in pl.read_parquet(files[0]).to_dicts()] == files[1]


def test_duckdb_reads_the_jsonl_values(files: tuple[Path, list[dict[str, Any]]]) -> None:
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    result = con.execute("SELECT * FROM read_parquet(?)", [str(files[0])])
    names = [d[0] for d in result.description]
    assert [as_jsonl(dict(zip(names, row, strict=True))) for row in result.fetchall()] == files[1]


def test_datasets_reads_the_jsonl_values_offline(files: tuple[Path, list[dict[str, Any]]], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    datasets = pytest.importorskip("datasets")
    ds = datasets.Dataset.from_parquet(str(files[0]), cache_dir=str(tmp_path / "cache"))
    assert [as_jsonl(r) for r in ds] == files[1]


def test_lone_surrogates_are_escaped_as_the_json_exporters_do() -> None:
    doc = next(d for d in hostile_documents() if d.id == SURROGATE_ID)
    out = io.BytesIO()
    exporters.create("parquet").write([doc], out)
    row = pq.read_table(io.BytesIO(out.getvalue())).to_pylist()[0]
    assert row["id"] == "004_caf\\udce9"
    assert row["source"]["path"] == "dump/\\udcff\\udcfe/corpus.txt"


def test_a_date_that_is_not_iso_is_a_clear_error() -> None:
    doc = attrs.evolve(sample_documents(1)[0], date="March 2021")
    with pytest.raises(corpuskit.errors.ExportError, match="not an ISO date"):
        exporters.create("parquet").write([doc], io.BytesIO())


def test_missing_pyarrow_is_one_line_naming_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    with pytest.raises(corpuskit.errors.ExportError) as info:
        exporters.create("parquet").write(sample_documents(1), io.BytesIO())
    assert str(info.value) == "format 'parquet' needs pyarrow: pip install 'corpuskit[parquet]'"


def test_writes_to_a_pipe_that_cannot_tell(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = ("import sys, corpuskit; from corpuskit.testing import sample_documents; "
            "corpuskit.exporters.create('parquet').write(sample_documents(3), sys.stdout.buffer)")
    data = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout
    assert pq.read_table(io.BytesIO(data)).num_rows == 3
