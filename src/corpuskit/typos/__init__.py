"""Typo correction that never damages a name: layered, conservative, auditable.

Four rules run after the encoding and normalisation rules, on English documents only
(the pipeline asks :mod:`corpuskit.language` first), in this order, each switchable by
name and each recording its own edits:

- ``typo.user``: the user's own ``wrong -> right`` file (words and phrases);
- ``typo.known``: codespell's unambiguous known misspellings (``tge`` → ``the``);
- ``typo.frequency``: an unknown lowercase word one typing slip away from exactly one
  common word (``onlie`` → ``online``);
- ``typo.context``: a rare dictionary word that the word pairs around it show to be a
  slip for a common one (``their rein of`` → ``reign``; see :mod:`corpuskit.typos.context`).

What is never touched (by the last three; the user's rules are the user's call, except
for URLs and protected words): words in any dictionary or common on the web (except by
``typo.context``), acronyms and other mixed case, words joined to digits, hyphens or
underscores, anything inside a URL, e-mail address, hashtag, @handle, file name or HTML
entity, words in other scripts or with accents, a word right after an apostrophe
(``'orrible``: dialect written on purpose), a fragment that joins its neighbour into a
word (``A dmiral``, ``respon sibility``: an OCR split), a word next to another unknown
lowercase word or inside a paragraph in another language (``materia medica``), and an
unknown word the document uses more than once (it is meant: a name, a term).

Names: a Capitalised word, at the start of a sentence or inside one, is corrected only
when its correction occurs Capitalised at least twice in the same document (``Siria`` →
``Syria`` because the article says "Syria" seven times); ``Bening``, ``Nuber`` and
``Roney`` stay. Weaker evidence yields a ``typo.suggestion`` warning, never an edit.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import attrs

from corpuskit import language, wordlists
from corpuskit.edits import Edit
from corpuskit.model import DocumentWarning
from corpuskit.options import Options
from corpuskit.rules import Rule
from corpuskit.typos import context
from corpuskit.typos.candidates import is_affixed, is_slip, one_edit_words
from corpuskit.typos.limits import (
    CANDIDATE_MIN_CZ,
    EVIDENCE_MIN,
    JOIN_MIN_LENGTH,
    MARGIN_CZ,
    MAX_LENGTH,
    MIN_LENGTH,
    REPEATED_MIN,
    WINNER_CZ,
    WORD_FLOOR_CZ,
)
from corpuskit.typos.scan import APOSTROPHES, LETTERS, Scan, is_letter, remember, scan

__all__ = ["TYPO_RULES", "Choice", "frequency_choice", "suggestions"]

# Characters that may sit between a sentence end (or line start) and its first word.
_OPENERS = frozenset(" \t\u00a0\"'“‘([«¿¡*-–—")
_SENTENCE_END = frozenset(".!?…")
# A whitespace-delimited chunk that looks like a URL, e-mail, handle, hashtag, file name
# or holds an HTML entity (``Gonz&aacute;lez``, ``&#3;``).
_MACHINE = re.compile(r"://|@|#|\bwww\.|\w\.\w|[\\/_=]|&#?\w+;")
_ELISION = frozenset("'’")
_WORD_BREAKS = frozenset(" \n")  # what may part a word from its neighbour (``_neighbour``)


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
            self.best_cz - max(self.word_cz, WORD_FLOOR_CZ) >= MARGIN_CZ
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
    close, by a vowel swap, which is a spelling mistake rather than a slip). Only words
    common enough to win or to stop a winner are candidates (limits.CANDIDATE_FLOOR_CZ).
    """
    freq = wordlists.english().freq
    scored = sorted(((freq.get(c, 0), c) for c in one_edit_words(word)), reverse=True)
    best_cz, best = scored[0] if scored else (0, None)
    runner_up = scored[1][0] if len(scored) > 1 else 0
    slip = best is not None and is_slip(word, best)
    return Choice(word, best, best_cz, runner_up, freq.get(word, 0), slip)


# --- where a word is, and what is around it ------------------------------------------------


