"""typo.context: real-word errors, decided by the word pairs around the word.

``their rein of destruction`` has no unknown word: ``rein`` is English. What gives it
away is its neighbours: in a large table of English word pairs, "reign of" is common and
"rein of" is not. The table is symspellpy's bigram dictionary (MIT; 242,342 pairs
derived from Google Books n-grams, every pair seen at least 6.4 million times), read as
data from the installed package; its code is not used.

For a rare dictionary word (limits.CONTEXT_WORD_MAX_CZ), written in lowercase, with a
plain word right before or after it (one space, no punctuation between), the candidates
are the dictionary words one edit away. Each is scored by the noisy-channel
approximation P(left w right) ∝ count(left w) · count(w right) / count(w), over the
sides that have a neighbour, against the word written. A pair missing from the table is
counted at the table's floor (it was seen less often than that), so the ratio computed
is a lower bound on the true one.

The word is corrected only when every pair it forms is absent from the table (a pair
that is in the table is English as written), the best candidate forms *both* pairs
that the table lists ("in spite" and "spite of"), is common, clearly more common than
the word written, at least CONTEXT_MIN_RATIO times likelier than it and
CONTEXT_WINNER_RATIO times likelier than the runner-up, and one typing slip away.

One listed pair alone is not enough: the table's floor is so high (6.4 million) that
"reign of" beats "rein of" by only 9 times provably, no more than "firmed to" →
"formed to" or "eased to" → "ceased to" in Reuters, which are right as written. Such
cases (the word after listed, ratio at least CONTEXT_SUGGEST_RATIO) become
``typo.suggestion`` warnings; so does any two-sided case short of the edit's limits.

Before that, a word of a curated confusion set (the one-edit pairs of a published
homophone list: ``rein`` with ``reign`` and ``rain``; ``wordlists.confusion_pairs()``)
is weighed against its partners only, with pairs counted in a 172-million-word
Wikipedia and Gutenberg sample deep enough to list "their reign" (``_confused``):
``their rein of`` → ``reign``, 418 times likelier, each neighbour for it. Few candidates
is what makes the deeper sample safe here: with every word one edit away it preferred
"their ruin of" and moved news toward old books' usage (docs/typos.md).

Speed: a word's best candidate must be common (CONTEXT_CANDIDATE_MIN_CZ), so only the
words with such a word one edit away (``wordlists.confusable()``, listed at build time)
are looked at: no candidates, no neighbours, no positions for the rest, which are most
of a text's rare words. What a suspect's candidates need is worked out once per word.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Iterator

import attrs

from corpuskit import wordlists
from corpuskit.typos.candidates import is_slip, one_edit_words
from corpuskit.typos.limits import (
    CONFUSION_MIN_RATIO,
    CONFUSION_SAMPLE_SHARE,
    CONFUSION_SIDE_RATIO,
    CONTEXT_CANDIDATE_MIN_CZ,
    CONTEXT_MARGIN_CZ,
    CONTEXT_MIN_RATIO,
    CONTEXT_SUGGEST_RATIO,
    CONTEXT_WINNER_RATIO,
    CONTEXT_WORD_MAX_CZ,
    REPEATED_MIN,
)
from corpuskit.typos.scan import Scan, is_letter

__all__ = ["Bigrams", "Decision", "bigrams", "decisions"]

_BIGRAM_FILE = "frequency_bigramdictionary_en_243_342.txt"
#: The table counts a word about 10**4.2-4.4 times its frequency per billion words
#: (measured: the summed pairs of "the", "of", "and", "to", "in", "spite"); the larger
#: end is taken, which only ever makes the word written look likelier (stricter).
TABLE_SCALE_LOG = 4.5


@attrs.frozen(eq=False)
class Bigrams:
    """Word-pair counts and the floor below which a pair is not listed."""

    counts: dict[str, int]
    floor: int

    def get(self, first: str, second: str) -> int | None:
        return self.counts.get(f"{first} {second}")


@functools.cache
def bigrams() -> Bigrams:
    """The pair table, read on first use (about 0.3 s) from the installed symspellpy package."""
    spec = importlib.util.find_spec("symspellpy")
    if spec is None or not spec.submodule_search_locations:
        return Bigrams({}, 1)
    path = os.path.join(next(iter(spec.submodule_search_locations)), _BIGRAM_FILE)
    with open(path, encoding="utf-8") as f:
        fields = f.read().split()
    pairs = map(" ".join, zip(fields[0::3], fields[1::3], strict=True))
    counts = dict(zip(pairs, map(int, fields[2::3]), strict=True))
    return Bigrams(counts, min(counts.values()) if counts else 1)


@attrs.frozen
class Decision:
    """What typo.context makes of one occurrence: the word to write and how sure it is."""

    start: int
    end: int
    right: str
    ratio: float  # lower bound of how much likelier the best candidate is than the word
    correct: bool  # strong enough for an edit; otherwise a suggestion


def _side_words(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The lowercase words right before and after ``start:end`` across exactly one space."""
    left = right = None
    if start >= 2 and text[start - 1] == " " and is_letter(text[start - 2]):
        j = start - 1
        while j > 0 and is_letter(text[j - 1]):
            j -= 1
        if j == 0 or not (text[j - 1] in "'’-" or text[j - 1].isdigit()):
            left = text[j : start - 1].lower()
    n = len(text)
    if end + 1 < n and text[end] == " " and is_letter(text[end + 1]):
        j = end + 1
        while j < n and is_letter(text[j]):
            j += 1
        if j == n or not (text[j] in "'’-" or text[j].isdigit()):
            right = text[end + 1 : j].lower()
    return left, right


