"""The trailer: junk that scrapers glued after the article, found from the end backwards.

Each block near the end gets a junk score from shallow features (weights and limits in
``thresholds``): marker lines ("Comments", "Related posts", "Share this"), the
recent-comments widget shape ``NAME in: POST TITLE``, comment attributions
("NAME says:", a date with a clock time, "Reply"), spam vocabulary (also inside URLs),
the share of the block that is URLs, second-person praise ("great article", "your
blog"), author bios ("NAME is a/an … researcher", or the byline's author followed by
"is"), and a block ending in "..." as widget excerpts do. Prose scores against junk:
a long block dense in stopwords that ends a sentence is an article paragraph. Nothing
keys on the seeds' sentences.

The walk stops at the first block that is neither junk nor the body of a comment whose
head (an attribution or widget line) sits just above it, and it never leaves the body
shorter than ``MIN_BODY_CHARS`` nor takes the body's first block: the article is never
emptied, whatever the scores say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from corpuskit.structure import thresholds as T
from corpuskit.structure.header import is_name
from corpuskit.structure.shape import STOPWORDS, ends_sentence, fold

__all__ = ["Score", "Trailer", "find_trailer", "score_block"]

# Section markers: what follows them, up to the end, belongs to the trailer.
_SECTION = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reactions|discussion|comment\s+section)"
    r"(?:\s*\(\d+\))?\s*:?$"
    r"|^(?:leave|post|add|write|submit)\s+(?:a\s+|your\s+)?(?:reply|comment|response)\b"
    r"|^(?:\d+\s+)?thoughts?\s+on\s+"
    r"|^(?:related|recommended|similar|popular|recent|latest|more)\s+(?:posts?|articles?"
    r"|stories|reading|content|news|comments|videos?)\b"
    r"|^you\s+(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested)"
    r"|^about\s+the\s+authors?\s*:?$",
    re.IGNORECASE,
)
_SECTION_KIND = (
    ("comment", "comment"),
    ("repl", "comment"),
    ("respon", "comment"),
    ("reaction", "comment"),
    ("discussion", "comment"),
    ("thought", "comment"),
    ("author", "bio"),
)
# Line markers: junk lines on their own.
_MARKER = re.compile(
    r"^(?:share|tweet|print|email|e-mail|like\s+this|loading\.\.\.|advertisement|sponsored"
    r"|tags?\s*:|filed\s+under|categories\s*:|posted\s+in\b|follow\s+us|subscribe\b"
    r"|sign\s+up\b|newsletter|copyright|©|\(c\)\s*\d{4}|all\s+rights\s+reserved"
    r"|(?:previous|next)\s+(?:post|article|story)|read\s+(?:more|also|next)\b|source\s*:"
    r"|image\s+(?:copyright|source|caption)|photo\s*:|click\s+here|continue\s+reading"
    r"|(?:\(?reporting|editing|additional\s+reporting)\s+by\b|permalink|reply$"
    r"|log\s+in\s+to\s+reply)",
    re.IGNORECASE,
)
_WIDGET = re.compile(r"^(?P<name>[^\s:](?:(?!: )[^\n]){0,80}?) in: \S")
_ATTRIBUTION = re.compile(
    r"^[^.!?]{1,80}?\b(?:says|said|wrote|writes|commented)\s*:"
    r"|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?\b)"
    r"|^(?:reply|report|permalink|\d+\s+likes?|like|log\s+in\s+to\s+reply)$",
    re.IGNORECASE,
)
_SPAM = re.compile(
    r"viagra|cialis|levitra|sildenafil|tadalafil|kamagra|casino|porn|hentai|payday"
    r"|\b(?:pharmacy|pharmacie|poker|xxx|escorts?|replica|rolex|backlinks?|seo|pills?"
    r"|weight\s+loss|diet\s+pills|essay\s+writing|buy\s+\w+\s+online|work\s+from\s+home"
    r"|make\s+money|free\s+(?:download|trial)|cheap\s+\w+|discount\s+\w+|loans?)\b",
    re.IGNORECASE,
)
_URL = re.compile(
    r"https?://\S+|www\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|ru|info|biz|xyz|top|fr"
    r"|de|uk|io)\b(?:/\S*)?",
    re.IGNORECASE,
)
_PRAISE = re.compile(
    r"\b(?:great|nice|excellent|awesome|wonderful|fantastic|good|informative|amazing"
    r"|superb|brilliant|useful|helpful|interesting)\s+(?:article|post|blog|site|website"
    r"|read|write-?up|piece|job|work|info|information|content|insight)s?\b"
    r"|\byour\s+(?:blog|site|website|web\s+site|article|post|writing|page|content|work)\b"
    r"|\bthanks?\s+(?:you\s+)?(?:so\s+much\s+)?for\s+(?:sharing|posting|this|the\s+"
    r"(?:article|post|info))|\bkeep\s+(?:up\s+the|it\s+up)|\b(?:hello|hi|hey)\s+there\b"
    r"|\bi\s+(?:just\s+)?(?:found|stumbled\s+upon|came\s+across)\s+your\b"
    r"|\bbookmark(?:ed|ing)?\b",
    re.IGNORECASE,
)
_BIO = re.compile(
    r"^(?P<name>[^\W\d_][\w’'.-]*(?:\s+[\w’'.-]+){1,4}?)\s+(?:\([^)]{1,40}\)\s+)?"
    r"(?:is|was|has\s+been|serves\s+as|works\s+as)\s+(?:a|an|the|currently|also|senior"
    r"|professor|director|founder|editor|author|lecturer|associate|assistant|based)\b"
)
_OCCUPATION = re.compile(
    r"\b(?:researcher|journalist|writer|analyst|editor|author|correspondent|reporter"
    r"|professor|lecturer|fellow|scholar|expert|columnist|contributor|director|founder"
    r"|student|consultant|commentator|specialist|freelance|blogger|historian|economist"
    r"|scientist|candidate)s?\b",
    re.IGNORECASE,
)
_TRUNCATED = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")


@attrs.frozen
class Score:
    """A block's junk score, the kind it would have, and whether it heads a comment."""

    value: float
    kind: str
    head: bool = False


