"""One look at a text, shared by every typo rule: its unknown words, word counts and positions.

The hot path is C: lowercase, split on whitespace, set operations against the
dictionary (the unknown chunks, and the rare words typo.context looks at), then a strip
per unique leftover chunk and one regex pass over them. Nothing then loops over every word of the text
in Python: counts and positions are found for the few words a rule asks about, on first
need, by ``str.find`` (C) and a boundary check per hit, and kept, so the cost of a
document is one C-speed pass plus work proportional to its suspect words.

A scan is reused by the next rule when the text is unchanged (compared by value, a
``memcmp``), and a rule that changes only unknown words hands the next rule a scan of
its result (:meth:`Scan.after`), so a document is scanned once, not once per rule.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from corpuskit import wordlists
from corpuskit.typos.limits import CONTEXT_WORD_MAX_CZ, MAX_LENGTH

__all__ = ["APOSTROPHES", "LETTERS", "MAX_LENGTH", "WORD", "Scan", "is_letter", "scan"]

# A word: letters joined by internal apostrophes (doesn't, Qur’anic). Digits, hyphens and
# underscores end a word, and a word touching one is left alone.
LETTERS = r"[^\W\d_]"
WORD = re.compile(rf"{LETTERS}+(?:['’]{LETTERS}+)*")
APOSTROPHES = str.maketrans({"’": "'"})
# Where a WORD token may start and end: no letter, nor a letter and an apostrophe, on
# that side (a zero-width match at a position; lookbehind sees the text before it).
_TOKEN_START = re.compile(rf"(?<!{LETTERS})(?<!{LETTERS}['’])")
_TOKEN_END = re.compile(rf"(?!{LETTERS})(?!['’]{LETTERS})")
# Stripped from a whitespace-delimited chunk before the quick dictionary check.
_PUNCT = ".,;:!?()[]{}\"'“”‘’«»…*"
# Characters whose lowercase form is not one character, or that case-fold to an ASCII
# letter without lowercasing to it (Kelvin sign, long s, dotted I...): with any of them
# in a text, offsets in ``text.lower()`` may not be offsets in the text, so positions
# are found with the case-insensitive regex instead of ``str.find``.
_ODD_CASE = "\u0130\u0131\u017f\u212a\u212b\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06\u1e9e"


def is_letter(c: str) -> bool:
    """What ``[^\\W\\d_]`` matches: a word character that is not a digit or underscore."""
    return c.isalnum() and not c.isdecimal()


class Scan:
    """The unknown words of one text, and lazily the counts and positions of the words asked about."""

    __slots__ = ("_cased", "_counts", "_curly", "_index", "_straight", "lower", "odd_case", "rare", "text", "words")

    def __init__(self, text: str, words: tuple[str, ...], rare: tuple[str, ...], lower: str) -> None:
        self.text = text
        #: lowercase forms of the words in no dictionary (ASCII, at most MAX_LENGTH letters)
        self.words = words
        #: lowercase dictionary words of the text that are rare on the web (typo.context looks at them)
        self.rare = rare
        #: ``text.lower()`` with curly apostrophes straightened
        self.lower = lower
        self.odd_case = len(lower) != len(text) or (not text.isascii() and any(c in text for c in _ODD_CASE))
        self._counts: dict[str, int] = {}
        self._cased: dict[str, int] = {}
        self._index: dict[str, list[int]] = {}
        self._curly: bool | None = None
        self._straight: str | None = None

    def count(self, word: str) -> int:
        """Whole-word occurrences of lowercase ``word`` in the text, in any case.

        Found by ``str.find`` on the lowercase text (the words asked about are a few per
        document; tokenising the whole text to count them cost more than the rest of the scan).
        """
        n = self._counts.get(word)
        if n is None:
            n = self._counts[word] = len(self._starts(word))
        return n

    def occurs(self, word: str, times: int) -> bool:
        """Whether ``word`` occurs at least ``times`` times as a whole word, in any case.

        Stops at the ``times``-th occurrence: the word asked about is often a common one.
        """
        n = self._counts.get(word)
        if n is None:
            return len(_whole_word_starts(self.lower, word, times)) >= times
        return n >= times

    def capitalised(self, word: str) -> int:
        """Occurrences of ``word`` written Capitalised or in CAPITALS (a name, a headline)."""
        n = self._cased.get(word)
        if n is None:
            if self._straight is None:
                self._straight = self.text.replace("’", "'")
            title = word[:1].upper() + word[1:]
            n = len(_whole_word_starts(self._straight, title))
            if len(word) > 1:
                n += len(_whole_word_starts(self._straight, word.upper()))
            self._cased[word] = n
        return n

    def positions(self, words: Iterable[str]) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of every whole-word occurrence of the lowercase ``words``, in order."""
        wanted = sorted(set(words))
        if not wanted:
            return iter(())
        if self.odd_case:
            return ((m.start(), m.end()) for m in _pattern(tuple(wanted)).finditer(self.text))
        found: list[tuple[int, int]] = []
        for w in wanted:
            k = len(w)
            found.extend((s, s + k) for s in self._starts(w))
        found.sort()
        return iter(found)

    def _starts(self, word: str) -> list[int]:
        """Whole-word starts of lowercase ``word`` in the lowercase text, found once per word."""
        starts = self._index.get(word)
        if starts is None:
            starts = self._index[word] = _whole_word_starts(self.lower, word)
        return starts

    @property
    def curly(self) -> bool:
        """Whether the text writes its apostrophes curly (’) more often than straight (')."""
        if self._curly is None:
            self._curly = self.text.count("’") > self.text.count("'")
        return self._curly

    def after(self, text: str, fixed: Iterable[str]) -> Scan:
        """The scan of ``text``, this text with some of the unknown words ``fixed``.

        Corrections only ever replace unknown words by dictionary words, so the unknown
        words of the new text are a subset of these (a fixed word may still occur where
        it was not changed, so none is dropped). Counts and positions are found anew, lazily.
        """
        del fixed  # every word is kept: a superset of candidates changes no decision
        return Scan(text, self.words, self.rare, _lower(text))


