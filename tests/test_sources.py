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
