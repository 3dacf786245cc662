"""Per-block junk evidence: what one line says on its own, as a score (positive is junk).

``score_block`` weighs shallow features of one block (weights in ``thresholds``): section
markers ("Comments", "3 Kommentare", "Related posts", "À lire aussi"), furniture lines
("Share", "Drucken", "Répondre", "Newsletter", "Skip to content"), legal and cookie lines at
any length, the recent-comments widget ``NAME in: POST TITLE``, comment heads in seven
languages ("Yvonne sagt:", "19.04.2016 um 20:55 Uhr", "March 3, 2018 at 5:12 pm",
"vor 3 Tagen", "Antworten"), weaker heads ("by NAME on DATE": a byline when alone, a
comment head when repeated), spam vocabulary (also inside URLs), the share of the block
that is URLs, second-person praise, author bios and excerpts cut with "...". Prose scores
against junk: a long block dense in function words that ends a sentence.

What a block means next to its neighbours (runs of menu lines, repeated lines, comment
bodies between comment heads) is the labeller's job (``labelling``); this module only
reads one line. Nothing keys on any data set's sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import repeat
from typing import NamedTuple

from corpuskit.structure import thresholds as T
from corpuskit.structure import vocabulary as V
from corpuskit.structure.header import is_name
from corpuskit.structure.shape import FUNCTION_WORDS, AsciiCaseless, ends_sentence, fold

__all__ = ["Score", "is_list_line", "is_menu_line", "score_block", "section_kind"]


class _Text:
    """One block's text as the scorer reads it: the line, its lower case, and whether the
    lower case may stand in for the line under case-insensitive patterns (``folded``)."""

    __slots__ = ("folded", "line", "low")

    def __init__(self, line: str) -> None:
        self.line = line
        self.low = line.lower()
        # three substring scans: ten times faster than one character-class search
        self.folded = line.isascii() or not any(map(line.__contains__, FOLD_ODD))


#: The characters ``re.IGNORECASE`` matches to a letter of the scorer's patterns although
#: ``str.lower`` does not turn them into it (dotted capital I, dotless i, long s; the
#: capital I is also the one character whose lower case is two): a line holding one is
#: matched the slow way. tests/test_features.py checks the set against the interpreter.
FOLD_ODD = ("\u0130", "\u0131", "\u017f")


class _Caseless(AsciiCaseless):
    """A case-insensitive pattern (written in lower case), run case-sensitively on the
    lowered line whenever that gives the same matches (``_Text.folded``, wider than
    ``AsciiCaseless``'s ASCII lines): several times faster, since the regex engine skips
    ahead on literal characters only without IGNORECASE. A match of the folded pattern
    holds lower-case text; only its span, count and group names are used."""

    __slots__ = ()

    def match(self, t: _Text) -> re.Match[str] | None:
        return self.folded.match(t.low) if t.folded else self.exact.match(t.line)

    def search(self, t: _Text) -> re.Match[str] | None:
        return self.folded.search(t.low) if t.folded else self.exact.search(t.line)

    def findall(self, t: _Text) -> list[str]:
        return self.folded.findall(t.low) if t.folded else self.exact.findall(t.line)


_END = r"\s*(?:\(\d+\)|\d+)?\s*[:.!↓→»›▼]*\s*$"
_SECTION = _Caseless(
    r"^(?:(?:\d+\s+)?(?P<comment>"
    + V.alternation(V.COMMENT_SECTIONS)
    + r")|(?P<bio>"
    + V.alternation(V.BIO_SECTIONS)
    + r")|(?P<boilerplate>"
    + V.alternation(V.RELATED_SECTIONS)
    + r"))"
    + _END
)
_FURNITURE = _Caseless(r"^[\W\d_]{0,3}" + V.alternation(V.BOILERPLATE_LINES))
_LEGAL = _Caseless(V.alternation(V.LEGAL_LINES))
_LONG_NOTICE = _Caseless("|".join(map(re.escape, V.LONG_NOTICE_WORDS)))
# Gates: one regex of literal words each (faster than testing the words one by one).
_LEGAL_GATE = re.compile("|".join(map(re.escape, sorted(V.first_words(V.LEGAL_LINES)))))
# Literal gates (``vocabulary.gate_literals``): every match holds one of these strings, so
# on a folded line they turn away most lines before the regex (the legal lines' as one
# regex of literals: more selective than their first words, "all" and "use").
_LEGAL_LITERALS = V.gate_literals(V.LEGAL_LINES)
_LEGAL_LITERAL_GATE = re.compile("|".join(map(re.escape, _LEGAL_LITERALS or ())))
_VERB_LITERALS = V.gate_literals(V.ATTRIBUTION_VERBS)
_TIME_GATE = _Caseless(r"\d[:.h]\d\d|\d\s+\w+\s+(?:ago|fa|geleden)\b|\b(?:vor|il\s+y\s+a|hace|há)\s+\d")
_REPLY = _Caseless(r"^[\W]{0,2}" + V.alternation(V.REPLY_LINES) + r"[\s\W\d]*$")
_WIDGET = re.compile(r"^(?P<name>[^\s:](?:(?!: )[^\n]){0,80}?) in: \S")
_STAMP = _Caseless(r"^[\W\d_]{0,3}" + V.alternation(V.ARTICLE_STAMPS) + r"\b")
# a dot only after a digit or an initial: "09. Jul, 2012 / Courtney says:", "J. Smith says:"
_SAYS = _Caseless(
    r"^(?:[^.!?]|(?<=\d)\.|(?<=\b[a-z])\.){1,80}?\s" + V.alternation(V.ATTRIBUTION_VERBS) + r"(?:\s*:|,\s*$)"
)
_CLOCK = _Caseless(
    r"\b\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?\s?m\b\.?|uhr\b|h\b)"
    r"|(?:\bum|\bà|\ba\s+las|\balle(?:\s+ore)?|\bom|\bàs|\bat|\balas|[,|@–-])\s+\d{1,2}[:h]\d{2}\b"
)
_CLOCK_GATE = _Caseless(r"\d[:.h]\d\d")
_DIGIT = re.compile(r"\d")
_TIME = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")
_DATEISH = _Caseless(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b(?:"
    + "|".join((*(m[:3] for m in V.MONTHS), *V.EUROPEAN_MONTH_STEMS))
    + r")[a-zéû]*\b"
)
_AGO = _Caseless(
    r"\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b"
    r"|\bvor\s+\d+\s+(?:minuten|stunden|tagen|wochen|monaten|jahren)\b"
    r"|\bil\s+y\s+a\s+\d+\s+(?:minutes?|heures?|jours?|semaines?|mois|ans?)\b"
    r"|\bhace\s+\d+\s+(?:minutos?|horas?|días?|semanas?|meses|años?)\b"
    r"|\b\d+\s+(?:minuti|ore|giorni|settimane|mesi|anni)\s+fa\b"
    r"|\b\d+\s+(?:minuten|uur|dagen|weken|maanden|jaar)\s+geleden\b"
    r"|\bhá\s+\d+\s+(?:minutos?|horas?|dias?|semanas?|meses|anos?)\b"
)
# "by NAME on DATE", "written by NAME, DATE", "Posted by: NAME DATE", "NAME | DATE"
_WEAK_HEAD = _Caseless(r"^(?:(?:posted|written|submitted|comment)\s+)?by\s*:?\s+\S")
_SPAM = _Caseless(V.alternation(V.SPAM_IN_URLS) + r"|\b" + V.alternation(V.SPAM_WORDS) + r"\b")
_SPAM_GATE = V.first_words(V.SPAM_WORDS)
_URL = _Caseless(
    r"https?://\S+|www\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|ru|info|biz|xyz|top|fr"
    r"|de|uk|io|es|it|nl|pt|br|ca|au|co|blogspot\.\w+)\b(?:/\S*)?"
)
_URL_GATE = re.compile(r"://|www\.|\.(?:com|net|org|ru|info|biz|xyz|top|fr|de|uk|io|es|it|nl|pt|br|ca|au|co)\b")
_PRAISE_WORDS = (
    "great",
    "nice",
    "excellent",
    "awesome",
    "wonderful",
    "fantastic",
    "good",
    "informative",
    "amazing",
    "superb",
    "brilliant",
    "useful",
    "helpful",
    "interesting",
)
_PRAISE = _Caseless(
    r"\b" + V.alternation(_PRAISE_WORDS) + r"\s+(?:article|post|blog|site|website"
    r"|read|write-?up|piece|job|work|info|information|content|insight)s?\b"
    r"|\byour\s+(?:blog|site|website|web\s+site|article|post|writing|page|content|work)\b"
    r"|\bthanks?\s+(?:you\s+)?(?:so\s+much\s+)?for\s+(?:sharing|posting|this|the\s+"
    r"(?:article|post|info))|\bkeep\s+(?:up\s+the|it\s+up)|\b(?:hello|hi|hey)\s+there\b"
    r"|\bi\s+(?:just\s+)?(?:found|stumbled\s+upon|came\s+across)\s+your\b"
    r"|\bbookmark(?:ed|ing)?\b"
    r"|\bdanke\s+für\b|\btoller\s+(?:artikel|beitrag)|\bmerci\s+pour\b|\bsuper\s+article\b"
    r"|\bgracias\s+por\b|\bexcelente\s+(?:artículo|post)|\bgrazie\s+per\b|\bbedankt\s+voor\b|\bobrigad[oa]\s+por\b"
)
_PRAISE_GATE = frozenset(
    [
        *_PRAISE_WORDS,
        "your",
        "thanks",
        "thank",
        "keep",
        "hello",
        "hi",
        "hey",
        "found",
        "stumbled",
        "came",
        "bookmark",
        "bookmarked",
        "bookmarking",
        "danke",
        "toller",
        "merci",
        "super",
        "gracias",
        "excelente",
        "grazie",
        "bedankt",
        "obrigado",
        "obrigada",
    ]
)
_BIO = re.compile(
    r"^(?P<name>[^\W\d_][\w’'.-]*(?:\s+[\w’'.-]+){1,4}?)\s+(?:\([^)]{1,40}\)\s+)?"
    r"(?:is|was|has\s+been|serves\s+as|works\s+as)\s+(?:a|an|the|currently|also|senior"
    r"|professor|director|founder|editor|author|lecturer|associate|assistant|based)\b"
)
_OCCUPATION = _Caseless(
    r"\b(?:researcher|journalist|writer|analyst|editor|author|correspondent|reporter"
    r"|professor|lecturer|fellow|scholar|expert|columnist|contributor|director|founder"
    r"|student|consultant|commentator|specialist|freelance|blogger|historian|economist"
    r"|scientist|candidate)s?\b"
)
_BIO_GATE = re.compile(" (?:is|was|has been|serves as|works as) ")
_BIO_GATE_END = T.BIO_NAME_MAX_CHARS + 16  # the name, then the verb
_BIO_VERB_WORDS = frozenset(("is", "was", "has", "serves", "works"))  # _BIO's verbs' first words
_TRUNCATION_ENDS = frozenset(".…]")
_TRUNCATIONS = ("...", "…", "[…]", "[...]")
_LATIN = re.compile(r"[a-zA-Z]")
_IS_FUNCTION_WORD = FUNCTION_WORDS.__contains__  # ``stopword_share``'s test, written out on the prose path
_LETTERS = re.compile(r"[^\W\d_]+")
_PUNCT = ".,;:!?\"'()[]“”‘’«»…-–—*"


class Score(NamedTuple):
    """A block's junk score, the kind it would have, and whether it can head (or close) a
    comment: ``head`` for a strong comment head, ``weak`` for a byline-with-date shape.
    (A named tuple: one is built per block, and it is the cheapest immutable record.)"""

    value: float
    kind: str
    head: bool = False
    weak: bool = False
    #: "open" for a head above its comment ("NAME says:", a widget line), "close" for an
    #: action line under it ("Reply"), "" when the shape does not say (a date and time).
    role: str = ""


def section_kind(line: str) -> str | None:
    """The kind of what follows a section heading ("comment", "boilerplate", "bio"), or None."""
    if len(line) > T.SECTION_MAX_CHARS:
        return None
    return _section(_Text(line))


def _section(t: _Text) -> str | None:
    m = _SECTION.match(t)
    return None if m is None else m.lastgroup


def _head_role(t: _Text) -> str | None:
    """The role of a comment head ("open", "close" or ""), or None for no head."""
    line = t.line
    if len(line) > T.HEAD_MAX_CHARS:
        return None
    if (":" in line or line.endswith(",")) and _says(t):
        return "open"
    if len(line) <= T.FURNITURE_MAX_CHARS and _REPLY.match(t):
        return "close"
    if not _DIGIT.search(line) or not _TIME_GATE.search(t) or _STAMP.match(t):
        return None
    if ends_sentence(line) and len(line.split()) > T.HEAD_MAX_SENTENCE_WORDS:
        return None  # a sentence that mentions a time ("The vote began at 10:30 am.")
    if _AGO.search(t):
        return ""
    if _CLOCK_GATE.search(t) is None:  # what _CLOCK and _TIME both need: "H:MM", "H.MM", "HhMM"
        return None
    if _CLOCK.search(t):
        return ""
    m = _TIME.search(line)
    return "" if m is not None and _DATEISH.search(t) is not None else None


def _says(t: _Text) -> bool:
    """Whether ``_SAYS`` matches ("NAME says:"): on a folded line only when an attribution
    verb's literal is there (the regex tries a verb at every word of the line)."""
    if t.folded and _VERB_LITERALS is not None and not any(map(t.low.__contains__, _VERB_LITERALS)):
        return False
    return _SAYS.match(t) is not None


def _is_legal(t: _Text) -> bool:
    """Whether ``_LEGAL`` finds a legal or cookie line, behind its cheapest exact gate."""
    if t.folded and _LEGAL_LITERALS is not None:
        return _LEGAL_LITERAL_GATE.search(t.low) is not None and _LEGAL.search(t) is not None
    return _LEGAL_GATE.search(t.low) is not None and _LEGAL.search(t) is not None


def is_menu_line(line: str) -> bool:
    """A menu item: a few words, no sentence end (one link of a navigation bar)."""
    return len(line) <= T.MENU_MAX_CHARS and len(line.split()) <= T.MENU_MAX_WORDS and not ends_sentence(line)


def is_list_line(line: str) -> bool:
    """A line of a list of links or headlines: short, not ending a sentence."""
    return (len(line) <= T.LIST_MAX_CHARS and not ends_sentence(line)) or len(line) <= T.MENU_MAX_CHARS


def score_block(line: str, authors: Sequence[str] = ()) -> Score:
    """Junk score and kind of one block on its own (positive is junk).

    Most blocks are the article's paragraphs: one that is long, ends a sentence, holds no
    link and is no comment head takes the prose path (``_prose_paragraph``); every other
    block is read in full (``_score_in_full``). The cheap tests come first: a block too
    long for a comment head (``HEAD_MAX_CHARS``) is never asked for its head role."""
    t = _Text(line)
    n = len(line)
    may_be_prose = n > T.FAST_PROSE_MIN_CHARS and "://" not in line and "www." not in line and ends_sentence(line)
    role = _head_role(t) if n <= T.HEAD_MAX_CHARS else None
    prose = None  # not known yet
    if may_be_prose and role is None and not _is_truncated(line):
        prose = _prose(t, ended=True)
        if prose:
            return _prose_paragraph(t, authors)
    return _score_in_full(t, authors, role, prose)


def _score_in_full(t: _Text, authors: Sequence[str], role: str | None, prose: bool | None = None) -> Score:
    """Every feature of one block, added in a fixed order (the sum is a float: the order is
    part of the result): marker, comment head, links, praise, spam, bio, excerpt, prose, length.
    ``prose``: ``_prose(t)`` when the caller has it already."""
    line, n = t.line, len(t.line)
    score = T.W_MARKER if _is_marker(t) else 0.0
    weight, kind, head, weak, role = _comment_head(t, role)
    score += weight
    long = n > T.COMMENT_BODY_MAX_CHARS
    url_gate = _URL_GATE.search(t.low) is not None
    if long and not (url_gate or score):
        # A long block with no link and no marker cannot outscore its own length and
        # prose penalties (spam words alone weigh less): skip the remaining scans.
        prose = _prose(t) if prose is None else prose
        return Score(-T.W_LONG * (n // T.LONG_BLOCK_CHARS) - T.W_PROSE * prose, kind, head, weak, role)
    toks = set() if long else _tokens(t, url_gate)
    spam = _spam_hits(t, toks)
    if url_gate and sum(len(u) for u in _URL.findall(t)) >= T.URL_SHARE_MIN * n:
        score += T.W_URL_SHARE
    if not _PRAISE_GATE.isdisjoint(toks) and _PRAISE.search(t):
        score += T.W_PRAISE
        if kind == "boilerplate":
            kind = "comment"
    if spam:
        score += T.W_SPAM_WORD * spam
        kind = "spam"
    bio = n <= T.BIO_MAX_CHARS and _is_bio(t, authors)
    if bio:
        score += T.W_BIO
        kind = "bio"
    truncated = _is_truncated(line)
    if truncated and n < T.TRUNCATED_MAX_CHARS:
        score += T.W_TRUNCATED
    # A bio is prose by nature, and a truncated excerpt only looks like a sentence.
    if not bio and not truncated:
        score -= T.W_PROSE * (_prose(t) if prose is None else prose)
    if n > T.LONG_BLOCK_CHARS:
        score -= T.W_LONG * (n // T.LONG_BLOCK_CHARS)
    return Score(score, kind, head, weak, role)


def _is_marker(t: _Text) -> bool:
    """A section heading, a furniture line ("Share", "Newsletter") or a legal notice."""
    line, n = t.line, len(t.line)
    return (
        (n <= T.SECTION_MAX_CHARS and _section(t) is not None)
        or (n <= T.FURNITURE_MAX_CHARS and not line.endswith(".") and _FURNITURE.match(t) is not None)
        or (n <= T.LEGAL_MAX_CHARS and _is_legal(t))
    )


def _comment_head(t: _Text, role: str | None) -> tuple[float, str, bool, bool, str]:
    """(weight, kind, head, weak, role) of a comment head: the recent-comments widget line,
    a strong head (``role`` from ``_head_role``), a weak "by NAME on DATE" head, or none."""
    line = t.line
    if " in: " in line and _WIDGET.match(line):
        return T.W_WIDGET, "comment", True, False, "open"
    if role is not None:
        return T.W_ATTRIBUTION, "comment", True, False, role
    if len(line) <= T.HEAD_MAX_CHARS and _WEAK_HEAD.match(t) and _DATEISH.search(t):
        return T.W_WEAK_HEAD, "comment", False, True, ""
    return 0.0, "boilerplate", False, False, ""


def _tokens(t: _Text, url_gate: bool) -> set[str]:
    """The block's lower-case words, punctuation stripped; with the words inside its links
    when it has any ("cheap-pills.example.com")."""
    toks = set(map(str.strip, t.low.split(), repeat(_PUNCT)))
    if url_gate:
        toks.update(_LETTERS.findall(t.low))
    return toks


def _spam_hits(t: _Text, toks: set[str]) -> int:
    if any(map(t.low.__contains__, V.SPAM_IN_URLS)) or not _SPAM_GATE.isdisjoint(toks):
        return min(T.SPAM_MAX_HITS, len(_SPAM.findall(t)))
    return 0


def _prose_paragraph(t: _Text, authors: Sequence[str]) -> Score:
    """The score of a long, link-free, sentence-ending block that reads as prose and is no
    excerpt, from the few features such a block can still carry (a bio, a legal or cookie
    notice). The article's paragraphs are most blocks, so this path keeps the stage fast:
    the rarer features are tested by length first."""
    line = t.line
    n = len(line)
    score = -T.W_PROSE - T.W_LONG * (n // T.LONG_BLOCK_CHARS)
    if n <= T.LEGAL_MAX_CHARS and _is_notice(t) and _LEGAL.search(t):
        score += T.W_MARKER
    # (the bio's gate first: a paragraph seldom says " is " in its first words)
    if n <= T.BIO_MAX_CHARS and _BIO_GATE.search(line, 0, _BIO_GATE_END) is not None and _is_bio(t, authors):
        return Score(score + (T.W_BIO + T.W_PROSE), "bio")  # a bio is prose by nature
    return _prose_score(score)


#: The prose path's scores, one record per value: most blocks are plain prose paragraphs,
#: whose score takes a few values only (by length), and a named tuple is immutable.
_PROSE_SCORES: dict[float, Score] = {}


def _prose_score(value: float) -> Score:
    found = _PROSE_SCORES.get(value)
    if found is None:
        found = _PROSE_SCORES.setdefault(value, Score(value, "boilerplate"))
    return found


def _is_truncated(line: str) -> bool:
    """Ends in "...", "…", "[…]" or "[...]" (an excerpt), maybe then spaces, within its last
    eight characters: only a line ending in one of these characters can. (``str.rstrip``
    drops exactly the characters ``\\s`` matches.)"""
    last = line[-1:]
    return (last in _TRUNCATION_ENDS or last.isspace()) and line[-8:].rstrip().endswith(_TRUNCATIONS)


def _is_notice(t: _Text) -> bool:
    """Whether ``_LONG_NOTICE`` matches: on a folded line, a substring test per word (its
    alternatives are literal words), faster than the regex."""
    if t.folded:
        return any(map(t.low.__contains__, V.LONG_NOTICE_WORDS))
    return _LONG_NOTICE.search(t) is not None


def _prose(t: _Text, ended: bool = False) -> bool:
    """Long enough, dense in function words, ending a sentence: article prose. ``ended``:
    the caller has checked the sentence end already."""
    line = t.line
    if not ended and not ends_sentence(line):
        return False
    # the lowered line's start is the lowered start when no character lowers to two
    ws = (t.low[: T.PROSE_SAMPLE_CHARS] if t.folded else line[: T.PROSE_SAMPLE_CHARS].lower()).split()
    k = len(ws)  # (``stopword_share`` written out: this runs once per article paragraph)
    if k >= T.PROSE_MIN_WORDS and sum(map(_IS_FUNCTION_WORD, ws)) / k >= T.PROSE_STOPWORD_MIN:
        return True
    # Scripts without our function words (Korean, Russian, Greek...): length alone.
    return len(line) >= T.PROSE_MIN_CHARS and _LATIN.search(line, 0, 40) is None


def _is_bio(t: _Text, authors: Sequence[str]) -> bool:
    line = t.line
    if _BIO_GATE.search(line, 0, _BIO_GATE_END) is None:
        return False
    for a in authors:
        folded = fold(line[: len(a) + 4])
        fa = fold(a)
        if folded.startswith(fa) and folded[len(fa) : len(fa) + 4] in (" is ", " was", " has"):
            return True
    if not any(w in _BIO_VERB_WORDS or w.startswith("(") for w in line.split(None, 6)[2:6]):
        return False  # _BIO's verb (or the parenthesis before it) follows two to five name words
    m = _BIO.match(line)
    return (
        m is not None
        and len(m.group("name")) <= T.BIO_NAME_MAX_CHARS
        and is_name(m.group("name"))
        and _OCCUPATION.search(t) is not None
    )