def _table_count(cz: int) -> float:
    """A word's expected count on the table's scale, from its frequency (see TABLE_SCALE_LOG)."""
    return float(10.0 ** (cz / 100.0 + TABLE_SCALE_LOG))


def _score(pairs: tuple[float | None, float | None], unigram: float) -> float:
    """P(left x right) up to a constant, from the sides in use: one pair alone, or both over x."""
    left, right = pairs
    if left is not None and right is not None:
        return left * right / unigram
    one = left if left is not None else right
    return float(one) if one is not None else 0.0


@attrs.frozen
class _Word:
    """What every occurrence of one suspected word needs, worked out once per word."""

    count: float  # its expected count on the table's scale
    bound: float  # the most an unlisted pair of it can be
    candidates: tuple[tuple[str, float, float], ...]  # (word, count, bound) one edit away


@functools.lru_cache(maxsize=1 << 16)
def _word(w: str) -> _Word:
    freq = wordlists.english().freq
    floor = float(bigrams().floor)

    def count(x: str) -> float:
        return _table_count(freq.get(x, 0))

    cands = tuple((c, count(c), min(floor, count(c))) for c in one_edit_words(w) if c.isalpha())
    return _Word(count(w), min(floor, count(w)), cands)


def _decide(table: Bigrams, left: str | None, w: str, right: str | None) -> tuple[str, float, bool] | None:
    """The best candidate for ``w`` between ``left`` and ``right``, the ratio, and whether it is strong.

    The ratio is a lower bound: the candidate's listed pairs against the most the word
    written could have (its pairs are unlisted, so below the table's floor and below its
    own count), on the sides where the candidate's pairs are listed. The runner-up is
    given the most it could have on the same sides.
    """
    if (left is not None and table.get(left, w)) or (right is not None and table.get(w, right)):
        return None  # a pair the table lists: English as written
    freq = wordlists.english().freq
    info = _word(w)
    best: tuple[float, str, tuple[bool, bool]] | None = None
    listed: dict[str, tuple[int | None, int | None, float, float]] = {}
    for c, count_c, bound_c in info.candidates:
        pair = (table.get(left, c) if left else None, table.get(c, right) if right else None)
        listed[c] = (*pair, count_c, bound_c)
        if pair == (None, None):
            continue
        sides = (pair[0] is not None, pair[1] is not None)
        low = _score((pair[0], pair[1]), count_c)
        high_w = _score((info.bound if sides[0] else None, info.bound if sides[1] else None), info.count)
        ratio = low / high_w
        if best is None or ratio > best[0]:
            best = (ratio, c, sides)
    if best is None:
        return None
    ratio, c, sides = best
    if ratio < CONTEXT_SUGGEST_RATIO or freq.get(c, 0) < CONTEXT_CANDIDATE_MIN_CZ or not sides[1]:
        return None  # too weak even for a suggestion ("and X" alone says little)
    low = _score((listed[c][0], listed[c][1]), listed[c][2])
    winner = True
    for d, (p_left, p_right, count_d, bound_d) in listed.items():
        if d == c:
            continue
        high = _score(
            (
                (p_left if p_left is not None else bound_d) if sides[0] else None,
                (p_right if p_right is not None else bound_d) if sides[1] else None,
            ),
            count_d,
        )
        if high and low / high < CONTEXT_WINNER_RATIO:
            winner = False
            break
    strong = (
        ratio >= CONTEXT_MIN_RATIO
        and sides == (True, True)  # both pairs listed: one pair alone is mostly the prior (see limits)
        and winner
        and freq.get(c, 0) - freq.get(w, 0) >= CONTEXT_MARGIN_CZ
        and is_slip(w, c)
    )
    return c, ratio, strong