@attrs.frozen
class Trailer:
    """``start`` is the first trailer block's index (== len(blocks) for no trailer)."""

    start: int
    kinds: tuple[str, ...] = ()


# Cheap gates: the regexes above run only on blocks that hold one of these, so a long
# paragraph of prose costs a split, a few set look-ups and substring tests.
_SPAM_IN_URL = (
    "viagra",
    "cialis",
    "levitra",
    "sildenafil",
    "tadalafil",
    "kamagra",
    "casino",
    "porn",
    "hentai",
    "pill",
    "pharma",
)
_SPAM_GATE = frozenset(
    [
        "payday",
        "pharmacy",
        "pharmacie",
        "poker",
        "xxx",
        "escort",
        "escorts",
        "replica",
        "rolex",
        "backlink",
        "backlinks",
        "seo",
        "pill",
        "pills",
        "weight",
        "essay",
        "buy",
        "online",
        "home",
        "money",
        "free",
        "cheap",
        "discount",
        "loan",
        "loans",
    ]
)
_URL_GATE = ("://", "www.", ".com", ".net", ".org", ".ru", ".info", ".biz", ".xyz", ".top", ".fr", ".de", ".uk", ".io")
_PRAISE_GATE = frozenset(
    [
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
    ]
)
_BIO_GATE = (" is ", " was ", " has been ", " serves as ", " works as ")
_PUNCT = ".,;:!?\"'()[]“”‘’«»…-–—*"


