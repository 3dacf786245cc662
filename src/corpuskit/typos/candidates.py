"""The dictionary words one edit (or one typing slip) away from a word.

Norvig's method: every string one edit away (54 n + 25 of them, built with set
comprehensions in C-speed loops), intersected in one step with the set of dictionary
words common enough to matter (limits.CANDIDATE_FLOOR_CZ: rarer ones can neither win
nor stop a winner, so leaving them out changes no decision). Results are cached per
word, so a word costs this once per process. (A symmetric-delete index over those
words answers faster per word but takes seconds to build in every worker; measured in
docs/typos.md.)
"""

from __future__ import annotations

import functools

from corpuskit import wordlists
from corpuskit.typos.limits import CANDIDATE_FLOOR_CZ

__all__ = ["is_one_edit", "is_slip", "one_edit_words", "slips"]

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ALPHABET = frozenset(_LETTERS)
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours() -> dict[str, frozenset[str]]:
    """Keys next to each other on a QWERTY keyboard (same row or the rows above and below)."""
    where = {c: (r, i) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}
    steps = {0: (-1, 1), -1: (0, 1), 1: (-1, 0)}  # row offset -> column offsets (rows are staggered)
    return {
        c: frozenset(d for d, (r2, i2) in where.items() if r2 - r in steps and i2 - i in steps[r2 - r])
        for c, (r, i) in where.items()
    }


_NEAR = _neighbours()


@functools.cache
def _floor_words() -> frozenset[str]:
    """The dictionary words common enough to be a candidate (limits.CANDIDATE_FLOOR_CZ)."""
    en = wordlists.english()
    return frozenset(w for w, cz in en.freq.items() if cz >= CANDIDATE_FLOOR_CZ and w in en.real)


def _edits1(word: str) -> set[str]:
    """Every string one deletion, adjacent swap, a-z substitution or a-z insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _LETTERS)
    out.update(a + c + b for a, b in splits for c in _LETTERS)
    return out


def _swapped(word: str, other: str, diff: list[int]) -> bool:
    """Whether two words of one length, differing at ``diff``, are two adjacent letters swapped."""
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and word[diff[0]] == other[diff[1]]
        and word[diff[1]] == other[diff[0]]
    )


def is_one_edit(word: str, other: str) -> bool:
    """Whether ``other`` is one deletion, adjacent swap, or a-z substitution/insertion from ``word``."""
    n, m = len(word), len(other)
    if n == m:
        diff = [i for i in range(n) if word[i] != other[i]]
        if len(diff) == 1:
            return other[diff[0]] in _ALPHABET
        return _swapped(word, other, diff)
    if m == n + 1:  # a letter inserted into word
        i = next((k for k in range(n) if word[k] != other[k]), n)
        return other[i] in _ALPHABET and word[i:] == other[i + 1 :]
    if m == n - 1:  # a letter of word deleted
        i = next((k for k in range(m) if word[k] != other[k]), m)
        return word[i + 1 :] == other[i:]
    return False


#: After this many distinct words, building the symmetric-delete index (about half a
#: second) costs less than generating every edit of each further word.
INDEX_AFTER_WORDS = 10000
_asked: list[int] = [0]


@functools.cache
def _delete_index() -> dict[str, tuple[str, ...]]:
    """The floor words under themselves and under each string one deletion away (SymSpell)."""
    index: dict[str, list[str]] = {}
    for w in _floor_words():
        index.setdefault(w, []).append(w)
        for d in {w[:i] + w[i + 1 :] for i in range(len(w))}:
            index.setdefault(d, []).append(w)
    return {k: tuple(v) for k, v in index.items()}


@functools.lru_cache(maxsize=1 << 16)
def one_edit_words(word: str) -> tuple[str, ...]:
    """Dictionary words (at or above the floor) one edit away from lowercase ``word``.

    The first INDEX_AFTER_WORDS words are answered by generating their edits; after
    that by the delete index. Both give exactly the same words.
    """
    _asked[0] += 1
    if _asked[0] <= INDEX_AFTER_WORDS:
        found = _edits1(word).intersection(_floor_words())
    else:
        index = _delete_index()
        found = set(index.get(word, ()))
        for d in {word[:i] + word[i + 1 :] for i in range(len(word))}:
            found.update(index.get(d, ()))
        found = {c for c in found if is_one_edit(word, c)}
    found.discard(word)
    return tuple(sorted(found))


def is_slip(word: str, other: str) -> bool:
    """Whether ``other`` is one *typing* slip away from ``word`` (what the typist meant).

    A typing slip is a letter dropped, two letters swapped, a key hit next to the right
    one, or an extra letter doubled or struck beside a neighbour. Spelling mistakes of
    another kind (``plesent`` for ``pleasant``) are left to codespell's list: read as
    slips they point at the wrong word (``present``). Decided directly from the two
    strings (no set of every slip is built, so nothing large is cached).
    """
    n, m = len(word), len(other)
    if m == n + 1:  # the typist dropped a letter
        i = next((k for k in range(n) if word[k] != other[k]), n)
        return other[i] in _ALPHABET and word[i:] == other[i + 1 :]
    if m == n:
        diff = [k for k in range(n) if word[k] != other[k]]
        if len(diff) == 1:  # the key next to the right one
            return other[diff[0]] in _NEAR.get(word[diff[0]], ())
        return _swapped(word, other, diff)  # two letters swapped
    if m == n - 1:  # an extra letter, doubling or beside a neighbour
        for i in range(n):
            if word[:i] + word[i + 1 :] != other:
                continue
            x, left, right = word[i], word[i - 1 : i], word[i + 1 : i + 2]
            near = _NEAR.get(x, frozenset())
            if x in (left, right) or left in near or right in near:
                return True
        return False
    return False


def slips(word: str) -> frozenset[str]:
    """Every string one typing slip away from ``word`` (the definition :func:`is_slip` follows)."""
    out: set[str] = set()
    n = len(word)
    for i in range(n + 1):
        a, b = word[:i], word[i:]
        out.update(a + c + b for c in _LETTERS)  # the typist dropped a letter
        if not b:
            continue
        x = b[0]
        if len(b) > 1:
            out.add(a + b[1] + x + b[2:])  # two letters swapped
        out.update(a + c + b[1:] for c in _NEAR.get(x, ()))  # the key next to the right one
        left, right = word[i - 1 : i], b[1:2]
        near = _NEAR.get(x, frozenset())
        if x in (left, right) or left in near or right in near:  # an extra letter
            out.add(a + b[1:])
    return frozenset(out)
