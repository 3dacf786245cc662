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
from corpuskit.structure import vocabulary as V
from corpuskit.structure.dates import DATE_RE, FoundDate, find_date
from corpuskit.structure.shape import STOPWORDS, AsciiCaseless, ends_sentence, is_titleish, last_char, words

__all__ = ["Header", "headline_of", "is_name", "parse_names", "read_header", "read_page_header"]


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


# "By", and the same word in German, French, Spanish, Italian, Dutch and Portuguese; the
# names after it must still read as names (``parse_names``), so "Von Anfang an" is no byline.
_BYLINE = AsciiCaseless(
    r"^(?:(?:written|posted|words|story|reporting|text)\s+by|by|von|par|por|di|door|texto\s+de|texte\s+de)\b[:\s]\s*"
    r"|\b(?:authors?|author\(s\)|by|autor(?:in)?|auteure?|autore|auteur)\s*:\s*"
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
    r"|gmt|utc|bst|cet|est|edt|"
    + "|".join(V.WEEKDAYS)
    + "|"
    + "|".join(d[:3] for d in V.WEEKDAYS)
    + r"|pst|pdt|cst|cdt|mst|ist|jst|aest|cest|mez|uhr)\b"
    r"|\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?)?|[|,:.\-–—()/@]",
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
        *V.MONTHS,
        *V.MONTH_ABBREVIATIONS,
        *V.WEEKDAYS,
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
    rest = line[: found.start] + " " + DATE_RE.sub(" ", line[found.end :])
    return not _DATE_FILLER.sub(" ", rest).strip()


# A title may end in an abbreviation's full stop ("... Jr.", "... W.F.C."): not a sentence.
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Z]\.){2,}|\b(?:Jr|Sr|Inc|Ltd|Co|Corp|St|Dr|Mr|Mrs|Ms|Prof|Bros|Vs|vs|No|Vol|Pt|Ft|Mt)\.)[\"'”’)]*$"
)


def _title_like(line: str) -> bool:
    end = last_char(line)
    return (
        is_titleish(line)
        and len(line) <= T.TITLE_MAX_CHARS
        and 0 < len(words(line)) <= T.TITLE_MAX_WORDS
        and (end not in ".,;:" or (end == "." and _ABBREVIATION_END.search(line) is not None))
    )


_HANDLE = re.compile(r"\s*@\w+")


def _byline(line: str, found: FoundDate | None) -> tuple[str, ...] | None:
    """Authors of a byline (maybe none), or None when ``line`` is not a byline."""
    if len(line) > T.BYLINE_MAX_CHARS:
        return None
    m = _BYLINE.search_line(line)
    if m is None or (m.start() > 0 and found is None and line[: m.start()].strip(" |-–—") != ""):
        return None
    rest = line[m.end() :]
    if found is not None and found.start >= m.end():
        rest = line[m.end() : found.start] + "|" + line[found.end :]
    if "@" in rest:  # a social handle after the name ("By Ana Lee @analee")
        rest = _HANDLE.sub("|", rest)
    names = parse_names(rest)
    if not names and found is None:
        return None
    return names


def _date_warnings(date: FoundDate | None, date_text: str, dayfirst: bool) -> tuple[DocumentWarning, ...]:
    if date is None or not date.ambiguous:
        return ()
    order = "day-first" if dayfirst else "month-first"
    return (
        DocumentWarning(
            "date.ambiguous",
            f"date {date_text!r} read {order} as {date.iso}; "
            + ("--monthfirst (dayfirst=False) reads it month-first" if dayfirst
               else "without --monthfirst (dayfirst=True) it reads day-first"),
        ),
    )


def read_header(texts: Sequence[str], *, dayfirst: bool = True) -> Header:
    """Classify the leading blocks of a document (given as their texts)."""
    kinds: list[str] = []
    title: str | None = None
    dateline: str | None = None
    authors: tuple[str, ...] = ()
    date: FoundDate | None = None
    date_text = ""
    standfirst = False
    limit = min(len(texts) - 1, T.HEADER_MAX_BLOCKS)  # the last block is never header
    for i in range(limit):
        line = texts[i]
        found = find_date(line, dayfirst=dayfirst) if len(line) <= T.BYLINE_MAX_CHARS else None
        kind, names = _header_kind(texts, i, limit, found, title_open=title is None, standfirst=standfirst)
        if kind is None:
            break
        if kind == "title":
            title = line
        elif kind == "dateline":
            dateline = line.rstrip(" —–-")
        authors = authors or names
        standfirst = standfirst or kind == "standfirst"
        if found is not None and date is None and kind in ("byline", "date"):
            date, date_text = found, line[found.start : found.end]
        kinds.append(kind)
    return Header(
        kinds=tuple(kinds),
        title=title,
        authors=authors,
        date=None if date is None else date.iso,
        dateline=dateline,
        warnings=_date_warnings(date, date_text, dayfirst),
    )


def _header_kind(
    texts: Sequence[str], i: int, limit: int, found: FoundDate | None, *, title_open: bool, standfirst: bool
) -> tuple[str | None, tuple[str, ...]]:
    """The kind of header block ``i`` and the authors it names, or ``(None, ())`` where the
    header ends. ``title_open``: no title yet; ``standfirst``: a standfirst was read (the
    title comes before it, and there is one)."""
    line = texts[i]
    names = _byline(line, found)
    if names is not None:
        return "byline", names
    if _date_only(line, found):
        return "date", ()
    if i == 0 and _is_dateline(line, texts[1]):
        return "dateline", ()
    if _NOTE.match(line) and len(line) <= T.STANDFIRST_MAX_CHARS:
        return "note", ()
    if title_open and not standfirst and _title_like(line):
        return "title", ()
    if not standfirst and len(line) <= T.STANDFIRST_MAX_CHARS and ends_sentence(line):
        return _standfirst(texts, i, limit)
    return None, ()


