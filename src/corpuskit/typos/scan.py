"""One look at a text, shared by every typo rule: its unknown words, word counts and positions.

The hot path is C: lowercase, split on whitespace, one set difference against the
dictionary, then a strip and a lookup per unique leftover chunk. Counts and positions
are built once per text, on first need, by one regex pass; every later question
("how often does *Syria* occur?", "where is *onlie*?") is a dictionary lookup, so the
cost of a document is linear in its size however many candidates it has.

A scan is reused by the next rule when the text is unchanged (compared by value, a
``memcmp``), and a rule that changes only unknown words hands the next rule a scan of
its result (:meth:`Scan.after`), so a document is scanned once, not once per rule.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from corpuskit import wordlists
from corpuskit.typos.limits import CONTEXT_WORD_MAX_CZ, MAX_LENGTH

__all__ = ["APOSTROPHES", "LETTERS", "MAX_LENGTH", "WORD", "Scan", "is_letter", "scan"]

# A word: letters joined by internal apostrophes (doesn't, Qur’anic). Digits, hyphens and
# underscores end a word, and a word touching one is left alone.
LETTERS = r"[^\W\d_]"
WORD = re.compile(rf"{LETTERS}+(?:['’]{LETTERS}+)*")
APOSTROPHES = str.maketrans({"’": "'"})
# Stripped from a whitespace-delimited chunk before the quick dictionary check.
_PUNCT = ".,;:!?()[]{}\"'“”‘’«»…*"
# Characters whose lowercase form is not one character, or that case-fold to an ASCII
# letter without lowercasing to it (Kelvin sign, long s, dotted I...): with any of them
# in a text, offsets in ``text.lower()`` may not be offsets in the text, so positions
# are found with the case-insensitive regex instead of ``str.find``.
# Up to this many words are found one by one with str.find; more, with one pass.
_FEW = 8
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a\u212b\ufb00-\ufb06\u1e9e]")


def is_letter(c: str) -> bool:
    """What ``[^\\W\\d_]`` matches: a word character that is not a digit or underscore."""
    return c.isalnum() and not c.isdecimal()


class Scan:
    """The unknown words of one text, and lazily its word counts and word positions."""

    __slots__ = ("_cased", "_counts", "_curly", "_index", "lower", "odd_case", "rare", "text", "words")

    def __init__(self, text: str, words: tuple[str, ...], rare: tuple[str, ...], lower: str) -> None:
        self.text = text
        #: lowercase forms of the words in no dictionary (ASCII, at most MAX_LENGTH letters)
        self.words = words
        #: lowercase dictionary words of the text that are rare on the web (typo.context looks at them)
        self.rare = rare
        #: ``text.lower()`` with curly apostrophes straightened
        self.lower = lower
        self.odd_case = bool(_ODD_CASE.search(text)) or len(lower) != len(text)
        self._counts: Counter[str] | None = None
        self._cased: Counter[str] | None = None
        self._index: dict[str, list[int]] | None = None
        self._curly: bool | None = None

    def count(self, word: str) -> int:
        """Whole-word occurrences of lowercase ``word`` in the text, in any case."""
        if self._counts is None:
            self._counts = Counter(WORD.findall(self.lower))
        return self._counts.get(word, 0)

    def occurs(self, word: str, times: int) -> bool:
        """Whether ``word`` occurs at least ``times`` times as a whole word, in any case."""
        return self.count(word) >= times

    def capitalised(self, word: str) -> int:
        """Occurrences of ``word`` written Capitalised or in CAPITALS (a name, a headline)."""
        if self._cased is None:
            self._cased = Counter(w.translate(APOSTROPHES) for w in WORD.findall(self.text))
        title = word[:1].upper() + word[1:]
        return self._cased.get(title, 0) + (self._cased.get(word.upper(), 0) if len(word) > 1 else 0)

    def positions(self, words: Iterable[str]) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of every whole-word occurrence of the lowercase ``words``, in order."""
        wanted = sorted(set(words))
        if not wanted:
            return iter(())
        if self.odd_case:
            return ((m.start(), m.end()) for m in _pattern(tuple(wanted)).finditer(self.text))
        if self._index is None:
            self._index = {}
            if len(wanted) > _FEW:
                self._index_all()
        found: list[tuple[int, int]] = []
        for w in wanted:
            starts = self._index.get(w)
            if starts is None:
                starts = self._index[w] = self._find(w)
            found.extend((s, s + len(w)) for s in starts)
        found.sort()
        return iter(found)

    def _index_all(self) -> None:
        """Positions of every unknown and rare word at once: one pass over the words."""
        assert self._index is not None
        wanted = set(self.words).union(self.rare)
        index = self._index
        for m in WORD.finditer(self.lower):
            tok = m.group()
            if tok in wanted:
                index.setdefault(tok, []).append(m.start())
        for w in wanted:
            index.setdefault(w, [])

    @property
    def curly(self) -> bool:
        """Whether the text writes its apostrophes curly (’) more often than straight (')."""
        if self._curly is None:
            self._curly = self.text.count("’") > self.text.count("'")
        return self._curly

    def _find(self, word: str) -> list[int]:
        """Whole-word starts of ``word`` in the lowercase text (``str.find``, then the boundaries)."""
        lower, n, k = self.lower, len(self.lower), len(word)
        out = []
        i = lower.find(word)
        while i >= 0:
            j = i + k
            before_ok = i == 0 or (
                not is_letter(lower[i - 1]) and not (lower[i - 1] == "'" and i >= 2 and is_letter(lower[i - 2]))
            )
            after_ok = j >= n or (
                not is_letter(lower[j]) and not (lower[j] == "'" and j + 1 < n and is_letter(lower[j + 1]))
            )
            if before_ok and after_ok:
                out.append(i)
            i = lower.find(word, i + 1)
        return out

    def after(self, text: str, fixed: Iterable[str]) -> Scan:
        """The scan of ``text``, this text with some of the unknown words ``fixed``.

        Corrections only ever replace unknown words by dictionary words, so the unknown
        words of the new text are a subset of these (a fixed word may still occur where
        it was not changed, so none is dropped). Counts and positions are rebuilt lazily.
        """
        del fixed  # every word is kept: a superset of candidates changes no decision
        return Scan(text, self.words, self.rare, text.lower().translate(APOSTROPHES))


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w).replace("'", "['’]") for w in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"(?<!{LETTERS})(?<!{LETTERS}['’])(?:{alts})(?!{LETTERS})(?!['’]{LETTERS})", re.IGNORECASE
    )