@functools.cache
def _confusion_suspects() -> dict[str, tuple[str, ...]]:
    """The confusion-set words the rule may suspect, each with the partners it may be a slip for.

    As for every other suspect, the word is rare (CONTEXT_WORD_MAX_CZ) and a partner common
    (CONTEXT_CANDIDATE_MIN_CZ) and CONTEXT_MARGIN_CZ more common than it: a common word is
    left to its writer, and a slip is corrected toward the likelier word only. And the
    sample must know the word: seen at least CONFUSION_SAMPLE_SHARE as often as on the web
    (wordfreq). A word of modern senses that old books hardly use (``bloc``, ``byte``,
    ``tee``) has too few uses there for its unseen neighbours to mean anything: "a bloc of"
    is news English, not a slip for "a block of".
    """
    freq = wordlists.english().freq
    per_billion = wordlists.confusion_sample_words() / 1e9
    out: dict[str, tuple[str, ...]] = {}
    for w, partners in wordlists.confusion_pairs().items():
        fw = freq.get(w, 0)
        near = tuple(
            c
            for c in partners
            if freq.get(c, 0) >= CONTEXT_CANDIDATE_MIN_CZ and freq.get(c, 0) - fw >= CONTEXT_MARGIN_CZ
        )
        known = wordlists.confusion_counts(w).count >= CONFUSION_SAMPLE_SHARE * 10.0 ** (fw / 100.0) * per_billion
        if near and fw <= CONTEXT_WORD_MAX_CZ and known:
            out[w] = near
    return out


def _confused(table: Bigrams, left: str, w: str, right: str) -> tuple[str, float, bool] | None:
    """Which partner of ``w`` in its confusion set the words around it point at (``reign``
    for ``their rein of``), how strongly, and whether that is enough for an edit.

    Scored as the noisy channel does, P(left x right) ∝ n(left x) · n(x right) / n(x), with
    the counts of the shipped Wikipedia and Gutenberg sample; the word as written (and a
    runner-up) is given one more of each count than it has, so the ratio errs toward
    leaving it. Nothing is decided when a pair of the word as written is in the Google
    Books table or the three words as written occur in the sample (English as written),
    nor when neither neighbour on its own favours the partner, as a share of each word's
    uses (then only the partner's frequency speaks for it: "to halve in" → "have"). An
    edit needs the partner CONFUSION_MIN_RATIO times likelier, both neighbours favouring
    it CONFUSION_SIDE_RATIO times, and CONTEXT_WINNER_RATIO times likelier than any other
    partner; short of that, from CONTEXT_SUGGEST_RATIO up, a suggestion.
    """
    partners = _confusion_suspects().get(w)
    if not partners or table.get(left, w) or table.get(w, right):
        return None
    written = wordlists.confusion_counts(w)
    if written.around(left, right):
        return None  # the three words as written occur in edited text: meant

    def score(x: wordlists.ConfusionCounts, plus: int) -> float:
        return (x.before(left) + plus) * (x.after(right) + plus) / (x.count + plus)

    scored = sorted(((score(wordlists.confusion_counts(c), 0), c) for c in partners), reverse=True)
    lead, best = scored[0]
    ratio = lead / score(written, 1)
    if ratio < CONTEXT_SUGGEST_RATIO:
        return None
    meant = wordlists.confusion_counts(best)

    def favours(seen: int, seen_written: int) -> bool:
        return seen / meant.count >= CONFUSION_SIDE_RATIO * (seen_written + 1) / (written.count + 1)

    sides = (
        favours(meant.before(left), written.before(left)),
        favours(meant.after(right), written.after(right)),
    )
    if not any(sides):
        return None
    runner_up = max((score(wordlists.confusion_counts(c), 1) for _, c in scored[1:]), default=0.0)
    winner = runner_up == 0 or lead / runner_up >= CONTEXT_WINNER_RATIO
    return best, ratio, ratio >= CONFUSION_MIN_RATIO and all(sides) and winner


_last: list[tuple[str, frozenset[str], tuple[Decision, ...]]] = []


def decisions(found: Scan, protected: frozenset[str]) -> tuple[Decision, ...]:
    """typo.context's view of every rare lowercase word of the scanned text.

    The rule and typo.suggestion ask about the same text when the rule changed nothing
    (the usual case): the last answer is kept for that.
    """
    if _last and _last[0][1] == protected and (_last[0][0] is found.text or _last[0][0] == found.text):
        return _last[0][2]
    result = tuple(_decisions(found, protected))
    _last[:] = [(found.text, protected, result)]
    return result


def _decisions(found: Scan, protected: frozenset[str]) -> Iterator[Decision]:
    if not found.rare:
        return
    table = bigrams()
    if not table.counts:
        return
    suspects = wordlists.confusable()
    confusion = _confusion_suspects()
    wanted = [w for w in found.rare if w in suspects and w not in protected]
    if not wanted:
        return
    text = found.text
    for start, end in found.positions(wanted):
        word = text[start:end]
        if not word.islower() or not word.isascii() or found.count(word) >= REPEATED_MIN:
            continue  # Capitalised (a name), or used more than once (meant)
        left, right = _side_words(text, start, end)
        if right is None:
            continue  # every decision needs the pair with the word after
        # The curated confusion set first (``rein``: ``reign``, ``rain``), then, unless it
        # is sure, every dictionary word one edit away with the Google Books pairs.
        verdict = _confused(table, left, word, right) if left is not None and word in confusion else None
        if verdict is None or not verdict[2]:
            usual = _decide(table, left, word, right)
            if usual is not None and (usual[2] or verdict is None):
                verdict = usual
        if verdict is not None:
            best, ratio, strong = verdict
            yield Decision(start, end, best, ratio, strong)
