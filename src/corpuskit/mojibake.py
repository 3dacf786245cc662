"""Mojibake repair with ftfy, paid for only by text that looks broken.

ftfy is the reference for undoing mojibake (UTF-8 bytes that were decoded with a
single-byte code page: ``â€™`` for ``’``, ``Ã©`` for ``é``), but it reads every
character of every line several times. Most corpus text is fine, so a cheap gate runs
first: one compiled regex looking for what mojibake is made of, a UTF-8 lead byte
followed by continuation bytes, as some code page that ftfy can undo shows them. Only
lines the gate flags are handed to ``ftfy.fix_encoding`` (ftfy's own judgement then
decides), with ftfy's cosmetic fixers (quote uncurling, ligatures, width, HTML
entities, NFC) off: those are not encoding repairs, and corpuskit has its own switchable
rules for the ones it wants.

ftfy returns a whole fixed line; :func:`diff_edits` turns the difference into small
edits (``â€™`` → ``’``) so that users can read and undo each repair.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher

import ftfy
from ftfy.chardata import CHARMAP_ENCODINGS

from corpuskit.edits import Edit
from corpuskit.options import Options

__all__ = ["FTFY_CONFIG", "diff_edits", "find_mojibake", "looks_like_mojibake"]

FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

# Typography that a code page happens to put at a UTF-8 lead byte (MacRoman's ’ is 0xD5):
# too common in clean text to start a suspicion on its own.
_COMMON = set("’‘“”–—…«»\xa0")
_C1 = "".join(map(chr, range(0x80, 0xA0)))


def _family(encoding: str) -> str:
    return {
        "sloppy-windows-1251": "cyrillic",
        "sloppy-windows-1253": "greek",
        "macroman": "macroman",
        "cp437": "cp437",
    }.get(encoding, "latin")


# Continuation characters that clean Russian, Ukrainian, Belarusian or Greek text is
# full of (letters of its own alphabet, and the quotes that hug words there).
_NATIVE = {"cyrillic": set("ёіїєўґЁІЇЄЎҐ«»"), "greek": set("ΆΈΉΊΌΎΏ«»")}


_ALL_LEADS = ((1, bytes(range(0xC2, 0xE0))), (2, bytes(range(0xE0, 0xF0))), (3, bytes(range(0xF0, 0xF5))))
# In Cyrillic and Greek code pages the lead bytes are the script's own letters, so every
# lead would make clean Russian or Greek text stop the scan. Only the leads of what is
# really met are kept (as in ftfy's own heuristics): Latin-1 letters (0xC2, 0xC3), the
# script itself, and punctuation (0xE2, as in ``вЂ™``).
_LEAD_BYTES = {
    "cyrillic": ((1, b"\xc2\xc3\xd0\xd1"), (2, b"\xe2")),
    "greek": ((1, b"\xc2\xc3\xce\xcf"), (2, b"\xe2")),
}


def _gate() -> re.Pattern[str]:
    """One regex for 'a UTF-8 sequence as some code page shows it', with a one-class prefix.

    The pattern starts with a single character class (so the regex engine skips clean
    text at memory speed); lookbehinds then pick the code page the first character
    belongs to and ask for as many continuation bytes as its lead byte announces.
    """
    leads: dict[tuple[str, int], set[str]] = {}
    conts: dict[str, set[str]] = {}
    for enc in CHARMAP_ENCODINGS:
        fam = _family(enc)
        cont = set(bytes(range(0x80, 0xC0)).decode(enc)) - _NATIVE.get(fam, set())
        conts.setdefault(fam, set()).update(cont)
        for n, lead_bytes in _LEAD_BYTES.get(fam, _ALL_LEADS):
            chars = set(lead_bytes.decode(enc)) - _COMMON
            leads.setdefault((fam, n), set()).update(chars)

    def cls(chars: set[str] | str) -> str:
        return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"

    first: set[str] = set(_C1) | {"Â", "Ã"}
    branches = [f"(?<={cls(_C1)})", "(?<=[ÂÃ]) "]
    for (fam, n), chars in sorted(leads.items()):
        first |= chars
        branches.append(f"(?<={cls(chars)}){cls(conts[fam])}{{{n}}}")
    return re.compile(cls(first) + "(?:" + "|".join(branches) + ")")


_GATE = _gate()


def looks_like_mojibake(text: str) -> bool:
    """The cheap test: could ``text`` contain mojibake that ftfy would repair?"""
    return not text.isascii() and _GATE.search(text) is not None


# ftfy and the diff work line by line; longer lines are cut at a space, as ftfy's own
# fix_text cuts segments at max_decode_length, to keep the cost linear.
_MAX_SEGMENT = 1 << 16


def find_mojibake(text: str, options: Options) -> list[Edit]:
    """Edits that undo mojibake, line by line, on the lines the gate flags."""
    if text.isascii():
        return []
    m = _GATE.search(text)
    edits: list[Edit] = []
    done = 0
    while m is not None:
        hit = m.start()
        start = max(text.rfind("\n", 0, hit) + 1, done)
        if hit - start > _MAX_SEGMENT:
            start = _safe_space(text, hit - _MAX_SEGMENT, hit - _MAX_SEGMENT // 2, last=True) + 1
        end = text.find("\n", hit, hit + _MAX_SEGMENT)
        if end < 0:
            if len(text) - hit <= _MAX_SEGMENT:
                end = len(text)
            else:  # a line without an end in sight: stop at a space
                end = _safe_space(text, hit + _MAX_SEGMENT // 2, hit + _MAX_SEGMENT, last=False)
        line = text[start:end]
        fixed = ftfy.fix_encoding(line, FTFY_CONFIG)
        if fixed != line:
            edits.extend(diff_edits("encoding.mojibake", line, fixed, start))
        done = end
        m = _GATE.search(text, end)
    return edits


def _safe_space(text: str, lo: int, hi: int, *, last: bool) -> int:
    """A space in ``text[lo:hi]`` between visible ASCII characters, where no mojibake is cut
    (``Ã`` + space is mojibake of ``à`` whose no-break byte became a space); ``hi`` or
    ``lo - 1`` if there is none."""
    spaces = [m.start() for m in _SAFE_SPACE.finditer(text, lo, hi)]
    if not spaces:
        return lo - 1 if last else hi
    return spaces[-1] if last else spaces[0]


_SAFE_SPACE = re.compile(r"(?<=[!-~]) (?=[!-~])")
_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


def diff_edits(rule: str, before: str, after: str, offset: int = 0) -> list[Edit]:
    """Small edits turning ``before`` into ``after`` (offsets shifted by ``offset``).

    Repairs change runs of non-ASCII characters and leave the ASCII between them almost
    alone, so both texts are cut into alternating ASCII / non-ASCII runs: when the two
    sequences of runs have the same shape, runs pair up one to one in linear time (an
    ASCII run may still differ: a space that was a lost no-break byte is eaten);
    otherwise the runs are aligned with difflib. Each changed stretch is trimmed to what
    really differs, but a non-ASCII repair keeps a character rather than an empty side.
    """
    if before == after:
        return []
    ta, tb = _RUNS.findall(before), _RUNS.findall(after)
    pa, pb = _offsets(ta), _offsets(tb)
    # equal runs at both ends need no alignment
    lo = 0
    while lo < min(len(ta), len(tb)) and ta[lo] == tb[lo]:
        lo += 1
    k = 0
    while k < min(len(ta), len(tb)) - lo and ta[-1 - k] == tb[-1 - k]:
        k += 1
    ma, mb = ta[lo : len(ta) - k], tb[lo : len(tb) - k]
    pairs: list[tuple[int, int, int, int]] = []  # spans in before and after that differ
    if len(ma) == len(mb) and all(x.isascii() == y.isascii() for x, y in zip(ma, mb, strict=True)):
        pairs = [(pa[i], pa[i + 1], pb[i], pb[i + 1]) for i in range(lo, lo + len(ma)) if ta[i] != tb[i]]
    else:
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, ma, mb).get_opcodes():
            if tag != "equal":
                pairs.append((pa[lo + i1], pa[lo + i2], pb[lo + j1], pb[lo + j2]))
    out = []
    for i1, i2, j1, j2 in pairs:
        x, y = before[i1:i2], after[j1:j2]
        q = _common_prefix(x, y)
        r = _common_suffix(x, y, q)
        while (q or r) and not x.isascii() and (len(x) - q - r == 0 or len(y) - q - r == 0):
            # keep a character of context rather than an empty side
            if r:
                r -= 1
            else:
                q -= 1
        out.append(Edit(rule, offset + i1 + q, offset + i2 - r, x[q : len(x) - r], y[q : len(y) - r]))
    return out


def _offsets(tokens: list[str]) -> list[int]:
    out = [0]
    for t in tokens:
        out.append(out[-1] + len(t))
    return out


def _longest(n: int, same: Callable[[int], bool]) -> int:
    """The largest ``k <= n`` with ``same(k)``, for a ``same`` that holds up to some k and
    fails past it (a binary search: each test compares two slices in C)."""
    if same(n):
        return n
    lo, hi = 0, n  # same(lo), not same(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if same(mid):
            lo = mid
        else:
            hi = mid
    return lo


def _common_prefix(a: str, b: str) -> int:
    return _longest(min(len(a), len(b)), lambda k: a[:k] == b[:k])


def _common_suffix(a: str, b: str, prefix: int) -> int:
    """Length of the common suffix that does not overlap the common prefix."""
    n = min(len(a), len(b)) - prefix
    return _longest(n, lambda k: a[len(a) - k :] == b[len(b) - k :]) if n > 0 else 0
