"""Small helpers shared by the built-in file exporters (plugin-internal, not corpuskit API)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from corpuskit import errors

__all__ = ["compact_json", "encode_json", "stream_of"]


def encode_json(text: str) -> bytes:
    """UTF-8 bytes of JSON text, lone surrogates written as ``\\udcXX`` escapes.

    A file name decoded with ``surrogateescape`` can put a lone surrogate in a
    document, and UTF-8 cannot encode it. Inside a JSON string (the only place one
    can occur) Python's ``backslashreplace`` spelling *is* the JSON escape, so the
    output stays valid UTF-8 and valid JSON, and loads back to the same string.
    """
    return text.encode("utf-8", "backslashreplace")


def compact_json(record: Any, *, ensure_ascii: bool = False) -> bytes:
    """``record`` as compact JSON bytes: exactly what ``json.dumps(record,
    separators=(",", ":"))`` gives, encoded by ``encode_json``, about 25 times faster.

    orjson writes the same bytes for every value a Document holds (shortest float repr,
    the same escapes); it refuses lone surrogates, which fall back to the standard library
    and ``encode_json``'s ``\\udcXX`` spelling, as does ``ensure_ascii``, which orjson lacks.
    """
    if not ensure_ascii:
        try:
            return orjson.dumps(record)
        except TypeError:  # a lone surrogate (orjson.JSONEncodeError is a TypeError)
            pass
    return encode_json(json.dumps(record, ensure_ascii=ensure_ascii, separators=(",", ":")))


def stream_of(destination: BinaryIO | Path, name: str) -> BinaryIO:
    """The stream a file-layout exporter writes to (``corpuskit.exporters.export`` passes one)."""
    if isinstance(destination, Path):
        raise errors.ExportError(
            f"format {name!r} writes one file: pass a binary stream, or use corpuskit.exporters.export()"
        )
    return destination
