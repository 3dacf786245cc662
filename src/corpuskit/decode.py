"""Decode one document's bytes: BOM, then strict UTF-8, then a detector.

Each document is decoded on its own (after splitting on bytes), so one file can mix
encodings. UTF-8 is tried first because it is by far the most common and a strict
decode that succeeds is almost never wrong; only documents that fail it pay for
detection.
"""

from __future__ import annotations

import codecs

import attrs
import chardet

__all__ = ["Decoded", "decode"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels a detector gives for a narrower encoding than the text really uses: ISO-8859-1
# text from the web is Windows-1252 in practice (the WHATWG encoding standard maps the
# label so), and reading it as ISO-8859-1 would turn curly quotes into C1 controls.
_SUPERSETS = {"iso-8859-1": "windows-1252", "latin-1": "windows-1252", "ascii": "windows-1252"}


@attrs.frozen
class Decoded:
    """Decoded text, the encoding used, how sure the choice was, and what went wrong."""

    text: str
    encoding: str
    confidence: float
    bad_offsets: tuple[int, ...] = ()


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data``; with ``encoding`` given, use it (bad bytes become U+FFFD)."""
    if encoding:
        return _with(data, encoding, 1.0)
    for bom, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            enc = name.replace("-sig", "")
            return _with(body, enc, 1.0, skip=len(bom), label=name)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError:
        pass
    guess = chardet.detect(data)
    name = (guess.get("encoding") or "windows-1252").lower()
    name = _SUPERSETS.get(name, name)
    return _with(data, name, float(guess.get("confidence") or 0.0))


def _with(data: bytes, encoding: str, confidence: float, *, skip: int = 0, label: str | None = None) -> Decoded:
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding, confidence = "windows-1252", 0.0
    try:
        return Decoded(data.decode(encoding), label or encoding, confidence)
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    bad: list[int] = []
    pos = 0
    while pos < len(data):
        try:
            parts.append(data[pos:].decode(encoding))
            break
        except UnicodeDecodeError as err:
            parts.append(data[pos : pos + err.start].decode(encoding))
            bad.extend(range(skip + pos + err.start, skip + pos + err.end))
            parts.append("\ufffd" * (err.end - err.start))
            pos += err.end
            if len(bad) > _MAX_BAD:
                # hopeless input: finish in one pass and stop listing offsets
                parts.append(data[pos:].decode(encoding, "replace"))
                break
    return Decoded("".join(parts), label or encoding, confidence, tuple(bad))


_MAX_BAD = 1000
