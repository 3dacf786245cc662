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

__all__ = ["DIALECTS", "PLAIN", "Dialect", "custom_dialect", "detect_dialect", "get_dialect"]

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

    def match_line(self, line: bytes) -> re.Match[bytes] | None:
        """Match one line (no line ending) against the delimiter pattern."""
        if self.line is None:
            return None
        return self.line.fullmatch(line)


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
    for bom in BOMS[:1]:
        if head.startswith(bom):
            return head[len(bom) :]
    return head


_FILE_LIKE = re.compile(rb"\.[A-Za-z0-9]{1,6}$")


def detect_dialect(head: bytes) -> Dialect:
    """Choose a dialect from the first bytes of a file.

    A delimiter on the first non-blank line settles it. Otherwise (a file with a
    preamble) a dialect is chosen when its delimiter lines occur at least twice in the
    window, or once with a name that has a file extension: one ``=== Notes ===`` line in
    a plain article must not cut it in two. A form feed with no delimiter lines means the
    formfeed dialect; anything else is one plain document.
    """
    if head[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff") or head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return PLAIN  # UTF-16/32 text cannot carry ASCII delimiter lines
    text = strip_bom(head)
    lines = text.split(b"\n")
    if len(lines) > 1:
        lines = lines[:-1]  # the last line of the window may be cut short
    first = next((ln.rstrip(b"\r") for ln in lines if ln.strip()), b"")
    candidates = [d for d in DIALECTS.values() if d.line is not None]
    for d in candidates:
        if d.match_line(first):
            return d
    best: tuple[int, Dialect] | None = None
    for d in candidates:
        count = 0
        for ln in lines:
            m = d.match_line(ln.rstrip(b"\r"))
            if m:
                name = m.groupdict().get("name") or b"x.x"
                count += 2 if _FILE_LIKE.search(name) else 1
        if count >= 2 and (best is None or count > best[0]):
            best = (count, d)
    if best is not None:
        return best[1]
    if b"\f" in text:
        return DIALECTS["formfeed"]
    return PLAIN
