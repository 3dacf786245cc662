"""English word data for typo correction: loaded once, lazily, from files shipped with the package.

Nothing here runs at import time: a user who disables ``typo`` never pays for it. The
first call to :func:`english` or :func:`misspellings` reads a gzip file of the package
(about 50 ms); later calls return the same object. User files (``typo_user_file``,
``protected_words_file``) are cached by path and modification time, so a worker process
reads each once.

Frequencies are stored as *centi-zipf*: 100 × log10(occurrences per billion words), the
scale wordfreq uses (``the`` is 773, ``online`` 519, ``onlie`` 161). See
``tools/wordlists_build.py`` (a maintainer script, not shipped) for how the files are made and docs/credits.md for
their licences.
"""

from __future__ import annotations

import functools
import gzip
import os
import re

import attrs

from corpuskit.errors import OptionError

__all__ = [
    "ASCII_WORD",
    "COMMON_CZ",
    "KEY_MAX_CZ",
    "RARE_STORE_CZ",
    "ConfusionCounts",
    "English",
    "UserRules",
    "confusable",
    "confusion_counts",
    "confusion_pairs",
    "confusion_sample_words",
    "english",
    "misspellings",
    "protected_words",
    "user_rules",
]

#: What a correctable word looks like once curly apostrophes are straightened.
ASCII_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")
#: A word at or above this frequency (1 per million words) is "known" even if no dictionary has it.
COMMON_CZ = 300
#: Codespell entries whose key is this common on the web are dropped (slang, names, brands).
KEY_MAX_CZ = 400
#: Non-dictionary words below this frequency are not stored: they count as unseen.
RARE_STORE_CZ = 200


@attrs.frozen(eq=False)
class English:
    """The word data: frequency by word and the set of real (dictionary) words.

    A word is *known* when it is real or seen at least once per million words
    (:meth:`is_known`); only unknown words are ever looked at twice.
    """

    freq: dict[str, int]
    real: frozenset[str]

    def zipf(self, word: str) -> int:
        return self.freq.get(word, 0)

    def is_known(self, word: str) -> bool:
        return word in self.real or self.freq.get(word, 0) >= COMMON_CZ


_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def _read_package_gz(name: str) -> str:
    # A plain path read is ~0.1 s faster than importlib.resources on first use.
    with open(os.path.join(_DATA, name), "rb") as f:
        return gzip.decompress(f.read()).decode("utf-8")


@functools.cache
def english() -> English:
    freq: dict[str, int] = {}
    real: list[str] = []
    for line in _read_package_gz("en_words.txt.gz").splitlines():
        if not line or line.startswith("#"):
            continue
        cz_text, _, rest = line.partition(" ")
        cz = int(cz_text)
        dict_words, _, other_words = rest.partition("|")
        d = dict_words.split()
        real.extend(d)
        if cz:
            freq.update(dict.fromkeys(d, cz))
            if other_words:
                freq.update(dict.fromkeys(other_words.split(), cz))
    return English(freq=freq, real=frozenset(real))


@functools.cache
def misspellings() -> dict[str, str]:
    """codespell's unambiguous ``wrong -> right`` entries (filtered at build time)."""
    out: dict[str, str] = {}
    for line in _read_package_gz("en_misspellings.txt.gz").splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("->")
        out[key] = value
    return out


@functools.cache
def confusable() -> frozenset[str]:
    """The words typo.context may suspect: rare dictionary words with a common one a single
    edit away (``tools/confusable_build.py``). Any other word cannot be a real-word error
    the rule could fix, so it is not looked at."""
    return frozenset(
        line for line in _read_package_gz("en_confusable.txt.gz").splitlines() if line and not line.startswith("#")
    )


@functools.cache
def confusion_pairs() -> dict[str, tuple[str, ...]]:
    """Each word of a curated confusion pair and the words it is confused with (``rein``:
    ``rain``, ``reign``): the one-edit pairs of a published homophone list
    (``tools/confusion_build.py``; docs/credits.md)."""
    out: dict[str, list[str]] = {}
    for line in _read_package_gz("en_confusion_sets.txt.gz").splitlines():
        if line and not line.startswith("#"):
            a, b = line.split()
            out.setdefault(a, []).append(b)
            out.setdefault(b, []).append(a)
    return {w: tuple(sorted(near)) for w, near in out.items()}