def _shape(tok: str) -> str | None:
    """``lower``, ``title`` (Capitalised) or None for anything else (acronyms, McName, accents)."""
    if not tok.translate(APOSTROPHES).isascii():
        return None
    if tok.islower():
        return "lower"
    if len(tok) > 1 and tok[0].isupper() and tok[1:].islower():
        return "title"
    return None


def _sentence_start(text: str, start: int) -> bool:
    """Whether a sentence starts at ``start``: after a sentence end, at the start of the
    text or of a paragraph, or at a line start after a line that ended a sentence (a
    line start inside hard-wrapped text, as in Reuters, is not a sentence start)."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i < 0 or text[i] in _SENTENCE_END:
        return True
    if text[i] not in "\n\r":
        return False
    while i >= 0 and text[i] in "\n\r \t\u00a0":
        if text[i] == "\n" and i > 0 and text[i - 1] in "\n\r":
            return True  # a blank line: a new paragraph
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END or text[i] in "\"'”’)"


def _machine(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is part of a URL, address, handle, entity, number or file name."""
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


def _neighbour(text: str, start: int, end: int, side: int) -> str | None:
    """The word right before (side -1) or after (+1) ``start:end``, across one space or
    one line break only (hard-wrapped mail and wire text breaks words at line ends:
    ``wr`` / ``ites``), or before it across a hyphen at a line end (``responsi-`` /
    ``bility``)."""
    n = len(text)
    if side < 0:
        i = start - 1
        if i >= 2 and text[i] == "\n" and text[i - 1] == "-":
            i -= 1  # the word ends at the hyphen
        elif i < 1 or text[i] not in _WORD_BREAKS:
            return None
        j = i
        while j > 0 and i - j <= MAX_LENGTH and (is_letter(text[j - 1]) or text[j - 1] in _ELISION):
            j -= 1
        return text[j:i] if 0 < i - j <= MAX_LENGTH else None
    i = end
    if i >= n - 1 or text[i] not in _WORD_BREAKS:
        return None
    j = i + 1
    while j < n and j - i <= MAX_LENGTH + 1 and (is_letter(text[j]) or text[j] in _ELISION):
        j += 1
    return text[i + 1 : j] if 0 < j - i - 1 <= MAX_LENGTH else None


def _known(word: str) -> bool:
    return wordlists.english().is_known(word.lower().translate(APOSTROPHES))


def _foreign(word: str) -> bool:
    """A word of another language: in no English dictionary, yet seen on the web (so not
    a slip: ``materia``, ``medica``), and not a known misspelling either."""
    key = word.lower().translate(APOSTROPHES)
    en = wordlists.english()
    return not en.is_known(key) and en.zipf(key) > 0 and key not in wordlists.misspellings()


def _paragraph(text: str, start: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    return text[a : b if b >= 0 else len(text)]


def _not_a_typo(text: str, start: int, end: int) -> bool:
    """Context that says the word at ``start:end`` was written on purpose, or is not a word.

    An OCR split (``A dmiral``: the fragment joins a neighbour into a known word), a
    dialect elision (``'orrible``), a foreign stretch (another unknown lowercase word
    or an accented word next to it; the paragraph identified as another language), or
    machine text (URL, e-mail, entity, file name, joined to digits or hyphens).
    """
    if _machine(text, start, end):
        return True
    if start > 0 and text[start - 1] in _ELISION:
        return True
    tok = text[start:end]
    for side in (-1, 1):
        other = _neighbour(text, start, end, side)
        if other is None:
            continue
        joined = other + tok if side < 0 else tok + other
        if _known(joined) and len(joined) >= JOIN_MIN_LENGTH:
            return True
        if not other.translate(APOSTROPHES).isascii() or (other.islower() and _foreign(other)):
            return True
    return language.foreign_stretch(_paragraph(text, start))


def _g_dropped(text: str, end: int, word: str, right: str) -> bool:
    """Whether the word ending at ``end`` drops the g of ``right`` on purpose, as its
    apostrophe says (``goin'``, ``nothin'``, ``bleedin'``: eye dialect, like ``'orrible``)."""
    return right == word + "g" and text[end : end + 1] in _ELISION


def _recase(tok: str, right: str) -> str:
    if tok[0].isupper() and right[:1].islower():
        return right[0].upper() + right[1:]
    return right


def _apostrophe(found: Scan, right: str) -> str:
    """Write a correction's apostrophe the way the document writes its own."""
    if "'" in right and found.curly:
        return right.replace("'", "’")
    return right


def _key(tok: str) -> str:
    return tok.lower().translate(APOSTROPHES)


def _protected(options: Options) -> frozenset[str]:
    return wordlists.protected_words(options.protected_words_file) if options.protected_words_file else frozenset()


@functools.lru_cache(maxsize=4096)
def _occurrence_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w).replace("'", "['’]") for w in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"(?<!{LETTERS})(?<!{LETTERS}['’])(?:{alts})(?!{LETTERS})(?!['’]{LETTERS})", re.IGNORECASE
    )


