"""corpuskit shard: jsonl.gz shards with completion markers, the same whatever --jobs is."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from corpusgen import write_corpus

import corpuskit
from corpuskit.cli import main
from corpuskit.errors import ExportError, OptionError
from corpuskit.shard import parse_size, shard


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("shard") / "corpus.txt"
    write_corpus(path, 1_500_000, mean_doc=4000)
    return path


def _records(root: Path) -> list[dict[str, object]]:
    out = []
    for shard_file in sorted((root / "documents").glob("*.jsonl.gz")):
        with gzip.open(shard_file, "rt", encoding="utf-8") as fh:
            out.extend(json.loads(line) for line in fh)
    return out


def test_shards_roll_over_and_are_marked_done(corpus: Path, tmp_path: Path) -> None:
    result = shard([corpus], tmp_path / "out", shard_size="100kB")
    root = tmp_path / "out"
    names = sorted(p.name for p in (root / "documents").iterdir())
    assert len(names) == len(result.shards) >= 2
    assert names == [f"{i:05d}.jsonl.gz" for i in range(len(names))]
    assert sorted(p.name for p in (root / "completions").iterdir()) == [n.split(".")[0] for n in names]
    assert (root / "_SUCCESS").exists()
    for p in (root / "documents").iterdir():
        assert p.stat().st_size < 100_000 + 300_000  # closed at the first batch past the limit
    records = _records(root)
    docs = list(corpuskit.read(str(corpus)))
    assert [r["id"] for r in records] == [d.id for d in docs]
    assert [r["text"] for r in records] == [d.text for d in docs]
    assert all(r["source"] == "corpuskit" and "metadata" in r for r in records)
    assert result.documents == len(docs)


def test_two_jobs_write_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    one = shard([corpus], tmp_path / "one", shard_size="200kB")
    two = shard([corpus], tmp_path / "two", shard_size="200kB", jobs=2)
    assert len(one.shards) == len(two.shards)
    for a, b in zip(one.shards, two.shards, strict=True):
        # the records carry the time they were added; everything else is identical
        ra = [json.loads(x) for x in gzip.decompress(Path(a).read_bytes()).splitlines()]
        rb = [json.loads(x) for x in gzip.decompress(Path(b).read_bytes()).splitlines()]
        for r in ra + rb:
            r.pop("added")
        assert ra == rb


def test_output_with_shards_is_refused(corpus: Path, tmp_path: Path) -> None:
    shard([corpus], tmp_path / "out")
    with pytest.raises(ExportError):
        shard([corpus], tmp_path / "out")


def test_sizes() -> None:
    assert parse_size("1GB") == 10**9
    assert parse_size("500MiB") == 500 << 20
    assert parse_size("1048576") == 1 << 20
    for bad in ("", "1 parsec", "-5", "0"):
        with pytest.raises(OptionError):
            parse_size(bad)


def test_command_line(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["shard", str(corpus), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "cli"),
                 "--shard-size", "300kB", "--jobs", "2"]) == 1
    err = capsys.readouterr().err
    assert "missing.txt" in err and "shard(s)" in err
    assert len(_records(tmp_path / "cli")) == sum(1 for _ in corpuskit.read(str(corpus)))
    assert main(["shard", str(corpus), "-o", str(tmp_path / "x"), "--shard-size", "lots"]) == 2


def test_no_success_marker_when_an_input_failed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(b"=== 001_aa.txt ===\nHello world.\n")
    failed: list[object] = []
    result = shard([good, tmp_path / "missing.txt"], tmp_path / "out", on_error=failed.append)
    assert result.documents == 1 and len(failed) == 1
    assert not (tmp_path / "out" / "_SUCCESS").exists()
    assert (tmp_path / "out" / "completions" / "00000").exists()


def test_a_bad_zip_member_does_not_end_a_shard_run(tmp_path: Path) -> None:
    import zipfile

    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("bad.txt", b"=== b.txt ===\nBroken member text.\n")
    data = bytearray(bad.read_bytes())
    data[data.find(b"Broken")] ^= 0x20
    bad.write_bytes(bytes(data))
    good = tmp_path / "good.txt"
    good.write_bytes(b"=== 001_aa.txt ===\nHello world.\n")
    failed: list[object] = []
    result = shard([bad, good], tmp_path / "out", on_error=failed.append)
    assert result.documents >= 1 and len(failed) == 1
    assert "001_aa" in [r["id"] for r in _records(tmp_path / "out")]
