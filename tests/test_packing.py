"""pack and unpack: byte-exact round trips, and refusals instead of silent damage."""

from __future__ import annotations

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
    corpus.write_bytes(b"=== ../../evil.txt ===\nx\n=== /etc/passwd ===\ny\n")
    out = tmp_path / "out"
    corpuskit.unpack([corpus], out)
    assert sorted(p.name for p in out.iterdir()) == ["_.._evil.txt", "_etc_passwd"]
    assert not (tmp_path.parent / "evil.txt").exists()


@pytest.mark.parametrize("name", ["../../x", "/abs", "a\\b", "..", "", "con\x00trol"])
def test_safe_filename_stays_in_place(name: str) -> None:
    safe = safe_filename(name)
    assert safe and "/" not in safe and "\\" not in safe and safe not in (".", "..") and "\x00" not in safe