def _occurrences(text: str, words: Iterable[str]) -> Iterator[re.Match[str]]:
    """Every occurrence of the lowercase ``words`` in ``text``, in any case, as whole words."""
    key = tuple(sorted(set(words)))
    return _occurrence_pattern(key).finditer(text) if key else iter(())


# --- the rules ------------------------------------------------------------------------------


def find_user(text: str, options: Options) -> list[Edit]:
    if not options.typo_user_file:
        return []
    rules = wordlists.user_rules(options.typo_user_file)
    protected = _protected(options)
    edits: list[Edit] = []
    for wrong, right in rules.phrases:
        words = [re.escape(w) for w in wrong.split()]
        pattern = re.compile(rf"(?<!{LETTERS})" + r"\s+".join(words) + rf"(?!{LETTERS})", re.IGNORECASE)
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
    sentence_start_ok: bool  # may correct it Capitalised at a sentence start without evidence
    repeated_ok: bool  # may correct it even if the document uses it more than once (lowercase only)


def _candidates(found: Scan, options: Options) -> list[str]:
    """Unknown, correctable, unprotected words of the scanned text (lowercase forms)."""
    protected = _protected(options)
    return [w for w in found.words if w not in protected]


def _correctable(found: Scan, options: Options) -> list[str]:
    """The unknown words typo.frequency weighs: long enough, no apostrophe, rare on the web.

    A word common on the web (slang, a brand, a name) is never corrected nor suggested,
    so its candidates are never generated: many unknown words of news text are such
    (``mln``, ``pct``, ``dlrs``).
    """
    freq = wordlists.english().freq
    return [
        w
        for w in _candidates(found, options)
        if len(w) >= MIN_LENGTH and "'" not in w and freq.get(w, 0) < wordlists.COMMON_CZ
    ]


def find_known(text: str, options: Options) -> list[Edit]:
    table = wordlists.misspellings()
    found = scan(text)
    fixes = {
        w: _Fix(table[w], lower=True, sentence_start_ok=True, repeated_ok=True)
        for w in _candidates(found, options)
        if w in table
    }
    return _place(found, "typo.known", fixes)


def _weighed(found: Scan, options: Options) -> Iterator[tuple[str, Choice, str]]:
    """Each correctable word with its choice and best candidate, where there is one and the
    word is not that candidate written on purpose (``anyones``, ``xsession``: ``is_affixed``)."""
    for w in _correctable(found, options):
        choice = frequency_choice(w)
        if choice.best is not None and not is_affixed(w, choice.best):
            yield w, choice, choice.best


def find_frequency(text: str, options: Options) -> list[Edit]:
    found = scan(text)
    fixes: dict[str, _Fix] = {}
    for w, choice, best in _weighed(found, options):
        # A capitalised word needs evidence from the document, which then stands in for
        # the typing slip: Siria -> Syria is a spelling, not a slip.
        if choice.clear:
            fixes[w] = _Fix(best, lower=choice.accepted, sentence_start_ok=False, repeated_ok=False)
    return _place(found, "typo.frequency", fixes)


