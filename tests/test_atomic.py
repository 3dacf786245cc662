"""Atomic outputs: complete or absent, with ordinary permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from corpuskit.atomic import atomic_directory, atomic_file


def test_a_finished_file_has_ordinary_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with atomic_file(tmp_path / "out.txt") as fh:
            fh.write(b"done")
        with atomic_directory(tmp_path / "site") as d:
            (d / "index.html").write_bytes(b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "site").stat().st_mode) == 0o755


def test_a_failure_leaves_nothing_behind(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), atomic_file(tmp_path / "out.txt") as fh:
        fh.write(b"half")
        raise RuntimeError("crash")
    with pytest.raises(RuntimeError), atomic_directory(tmp_path / "site") as d:
        (d / "a.html").write_bytes(b"x")
        raise RuntimeError("crash")
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_file(target) as fh:
        fh.write(b"new but unfinished")
        raise RuntimeError("crash")
    assert target.read_bytes() == b"old"
