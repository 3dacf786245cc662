"""Encoding repair and Unicode/whitespace normalisation rules, in the order they run.

Each rule is small and switchable by its dotted name, and reports its changes as edits
so that every change stays on record. Line endings come first (every later rule can
then think in ``\\n`` lines), mojibake repair next (it needs the text as decoded: its
C1 controls and no-break spaces are part of the evidence), then the character-level
clean-ups, then whitespace, whose runs the earlier rules may have created.

Clean text must cost almost nothing: every rule first asks a question that is answered
at memory speed (``str`` containment, ``isascii``, ``unicodedata.is_normalized``, or a
regex that is one character class, which the regex engine scans without backtracking:
a trailing ``+`` makes the scan three times slower) and returns ``[]`` when there is
nothing to do.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from corpuskit.edits import Edit
from corpuskit.mojibake import find_mojibake
from corpuskit.options import Options
from corpuskit.rules import Rule

__all__ = ["NBSP_CHARS", "REPAIR_RULES", "TYPOGRAPHY_ASCII"]


def _replace_all(rule: str, pattern: re.Pattern[str], text: str, repl: Callable[[str], str]) -> list[Edit]:
    return [Edit(rule, m.start(), m.end(), m.group(), repl(m.group())) for m in pattern.finditer(text)]


# -- whitespace.line_endings ----------------------------------------------------------

_LINE_END = re.compile("\r\n?|[\u2028\u2029]")


def line_endings(text: str, options: Options) -> list[Edit]:
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return []
    return _replace_all("whitespace.line_endings", _LINE_END, text, lambda s: "\n")


# -- unicode.control ------------------------------------------------------------------

_CONTROL_CLASS = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
_CONTROL_ONE = re.compile(_CONTROL_CLASS)
_CONTROL = re.compile(_CONTROL_CLASS + "+")
_PAGE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})


def control(text: str, options: Options) -> list[Edit]:
    if _CONTROL_ONE.search(text) is None:
        return []
    return _replace_all(
        "unicode.control", _CONTROL, text, lambda s: "".join(c for c in s.translate(_PAGE_BREAKS) if c == "\n")
    )


# -- unicode.zero_width ---------------------------------------------------------------

_ZERO_WIDTH_CHARS = "\u200b\u2060\ufeff\u180e"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]+")


def zero_width(text: str, options: Options) -> list[Edit]:
    if not any(c in text for c in _ZERO_WIDTH_CHARS):
        return []
    return _replace_all("unicode.zero_width", _ZERO_WIDTH, text, lambda s: "")


# -- unicode.soft_hyphen --------------------------------------------------------------

_SOFT_HYPHEN = re.compile("\xad+")


def soft_hyphen(text: str, options: Options) -> list[Edit]:
    if "\xad" not in text:
        return []
    return _replace_all("unicode.soft_hyphen", _SOFT_HYPHEN, text, lambda s: "")


# -- unicode.nbsp ---------------------------------------------------------------------

NBSP_CHARS = "\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_NBSP = re.compile(f"[{NBSP_CHARS}]+")


def nbsp(text: str, options: Options) -> list[Edit]:
    if not any(c in text for c in NBSP_CHARS):
        return []
    return _replace_all("unicode.nbsp", _NBSP, text, lambda s: " " * len(s))


# -- unicode.nfc ----------------------------------------------------------------------

# Composition only ever joins a character to the starter before it, and no ASCII
# character is ever joined to what precedes it; so each run of non-ASCII characters,
# with the one ASCII character before it, normalises on its own.
_NON_ASCII_RUN = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")


def nfc(text: str, options: Options) -> list[Edit]:
    if unicodedata.is_normalized("NFC", text):
        return []
    out = []
    for m in _NON_ASCII_RUN.finditer(text):
        run = m.group()
        if unicodedata.is_normalized("NFC", run):
            continue
        fixed = unicodedata.normalize("NFC", run)
        p = 0
        while p < min(len(run), len(fixed)) and run[p] == fixed[p]:
            p += 1
        out.append(Edit("unicode.nfc", m.start() + p, m.end(), run[p:], fixed[p:]))
    return out


# -- whitespace.trailing --------------------------------------------------------------

_LINE_END_AFTER_BLANK = re.compile("[ \t]\n")


def trailing(text: str, options: Options) -> list[Edit]:
    if " \n" not in text and "\t\n" not in text and not text.endswith((" ", "\t")):
        return []
    # find the last blank of each run and walk back: a regex for the whole run
    # ([ \t]+\n) would start a match attempt at every space of the text
    ends = [m.start() + 1 for m in _LINE_END_AFTER_BLANK.finditer(text)]
    if text.endswith((" ", "\t")):
        ends.append(len(text))
    out = []
    for end in ends:
        start = end - 1
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        out.append(Edit("whitespace.trailing", start, end, text[start:end], ""))
    return out


# -- whitespace.runs ------------------------------------------------------------------

_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")


def runs(text: str, options: Options) -> list[Edit]:
    if "  " not in text and "\t" not in text:
        return []
    return _replace_all("whitespace.runs", _RUN, text, lambda s: " ")


# -- typography.ascii -----------------------------------------------------------------

TYPOGRAPHY_ASCII = {
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "−": "-",
    "—": "--", "―": "--",
    "…": "...",
}
_TYPOGRAPHY = re.compile("[" + "".join(TYPOGRAPHY_ASCII) + "]+")
_TYPOGRAPHY_TABLE = str.maketrans(TYPOGRAPHY_ASCII)


def typography_ascii(text: str, options: Options) -> list[Edit]:
    if text.isascii():
        return []
    return _replace_all("typography.ascii", _TYPOGRAPHY, text, lambda s: s.translate(_TYPOGRAPHY_TABLE))


REPAIR_RULES: tuple[Rule, ...] = (
    Rule(
        "whitespace.line_endings",
        line_endings,
        "CRLF and lone CR (and the Unicode line/paragraph separators) become LF",
        ("one\r\ntwo\rthree\u2028four", "one\ntwo\nthree\nfour"),
    ),
    Rule(
        "encoding.mojibake",
        find_mojibake,
        "UTF-8 text that was decoded with a single-byte code page is repaired (ftfy)",
        ("The groupâ€™s cafÃ©\u00a0menu â€“ â€œnewâ€\x9d", "The group’s café\u00a0menu – “new”"),
    ),
    Rule(
        "unicode.control",
        control,
        "C0 and C1 control characters and DEL are removed; vertical tab and form feed become LF",
        ("bell\x07 NUL\x00 C1\x85 page\x0cbreak", "bell NUL C1 page\nbreak"),
    ),
    Rule(
        "unicode.zero_width",
        zero_width,
        "zero-width space, word joiner, stray BOM and Mongolian vowel separator are removed",
        ("zero\u200bwidth\ufeff join\u2060ed", "zerowidth joined"),
    ),
    Rule(
        "unicode.soft_hyphen",
        soft_hyphen,
        "soft hyphens (invisible hyphenation hints) are removed",
        ("counter\xadterrorism", "counterterrorism"),
    ),
    Rule(
        "unicode.nbsp",
        nbsp,
        "no-break and fixed-width spaces become ordinary spaces",
        ("822\u00a0km, 10\u202f000 people", "822 km, 10 000 people"),
    ),
    Rule(
        "unicode.nfc",
        nfc,
        "text is put in Unicode NFC form (decomposed accents are composed)",
        ("Pe\u0301rier's cafe\u0301", "Périer's café"),
    ),
    Rule(
        "whitespace.trailing",
        trailing,
        "spaces and tabs at the end of a line are removed",
        ("end of line \t\nnext  ", "end of line\nnext"),
    ),
    Rule(
        "whitespace.runs",
        runs,
        "runs of spaces and tabs between words become one space (indentation is kept)",
        ("two  spaces,\t\tand tabs", "two spaces, and tabs"),
    ),
    Rule(
        "typography.ascii",
        typography_ascii,
        "curly quotes, dashes and ellipses become ASCII (off by default)",
        ("“It’s over — almost…”", "\"It's over -- almost...\""),
        default=False,
    ),
)
