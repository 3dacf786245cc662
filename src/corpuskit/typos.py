"""Typo correction that never damages a name: layered, conservative, auditable.

Three rules run after the encoding and normalisation rules, in this order, each
switchable by name and each recording its own edits:

- ``typo.user``: the user's own ``wrong -> right`` file (words and phrases);
- ``typo.known``: codespell's unambiguous known misspellings (``tge`` → ``the``);
- ``typo.frequency``: an unknown lowercase word one edit away from exactly one common
  word (``onlie`` → ``online``).

What is never touched (by the last two rules; the user's rules are the user's call,
except for URLs and protected words): words in any dictionary or common on the web,
capitalised words inside a sentence (names), acronyms and other mixed case, words
joined to digits, hyphens or underscores, anything inside a URL, e-mail address,
hashtag, @handle or file name, and words in other scripts or with accents. A
capitalised word at the start of a sentence or line is corrected only with evidence
from the document itself: its correction occurs elsewhere in the same document
(``Siria, Aleppo`` → ``Syria`` because the article says "Syria" many times; ``Vidino``
has no common word one edit away, so nothing can happen to it). The same evidence
for a capitalised word inside a sentence only yields a ``typo.suggestion`` warning.

Speed: the text is split on whitespace in C, the unique chunks are checked against the
dictionary as one set difference, and only the few chunks left over are tokenised and
looked at in Python. Only unknown words pay for candidate generation, cached per word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import attrs

from corpuskit import wordlists
from corpuskit.edits import Edit
from corpuskit.model import DocumentWarning
from corpuskit.options import Options
from corpuskit.rules import Rule

__all__ = ["TYPO_RULES", "frequency_choice", "suggestions"]

# A word: letters joined by internal apostrophes (doesn't, Qur’anic). Digits, hyphens and
# underscores end a word, and a word touching one is left alone.
_LETTERS = r"[^\W\d_]"
_WORD = re.compile(rf"{_LETTERS}+(?:['’]{_LETTERS}+)*")
_APOSTROPHES = str.maketrans({"’": "'"})
# Characters that may sit between a sentence end (or line start) and its first word.
_OPENERS = frozenset(" \t\u00a0\"'“‘([«¿¡*-–—")
_SENTENCE_END = frozenset(".!?…")
# A whitespace-delimited chunk that looks like a URL, e-mail, handle, hashtag or file name.
_MACHINE = re.compile(r"://|@|#|\bwww\.|\w\.\w|[\\/_=]")

#: typo.frequency: minimum word length (shorter words are too ambiguous).
MIN_LENGTH = 4
#: Longer "words" are not words (a run of letters in hostile input): never looked at,
#: so candidate generation stays bounded (it is quadratic in the length).
MAX_LENGTH = 40
#: The candidate must be at least this common (centi-zipf; 350 = 3 per million words)...
CANDIDATE_MIN_CZ = 350
#: ...at least this much more common than the word itself (200 = 100 times)...
MARGIN_CZ = 200
#: ...and at least this much more common than the runner-up (100 = 10 times).
WINNER_CZ = 100

#: A capitalised word is corrected only if its correction occurs this often in the document.
EVIDENCE_MIN = 2

_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
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


def _slips(word: str) -> Iterator[str]:
    """The words that ``word`` could be one *typing* slip away from.

    A typing slip is a letter dropped, two letters swapped, a key hit next to the right
    one, or an extra letter doubled or struck beside a neighbour. Spelling mistakes of
    another kind (``plesent`` for ``pleasant``) are left to codespell's list: read as
    slips they point at the wrong word (``present``).
    """
    n = len(word)
    for i in range(n + 1):
        a, b = word[:i], word[i:]
        for c in _ALPHABET:  # the typist dropped a letter
            yield a + c + b
        if not b:
            continue
        x = b[0]
        if len(b) > 1:
            yield a + b[1] + x + b[2:]  # two letters swapped
        for c in _NEAR.get(x, ()):  # the key next to the right one
            yield a + c + b[1:]
        left, right = word[i - 1 : i], b[1:2]
        near = _NEAR.get(x, frozenset())
        if x in (left, right) or left in near or right in near:  # an extra letter
            yield a + b[1:]


def _edits1(word: str) -> Iterator[str]:
    """Every string one deletion, transposition, substitution or insertion away."""
    for i in range(len(word) + 1):
        a, b = word[:i], word[i:]
        for c in _ALPHABET:
            yield a + c + b
        if b:
            yield a + b[1:]
            if len(b) > 1:
                yield a + b[1] + b[0] + b[2:]
            for c in _ALPHABET:
                yield a + c + b[1:]


@attrs.frozen
class Choice:
    """What typo.frequency thinks of an unknown word: the best candidate and why."""

    word: str
    best: str | None
    best_cz: int
    runner_up_cz: int
    word_cz: int
    slip: bool  # the best candidate is one typing slip away, not only one edit

    @property
    def likely(self) -> bool:
        """Common and far more common than the word: worth a suggestion."""
        return self.best is not None and self.best_cz >= CANDIDATE_MIN_CZ and (
            self.best_cz - max(self.word_cz, 100) >= MARGIN_CZ
        )

    @property
    def clear(self) -> bool:
        """Likely, and a clear winner over every other word one edit away."""
        return self.likely and self.best_cz - self.runner_up_cz >= WINNER_CZ

    @property
    def accepted(self) -> bool:
        """Clear, and a typing slip: enough to correct a lowercase word on its own."""
        return self.clear and self.slip


@functools.lru_cache(maxsize=1 << 16)
def frequency_choice(word: str) -> Choice:
    """Rank the dictionary words one edit away from lowercase ``word`` by frequency.

    Every edit counts against the winner (a clear winner must beat ``mean`` for ``meen``),
    but only a typing slip may win (``thay`` is not corrected to ``that``: ``they`` is as
    close, by a vowel swap, which is a spelling mistake rather than a slip).
    """
    en = wordlists.english()
    freq, real = en.freq, en.real
    scored = sorted(
        ((freq.get(c, 0), c) for c in set(_edits1(word)) - {word} if c in real),
        reverse=True,
    )
    best_cz, best = scored[0] if scored else (0, None)
    runner_up = scored[1][0] if len(scored) > 1 else 0
    slip = best is not None and best in set(_slips(word))
    return Choice(word, best, best_cz, runner_up, freq.get(word, 0), slip)


# --- the scan shared by the rules ---------------------------------------------------------


@attrs.frozen
class _Scan:
    """The lowercase forms of the words of one text that are not dictionary words."""

    text: str
    words: tuple[str, ...]
    lower: str

    def count(self, word: str) -> int:
        """Occurrences of ``word`` in the text, in any case (document evidence)."""
        return sum(1 for _ in _occurrence_pattern((word,)).finditer(self.text))

    def occurs(self, word: str, times: int) -> bool:
        """Whether ``word`` occurs at least ``times`` times as a whole word.

        A substring count (C speed) bounds the whole-word count from above, so the regex
        runs only for the few words that might pass.
        """
        return self.lower.count(word) >= times and self.count(word) >= times


_last_scan: list[_Scan] = []
# Stripped from a whitespace-delimited chunk before the quick dictionary check.
_PUNCT = ".,;:!?()[]{}\"'“”‘’«»…*"


def _scan(text: str) -> _Scan:
    """Unknown words of ``text``; the last result is reused by the next rule on the same text.

    The hot path is C: lowercase, split on whitespace, one set difference against the
    dictionary, then a strip and a lookup per unique leftover chunk. Only chunks that
    are not a plain word once stripped are tokenised with the word pattern. Case and
    context are looked at later, and only for the few words a rule would change.
    """
    cached = _last_scan[0] if _last_scan else None
    if cached is not None and cached.text is text:
        return cached
    real = wordlists.english().real
    words: set[str] = set()
    lower = text.lower()
    for chunk in set(lower.split()).difference(real):
        core = chunk.strip(_PUNCT)
        if core in real:
            continue
        if core.isalpha():
            words.add(core)
            continue
        for tok in _WORD.findall(core):
            tok = tok.translate(_APOSTROPHES)
            if tok not in real:
                words.add(tok)
    ascii_word = wordlists.ASCII_WORD.fullmatch
    scan = _Scan(
        text, tuple(sorted(w for w in words if len(w) <= MAX_LENGTH and w.isascii() and ascii_word(w))), lower
    )
    _last_scan[:] = [scan]
    return scan


def _shape(tok: str) -> str | None:
    """``lower``, ``title`` (Capitalised) or None for anything else (acronyms, McName, accents)."""
    if not tok.translate(_APOSTROPHES).isascii():
        return None
    if tok.islower():
        return "lower"
    if len(tok) > 1 and tok[0].isupper() and tok[1:].islower():
        return "title"
    return None


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] == "\n" or text[i] in _SENTENCE_END or text[i] == "\r"


def _machine(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is part of a URL, address, handle, number or file name."""
    if (start > 0 and (text[start - 1].isdigit() or text[start - 1] in "_-")) or (
        end < len(text) and (text[end].isdigit() or text[end] in "_-")
    ):
        return True
    a = start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    n = len(text)
    while b < n and not text[b].isspace():
        b += 1
    return _MACHINE.search(text, a, b) is not None


