"""pack and unpack: byte-exact round trips, and refusals instead of silent damage."""

from __future__ import annotations

import os
import tarfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corpuskit
from corpuskit.errors import ExportError
from corpuskit.packing import safe_filename


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(contents=st.lists(st.text(max_size=80).map(lambda t: t.encode("utf-8", "surrogatepass")) | st.sampled_from(
    [b"=== Update: 3 dead ===\nmore", b"line\r", b"\n\n", b"", b"\xff\xfe\x00"]), min_size=1, max_size=5))
def test_pack_then_unpack_gives_back_every_file(
    tmp_path_factory: pytest.TempPathFactory, contents: list[bytes]
) -> None:
    base = tmp_path_factory.mktemp("rt")
    src = base / "src"
    src.mkdir()
    contents = [c for c in contents if b"\n=== " not in b"\n" + c] or [b"x"]
    for i, c in enumerate(contents):
        (src / f"{i:03d}_ab{i}.txt").write_bytes(c)
    packed = base / "corpus.txt"
    assert corpuskit.pack([src], packed) == len(contents)
    out = base / "out"
    corpuskit.unpack([packed], out, dialect="banner")
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in src.iterdir())
    for p in src.iterdir():
        assert (out / p.name).read_bytes() == p.read_bytes()


def test_pack_refuses_a_document_holding_a_delimiter_line(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_bytes(b"intro\n=== b.txt ===\nwould split here")
    with pytest.raises(ExportError, match="reads as a delimiter") as info:
        corpuskit.pack([src], tmp_path / "out.txt")
    assert info.value.offset == 6
    assert not (tmp_path / "out.txt").exists()


def test_unpack_never_writes_outside_its_directory(tmp_path: Path) -> None:
    corpus = tmp_path / "c.txt"
    corpus.write_bytes(b"=== ../../evil.txt ===\nx\n=== /etc/passwd ===\ny\n=== a/../../b.txt ===\nz\n")
    out = tmp_path / "out"
    corpuskit.unpack([corpus], out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "a/b.txt", "etc/passwd", "evil.txt"]
    assert not (tmp_path.parent / "evil.txt").exists() and not (tmp_path / "b.txt").exists()


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_pack_keeps_folders_and_unpack_recreates_them(newsgroups_tree: Path, tmp_path: Path) -> None:
    packed = tmp_path / "news.txt"
    assert corpuskit.pack([newsgroups_tree], packed) == len(_tree(newsgroups_tree))
    names = [d.name for d in corpuskit.read(packed)]
    assert "rec.motorcycles/104974" in names and "rec.sport.baseball/104974" in names
    ids = [d.id for d in corpuskit.read(packed)]
    assert len(set(ids)) == len(ids) and "rec.motorcycles/104974" in ids
    out = tmp_path / "out"
    corpuskit.unpack([packed], out)
    assert _tree(out) == _tree(newsgroups_tree)  # byte for byte, folders and all


def test_pack_names_archive_members_by_their_path(newsgroups_tree: Path, tmp_path: Path) -> None:
    tarball = tmp_path / "news.tar.gz"
    with tarfile.open(tarball, "w:gz") as tf:
        tf.add(newsgroups_tree, arcname="20news")
    packed = tmp_path / "news.txt"
    corpuskit.pack([tarball], packed)
    out = tmp_path / "out"
    corpuskit.unpack([packed], out)
    assert _tree(out / "20news") == _tree(newsgroups_tree)


def test_unpack_cuts_long_names_by_bytes_and_keeps_them_unique(tmp_path: Path) -> None:
    long = "é" * 200  # 400 bytes of UTF-8, 200 characters
    corpus = tmp_path / "c.txt"
    corpus.write_bytes(f"=== {long}a.txt ===\nA\n=== {long}b.txt ===\nB\n".encode())
    out = tmp_path / "out"
    assert corpuskit.unpack([corpus], out) == 2
    written = sorted(out.iterdir())
    assert len(written) == 2
    assert all(len(os.fsencode(p.name)) <= 255 and p.name.endswith(".txt") for p in written)
    assert sorted(p.read_bytes() for p in written) == [b"A", b"B"]


def test_unpack_keeps_unique_names_when_a_file_and_a_folder_share_one(tmp_path: Path) -> None:
    corpus = tmp_path / "c.txt"
    corpus.write_bytes(b"=== a ===\n1\n=== a/b ===\n2\n=== a ===\n3\n")
    out = tmp_path / "out"
    corpuskit.unpack([corpus], out)
    assert _tree(out) == {"a": b"1", "a~2/b": b"2", "a~3": b"3"}


@pytest.mark.parametrize(
    "name,expected",
    [("CON", "_CON"), ("aux", "_aux"), ("COM1.txt", "_COM1.txt"), ("lpt9.log", "_lpt9.log"),
     ("console.txt", "console.txt"), ("evil\u202etxt.exe", "evil_txt.exe"), ("a\u2066b\u2069", "a_b_"),
     ("bell\x07\x85.txt", "bell__.txt"), ("trailing. ", "trailing"), (".hidden", "hidden")],
)
def test_unpack_neutralises_device_names_and_invisible_controls(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_unpack_writes_device_and_override_names_safely(tmp_path: Path) -> None:
    corpus = tmp_path / "c.txt"
    corpus.write_bytes("=== CON ===\nx\n=== dir/aux.txt ===\ny\n=== cv\u202efdp.exe ===\nz\n".encode())
    out = tmp_path / "out"
    corpuskit.unpack([corpus], out)
    assert set(_tree(out)) == {"_CON", "dir/_aux.txt", "cv_fdp.exe"}


@pytest.mark.parametrize("name", ["../../x", "/abs", "a\\b", "..", "", "con\x00trol"])
def test_safe_filename_stays_in_place(name: str) -> None:
    safe = safe_filename(name)
    assert safe and "/" not in safe and "\\" not in safe and safe not in (".", "..") and "\x00" not in safe