def _whole_word_starts(text: str, word: str, limit: int | None = None) -> list[int]:
    """Where ``word`` occurs in ``text`` as a whole WORD token (exact case), up to ``limit`` times.

    ``str.find``, then the boundaries (_TOKEN_START, _TOKEN_END: the lookarounds of the
    odd-case pattern, so both ways agree). A string that is not itself one WORD token (a
    space, a hyphen) is no token of any text: none.
    """
    if not _is_token(word):
        return []
    k = len(word)
    find, starts, ends = text.find, _TOKEN_START.match, _TOKEN_END.match
    out: list[int] = []
    i = find(word)
    while i >= 0:
        if starts(text, i) and ends(text, i + k):
            out.append(i)
            if limit is not None and len(out) >= limit:
                break
        i = find(word, i + 1)
    return out


@functools.lru_cache(maxsize=1 << 14)
def _is_token(word: str) -> bool:
    return WORD.fullmatch(word) is not None


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w).replace("'", "['’]") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"{_TOKEN_START.pattern}(?:{alts}){_TOKEN_END.pattern}", re.IGNORECASE)


_last: list[Scan] = []


def remember(result: Scan) -> None:
    """Offer ``result`` to the next rule (it is used if that rule sees the same text)."""
    _last[:] = [result]


def _lower(text: str) -> str:
    """``text.lower()`` with curly apostrophes straightened (``replace``: ten times faster
    than ``translate(APOSTROPHES)``, which looks every character up in a dict)."""
    return text.lower().replace("’", "'")


@functools.cache
def _common_words() -> frozenset[str]:
    """The dictionary words more common than typo.context suspects (limits.CONTEXT_WORD_MAX_CZ).

    About 7,000 words, most of any news text's: taken out first, they leave the big
    dictionary set (285,890 words, which a probe mostly finds out of the CPU cache) only
    the rest to look up, and a text's rare words are then set operations too.
    """
    en = wordlists.english()
    return frozenset(w for w, cz in en.freq.items() if cz > CONTEXT_WORD_MAX_CZ and w in en.real)


def scan(text: str) -> Scan:
    """The scan of ``text``: the last one if it was of the same text, else a fresh one."""
    cached = _last[0] if _last else None
    if cached is not None and (cached.text is text or cached.text == text):
        return cached
    real = wordlists.english().real
    common = _common_words()
    lower = _lower(text)
    chunks = set(lower.split())
    rest = chunks.difference(common)
    unknown_chunks = rest.difference(real)
    cores = {chunk.strip(_PUNCT) for chunk in unknown_chunks}  # said. (BBC) Siria,
    # The words of the unknown cores (u.s -> u, s; 3-year -> year), all in one regex pass
    # (no word spans the spaces joining them), less the dictionary's.
    words = set(WORD.findall(" ".join(cores.difference(real)))).difference(real)
    ascii_word = wordlists.ASCII_WORD.fullmatch
    unknown = tuple(sorted(w for w in words if len(w) <= MAX_LENGTH and w.isascii() and ascii_word(w)))
    rare = rest.difference(unknown_chunks).union(cores.intersection(real)).difference(common)
    result = Scan(text, unknown, tuple(sorted(w for w in rare if w.isalpha() and w.isascii())), lower)
    remember(result)
    return result