def _recase(tok: str, right: str) -> str:
    if tok[0].isupper() and right[:1].islower():
        return right[0].upper() + right[1:]
    return right


def _apostrophe(text: str, right: str) -> str:
    """Write a correction's apostrophe the way the document writes its own."""
    if "'" in right and text.count("’") > text.count("'"):
        return right.replace("'", "’")
    return right


@functools.lru_cache(maxsize=4096)
def _occurrence_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w).replace("'", "['’]") for w in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"(?<!{_LETTERS})(?<!{_LETTERS}['’])(?:{alts})(?!{_LETTERS})(?!['’]{_LETTERS})", re.IGNORECASE
    )


def _occurrences(text: str, words: Iterable[str]) -> Iterator[re.Match[str]]:
    """Every occurrence of the lowercase ``words`` in ``text``, in any case, as whole words."""
    key = tuple(sorted(set(words)))
    return _occurrence_pattern(key).finditer(text) if key else iter(())


def _key(tok: str) -> str:
    return tok.lower().translate(_APOSTROPHES)


def _protected(options: Options) -> frozenset[str]:
    return wordlists.protected_words(options.protected_words_file) if options.protected_words_file else frozenset()


# --- the rules ------------------------------------------------------------------------------


def find_user(text: str, options: Options) -> list[Edit]:
    if not options.typo_user_file:
        return []
    rules = wordlists.user_rules(options.typo_user_file)
    protected = _protected(options)
    edits: list[Edit] = []
    for wrong, right in rules.phrases:
        words = [re.escape(w) for w in wrong.split()]
        pattern = re.compile(rf"(?<!{_LETTERS})" + r"\s+".join(words) + rf"(?!{_LETTERS})", re.IGNORECASE)
        for m in pattern.finditer(text):
            before = m.group()
            if not _machine(text, m.start(), m.end()):
                edits.append(Edit("typo.user", m.start(), m.end(), before, _recase(before, right)))
    if rules.words:
        variants: dict[str, str] = {}
        for wrong, right in rules.words.items():
            variants[wrong] = right
            if wrong.islower():
                variants.setdefault(wrong[0].upper() + wrong[1:], _recase(wrong.title(), right))
        for m in _occurrences(text, (_key(w) for w in variants)):
            tok = m.group()
            fixed = variants.get(tok)
            if fixed is None or _key(tok) in protected or _machine(text, m.start(), m.end()):
                continue
            edits.append(Edit("typo.user", m.start(), m.end(), tok, fixed))
    return _non_overlapping(edits)


