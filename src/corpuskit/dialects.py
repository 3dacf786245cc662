"""Corpus file dialects: how a delimiter line looks, and how to tell them apart.

A dialect is data, not code: a literal byte prefix that every delimiter line starts with
(so the splitter can search with ``bytes.find`` at memory speed and only then run the
full-line regex) and a regex that a whole delimiter line must match. Names in the
banner, head and dashes dialects may not contain spaces, so an article line such as
``=== Update: 3 dead ===`` is text, never a delimiter.
"""

from __future__ import annotations

import re

import attrs

from corpuskit.errors import DialectError

__all__ = [
    "DIALECTS", "PLAIN", "Dialect", "custom_dialect", "detect_dialect", "get_dialect", "looks_like_document_name",
]

BOMS = (b"\xef\xbb\xbf", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff")

# a file name: no white space, not made only of the dialect's own punctuation
_NAME = rb"(?P<name>[^\s=<>]*[^\s=<>\-][^\s<>]*?)"


@attrs.frozen
class Dialect:
    """How delimiter lines of one corpus dialect look.

    ``kind`` is ``"line"`` (a delimiter line starts each record), ``"doctag"`` (line
    records closed by ``</doc>``), ``"formfeed"`` (U+000C between records) or ``"plain"``
    (the whole file is one document).
    """

    name: str
    kind: str
    prefix: bytes | None = None
    line: re.Pattern[bytes] | None = None
    example: str = ""
    frame: bytes | None = None

    def match_line(self, line: bytes) -> re.Match[bytes] | None:
        """Match one line (no line ending) against the delimiter pattern.

        A dialect found by detection is locked to its ``frame``, the run of ``=`` or
        ``-`` its delimiters open with (``===``): a line opened by another run
        (a ``======== pat@example.org ====`` signature) is then text.
        """
        if self.line is None:
            return None
        m = self.line.fullmatch(line)
        if m is not None and self.frame is not None and _opening(line, m) != self.frame:
            return None
        return m


DIALECTS: dict[str, Dialect] = {
    d.name: d
    for d in (
        Dialect(
            "banner",
            "line",
            b"===",
            re.compile(rb"={3,}[ \t]+" + _NAME + rb"(?:[ \t]+={3,})?[ \t]*"),
            "=== 000_cd0ba43665274ae9.txt ===",
        ),
        Dialect(
            "head",
            "line",
            b"==> ",
            re.compile(rb"==>[ \t]+(?P<name>[^\s<>]+)[ \t]+<==[ \t]*"),
            "==> 001_6de41f068a7d4c44.txt <==",
        ),
        Dialect(
            "dashes",
            "line",
            b"---",
            re.compile(rb"-{3,}[ \t]+(?P<name>[^\s\-][^\s]*?)[ \t]+-{3,}[ \t]*"),
            "----- 002_d83b1ee9d24fb740.txt -----",
        ),
        Dialect(
            "doctag",
            "doctag",
            b"<doc",
            re.compile(rb"<doc(?P<attrs>(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*>[ \t]*"),
            '<doc id="12" url="https://example.org/a" title="A">',
        ),
        Dialect("formfeed", "formfeed", b"\f", None, "\\f"),
    )
}

PLAIN = Dialect("plain", "plain", None, None, "one document per file")

_ATTR = re.compile(rb"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def doctag_attributes(match: re.Match[bytes]) -> dict[str, str]:
    """The attributes of a ``<doc …>`` line, decoded as UTF-8 (lossless via escapes)."""
    out: dict[str, str] = {}
    for m in _ATTR.finditer(match.group("attrs") or b""):
        value = m.group(2) if m.group(2) is not None else m.group(3)
        out[m.group(1).decode("ascii", "replace")] = value.decode("utf-8", "replace")
    return out


def custom_dialect(pattern: str) -> Dialect:
    """A dialect from a user's ``--delimiter`` regex, which must have a ``name`` group."""
    try:
        rx = re.compile(pattern.encode("utf-8"))
    except re.error as exc:
        raise DialectError(f"--delimiter {pattern!r} is not a valid regex: {exc}") from None
    if "name" not in rx.groupindex:
        raise DialectError(f"--delimiter {pattern!r} needs a named group (?P<name>...)")
    return Dialect("custom", "line", None, rx, pattern)


def get_dialect(name: str) -> Dialect:
    if name == "plain":
        return PLAIN
    try:
        return DIALECTS[name]
    except KeyError:
        known = ", ".join([*DIALECTS, "plain"])
        raise DialectError(f"unknown dialect {name!r}; known dialects: {known}") from None


def strip_bom(head: bytes) -> bytes:
    """``head`` without a UTF-8 byte-order mark, the one BOM a file of ASCII delimiter
    lines can start with (a UTF-16/32 file holds no ASCII delimiter line to find)."""
    return head[len(BOMS[0]) :] if head.startswith(BOMS[0]) else head


# What a document name is made of: file-name characters. An e-mail address (``@``), a
# diff hunk's line range (``209,218``), a URL or a date (``:``) is not a document's name.
_DOCUMENT_NAME = re.compile(rb"[\w.\-+~#%/()\[\]!&'\x80-\xff]*[A-Za-z0-9\x80-\xff][\w.\-+~#%/()\[\]!&'\x80-\xff]*")


def looks_like_document_name(name: bytes) -> bool:
    """Whether a delimiter's NAME looks like a document's name (``rec.autos/101551``,
    ``000_cd0b.txt``, ``doc-17``) rather than an e-mail address, a diff range or a URL."""
    return _DOCUMENT_NAME.fullmatch(name) is not None


def _opening(line: bytes, m: re.Match[bytes]) -> bytes:
    """The run a delimiter line opens with (``===``, ``-----``), or the whole line start."""
    start = m.start("name") if "name" in m.re.groupindex else len(line)
    return line[:start].strip()


@attrs.frozen
class _Delimiter:
    line: int  # index of the line in the window
    frame: bytes  # the run the line opens with, e.g. b"==="
    named: bool  # the name looks like a document name


def _delimiters(d: Dialect, lines: list[bytes]) -> list[_Delimiter]:
    out = []
    for i, ln in enumerate(lines):
        ln = ln.rstrip(b"\r")
        if d.prefix is not None and not ln.startswith(d.prefix):
            continue
        m = d.match_line(ln)
        if m is None:
            continue
        name = m.groupdict().get("name")
        if name is None:  # doctag: the attributes are the evidence
            out.append(_Delimiter(i, b"<doc", b"id=" in (m.group("attrs") or b"")))
        else:
            out.append(_Delimiter(i, _opening(ln, m), looks_like_document_name(name)))
    return out


def detect_dialect(head: bytes, *, member: bool = False) -> Dialect:
    """Choose a dialect from the first bytes of a file.

    A file is a concatenation only when its delimiter lines say so together, so that one
    line of a single document that happens to look like a delimiter (a signature
    ``----- krueger@gas.uug.arizona.edu -----``, a context-diff hunk ``--- 209,218 ----``)
    never cuts it up. A delimiter counts only when its NAME looks like a document's name
    (see :func:`looks_like_document_name`).

    - The first non-blank line is a delimiter with a document-like name (or one that the
      next delimiters agree with): that dialect.
    - Delimiters *agree* when they open with the same run (``===``); the dialect returned
      is locked to that run (:attr:`Dialect.frame`), so a line opened by another run is
      text when the file is split too.
    - Otherwise (a preamble) a dialect needs at least two agreeing delimiters in the
      window. A file that is ``member`` of a directory or an archive, or that starts as a
      mail or news message (``From: …`` / ``Path: …`` header lines), is held to the
      stricter rule: it must start with its first delimiter. Siblings of per-document
      files are per-document files, and a message is one document.
    - Form feeds with no delimiter lines mean ``formfeed``, but only for a file given on
      its own that is not a message; in a directory, an archive or a message they are
      page breaks of one document.
    - Anything else is one ``plain`` document.
    """
    if head[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff") or head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return PLAIN  # UTF-16/32 text cannot carry ASCII delimiter lines
    text = strip_bom(head)
    lines = text.split(b"\n")
    if len(lines) > 1:
        lines = lines[:-1]  # the last line of the window may be cut short
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    message = _MESSAGE_HEADER.match(text) is not None
    best: tuple[int, Dialect] | None = None
    for d in DIALECTS.values():
        if d.line is None:
            continue
        every = _delimiters(d, lines)
        if every and every[0].line == first and (
            every[0].named or sum(1 for x in every if x.frame == every[0].frame) >= 2
        ):
            return _locked(d, every[0].frame)  # what pack writes: the file starts with its first record
        found = [x for x in every if x.named]
        if not found or member or message:
            continue
        agreeing = sum(1 for x in found if x.frame == found[0].frame)
        if agreeing >= 2 and (best is None or agreeing > best[0]):
            best = (agreeing, _locked(d, found[0].frame))
    if best is not None:
        return best[1]
    if b"\f" in text and not member and not message:
        return DIALECTS["formfeed"]
    return PLAIN


def _locked(d: Dialect, frame: bytes) -> Dialect:
    """``d`` splitting only on delimiters opened by ``frame`` (banner and dashes, whose
    runs vary; the head and doctag delimiters are fixed strings)."""
    return attrs.evolve(d, frame=frame) if d.name in ("banner", "dashes") else d


# The start of a mail or news message: a header line of a field every message has, then
# another header line or a folded continuation.
_MESSAGE_HEADER = re.compile(
    rb"\s*(?:From [^\n]*\n)?"
    rb"(?:From|Path|Newsgroups|Subject|Received|Return-Path|Message-ID|Date|Xref|To|Reply-To|Sender|"
    rb"Organization|Article-I\.D\.|Relay-Version|Delivered-To|MIME-Version|Content-Type):[ \t][^\n]*\n"
    rb"(?:[ \t]|[\x21-\x39\x3b-\x7e]+:)",
    re.IGNORECASE,
)
