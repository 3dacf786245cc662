"""Comment threads whose heads plain text does not show as heads: the per-comment shape.

Many comment widgets print, above (or under) each comment, only a name ("Gibbo", "Chris
Pearson"), a handle with its user number ("by ravenswood1000 (543817)"), a bare date
("November 5, 2012") or a name and a date ("CmdrR - October 26, 2012"). One such line
proves nothing: an article's section heading ("Forum Posting") or its date line looks the
same. What proves a thread is the *repetition*: the same kind of line coming back, each
time followed by a few blocks of text, down to the end of the page, with that text written
the way readers write to each other (first and second person, questions, short replies).

``thread_start`` finds the first block of such a thread (or of a run of strong heads that
a gap of up to ``THREAD_GAP_MAX_BLOCKS`` blocks no longer breaks), so the labeller can
treat everything from there to the end as comment material. Every number is in
``thresholds``; the pronouns are in ``vocabulary.PERSONAL_WORDS``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Literal

from corpuskit.structure import thresholds as T
from corpuskit.structure import vocabulary as V
from corpuskit.structure.features import Score
from corpuskit.structure.shape import FUNCTION_WORDS, ends_sentence, words

__all__ = ["head_shape", "personal_share", "thread_start"]

Shape = Literal["name", "handle", "date", "name-date"]

_I = re.IGNORECASE
# A name token: capitalised word, initial, or particle ("Paul H. Byerly", "Kirk, James T.")
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*,?|[A-Z]\.|" + V.alternation(V.NAME_PARTICLES) + r")$")
# A handle after "by": any word a user name can be ("ravenswood1000", "s.o.terica", "Cute_Fuzzy")
_HANDLE_TOKEN = re.compile(r"^[\w'’.@-]+$")
_BY = re.compile(r"^" + V.alternation(V.BY_WORDS) + r"\s*:?\s+", _I)
# What follows a user name on forum pages: a user number, a star, an address, a colon
_NAME_TAIL = re.compile(r"(?:\s*\(\s*[\d\s]+\)|\s*\*|\s*<[^>]{0,60}>|\s*:)+\s*$")
_NAME_TAIL_ENDS = (")", "*", ">", ":")  # what a tail ends in, spaces aside
_YEAR_DATE = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
_MONTH = re.compile(
    r"\b"
    + V.alternation((*V.MONTHS, *V.MONTH_ABBREVIATIONS, *V.EUROPEAN_MONTH_STEMS, *V.EUROPEAN_MONTHS))
    + r"\b\.?",
    _I,
)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
# what a date line holds besides its date: numbers, a time, a weekday, "at", "um", "de"
_DATE_FILLER = re.compile(
    r"[\d\s,.:/|@()#-]+|\b(?:"
    + V.alternation((*V.WEEKDAYS, *V.WEEKDAY_ABBREVIATIONS, *V.EUROPEAN_WEEKDAYS))
    + r"|at|on|um|am|à|le|a\s+las|el|alle|il|om|op|às|em|[ap]\.?m\.?|uhr|h|de|del|di|du|of)\b",
    _I,
)
_SEPARATOR = re.compile(r"\s+[-–—|/·•]\s+|\s+(?:on|am|le|el|il|op|em)\s+(?=[^\n]*\d)", _I)
_DIGIT = re.compile(r"\d")
_PERSONAL = frozenset(V.PERSONAL_WORDS)
_PARTICLES = frozenset(V.NAME_PARTICLES)
#: Words no bare name holds: function words other than a name's particles ("Know Your Rights").
_NOT_IN_NAMES = FUNCTION_WORDS - _PARTICLES


def _is_date_line(line: str) -> bool:
    """A date alone ("November 5, 2012", "15 de marzo de 2015", "09.07.2012"), maybe with
    a time and a weekday; a year alone ("2012 season") is not one."""
    if len(line) > T.THREAD_DATE_MAX_CHARS or not _YEAR_DATE.search(line):
        return False
    without_month = _MONTH.sub(" ", line)
    if without_month == line and _NUMERIC_DATE.search(line) is None:
        return False
    return not _DATE_FILLER.sub(" ", _YEAR_DATE.sub(" ", without_month)).split()


def _is_name(line: str, handles: bool) -> bool:
    toks = line.split()
    if not 1 <= len(toks) <= T.THREAD_NAME_MAX_TOKENS:
        return False
    if handles:
        return all(_HANDLE_TOKEN.match(t) for t in toks) and any(c.isalpha() for c in line)
    return (
        all(_NAME_TOKEN.match(t) for t in toks)
        and any(len(t) > 2 for t in toks)
        and not any(t.lower().strip(",.") in _NOT_IN_NAMES for t in toks)  # "Know Your Rights"
        and not any(len(t) > 2 and t.isupper() for t in toks)  # "ROTH IRA", "VARIATIONS": headings
    )


def _undated(line: str) -> str:
    """``line`` without a date after a separator ("CmdrR - October 26, 2012" -> "CmdrR"),
    or ``line`` itself."""
    if _DIGIT.search(line) is None:
        return line
    seps = list(_SEPARATOR.finditer(line))
    if seps and _is_date_line(line[seps[-1].end() :]):
        return line[: seps[0].start()]
    return line


def _without_tail(name: str) -> str:
    """``name`` without what follows a user name on forum pages (``_NAME_TAIL``). Only a
    string ending, spaces aside, in one of ``_NAME_TAIL_ENDS`` can have one: testing that
    first spares the regex, which is tried at every position of the string."""
    return _NAME_TAIL.sub("", name) if name.rstrip()[-1:] in _NAME_TAIL_ENDS else name


def head_shape(line: str, score: Score) -> Shape | None:
    """The per-comment head shape of a short line, or None (a candidate only: the
    thread's repetition decides)."""
    if len(line) > T.THREAD_HEAD_MAX_CHARS or score.value >= T.W_MARKER or score.head:
        return None
    if ends_sentence(line) and not line.endswith("."):
        return None
    core = line.rstrip(" .,:")
    m = _BY.match(core)
    if m is not None:  # "by ravenswood1000 (543817)", "by Mary Ann on November 15, 2010 at 12:42 am"
        name = _without_tail(_undated(core[m.end() :]))
        return "handle" if name and _is_name(name, handles=True) else None
    if _DIGIT.search(core) is not None:
        if _is_date_line(core):  # "November 5, 2012"
            return "date"
        name = _undated(core)  # "CmdrR - October 26, 2012"
        return "name-date" if name != core and _is_name(name, handles=True) else None
    if not core[:1].isupper() or line.endswith((".", ",")):  # "Antlers." (a caption), "Hi Chris,"
        return None
    name = _without_tail(core)
    return "name" if len(name) <= T.THREAD_NAME_MAX_CHARS and _is_name(name, handles=False) else None


def personal_share(texts: Sequence[str]) -> float:
    """Share of the words of ``texts`` that are first or second person ("I", "you", "ich",
    "vous"), a question or an exclamation counting as one more (up to two a block: Spanish
    and Italian drop their pronouns, not their question marks): readers talk to each
    other, articles mostly report on a third party. Each block's first
    ``PROSE_SAMPLE_CHARS`` characters are read."""
    return _share([_talk(t) for t in texts])


def _talk(text: str) -> tuple[int, int]:
    """(words, first/second-person marks) of one block, as ``personal_share`` counts them."""
    sample = text[: T.PROSE_SAMPLE_CHARS]
    ws = words(sample.lower())
    return len(ws), sum(map(_PERSONAL.__contains__, ws)) + min(2, sample.count("?") + sample.count("!"))


def _share(counts: Sequence[tuple[int, int]]) -> float:
    total = sum(c[0] for c in counts)
    return sum(c[1] for c in counts) / total if total else 0.0


def _chains(heads: Sequence[int], gap: int) -> list[list[int]]:
    chains: list[list[int]] = []
    for i in heads:
        if chains and i - chains[-1][-1] - 1 <= gap:
            chains[-1].append(i)
        else:
            chains.append([i])
    return chains


def _regular(chain: list[int]) -> list[int]:
    """The chain from its first head that starts a regular stretch: the next two gaps at
    most ``THREAD_NAME_GAP_MAX_BLOCKS`` (an article heading further up, then a long gap,
    is not the thread's first head)."""
    gap = T.THREAD_NAME_GAP_MAX_BLOCKS
    for k in range(len(chain) - 2):
        if chain[k + 1] - chain[k] - 1 <= gap and chain[k + 2] - chain[k + 1] - 1 <= gap:
            return chain[k:]
    return chain[-2:]


def _echoed(texts: Sequence[str], i: int) -> bool:
    """Whether a word of line ``i`` comes back in the block under it: a heading's subject
    does ("Contrarian Investing" / "Contrarian investing, like…"); a commenter's name
    rarely opens their own comment."""
    if i + 1 >= len(texts):
        return False
    below = set(words(texts[i + 1][: T.PROSE_SAMPLE_CHARS].lower()))
    return any(len(w) > 3 and w in below for w in words(texts[i].lower()))


def _talk_to_each_other(texts: Sequence[str], heads: Sequence[int], marks: set[int]) -> bool:
    """Whether the bare names are a thread's participants: one comes back as a head (the
    author answering), or a later comment names an earlier commenter ("Bill, I bypass…",
    "Gracias Marta"). Section headings ("Forum Posting", "Blog Commenting") do neither."""
    names = [texts[i].split()[0].strip(",.:") for i in heads]
    if len(set(texts[i] for i in heads)) < len(heads):
        return True
    for k, i in enumerate(heads[1:], start=1):
        end = heads[k + 1] if k + 1 < len(heads) else min(len(texts), i + T.THREAD_NAME_GAP_MAX_BLOCKS)
        said = {w for j in range(i + 1, end) if j not in marks for w in words(texts[j][: T.PROSE_SAMPLE_CHARS])}
        if said.intersection(names[:k]):
            return True
    return False


def _followed(texts: Sequence[str], marks: set[int], other: set[int], i: int) -> bool:
    """Whether head ``i`` is followed by a block of text, maybe under one head of another
    shape (a name over its date)."""
    j = i + 2 if i + 1 in other else i + 1
    return j < len(texts) and j not in marks and len(texts[j]) >= T.THREAD_BODY_MIN_CHARS


def _reaches_end(chain: Sequence[int], n: int) -> bool:
    return n - 1 - chain[-1] <= T.THREAD_TAIL_MAX_BLOCKS


def _first_after_article(texts: Sequence[str], lo: int) -> int:
    """The first block with ``THREAD_MIN_ARTICLE_CHARS`` of the body above it."""
    seen = 0
    for i in range(lo, len(texts)):
        if seen >= T.THREAD_MIN_ARTICLE_CHARS:
            return i
        seen += len(texts[i])
    return len(texts)


def thread_start(texts: Sequence[str], scores: Sequence[Score], lo: int, heads: Sequence[int]) -> int | None:
    """The first block of the comment thread that runs to the end of ``texts``, or None.

    ``heads`` are the strong heads the labeller found (at ``lo`` and after). Two kinds of
    thread: strong heads chained with gaps of up to ``THREAD_GAP_MAX_BLOCKS`` (Slashdot's
    heads come back only every ten blocks or so), and a per-comment shape (name, handle,
    date) repeated at least ``THREAD_MIN_HEADS`` times, alternating with text that reads
    as readers' talk. Either must start after ``THREAD_MIN_ARTICLE_CHARS`` of the body.
    """
    n = len(texts)
    found: list[int] = []
    first = _first_after_article(texts, lo)
    talk: dict[int, tuple[int, int]] = {}  # each block counted once, however many shapes ask

    def share_from(start: int, marks: set[int]) -> float:
        counts = []
        for i in range(start, n):
            if i not in marks:
                if i not in talk:
                    talk[i] = _talk(texts[i])
                counts.append(talk[i])
        return _share(counts)

    strong = [i for i in heads if i >= first]
    chains = _chains(strong, T.THREAD_GAP_MAX_BLOCKS)
    if chains and len(chains[-1]) >= T.THREAD_MIN_STRONG_HEADS and _reaches_end(chains[-1], n):
        marks = set(chains[-1])
        if share_from(chains[-1][0], marks) >= T.THREAD_MIN_PERSONAL_STRONG:  # a live blog's time stamps are not heads
            found.append(chains[-1][0])
    by_shape: dict[Shape, list[int]] = {}
    passed: list[int] = []  # heads of the shapes that make a thread
    limit = T.THREAD_HEAD_MAX_CHARS
    for i in range(first, n):
        if len(texts[i]) <= limit:  # (the common case, a paragraph, skips the call)
            s = head_shape(texts[i], scores[i])
            if s is not None:
                by_shape.setdefault(s, []).append(i)
    candidates = {i for idx in by_shape.values() for i in idx}
    for shape, idx in by_shape.items():
        if len(idx) < T.THREAD_MIN_HEADS or not _reaches_end(idx, n):
            continue  # the shape itself must come back down to the end of the page
        chain = _regular(_chains(sorted({*idx, *strong}), T.THREAD_GAP_MAX_BLOCKS)[-1])
        mine = set(idx)
        own = [i for i in chain if i in mine]
        if len(own) < T.THREAD_MIN_HEADS:
            continue
        # the shape alternates with text: most heads are followed (maybe under a head of
        # another shape, a name over its date) by a block that is no head
        marks = set(chain) | candidates
        other = candidates - mine
        followed = sum(1 for i in own if _followed(texts, marks, other, i))
        if followed < T.THREAD_MIN_FOLLOWED * len(own):
            continue
        if shape == "name":  # names come back every comment; section headings less often,
            gaps = sorted(b - a - 1 for a, b in pairwise(own))  # and their words come back below
            if gaps[(len(gaps) - 1) // 2] > T.THREAD_NAME_MEDIAN_GAP:
                continue
            if sum(_echoed(texts, i) for i in own) > T.THREAD_NAME_MAX_ECHO * len(own):
                continue
            if not _talk_to_each_other(texts, own, marks):
                continue
        need = T.THREAD_MIN_PERSONAL_NAMES if shape == "name" else T.THREAD_MIN_PERSONAL
        if share_from(chain[0], marks) < need:
            continue
        found.append(chain[0])
        passed.extend(own)
    if passed:  # the kinds of head together: one bridges the other's long gaps
        chain = _chains(sorted({*passed, *strong}), T.THREAD_GAP_MAX_BLOCKS)[-1]
        if len(chain) >= T.THREAD_MIN_HEADS:
            found.append(chain[0])
    return min(found) if found else None