def _is_dateline(line: str, nxt: str) -> bool:
    """A place name over the title ("WASHINGTON —", "Kabul, Afghanistan")."""
    return (
        len(line) <= T.DATELINE_MAX_CHARS
        and len(line.split()) <= T.DATELINE_MAX_WORDS
        and _DATELINE.match(line) is not None
        and _title_like(nxt)
    )


def _standfirst(texts: Sequence[str], i: int, limit: int) -> tuple[str | None, tuple[str, ...]]:
    """A sentence under the title is its standfirst when it ends "…, writes NAME" (NAME is an
    author) or a byline follows it."""
    line = texts[i]
    by = _STANDFIRST_BY.search(line) if any(v in line for v in _STANDFIRST_VERBS) else None
    names = parse_names(by.group("name")) if by else ()
    if len(names) == 1 and by is not None and names[0] == by.group("name").strip():
        return "standfirst", names
    if i + 1 < limit and _byline(texts[i + 1], None) is not None:
        return "standfirst", ()
    return None, ()


# A page title's separator between headline and site name: "Headline | Site", "Headline - Site".
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|»|•|/)\s+")


def headline_of(page_title: str) -> str | None:
    """The headline of a page title "Headline | Site" (the site name dropped), or None
    when the line has no separator. Sites put their name last or first, and it is short:
    the side of the outermost separator that is at most ``SITE_NAME_MAX_WORDS`` words and
    shorter than the other is the site name."""
    seps = list(_TITLE_SEPARATOR.finditer(page_title))
    if not seps:
        return None
    head, site = page_title[: seps[-1].start()], page_title[seps[-1].end() :]
    if len(words(site)) <= T.SITE_NAME_MAX_WORDS and len(words(site)) < len(words(head)):
        return head.strip()
    site, head = page_title[: seps[0].start()], page_title[seps[0].end() :]
    if len(words(site)) <= T.SITE_NAME_MAX_WORDS and len(words(site)) < len(words(head)):
        return head.strip()
    return None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _title_candidates(page_title: str) -> set[str]:
    """The page title, and each side of each of its separators, compared loosely."""
    out = {_loose(page_title)}
    for m in _TITLE_SEPARATOR.finditer(page_title):
        for side in (page_title[: m.start()], page_title[m.end() :]):
            if len(words(side)) >= T.TITLE_REPEAT_MIN_WORDS:
                out.add(_loose(side))
    return out


def _loose(s: str) -> str:
    return " ".join(s.split()).casefold()


def read_page_header(
    texts: Sequence[str], end: int, values: Sequence[float] | None = None, *, dayfirst: bool = True
) -> Header:
    """The header of whole-page text whose first ``end`` blocks are page furniture
    (navigation, banners): the title, byline and date are looked for near the article's
    start, and every other header block is ``boilerplate``.

    The title is, in order: a later block repeating the page title of the first block
    ("Headline | Site": whole, or one side of a separator), which also marks where the
    article starts; the title an ordinary header reading finds at the article's start; the
    headline of the page title. The byline and date are looked for from the title (or
    ``HEADER_WINDOW`` blocks before ``end``) up to the first block of prose (``values`` at
    most ``HEADER_STOP_SCORE``), ``HEADER_WINDOW`` blocks at most.
    """
    n = len(texts)
    if values is None:
        values = [0.0] * n
    kinds: dict[int, str] = {}
    candidates = _title_candidates(texts[0]) if texts else set()
    headline = headline_of(texts[0]) if texts else None

    def prose(i: int) -> bool:
        return values[i] <= T.HEADER_STOP_SCORE

    title: str | None = None
    title_at = -1
    for j in range(1, min(n - 1, end + T.HEADER_WINDOW)):
        if j >= end and prose(j):
            break
        if _loose(texts[j]) in candidates:
            title, title_at = texts[j], j
            kinds[j] = "title"
            break
    authors: tuple[str, ...] = ()
    date: FoundDate | None = None
    date_text = ""
    last = max(end, title_at + 1)
    lo = max(1, title_at - T.HEADER_BEFORE_TITLE) if title_at >= 0 else max(1, end - T.HEADER_WINDOW)
    standfirst = -1
    for i in range(lo, min(n - 1, max(lo, title_at) + T.HEADER_WINDOW)):
        line = texts[i]
        if i == title_at:
            continue
        if i >= end and prose(i):
            if standfirst >= 0 or title_at < 0 or len(line) > T.STANDFIRST_MAX_CHARS:
                break
            standfirst = i  # one prose block under the title may be its standfirst
            continue
        if len(line) > T.BYLINE_MAX_CHARS:
            continue
        found = find_date(line, dayfirst=dayfirst)
        names = _byline(line, found)
        if names is not None and "byline" not in kinds.values():
            kinds[i] = "byline"
            authors = names
        elif date is None and found is not None and _date_only(line, found):
            kinds[i] = "date"
        else:
            continue
        last = max(last, i + 1)
        if found is not None and date is None:
            date, date_text = found, line[found.start : found.end]
    if 0 <= standfirst < last:
        kinds[standfirst] = "standfirst"
    rest = read_header(texts[last:], dayfirst=dayfirst)
    out = [kinds.get(i, "boilerplate") for i in range(last)] + list(rest.kinds)
    if title is None:
        title = rest.title or headline
    return Header(
        kinds=tuple(out),
        title=title,
        authors=authors or rest.authors,
        date=rest.date if date is None else date.iso,
        dateline=rest.dateline,
        warnings=rest.warnings if date is None else _date_warnings(date, date_text, dayfirst),
    )