_last: list[Scan] = []


def remember(result: Scan) -> None:
    """Offer ``result`` to the next rule (it is used if that rule sees the same text)."""
    _last[:] = [result]


def scan(text: str) -> Scan:
    """The scan of ``text``: the last one if it was of the same text, else a fresh one."""
    cached = _last[0] if _last else None
    if cached is not None and (cached.text is text or cached.text == text):
        return cached
    en = wordlists.english()
    real, freq = en.real, en.freq
    words: set[str] = set()
    lower = text.lower().translate(APOSTROPHES)
    chunks = set(lower.split())
    rare: set[str] = set()
    for chunk in chunks.difference(real):
        core = chunk.strip(_PUNCT)
        if core in real:
            if freq.get(core, 0) <= CONTEXT_WORD_MAX_CZ:
                rare.add(core)
            continue
        if core.isalpha():
            words.add(core)
            continue
        for tok in WORD.findall(core):
            if tok not in real:
                words.add(tok)
    ascii_word = wordlists.ASCII_WORD.fullmatch
    unknown = tuple(sorted(w for w in words if len(w) <= MAX_LENGTH and w.isascii() and ascii_word(w)))
    rare.update(c for c in chunks.intersection(real) if freq.get(c, 0) <= CONTEXT_WORD_MAX_CZ)
    result = Scan(text, unknown, tuple(sorted(w for w in rare if w.isalpha() and w.isascii())), lower)
    remember(result)
    return result
