"""Decode one document's bytes: BOM, byte patterns, strict UTF-8, then a detector.

Each document is decoded on its own (after splitting on bytes), so one file can mix
encodings. What the bytes settle by themselves comes first: a BOM; UTF-16/32 without a
BOM, whose NUL bytes fall in a fixed pattern; ISO-2022 text, 7-bit bytes with escape
sequences. Then strict UTF-8, by far the most common and almost never wrong when it
succeeds; only documents that fail it pay for detection (chardet, a few milliseconds
per article), whose answer may be a guess: below :data:`CONFIDENT` the document gets a
``decode.uncertain`` warning naming the runners-up, the corpus-level prior of its input
(:mod:`corpuskit.evidence`) wins the call when it can decode the bytes, and mojibake
repair is not run on it.

Bytes that the chosen encoding cannot decode become one U+FFFD each and their offsets
are reported, so nothing is dropped silently and the warning can point at the bytes.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

import attrs
import chardet

from corpuskit.errors import OptionError

__all__ = [
    "CLOSE_MARGIN", "CONFIDENT", "DETECT_FULL_BYTES", "DETECT_SAMPLE_BYTES", "Decoded", "decode", "display_name",
    "normal_codec", "oddities", "reading_codec", "uncertainty",
]

#: A detector's answer below this confidence is a guess: the document is warned about
#: (``decode.uncertain``), its input's prior wins the call, and ``encoding.mojibake``
#: does not run on it (re-reading a guessed encoding as mojibake turns a wrong guess
#: into a worse one: ``\xbd\xa2`` read as ISO-8859-15 "repaired" into "Ϣ").
CONFIDENT: Final = 0.5
#: A close call: the input's prior wins when the document's own detector ranks it within
#: this much of its best answer (chardet often ties Windows-1252, MacRoman and Latin-1
#: on a short Western text).
CLOSE_MARGIN: Final = 0.05
#: UTF-16/32 without a BOM: at least this share of the code units have their NUL bytes
#: where the byte order puts them (ASCII letters, digits, spaces and newlines do)...
NUL_UNITS_MIN: Final = 0.1
#: ...and at least this many of them: a few NULs in a short UTF-8 text are not a pattern.
NUL_UNITS_COUNT_MIN: Final = 8
#: ...and at most this share of the NULs fall anywhere else.
NUL_STRAY_MAX: Final = 0.02
#: How many runners-up a ``decode.uncertain`` warning names.
RUNNERS_UP: Final = 3
#: The detector reads at most this much of a document (chardet's own default is 200 kB);
#: its choice is then verified by decoding the whole document, and a choice that fails
#: there is made again over chardet's full window. Its cost grows with what it reads
#: (~0.13 ms per kB past a fixed ~3.5 ms) while its answer settles long before: on
#: cp1252 BBC text the confidence is 0.72 at 16 kB and 0.73 at 64 kB and at 200 kB.
#: A document up to this size is decoded exactly as without the bound.
DETECT_SAMPLE_BYTES: Final = 64 * 1024
#: What the detector reads when the sample's choice does not decode the whole document
#: (chardet's own default window: what every document was read with before the bound).
DETECT_FULL_BYTES: Final = 200_000

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
# The same for the other labels WHATWG maps to a Windows code page with the same letters
# (C1 controls become the typography Windows puts there). ``*_2004`` and ``iso2022_jp_2``
# are chardet's widest codecs; the standard narrower one is used when it decodes the
# bytes (Shift_JIS-2004 reads 0x7E as an overline, breaking every "~" in a URL).
_SUPERSETS = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254", "tis-620": "cp874",
              "iso8859-11": "cp874"}
_NARROWER = {"shift_jis_2004": "shift_jis", "euc_jis_2004": "euc_jp", "iso2022_jp_2": "iso2022_jp",
             "big5hkscs": "big5"}

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
    #: for a detector's guess: the other encodings it considered, best first
    runners_up: tuple[tuple[str, float], ...] = ()
    #: how the encoding was chosen: ``given``, ``bom``, ``pattern``, ``utf-8``, ``detected``, ``prior``
    how: str = "detected"


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


def normal_codec(name: str | None) -> str | None:
    """Python's name for a detector's label, or None when Python cannot decode it."""
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, encoding: str | None = None, *, prior: tuple[str, float] | None = None) -> Decoded:
    """Decode ``data``; with ``encoding`` given, use it (bad bytes become U+FFFD).

    ``prior`` is the encoding the document's input was confidently detected as
    (:mod:`corpuskit.evidence`); it wins a close call: the detector is not confident about
    this document alone (below :data:`CONFIDENT`), ranks the prior within
    :data:`CLOSE_MARGIN` of its best answer, and the prior decodes every byte.
    """
    if encoding:
        try:
            name = display_name(encoding)
        except LookupError:
            raise OptionError(f"unknown encoding {encoding!r}") from None
        return attrs.evolve(_with(data, name, 1.0), how="given")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            found = _with(data[len(bom) :], codec, 1.0, skip=len(bom))
            return attrs.evolve(found, encoding=label, how="bom")
    patterned = _by_pattern(data)
    if patterned is not None:
        return patterned
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 1.0, how="utf-8")
    except UnicodeDecodeError:
        pass
    as_utf8 = _with(data, "utf-8", 1.0)
    if _mostly_utf8(as_utf8):
        return attrs.evolve(as_utf8, how="utf-8")
    return _detect(data, prior)


def _ranked(data: bytes, max_bytes: int) -> list[tuple[str, float]]:
    """The detector's candidates for ``data`` (read up to ``max_bytes``), best first."""
    seen: dict[str, float] = {}
    for guess in chardet.detect_all(data, max_bytes=max_bytes, compat_names=False):
        name = normal_codec(guess.get("encoding"))
        if name is not None:
            seen.setdefault(reading_codec(name, data), float(guess.get("confidence") or 0.0))
    return sorted(seen.items(), key=lambda kv: -kv[1]) or [("cp1252", 0.0)]


