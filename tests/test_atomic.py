"""Atomic outputs: complete or absent, with ordinary permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

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


# -- issue 15: never replace what is not a regular file; OS problems name the path ---------


def test_a_fifo_is_written_to_not_replaced(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    with atomic_file(fifo) as fh:
        fh.write(b"hello\n")
    reader.join(10)
    assert got == [b"hello\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_dev_null_stays_a_device() -> None:
    with atomic_file(os.devnull) as fh:
        fh.write(b"x")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_symlink_to_a_regular_file_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with atomic_file(link) as fh:
        fh.write(b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


@pytest.mark.parametrize(
    ("make", "cause"),
    [
        (lambda d: d / "no" / "such" / "out.jsonl", "no such directory"),
        (lambda d: d, "is a directory"),
        (lambda d: d / ("x" * 300 + ".jsonl"), "file name too long"),
    ],
    ids=["missing-folder", "directory", "long-name"],
)
def test_os_problems_are_export_errors_naming_the_path(tmp_path: Path, make: Any, cause: str) -> None:
    from corpuskit.errors import ExportError

    target = make(tmp_path)
    with pytest.raises(ExportError) as info, atomic_file(target) as fh:
        fh.write(b"x")
    assert info.value.path == str(target) and cause in str(info.value)
    assert "\n" not in str(info.value)


def test_a_long_but_valid_name_is_written(tmp_path: Path) -> None:
    target = tmp_path / ("x" * 240 + ".jsonl")  # 246 bytes: the temporary must not be longer than 255
    with atomic_file(target) as fh:
        fh.write(b"x")
    assert target.read_bytes() == b"x" and [p.name for p in tmp_path.iterdir()] == [target.name]


@pytest.mark.parametrize(("errno_", "cause"), [(13, "permission denied"), (30, "read-only file system"),
                                               (28, "no space left on device")])
def test_os_errors_when_writing_name_path_and_cause(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    errno_: int, cause: str) -> None:
    from corpuskit.errors import ExportError

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno_, os.strerror(errno_))

    target = tmp_path / "o.jsonl"
    if errno_ == 28:  # disk full while writing
        with pytest.raises(ExportError) as info, atomic_file(target) as fh:
            monkeypatch.setattr(fh, "write", refuse)
            fh.write(b"x")
    else:
        monkeypatch.setattr("tempfile.mkstemp", refuse)
        with pytest.raises(ExportError) as info, atomic_file(target) as fh:
            fh.write(b"x")
    assert str(info.value) == f"{target}: cannot write: {cause}"
    assert list(tmp_path.iterdir()) == []
