"""Cheap shape measures of one line of text, shared by the header, body and trailer.

They are deliberately shallow (a split, a set look-up, a character test) so that the
structure stage stays far below the pipeline's per-document budget.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "FUNCTION_WORDS",
    "STOPWORDS",
    "AsciiCaseless",
    "ends_sentence",
    "fold",
    "is_titleish",
    "stopword_share",
    "words",
]

#: Common English function words: prose is dense in them, menus, names and spam are not.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)

#: Function words of the other major European languages (German, French, Spanish, Italian,
#: Dutch, Portuguese), for prose evidence only: ``STOPWORDS`` stays English, because names
#: are checked against it and must keep their particles ("de", "van", "la").
_EUROPEAN = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "ein",
        "eine",
        "einen",
        "dem",
        "den",
        "des",
        "mit",
        "sich",
        "auf",
        "für",
        "von",
        "zu",
        "im",
        "sie",
        "er",
        "es",
        "wir",
        "ich",
        "auch",
        "wie",
        "wenn",
        "aber",
        "oder",
        "dass",
        "noch",
        "nach",
        "bei",
        "aus",
        "wird",
        "sind",
        "hat",
        "haben",
        "war",
        "wurde",
        "les",
        "et",
        "est",
        "un",
        "une",
        "des",
        "du",
        "au",
        "aux",
        "ce",
        "cette",
        "qui",
        "que",
        "pas",
        "pour",
        "par",
        "sur",
        "dans",
        "avec",
        "ne",
        "se",
        "son",
        "sa",
        "ses",
        "il",
        "elle",
        "nous",
        "vous",
        "ils",
        "ont",
        "sont",
        "mais",
        "ou",
        "été",
        "el",
        "los",
        "las",
        "y",
        "es",
        "en",
        "que",
        "por",
        "con",
        "para",
        "una",
        "un",
        "lo",
        "su",
        "sus",
        "se",
        "no",
        "como",
        "más",
        "pero",
        "fue",
        "ha",
        "son",
        "il",
        "lo",
        "gli",
        "della",
        "che",
        "per",
        "con",
        "non",
        "una",
        "sono",
        "ha",
        "nel",
        "alla",
        "anche",
        "come",
        "più",
        "ma",
        "het",
        "een",
        "en",
        "van",
        "is",
        "dat",
        "niet",
        "op",
        "te",
        "zijn",
        "voor",
        "met",
        "ook",
        "als",
        "aan",
        "maar",
        "bij",
        "er",
        "om",
        "wordt",
        "os",
        "as",
        "e",
        "um",
        "uma",
        "que",
        "não",
        "para",
        "com",
        "por",
        "mais",
        "como",
        "mas",
        "foi",
        "são",
        "ao",
        "na",
        "no",
        "de",
        "la",
        "le",
        "di",
        "da",
        "del",
        "della",
        "do",
        "dos",
        "das",
        "van",
        "von",
        "y",
    ]
)
#: Everything ``stopword_share`` counts: prose in any of the seven languages is dense in them.
FUNCTION_WORDS = STOPWORDS | _EUROPEAN

_CLOSERS = "\"'”’»)]*"
_CLOSERS_SPACE = _CLOSERS + " "
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def words(line: str) -> list[str]:
    """The alphabetic words of a line (digits and punctuation dropped). On an ASCII line
    ``[^\\W\\d_]`` is ``[A-Za-z]`` and the curly apostrophe cannot occur: a character set is
    far cheaper for the regex engine than a Unicode category test per character."""
    return _ASCII_WORD.findall(line) if line.isascii() else _WORD.findall(line)


class AsciiCaseless:
    """A case-insensitive pattern (written in lower case) compiled twice: as written
    (``folded``, for a lowered line) and with IGNORECASE (``exact``). ``search_line`` runs
    the first on an ASCII line's lower case: the same matches at the same offsets
    (lowering an ASCII line changes only its letters' case), several times faster, since
    without IGNORECASE the regex engine skips ahead on literal characters. (The block
    scorer extends the same pair to any line without the odd-folding characters.)"""

    __slots__ = ("exact", "folded")

    def __init__(self, pattern: str) -> None:
        self.exact = re.compile(pattern, re.IGNORECASE)
        self.folded = re.compile(pattern)

    def search_line(self, line: str) -> re.Match[str] | None:
        return self.folded.search(line.lower()) if line.isascii() else self.exact.search(line)


def last_char(line: str) -> str:
    """The last character that is not a closing quote or bracket ('' if none)."""
    stripped = line.rstrip(_CLOSERS_SPACE)
    return stripped[-1] if stripped else ""


def ends_sentence(line: str) -> bool:
    """Whether the line ends like a sentence ('.', '!', '?', '…', ':' or ';')."""
    return last_char(line) in ".!?…:;"


def stopword_share(ws: list[str]) -> float:
    """Share of ``ws`` (lower-case words) that are function words of a major European
    language (0.0 for none)."""
    if not ws:
        return 0.0
    return sum(map(FUNCTION_WORDS.__contains__, ws)) / len(ws)


def is_titleish(line: str) -> bool:
    """Starts like a title: an upper-case letter, a digit or an opening quote."""
    first = line.lstrip("\"'“‘«([")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def fold(name: str) -> str:
    """A name compared loosely: accents dropped, case folded ("Périer" == "perier")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
