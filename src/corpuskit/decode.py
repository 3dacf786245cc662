"""Decode one document's bytes: BOM, then strict UTF-8, then a detector.

Each document is decoded on its own (after splitting on bytes), so one file can mix
encodings. UTF-8 is tried first because it is by far the most common and a strict
decode that succeeds is almost never wrong; only documents that fail it pay for
detection (chardet, a few milliseconds per article).

Bytes that the chosen encoding cannot decode become one U+FFFD each and their offsets
are reported, so nothing is dropped silently and the warning can point at the bytes.
"""

from __future__ import annotations

import codecs

import attrs
import chardet

from corpuskit.errors import OptionError

__all__ = ["Decoded", "decode", "display_name"]

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 LE first: its BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

# Labels a detector gives for a narrower encoding than the text really uses: ISO-8859-1
# text from the web is Windows-1252 in practice (the WHATWG encoding standard maps the
# label so), and reading it as ISO-8859-1 would turn curly quotes into C1 controls.
# Deliberately not chardet's ``prefer_superset``: that also maps ISO-8859-5 to
# Windows-1251 and ISO-8859-2 to Windows-1250, whose letters sit at other byte values.
_SUPERSETS = {"iso8859-1": "cp1252", "ascii": "cp1252"}

# Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; browsers (WHATWG) decode
# them as the Latin-1 code points, so a stray byte never makes a document undecodable.
_WINDOWS_1252 = "".join(
    chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in range(256)
)

_MAX_BAD = 1000
_PER_BYTE = "corpuskit.replace_per_byte"


def _replace_per_byte(err: UnicodeError) -> tuple[str, int]:
    # Python's "replace" gives one U+FFFD per broken sequence; one per byte keeps the
    # text's length tied to the bytes it came from.
    assert isinstance(err, UnicodeDecodeError)
    return "\ufffd" * (err.end - err.start), err.end


codecs.register_error(_PER_BYTE, _replace_per_byte)


@attrs.frozen
class Decoded:
    """Decoded text, the encoding used, how sure the choice was, and what went wrong.

    ``bad_offsets`` are offsets into the document's bytes of the bytes replaced by
    U+FFFD (one character per byte; only the first 1000 are listed).
    """

    text: str
    encoding: str
    confidence: float
    bad_offsets: tuple[int, ...] = ()


def display_name(encoding: str) -> str:
    """The name recorded in ``source.encoding``: the WHATWG/IANA spelling of a codec.

    Raises ``LookupError`` for a name Python does not know.
    """
    name = codecs.lookup(encoding).name
    if name.startswith("cp125"):
        return "windows-" + name[2:]
    if name.startswith("iso8859-"):
        return "iso-" + name[3:]
    return name


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data``; with ``encoding`` given, use it (bad bytes become U+FFFD)."""
    if encoding:
        try:
            name = display_name(encoding)
        except LookupError:
            raise OptionError(f"unknown encoding {encoding!r}") from None
        return _with(data, name, 1.0)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            found = _with(data[len(bom) :], codec, 1.0, skip=len(bom))
            return attrs.evolve(found, encoding=label)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError:
        pass
    as_utf8 = _with(data, "utf-8", 1.0)
    if _mostly_utf8(as_utf8):
        return as_utf8
    guess = chardet.detect(data, compat_names=False)
    name = guess.get("encoding") or "cp1252"
    try:
        name = codecs.lookup(name).name
    except LookupError:
        name = "cp1252"
    name = _SUPERSETS.get(name, name)
    return _with(data, display_name(name), float(guess.get("confidence") or 0.0))


def _mostly_utf8(decoded: Decoded) -> bool:
    """UTF-8 with a few broken bytes (a cut-off character, a stray byte), not a legacy code page.

    A legacy single-byte text almost never contains a valid multi-byte UTF-8 sequence,
    so more valid sequences than invalid bytes means UTF-8 that was damaged; reading it
    as Windows-1252 would turn every good character into mojibake.
    """
    bad = decoded.text.count("\ufffd")
    good = sum(1 for c in decoded.text if c > "\x7f") - bad
    return good > 0 and good >= bad


def _with(data: bytes, encoding: str, confidence: float, *, skip: int = 0) -> Decoded:
    """Decode with ``encoding``; each byte it cannot decode becomes one U+FFFD."""
    if encoding == "windows-1252":
        return Decoded(codecs.charmap_decode(data, "strict", _WINDOWS_1252)[0], encoding, confidence)
    try:
        return Decoded(data.decode(encoding), encoding, confidence)
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
            parts.append("\ufffd" * (err.end - err.start))
            bad.extend(range(skip + pos + err.start, skip + pos + err.end))
            pos += err.end
            if len(bad) > _MAX_BAD:
                # hopeless input: finish in one pass, still one U+FFFD per bad byte
                parts.append(data[pos:].decode(encoding, _PER_BYTE))
                break
    return Decoded("".join(parts), encoding, confidence, tuple(bad[:_MAX_BAD]))