def _detect(data: bytes, prior: tuple[str, float] | None) -> Decoded:
    ranked = _ranked(data, DETECT_SAMPLE_BYTES)
    if len(data) > DETECT_SAMPLE_BYTES and not _decodes(data, ranked[0][0]):
        ranked = _ranked(data, DETECT_FULL_BYTES)  # the sample misled: the detector's full window
    seen = dict(ranked)
    name, confidence = ranked[0]
    how = "detected"
    if confidence < CONFIDENT:
        name, how = _close_call(data, ranked, prior)
        confidence = seen.get(name, confidence)
    runners = tuple((display_name(n), round(c, 4)) for n, c in ranked if n != name)[:RUNNERS_UP]
    return attrs.evolve(_with(data, display_name(name), confidence), runners_up=runners, how=how)


def _close_call(data: bytes, ranked: list[tuple[str, float]], prior: tuple[str, float] | None) -> tuple[str, str]:
    """Settle a detector's near-tie: the candidates within :data:`CLOSE_MARGIN` of its best
    answer (and the prior) are read, the readings with the fewest :func:`oddities` kept,
    and among those the input's prior wins, else the detector's order."""
    best = ranked[0][1]
    names = [n for n, c in ranked if c >= best - CLOSE_MARGIN]
    if prior is not None and prior[0] not in names and prior[0] in dict(ranked):
        names.append(prior[0])
    scored = []
    for n in names:
        if not _decodes(data, n):
            continue
        scored.append((oddities(_with(data, display_name(n), 0.0).text), n))
    if not scored:
        return ranked[0][0], "detected"
    fewest = min(score for score, _ in scored)
    kept = [n for score, n in scored if score == fewest]
    if prior is not None and prior[0] in kept:
        return prior[0], ("detected" if prior[0] == ranked[0][0] else "prior")
    return kept[0], "detected"


# A non-ASCII character where an apostrophe belongs (the "’" of "don’t", "it’s", "we’ll"),
# a non-ASCII capital inside a lower-case word ("cafÈ", "UmeŒ") and a letter of another
# script inside a Latin word ("Malmі", "Umeх"): what a wrong single-byte code page does to
# Western text.
_APOSTROPHE_SLOT = re.compile(r"(?<=[A-Za-z])([^\x00-\x7f])(?=(?:s|t|d|m|ll|re)\b)")
_INNER_CAPITAL = re.compile(r"(?<=[a-z])[^\x00-\x7f](?=[a-z]|\b)")
_APOSTROPHES = set("’‘'´`ʼ")