def _place(found: Scan, rule: str, fixes: dict[str, _Fix]) -> list[Edit]:
    """Edits for every safe occurrence of the words in ``fixes``, by the shape it has there.

    Lowercase occurrences are corrected where the fix allows; Capitalised ones only with
    document evidence (the correction Capitalised EVIDENCE_MIN times), or for a known
    misspelling at the start of a sentence (``Tge`` → ``The``); anything else
    (ACRONYMS, McNames, accents) never, nor a word in a context that says it is meant.
    """
    if not fixes:
        return []
    text = found.text
    edits = []
    for start, end in found.positions(fixes):
        tok = text[start:end]
        key = _key(tok)
        fix = fixes[key]
        shape = _shape(tok)
        if shape == "lower":
            if not fix.lower:
                continue
        elif shape == "title":
            free = fix.sentence_start_ok and _sentence_start(text, start)
            if not free and found.capitalised(fix.right) < EVIDENCE_MIN:
                continue
        else:
            continue
        if (shape == "title" or not fix.repeated_ok) and found.count(key) >= REPEATED_MIN:
            continue  # used more than once: meant
        if _not_a_typo(text, start, end) or _g_dropped(text, end, key, fix.right):
            continue
        edits.append(Edit(rule, start, end, tok, _apostrophe(found, _recase(tok, fix.right))))
    if edits:
        remember(found.after(_applied(text, edits), fixes))
    return edits


def _applied(text: str, edits: list[Edit]) -> str:
    parts, pos = [], 0
    for e in edits:
        parts += [text[pos : e.start], e.after]
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def find_context(text: str, options: Options) -> list[Edit]:
    found = scan(text)
    protected = _protected(options)
    edits = []
    for d in context.decisions(found, protected):
        if d.correct and not _not_a_typo(text, d.start, d.end):
            tok = text[d.start : d.end]
            edits.append(Edit("typo.context", d.start, d.end, tok, d.right))
    if edits:
        remember(found.after(_applied(text, edits), ()))
    return edits


def suggestions(text: str, options: Options) -> list[DocumentWarning]:
    """Likely typos not corrected because the evidence is not strong enough.

    Lowercase unknown words whose best candidate is common but not a clear winner (or
    not a typing slip), Capitalised ones whose correction the document uses but not
    often enough, and real-word errors whose word pairs point at another word without
    reaching typo.context's ratio. Empty when ``typo.suggestion`` is off.
    """
    if not options.rule_on("typo.suggestion"):
        return []
    try:
        return _suggestions(text, options)
    except Exception:  # a failing rule is reported by the rule itself, as pipeline.error
        return []


def _suggestions(text: str, options: Options) -> list[DocumentWarning]:
    out: list[DocumentWarning] = []
    found = scan(text)
    if options.rule_on("typo.frequency"):
        out += _frequency_suggestions(found, options)
    if options.rule_on("typo.context"):
        for d in context.decisions(found, _protected(options)):
            if not d.correct and not _not_a_typo(text, d.start, d.end):
                out.append(DocumentWarning("typo.suggestion", f"{text[d.start:d.end]!r} may be a typo for "
                                           f"{d.right!r} (the word pairs around it, {d.ratio:.0f} times likelier)"))
    return out


def _frequency_suggestions(found: Scan, options: Options) -> list[DocumentWarning]:
    text = found.text
    out: list[DocumentWarning] = []
    for w, choice, best in _weighed(found, options):
        if not choice.likely:
            continue
        why: dict[str, str] = {}
        if not choice.accepted:
            why["lower"] = "a likely correction, not a clear typing slip"
        if choice.clear and found.occurs(best, EVIDENCE_MIN):
            why["title"] = "it occurs elsewhere in the document"
        for start, end in found.positions([w]):
            tok = text[start:end]
            shape = _shape(tok)
            if shape not in why or _machine(text, start, end):
                continue
            if shape == "title" and found.capitalised(best) >= EVIDENCE_MIN and found.count(w) < REPEATED_MIN:
                continue  # corrected by the rule itself (unless its context forbade it)
            right = _recase(tok, best)
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
    Rule(
        name="typo.context",
        find=find_context,
        summary="a rare word that the word pairs around it show to be a slip for a common one",
        example=("this shows that in spites of the defeats", "this shows that in spite of the defeats"),
    ),
)
