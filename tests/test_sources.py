"""What the first bytes say an input is."""

from __future__ import annotations

import bz2
import gzip
import lzma

import pytest

from corpuskit.sources import sniff


@pytest.mark.parametrize(
    "head,kind",
    [
        (gzip.compress(b"x"), "gzip"),
        (bz2.compress(b"x"), "bzip2"),
        (lzma.compress(b"x"), "xz"),
        (b"PK\x03\x04rest", "zip"),
        (b"\x00" * 257 + b"ustar" + b"\x00" * 10, "tar"),
        (b"\x89PNG\r\n\x1a\n", "binary"),
        (b"%PDF-1.7\n", "binary"),
        (bytes(range(256)) * 8, "binary"),
        (b"Plain text with a stray NUL\x00 inside it, which cleaning removes. " * 10, "text"),
        ("UTF-16 text".encode("utf-16-le") * 20, "text"),
        ("UTF-16 text".encode("utf-16"), "text"),
        (b"MZ is how Mazowieckie starts.", "text"),
        (b"=== a.txt ===\n", "text"),
    ],
)
def test_sniff(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-be", "utf-32-be"])
def test_unicode_with_a_bom_is_text(encoding: str) -> None:
    import codecs

    bom = {"utf-16-be": codecs.BOM_UTF16_BE, "utf-32-be": codecs.BOM_UTF32_BE}.get(encoding, b"")
    assert sniff(bom + "An article.\n".encode(encoding) * 50) == "text"


# -- issue 15: one bad member is that member's error; nothing hangs on a FIFO ---------------

import io  # noqa: E402
import os  # noqa: E402
import tarfile  # noqa: E402
import zipfile  # noqa: E402
from pathlib import Path  # noqa: E402

import corpuskit  # noqa: E402
from corpuskit.errors import CorpuskitError  # noqa: E402

GOOD = b"=== 001_aa.txt ===\nHello world.\n"


def _zip_with_bad_crc(path: Path, *, size: bool = False) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("bad.txt", b"=== b.txt ===\nBroken member text.\n")
        zf.writestr("ok.txt", GOOD)
    data = bytearray(path.read_bytes())
    if size:  # declare the first member five bytes shorter than it is (local header and directory)
        for sig in (b"PK\x03\x04", b"PK\x01\x02"):
            at = data.find(sig)
            field = at + (22 if sig == b"PK\x03\x04" else 24)
            real = int.from_bytes(data[field : field + 4], "little")
            data[field : field + 4] = (real - 5).to_bytes(4, "little")
    else:
        i = data.find(b"Broken")
        data[i] ^= 0x20
    path.write_bytes(bytes(data))


def _errors(*paths: Path) -> tuple[list[str], list[CorpuskitError]]:
    failed: list[CorpuskitError] = []
    ids = [d.id for d in corpuskit.read(*paths, on_error=failed.append)]
    return ids, failed


@pytest.mark.parametrize("size", [False, True], ids=["crc", "size"])
def test_a_bad_zip_member_is_that_members_error_and_the_run_goes_on(tmp_path: Path, size: bool) -> None:
    bad = tmp_path / "bad.zip"
    _zip_with_bad_crc(bad, size=size)
    good = tmp_path / "good.txt"
    good.write_bytes(GOOD.replace(b"001_aa", b"002_bb"))
    ids, failed = _errors(bad, good)
    assert "001_aa" in ids and "002_bb" in ids
    assert len(failed) == 1 and failed[0].path == f"{bad}!bad.txt"


def test_a_fifo_in_an_input_directory_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(GOOD)
    os.mkfifo(tmp_path / "b.fifo")
    with pytest.warns(RuntimeWarning, match="not a regular file"):
        ids = [d.id for d in corpuskit.read(tmp_path)]  # a warning, not a ReadErrors
    assert ids == ["001_aa"]
    notes: list[CorpuskitError] = []
    assert [d.id for d in corpuskit.read(tmp_path, on_error=notes.append)] == ["001_aa"]
    assert [n.severity for n in notes] == ["warning"] and "b.fifo" in str(notes[0])


@pytest.mark.parametrize("cut", [0, 100, 512, 522], ids=["at-a-member", "in-a-header", "past-a-header", "in-data"])
def test_a_cut_tar_is_reported(tmp_path: Path, cut: int) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:
        for name in ("a.txt", "b.txt"):
            body = GOOD.replace(b"001_aa", name[0].encode() * 3)
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tf.addfile(info, io.BytesIO(body))
    data = buf.getvalue()
    second = data.find(b"b.txt")  # where the second member's header starts
    path = tmp_path / "cut.tar"
    path.write_bytes(data[: second + cut])
    ids, failed = _errors(path)
    assert ids == ["aaa"]
    assert len(failed) == 1 and "truncated" in str(failed[0])
