"""Shared helpers for the typo tests and benchmarks: the clean text and the injection study."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

import attrs

import corpuskit
from corpuskit.builder import clean
from corpuskit.edits import apply_edits, select_edits
from corpuskit.options import Options
from corpuskit.typos import TYPO_RULES

DATA = Path(__file__).parent / "data"
SAMPLE = Path(__file__).parent.parent / "examples" / "data" / "sample_corpus.txt"

#: The seeds' typos corrected by the default rules, and nothing else: (document, before, after, rule).
SEED_FIXES = {
    ("000_cd0ba43665274ae9", "Siria", "Syria", "typo.frequency"),
    ("000_cd0ba43665274ae9", "onlie", "online", "typo.frequency"),
    ("000_cd0ba43665274ae9", "tge", "the", "typo.known"),
    ("000_cd0ba43665274ae9", "rein", "reign", "typo.context"),
    ("002_d83b1ee9d24fb740", "spites", "spite", "typo.context"),
}


def seed_typo_edits() -> set[tuple[str, str, str, str]]:
    return {
        (d.id, e.before, e.after, e.rule)
        for d in corpuskit.read(SAMPLE)
        for e in select_edits(d.edits, only=["typo"])
    }


def clean_documents() -> list[str]:
    """Clean, name-dense text: the seeds with their typos fixed, and Factbook sections."""
    docs = []
    for d in corpuskit.read(SAMPLE):
        docs.append(apply_edits(d.raw_text, select_edits(d.edits, only=["typo"])))
    body = (DATA / "clean_names.txt").read_text(encoding="utf-8")
    body = "\n".join(line for line in body.splitlines() if not line.startswith("#"))
    docs.extend(p for p in body.split("\n\n") if p.strip())
    return docs


def testset() -> list[tuple[str, str]]:
    """(right, wrong) pairs of the Birkbeck-derived test set, without duplicates.

    Entries whose "right" word is not itself an English word (``arrangeing``,
    ``refered``, ``summarys``: slips of the set's makers) are left out.
    """
    from corpuskit import wordlists

    real = wordlists.english().real
    pairs: dict[tuple[str, str], None] = {}
    for line in (DATA / "spell_testset_birkbeck.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        right, _, wrongs = line.partition(":")
        for wrong in wrongs.split():
            if wrong != right and right in real:
                pairs[(right, wrong)] = None
    return list(pairs)


def _spelling_key(word: str) -> str:
    """British and American spellings of one word compare equal (organisation, organization)."""
    return re.sub(r"is(e|ed|es|ing|ation)\b", r"iz\1", word.lower()).replace("our", "or")


def same_word(a: str, b: str) -> bool:
    return _spelling_key(a) == _spelling_key(b)


@attrs.frozen
class Study:
    injected: int
    real_word: int  # injected misspellings that are themselves English words
    true_fixes: int
    wrong_fixes: int  # an injected misspelling changed into something else than the answer
    false_fixes: list[tuple[str, str]]  # clean words changed
    words: int

    @property
    def precision(self) -> float:
        done = self.true_fixes + self.wrong_fixes + len(self.false_fixes)
        return self.true_fixes / done if done else 1.0

    @property
    def recall(self) -> float:
        return self.true_fixes / self.injected

    @property
    def nonword_recall(self) -> float:
        return self.true_fixes / (self.injected - self.real_word)


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])")


def _mid_sentence_slots(doc: str) -> list[tuple[int, int]]:
    return [m.span() for m in _LOWER_WORD.finditer(doc) if not doc[: m.start()].rstrip().endswith((".", "\n"))]


def injection_study(options: Options | None = None, seed: int = 0) -> Study:
    """Replace lowercase words of the clean text by misspellings; count what the rules do."""
    from corpuskit import wordlists

    options = options or Options()
    rng = random.Random(seed)
    pairs = testset()
    rng.shuffle(pairs)
    docs = clean_documents()
    todo = iter(pairs)
    injected = real_word = true_fixes = wrong_fixes = words = 0
    false_fixes: list[tuple[str, str]] = []
    real = wordlists.english().real
    rights: dict[str, set[str]] = {}
    for right, wrong in pairs:
        rights.setdefault(wrong, set()).add(right)
    for doc in _cycle(docs, len(pairs)):
        slots = _mid_sentence_slots(doc)
        chosen = sorted(rng.sample(slots, min(len(slots), 12)))
        parts, answers, pos = [], {}, 0
        out_pos = 0
        for start, end in chosen:
            pair = next(todo, None)
            if pair is None:
                break
            right, wrong = pair
            parts.append(doc[pos:start])
            out_pos += start - pos
            answers[out_pos] = (wrong, right)
            parts.append(wrong)
            out_pos += len(wrong)
            pos = end
            injected += 1
            real_word += wrong in real
        parts.append(doc[pos:])
        text = "".join(parts)
        words += len(text.split())
        _, edits, _ = clean(text, options, TYPO_RULES)
        for e in edits:
            if e.start in answers:
                if any(same_word(e.after, r) for r in rights[answers[e.start][0]]):
                    true_fixes += 1
                else:
                    wrong_fixes += 1
            else:
                false_fixes.append((e.before, e.after))
        if injected >= len(pairs):
            break
    return Study(injected, real_word, true_fixes, wrong_fixes, false_fixes, words)


def _cycle(docs: list[str], n: int) -> Iterator[str]:
    i = 0
    while True:
        yield docs[i % len(docs)]
        i += 1
        if i > 10 * n:
            return