def _non_overlapping(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, -e.end)):
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


@attrs.frozen
class _Fix:
    right: str
    lower: bool  # may correct the word written in lowercase
    title: bool  # may correct it Capitalised at the start of a sentence or line
    evidence: bool  # Capitalised: only if ``right`` occurs EVIDENCE_MIN times in the document


def _candidates(text: str, options: Options) -> list[str]:
    """Unknown, correctable, unprotected words of ``text`` (lowercase forms)."""
    protected = _protected(options)
    return [w for w in _scan(text).words if w not in protected]


def find_known(text: str, options: Options) -> list[Edit]:
    table = wordlists.misspellings()
    fixes = {
        w: _Fix(table[w], lower=True, title=True, evidence=False)
        for w in _candidates(text, options)
        if w in table
    }
    return _place(text, "typo.known", fixes)


def find_frequency(text: str, options: Options) -> list[Edit]:
    fixes: dict[str, _Fix] = {}
    for w in _candidates(text, options):
        if len(w) < MIN_LENGTH or "'" in w:
            continue
        choice = frequency_choice(w)
        if choice.best is None or choice.word_cz >= wordlists.COMMON_CZ:
            continue  # nothing near, or common on the web: slang, a brand, a name
        # A capitalised word needs evidence from the document, which then stands in for
        # the typing slip: Siria -> Syria is a spelling, not a slip.
        if choice.clear:
            fixes[w] = _Fix(choice.best, lower=choice.accepted, title=True, evidence=True)
    return _place(text, "typo.frequency", fixes)