@attrs.frozen
class ConfusionCounts:
    """One confusion-set word in the Wikipedia and Gutenberg sample: how often it occurs,
    and how often right after a word, right before one, or (a rare one) between two.

    The lists are kept as the shipped text (``" a:20 and:22 ..."``) and searched per
    question (C-speed ``str.find``): a common partner's lists hold thousands of words, and
    a text asks about a few of them.
    """

    count: int
    _before: str
    _after: str
    _around: str

    def before(self, word: str) -> int:
        return _looked_up(self._before, word)

    def after(self, word: str) -> int:
        return _looked_up(self._after, word)

    def around(self, left: str, right: str) -> int:
        return _looked_up(self._around, f"{left}_{right}")


def _looked_up(field: str, key: str) -> int:
    i = field.find(f" {key}:")
    if i < 0:
        return 0
    start = i + len(key) + 2
    end = field.find(" ", start)
    return int(field[start : end if end >= 0 else len(field)])


@attrs.frozen(eq=False)
class _ConfusionTable:
    """The counts file: the sample's size in words, and each word's line as shipped."""

    sample_words: int
    lines: dict[str, str]


@functools.cache
def _confusion_table() -> _ConfusionTable:
    words, lines = 0, {}
    for line in _read_package_gz("en_confusion_counts.txt.gz").splitlines():
        if line.startswith("# words "):
            words = int(line.split()[2])
        elif line and not line.startswith("#"):
            lines[line[: line.index("\t")]] = line
    return _ConfusionTable(words, lines)


def confusion_sample_words() -> int:
    """How many words the sample behind :func:`confusion_counts` has."""
    return _confusion_table().sample_words


@functools.lru_cache(maxsize=1024)
def confusion_counts(word: str) -> ConfusionCounts:
    """A confusion-set word's counts (``tools/confusion_build.py``); all zero for any other word."""
    line = _confusion_table().lines.get(word) if word else None
    if line is None:
        return ConfusionCounts(0, "", "", "")
    _, count, before, after, around = line.split("\t")
    return ConfusionCounts(int(count), f" {before}", f" {after}", f" {around}")


@attrs.frozen
class UserRules:
    """A user's ``wrong -> right`` entries: single words and multi-word phrases."""

    words: dict[str, str]
    phrases: tuple[tuple[str, str], ...]


def _stamp(path: str) -> tuple[str, int, int]:
    try:
        st = os.stat(path)
    except OSError as exc:
        raise OptionError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return path, st.st_mtime_ns, st.st_size


def _lines(path: str) -> list[tuple[int, str]]:
    try:
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise OptionError(f"cannot read {path}: {exc}") from exc
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append((n, line))
    return out


def user_rules(path: str) -> UserRules:
    """Parse a user file of ``wrong -> right`` lines (lines starting with ``#`` are comments)."""
    return _user_rules(*_stamp(path))


@functools.lru_cache(maxsize=16)
def _user_rules(path: str, _mtime: int, _size: int) -> UserRules:
    words: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for n, line in _lines(path):
        wrong, sep, right = line.partition("->")
        wrong, right = " ".join(wrong.split()), " ".join(right.split())
        if not sep or not wrong or not right:
            raise OptionError(f"{path}:{n}: expected 'wrong -> right', got {line!r}")
        if " " in wrong:
            phrases.append((wrong, right))
        else:
            words[wrong] = right
    return UserRules(words=words, phrases=tuple(phrases))


def protected_words(path: str) -> frozenset[str]:
    """Parse a file of words no typo rule may change (one a line, compared case-insensitively)."""
    return _protected_words(*_stamp(path))


@functools.lru_cache(maxsize=16)
def _protected_words(path: str, _mtime: int, _size: int) -> frozenset[str]:
    return frozenset(w.lower() for _, line in _lines(path) for w in line.split())