def score_block(line: str, authors: Sequence[str] = ()) -> Score:
    """Junk score and kind of one block (positive is junk)."""
    score = 0.0
    kind = "boilerplate"
    head = False
    short = len(line) <= 120
    low = line.lower()
    if short and (_SECTION.match(line) or _MARKER.match(line)):
        score += T.W_MARKER
    if " in: " in line and _WIDGET.match(line):
        score += T.W_WIDGET
        kind, head = "comment", True
    elif short and _ATTRIBUTION.search(line):
        score += T.W_ATTRIBUTION
        kind, head = "comment", True
    toks = {w.strip(_PUNCT) for w in low.split()} if len(line) <= T.COMMENT_BODY_MAX_CHARS else set()
    spam_gate = any(s in low for s in _SPAM_IN_URL) or not _SPAM_GATE.isdisjoint(toks)
    url_gate = any(g in low for g in _URL_GATE)
    if len(line) > T.COMMENT_BODY_MAX_CHARS and not (url_gate or score):
        # A long block with no link and no marker cannot outscore its own length and
        # prose penalties (spam words alone weigh less): skip the remaining scans.
        return Score(-T.W_LONG * (len(line) // T.LONG_BLOCK_CHARS), kind, head)
    spam = min(2, len(_SPAM.findall(line))) if spam_gate else 0
    if url_gate:
        url_chars = sum(len(u) for u in _URL.findall(line))
        if url_chars >= T.URL_SHARE_MIN * len(line):
            score += T.W_URL_SHARE
    if not _PRAISE_GATE.isdisjoint(toks) and _PRAISE.search(line):
        score += T.W_PRAISE
        if kind == "boilerplate":
            kind = "comment"
    if spam:
        score += T.W_SPAM_WORD * spam
        kind = "spam"
    bio = len(line) <= T.BIO_MAX_CHARS and _is_bio(line, authors)
    if bio:
        score += T.W_BIO
        kind = "bio"
    truncated = _TRUNCATED.search(line[-8:]) is not None
    if truncated and len(line) < 300:
        score += T.W_TRUNCATED
    # A bio is prose by nature, and a truncated excerpt only looks like a sentence.
    if not bio and not truncated and ends_sentence(line):
        ws = low.split()
        if len(ws) >= T.PROSE_MIN_WORDS and sum(1 for w in ws if w in STOPWORDS) >= T.PROSE_STOPWORD_MIN * len(ws):
            score -= T.W_PROSE
    if len(line) > T.LONG_BLOCK_CHARS:
        score -= T.W_LONG * (len(line) // T.LONG_BLOCK_CHARS)
    return Score(score, kind, head)


def _is_bio(line: str, authors: Sequence[str]) -> bool:
    head = line[: T.BIO_NAME_MAX_CHARS + 16]
    if not any(g in head for g in _BIO_GATE):
        return False
    for a in authors:
        folded = fold(line[: len(a) + 4])
        fa = fold(a)
        if folded.startswith(fa) and folded[len(fa) : len(fa) + 4] in (" is ", " was", " has"):
            return True
    m = _BIO.match(line)
    return (
        m is not None
        and len(m.group("name")) <= T.BIO_NAME_MAX_CHARS
        and is_name(m.group("name"))
        and _OCCUPATION.search(line) is not None
    )


def _is_head(line: str) -> bool:
    """Whether ``line`` can head a comment (widget line or attribution): cheap shape test."""
    return (" in: " in line and _WIDGET.match(line) is not None) or (
        len(line) <= 120 and _ATTRIBUTION.search(line) is not None
    )


def _section_kind(line: str) -> str:
    low = line.lower()
    for needle, kind in _SECTION_KIND:
        if needle in low:
            return kind
    return "boilerplate"


def find_trailer(texts: Sequence[str], body_start: int, authors: Sequence[str] = ()) -> Trailer:
    """Where the trailer starts among ``texts`` (the document's blocks), and its kinds."""
    n = len(texts)
    if n - body_start < 2:
        return Trailer(n)
    kinds: dict[int, str] = {}
    stop = n
    # A section marker late in the document claims everything below it.
    floor = (1 - T.TRAILER_MARKER_MAX_SHARE) * sum(map(len, texts))
    seen = 0
    for i, line in enumerate(texts):
        if len(line) <= 60 and i > body_start and seen >= floor and _SECTION.match(line):
            default = _section_kind(line)
            kinds[i] = "boilerplate"
            for j in range(i + 1, n):
                s = score_block(texts[j], authors)
                kinds[j] = s.kind if s.value >= T.JUNK_THRESHOLD else default
            stop = i
            break
        seen += len(line)
    start = stop
    pending: list[int] = []
    i = stop - 1
    while i > body_start:
        line = texts[i]
        if pending and not _is_head(line):
            # Under pending blocks only a comment head matters: anything else either
            # ends the walk or joins the pending run, so it need not be scored.
            pending.append(i)
            if len(pending) > T.COMMENT_BODY_MAX_BLOCKS or len(line) > T.COMMENT_BODY_MAX_CHARS:
                break
            i -= 1
            continue
        s = score_block(line, authors)
        if s.value >= T.JUNK_THRESHOLD:
            if pending:
                if not s.head:
                    break
                for j in pending:
                    kinds[j] = "spam" if s.kind == "spam" else "comment"
                pending = []
            kinds[i] = s.kind
            start = i
        else:
            pending.append(i)
            if len(pending) > T.COMMENT_BODY_MAX_BLOCKS or len(line) > T.COMMENT_BODY_MAX_CHARS:
                break
        i -= 1
    # Never empty the article: give blocks back until the body is long enough.
    body_chars = sum(map(len, texts[body_start:start]))
    while start < n and body_chars < T.MIN_BODY_CHARS:
        body_chars += len(texts[start])
        start += 1
    return Trailer(start, tuple(kinds[j] for j in range(start, n)))