def _place(text: str, rule: str, fixes: dict[str, _Fix]) -> list[Edit]:
    """Edits for every safe occurrence of the words in ``fixes``, by the shape it has there.

    Lowercase occurrences are corrected where the fix allows; Capitalised ones only at
    the start of a sentence or line (and with document evidence where required);
    anything else (ACRONYMS, McNames, accents, inside URLs) never.
    """
    if not fixes:
        return []
    scan = _scan(text)
    edits = []
    for m in _occurrences(text, fixes):
        tok = m.group()
        fix = fixes[_key(tok)]
        shape = _shape(tok)
        if shape == "lower":
            if not fix.lower:
                continue
        elif shape == "title":
            if not fix.title or not _sentence_start(text, m.start()):
                continue
            if fix.evidence and not scan.occurs(fix.right, EVIDENCE_MIN):
                continue
        else:
            continue
        if _machine(text, m.start(), m.end()):
            continue
        edits.append(Edit(rule, m.start(), m.end(), tok, _apostrophe(text, _recase(tok, fix.right))))
    return edits


def suggestions(text: str, options: Options) -> list[DocumentWarning]:
    """Likely typos not corrected because the evidence is not strong enough.

    A capitalised word inside a sentence whose one-edit neighbour is a common word that
    the document itself uses (``in Siria and Iraq`` in an article about Syria), and
    lowercase unknown words whose best candidate is common but not a clear winner.
    Empty when ``typo.frequency`` is off.
    """
    if not options.rule_on("typo.frequency") or not options.rule_on("typo.suggestion"):
        return []
    try:
        return _suggestions(text, options)
    except Exception:  # a failing rule is reported by the rule itself, as pipeline.error
        return []


def _suggestions(text: str, options: Options) -> list[DocumentWarning]:
    out: list[DocumentWarning] = []
    for w in _candidates(text, options):
        if len(w) < MIN_LENGTH or "'" in w:
            continue
        choice = frequency_choice(w)
        if choice.best is None or not choice.likely or choice.word_cz >= wordlists.COMMON_CZ:
            continue
        why: dict[str, str] = {}
        if not choice.accepted:
            why["lower"] = "a likely correction, not a clear typing slip"
        if choice.clear and _scan(text).occurs(choice.best, EVIDENCE_MIN):
            why["title"] = "it occurs elsewhere in the document"
        for m in _occurrences(text, [w]):
            tok = m.group()
            shape = _shape(tok)
            if shape not in why or _machine(text, m.start(), m.end()):
                continue
            if shape == "title" and _sentence_start(text, m.start()):
                continue  # corrected by the rule itself
            right = _recase(tok, choice.best)
            out.append(DocumentWarning("typo.suggestion", f"{tok!r} may be a typo for {right!r} ({why[shape]})"))
            break
    return out


TYPO_RULES: tuple[Rule, ...] = (
    Rule(
        name="typo.user",
        find=find_user,
        summary="the user's own 'wrong -> right' corrections (option typo_user_file)",
        example=("the gorup said", "the group said"),
    ),
    Rule(
        name="typo.known",
        find=find_known,
        summary="known misspellings from codespell's dictionary, unambiguous entries only",
        example=("Above all, tge group is", "Above all, the group is"),
    ),
    Rule(
        name="typo.frequency",
        find=find_frequency,
        summary="an unknown lowercase word one edit away from exactly one common word",
        example=("This form of onlie radicalization", "This form of online radicalization"),
    ),
)
