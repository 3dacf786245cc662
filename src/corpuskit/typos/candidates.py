"""The dictionary words one edit (or one typing slip) away from a word.

Norvig's method: every string one edit away (54 n + 25 of them, the 26 letters of a
position made by one join and one split), intersected in one step with the set of dictionary
words common enough to matter (limits.CANDIDATE_FLOOR_CZ: rarer ones can neither win
nor stop a winner, so leaving them out changes no decision). Results are cached per
word, so a word costs this once per process. Once a process has asked about
limits.INDEX_AFTER_WORDS words, a wildcard index over those words answers instead (the
same words, about five times faster a word, for a tenth of a second's building).
"""

from __future__ import annotations

import functools

from corpuskit import wordlists
from corpuskit.typos.limits import CANDIDATE_FLOOR_CZ, INDEX_AFTER_WORDS

__all__ = ["is_affixed", "is_one_edit", "is_slip", "one_edit_words", "slips"]

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
    for a, b in splits:
        out.update(_letters_between(a, b))
        if b:
            out.update(_letters_between(a, b[1:]))
    return out


def _letters_between(head: str, tail: str) -> list[str]:
    """``head + c + tail`` for each letter a-z, made by one ``join`` and one ``split`` (C)
    rather than 26 concatenations in Python (the words asked about never hold a newline:
    they come from whitespace-split text; one that does gets the plain loop)."""
    if "\n" in head or "\n" in tail:
        return [head + c + tail for c in _LETTERS]
    return (head + (tail + "\n" + head).join(_LETTERS) + tail).split("\n")


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


_asked: list[int] = [0]


@functools.cache
def _wildcard_keys() -> frozenset[str]:
    """Each floor word with each of its letters in turn replaced by ``*`` (``*ook``, ``b*ok``...).

    A word has a floor word one substitution (or one insertion) away at position ``i``
    only if its own wildcard key at ``i`` is in this set, so the 26 strings of a position
    are generated only where the key says a floor word is (for an unknown word of news
    text, about once in six words; a rare dictionary word has a few such positions),
    instead of at every position of every word. Built in C: per length and position,
    the words joined into one ASCII buffer, every ``i``-th byte set by a slice assignment,
    split back (0.1 s CPU on the measuring machine, against 0.35 s for the same set by a
    comprehension).
    """
    by_length: dict[int, list[str]] = {}
    for w in _floor_words():
        by_length.setdefault(len(w), []).append(w)
    keys: set[str] = set()
    for n, bucket in by_length.items():
        joined = "\n".join(bucket) + "\n"
        if not joined.isascii():  # one byte a character is what the slices rely on
            keys.update(w[:i] + "*" + w[i + 1 :] for w in bucket for i in range(n))
            continue
        data = joined.encode("ascii")
        for i in range(n):
            buffer = bytearray(data)
            buffer[i :: n + 1] = b"*" * len(bucket)
            keys.update(buffer.decode("ascii").split("\n"))
    keys.discard("")
    return frozenset(keys)


def _indexed(word: str) -> set[str]:
    """What ``_edits1(word) & floor`` is, generating the 26 letters only at the positions
    whose wildcard key (insertion or substitution) some floor word has."""
    keys, floor = _wildcard_keys(), _floor_words()
    found: set[str] = set()
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if head + "*" + tail in keys:  # an insertion at i
            found.update(floor.intersection(_letters_between(head, tail)))
        if tail and head + "*" + tail[1:] in keys:  # a substitution at i
            found.update(floor.intersection(_letters_between(head, tail[1:])))
    found.update(floor.intersection([word[:i] + word[i + 1 :] for i in range(len(word))]))
    found.update(floor.intersection([word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]))
    return found


@functools.lru_cache(maxsize=1 << 16)
def one_edit_words(word: str) -> tuple[str, ...]:
    """Dictionary words (at or above the floor) one edit away from lowercase ``word``.

    The first limits.INDEX_AFTER_WORDS words are answered by generating their edits;
    after that by the wildcard index. Both give exactly the same words.
    """
    _asked[0] += 1
    found = _edits1(word).intersection(_floor_words()) if _asked[0] <= INDEX_AFTER_WORDS else _indexed(word)
    found.discard(word)
    return tuple(sorted(found))


def is_affixed(word: str, other: str) -> bool:
    """Whether lowercase ``word`` is ``other`` with a letter more at one end that says it is
    meant: a final ``s`` (a plural or a possessive written without its apostrophe:
    ``anyones``, ``elses``, ``deferreds``) or a first letter that does not double
    the next (a program's or a protocol's prefix: ``xsession``, ``popen``, ``cfront``).
    Neither is a typo for ``other``, though each is one edit, even one slip, away. A
    doubled first letter is a slip (``nnot``, ``wwithin``), and so is a doubled ``s``
    (``yearss``).
    """
    if len(word) != len(other) + 1:
        return False
    if word[-1] == "s" and word[:-1] == other and not other.endswith("s"):
        return True
    return word[1:] == other and word[0] != word[1]


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
