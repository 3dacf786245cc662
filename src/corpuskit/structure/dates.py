"""Publication dates written the many ways news pages write them, as ISO ``YYYY-MM-DD``.

Only the header and trailer are searched (the structure stage decides where those are):
a year in the body is what the article is about, not when it was published. Numeric
dates whose day and month could swap ("02.10.2019") follow ``Options.dayfirst`` and are
reported as ambiguous, so a reader can count and check them instead of trusting a guess.
"""

from __future__ import annotations

import datetime as _dt
import re

import attrs

from corpuskit.structure import vocabulary as V

__all__ = ["DATE_RE", "FoundDate", "find_date"]

#: Month word (lower case) -> month number: each English name and its abbreviations.
_MONTHS = {w: k for k, m in enumerate(V.MONTHS, 1) for w in (m[:3], m)} | {"sept": 9}
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

# One alternation, tried left to right at each position; every branch names its parts.
DATE_RE = re.compile(
    r"(?<![\w.])(?:"
    rf"(?P<iy>{_YEAR})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})(?![\d])"
    rf"|(?P<na>\d{{1,2}})(?P<sep>[./-])(?P<nb>\d{{1,2}})(?P=sep)(?P<ny>{_YEAR})(?!\w)"
    rf"|(?P<mm>{_MONTH})\s+(?P<md>\d{{1,2}}){_ORD},?\s+(?P<my>{_YEAR})(?!\w)"
    rf"|(?P<dd>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<dm>{_MONTH}),?\s+(?P<dy>{_YEAR})(?!\w)"
    r")",
    re.IGNORECASE,
)


@attrs.frozen
class FoundDate:
    """A date found in a line: ISO form, its span in the line, and whether day and
    month could have been read the other way round."""

    iso: str
    start: int
    end: int
    ambiguous: bool = False


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]


def find_date(line: str, *, dayfirst: bool = True) -> FoundDate | None:
    """The first valid date in ``line``, or None.

    Impossible dates (31 February) are skipped rather than guessed at.
    """
    for m in DATE_RE.finditer(line):
        g = m.group
        ambiguous = False
        if g("iy"):
            iso = _iso(int(g("iy")), int(g("im")), int(g("id")))
        elif g("ny"):
            a, b, year = int(g("na")), int(g("nb")), int(g("ny"))
            if a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a:
                day, month = b, a
            else:
                day, month = (a, b) if dayfirst else (b, a)
                ambiguous = a != b
            iso = _iso(year, month, day)
        elif g("my"):
            iso = _iso(int(g("my")), _month(g("mm")), int(g("md")))
        else:
            iso = _iso(int(g("dy")), _month(g("dm")), int(g("dd")))
        if iso is not None:
            return FoundDate(iso, m.start(), m.end(), ambiguous)
    return None
