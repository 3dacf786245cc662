"""The header: the few leading blocks that say what an article is before it starts.

It reads at most ``HEADER_MAX_BLOCKS`` blocks from the top and stops at the first
paragraph of prose, classifying each line it takes as ``dateline``, ``title``,
``byline``, ``date``, ``note`` or ``standfirst``. Authors are taken only from a byline
marker ("By", "Author:", "Written by") or a standfirst that ends "…, writes NAME", and
only when every token looks like part of a personal name: a missing author costs a user
one lookup, a wrong one corrupts every count built on it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from corpuskit.model import DocumentWarning
from corpuskit.structure import thresholds as T
from corpuskit.structure.dates import FoundDate, find_date
from corpuskit.structure.shape import STOPWORDS, ends_sentence, is_titleish, last_char, words

__all__ = ["Header", "is_name", "parse_names", "read_header"]


@attrs.frozen
class Header:
    """What the top of a document holds; ``end`` is the index of the first body block."""

    kinds: tuple[str, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    dateline: str | None = None
    warnings: tuple[DocumentWarning, ...] = ()

    @property
    def end(self) -> int:
        return len(self.kinds)


_BYLINE = re.compile(
    r"^(?:(?:written|posted|words|story|reporting|text)\s+by|by)\b[:\s]\s*"
    r"|\b(?:authors?|author\(s\)|by)\s*:\s*",
    re.IGNORECASE,
)
_NOTE = re.compile(
    r"^(?:editor[’']?s[’']?\s+note|note\s*:|originally\s+published|a\s+version\s+of\s+this"
    r"|the\s+views\s+expressed|this\s+(?:op-?ed|article|piece|story|post|essay|commentary"
    r"|column|report|interview|analysis|text|blog\s+post)\s+(?:is|was|first|originally"
    r"|has|appeared|draws|reflects))",
    re.IGNORECASE,
)
_DATE_FILLER = re.compile(
    r"\b(?:published|updated|posted|last|modified|on|at|date|dated|am|pm|a\.m\.|p\.m\."
    r"|gmt|utc|bst|cet|est|edt|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tue|wed|thu|fri|sat|sun)\b|\d{1,2}:\d{2}(?::\d{2})?|[|,:.\-–—()]",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*(?:,\s*[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)+"
    r"|[A-Z]{3,}(?:[\s-][A-Z]{2,})*)\s*[—–-]?$"
)
_STANDFIRST_BY = re.compile(
    r",?\s+(?:writes|asks|argues|explains)\s+(?:(?:Dr|Prof|Professor)\.?\s+)?(?P<name>[^,.;:]+?)\.?$"
)
_STANDFIRST_VERBS = ("writes", "asks", "argues", "explains")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\||&|\band\b|\s[—–-]\s|—|–)\s*")
_PARTICLES = frozenset(
    [
        "de",
        "da",
        "das",
        "do",
        "dos",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "al",
        "el",
        "bin",
        "ibn",
        "la",
        "le",
        "di",
        "du",
        "del",
        "della",
        "y",
    ]
)
_NOT_NAME = frozenset(
    [
        "staff",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "news",
        "press",
        "agency",
        "desk",
        "team",
        "times",
        "post",
        "reuters",
        "writer",
        "writers",
        "contributor",
        "media",
        "online",
        "magazine",
        "journal",
        "daily",
        "report",
        "service",
        "bureau",
        "network",
        "group",
        "wire",
        "international",
        "associated",
        "afp",
        "ap",
        "bbc",
        "cnn",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "updated",
        "published",
    ]
)
_INITIAL = re.compile(r"^[A-Z]\.?$|^[A-Z]\.[A-Z]\.?$")


def is_name(part: str) -> bool:
    """Whether ``part`` looks like one personal name ("Alex Wilner", "J. R. Smith")."""
    tokens = part.split()
    if not T.NAME_MIN_TOKENS <= len(tokens) <= T.NAME_MAX_TOKENS:
        return False
    for k, tok in enumerate(tokens):
        low = tok.lower().strip(".")
        if low in _NOT_NAME:
            return False
        if _INITIAL.match(tok):
            continue
        if low in _PARTICLES and 0 < k < len(tokens) - 1:
            continue
        if low in STOPWORDS or not tok[0].isupper():
            return False
        rest = tok[1:].replace("-", "").replace("'", "").replace("’", "")
        if not rest.isalpha() or (rest.isupper() and len(rest) > 1):
            return False
    return True


def parse_names(text: str) -> tuple[str, ...]:
    """The names at the start of ``text``, up to the first part that is not a name."""
    names: list[str] = []
    for part in _NAME_SPLIT.split(text.strip()):
        part = part.strip(" .")
        if not part:
            continue
        if not is_name(part):
            break
        names.append(part)
    return tuple(names)


def _date_only(line: str, found: FoundDate | None) -> bool:
    if found is None or len(line) > T.BYLINE_MAX_CHARS:
        return False
    rest = line[: found.start] + " " + line[found.end :]
    return not _DATE_FILLER.sub(" ", rest).strip()


def _title_like(line: str) -> bool:
    return (
        is_titleish(line)
        and len(line) <= T.TITLE_MAX_CHARS
        and 0 < len(words(line)) <= T.TITLE_MAX_WORDS
        and last_char(line) not in ".,;:"
    )


def _byline(line: str, found: FoundDate | None) -> tuple[str, ...] | None:
    """Authors of a byline (maybe none), or None when ``line`` is not a byline."""
    if len(line) > T.BYLINE_MAX_CHARS:
        return None
    m = _BYLINE.search(line)
    if m is None or (m.start() > 0 and found is None and line[: m.start()].strip(" |-–—") != ""):
        return None
    rest = line[m.end() :]
    if found is not None and found.start >= m.end():
        rest = line[m.end() : found.start] + "|" + line[found.end :]
    names = parse_names(rest)
    if not names and found is None:
        return None
    return names


def read_header(texts: Sequence[str], *, dayfirst: bool = True) -> Header:
    """Classify the leading blocks of a document (given as their texts)."""
    kinds: list[str] = []
    title: str | None = None
    dateline: str | None = None
    authors: tuple[str, ...] = ()
    date: FoundDate | None = None
    date_text = ""
    standfirst = False
    n = len(texts)
    limit = min(n - 1, T.HEADER_MAX_BLOCKS)  # the last block is never header
    i = 0
    while i < limit:
        line = texts[i]
        found = find_date(line, dayfirst=dayfirst) if len(line) <= T.BYLINE_MAX_CHARS else None
        names = _byline(line, found)
        kind: str | None = None
        if names is not None:
            kind = "byline"
            authors = authors or names
        elif _date_only(line, found):
            kind = "date"
        elif (
            i == 0
            and len(line) <= T.DATELINE_MAX_CHARS
            and len(line.split()) <= T.DATELINE_MAX_WORDS
            and _DATELINE.match(line)
            and _title_like(texts[1])
        ):
            kind = "dateline"
            dateline = line.rstrip(" —–-")
        elif _NOTE.match(line) and len(line) <= T.STANDFIRST_MAX_CHARS:
            kind = "note"
        elif title is None and not standfirst and _title_like(line):
            kind = "title"
            title = line
        elif not standfirst and len(line) <= T.STANDFIRST_MAX_CHARS and ends_sentence(line):
            by = _STANDFIRST_BY.search(line) if any(v in line for v in _STANDFIRST_VERBS) else None
            names = parse_names(by.group("name")) if by else ()
            if len(names) == 1 and by is not None and names[0] == by.group("name").strip():
                kind = "standfirst"
                authors = authors or names
            elif i + 1 < limit and _byline(texts[i + 1], None) is not None:
                kind = "standfirst"
            standfirst = kind == "standfirst"
        if kind is None:
            break
        if found is not None and date is None and kind in ("byline", "date"):
            date, date_text = found, line[found.start : found.end]
        kinds.append(kind)
        i += 1
    warnings: tuple[DocumentWarning, ...] = ()
    if date is not None and date.ambiguous:
        order = "day-first" if dayfirst else "month-first"
        warnings = (
            DocumentWarning(
                "date.ambiguous",
                f"date {date_text!r} read {order} as {date.iso}; "
                + ("--monthfirst (dayfirst=False) reads it month-first" if dayfirst
                   else "without --monthfirst (dayfirst=True) it reads day-first"),
            ),
        )
    return Header(
        kinds=tuple(kinds),
        title=title,
        authors=authors,
        date=None if date is None else date.iso,
        dateline=dateline,
        warnings=warnings,
    )