_BESIDE_LATIN = re.compile(r"(?<=[A-Za-z])[^\x00-\u036f\u1e00-\u1eff]|[^\x00-\u036f\u1e00-\u1eff](?=[A-Za-z])")


def oddities(text: str) -> int:
    """How many characters of ``text`` read like a wrong code page (see above)."""
    odd = sum(1 for m in _APOSTROPHE_SLOT.finditer(text) if m.group(1) not in _APOSTROPHES)
    odd += sum(1 for m in _INNER_CAPITAL.finditer(text) if m.group().isupper() or (not m.group().isalpha()
               and m.group() not in _APOSTROPHES))
    return odd + sum(1 for m in _BESIDE_LATIN.finditer(text) if m.group().isalpha())


def reading_codec(name: str, data: bytes) -> str:
    """The codec a detected Python codec name is read with (see ``_SUPERSETS``)."""
    name = _SUPERSETS.get(name, name)
    narrower = _NARROWER.get(name)
    return narrower if narrower is not None and _decodes(data, narrower) else name


def _decodes(data: bytes, codec: str) -> bool:
    if codec == "cp1252":
        return True  # the WHATWG table decodes every byte
    try:
        data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def uncertainty(decoded: Decoded) -> str | None:
    """The ``decode.uncertain`` message for a guessed encoding, or None when it was sure."""
    if decoded.how not in ("detected", "prior") or decoded.confidence >= CONFIDENT:
        return None
    others = ", ".join(f"{n} {c:.2f}" for n, c in decoded.runners_up) or "none"
    why = " (the encoding of the rest of its input)" if decoded.how == "prior" else ""
    return (f"encoding guessed as {decoded.encoding}{why} at confidence {decoded.confidence:.2f}; "
            f"runners-up: {others}")


# ISO-2022: 7-bit text whose escape sequences switch character sets.
_ISO2022 = (
    (re.compile(rb"\x1b\$\)C"), ("iso2022_kr",)),
    (re.compile(rb"\x1b(?:\$[@B]|\$\(D|\([BIJ])"),
     ("iso2022_jp", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext")),
)


def _by_pattern(data: bytes) -> Decoded | None:
    """UTF-16/32 without a BOM (from where the NULs fall) and ISO-2022 (from its escapes)."""
    if b"\x00" in data:
        for codec, unit, where in (("utf-32-le", 4, (1, 2, 3)), ("utf-32-be", 4, (0, 1, 2)),
                                   ("utf-16-le", 2, (1,)), ("utf-16-be", 2, (0,))):
            if _nul_pattern(data, unit, where) and _decodes(data, codec):
                text = data.decode(codec)
                if "\x00" not in text:  # real UTF-16/32 text has no NUL characters
                    return Decoded(text, codec, 1.0, how="pattern")
        return None
    if b"\x1b" in data and data.isascii():
        for escape, codecs_ in _ISO2022:
            if escape.search(data):
                for codec in codecs_:
                    if _decodes(data, codec):
                        return Decoded(data.decode(codec), display_name(codec), 1.0, how="pattern")
    return None


def _nul_pattern(data: bytes, unit: int, where: tuple[int, ...]) -> bool:
    """Whether NULs fill byte positions ``where`` of many ``unit``-byte code units and
    almost never the others (ASCII text in UTF-16 LE: every odd byte is NUL)."""
    if len(data) % unit or len(data) < 2 * unit:
        return False
    units = len(data) // unit
    full = min(data[k::unit].count(0) for k in where)  # at most the units with all of them NUL
    if full < max(NUL_UNITS_MIN * units, NUL_UNITS_COUNT_MIN):
        return False
    elsewhere = sum(data[k::unit].count(0) for k in range(unit) if k not in where)
    return elsewhere <= NUL_STRAY_MAX * data.count(0)


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
