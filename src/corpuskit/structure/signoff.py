"""Sign-offs at the very end of a document: signatures, wire credits, e-text licences.

These close a post, a wire story or an e-book the way its medium does, not the way a web
page does, so they are found before the web trailer (``trailer``) and fixed: the web
trailer only looks above them. From the end backwards:

- **markup**: closing SGML/XML lines with no words outside the tags and entities
  (Reuters-21578's ``&#3;</BODY></TEXT>``, ``</REUTERS>``): ``boilerplate``;
- **e-text footer**: from an archive's end marker to the end (Project Gutenberg's
  ``*** END OF THE PROJECT GUTENBERG EBOOK …`` or ``End of the Project Gutenberg EBook of
  …``, and its licence after it): ``boilerplate``;
- **wire sign-off**: a last line that is only an agency's name ("Reuter", "REUTER",
  "AP", "AFP", "UPI", "dpa"…): ``signature``;
- **signature** after a ``-- `` line (the Usenet/e-mail delimiter; trailing space is
  cleaned away, so ``--`` alone on a line), when what follows is at most
  ``SIG_MAX_LINES`` lines: the delimiter and everything after it are ``signature``;
- **contact block**: in a mail or news post only, without a delimiter, a short run of short lines at the end, at
  least one of which carries an e-mail address, a telephone number, a URL or an
  affiliation ("Dept.", "University", "Phone:"), optionally framed by rule lines and
  opened by a sign-off name ("-Tommy Mac"): ``signature``.

The body always keeps its first block, and quoted lines (``>``) are never a signature: a
quoted signature belongs to the message being answered. Unlike the web trailer's scores,
these are explicit conventions, so a short post keeps its signature apart too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from corpuskit.model import unwrap
from corpuskit.structure import thresholds as T

__all__ = ["WIRE_SIGNOFF", "SignOff", "find_signoff"]

_TAG_OR_ENTITY = re.compile(r"<[^<>]*>|&#?\w{1,12};")
_ETEXT_END = re.compile(
    r"^\*{3,}\s*end\s+of\s+(?:the\s+|this\s+)?(?:project\s+gutenberg|e-?text|e-?book)"
    r"|^end\s+of\s+(?:the\s+)?project\s+gutenberg(?:'s|’s)?\b",
    re.IGNORECASE,
)
_ETEXT_FIRST = frozenset("*eE")
_ETEXT_LEAD = re.compile(r"^end\s+of\s+(?:the\s+)?project\s+gutenberg", re.IGNORECASE)
#: A line that is only a news agency's name: the sign-off of a wire story (use with
#: ``match``, which anchors it at the start).
WIRE_SIGNOFF = re.compile(
    r"[-–—(\s]*(?:reuters?|ap|afp|upi|dpa|ansa|efe|aap|xinhua|tass|itar-tass|kyodo|bernama"
    r"|anp|apa|sda|ats|ips|pti|ani|yonhap|ria\s+novosti|interfax)[\s.…)]*$",
    re.IGNORECASE,
)
_DELIMITER = "--"
_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)\S+", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w/.-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[ .-])?\d{3,4}[ .-]\d{4}(?![\w/.-])")
_AFFILIATION = re.compile(
    r"\b(?:phone|tel|telephone|fax|voice|e-?mail|internet|bitnet|uucp|usmail|snail\s*mail"
    r"|univ|university|universit[äéà]t?|dept|department|institute|college|laborator(?:y|ies)"
    r"|inc|corp|corporation|ltd|gmbh)\b",
    re.IGNORECASE,
)
_SIGN_NAME = re.compile(r"^(?:-{1,2}|~|—)\s*\S+(?:\s+\S+){0,3}$")
_QUOTED = re.compile(r"^\s*[>|]")


@attrs.frozen
class SignOff:
    """The sign-off blocks at the end: ``start`` is the first one's index (``len(texts)`` when none)."""

    start: int
    kinds: tuple[str, ...] = ()


def _is_markup(text: str) -> bool:
    stripped = _TAG_OR_ENTITY.sub(" ", text)
    return text != stripped and not any(c.isalnum() for c in stripped)


def _lines(text: str) -> int:
    return text.count("\n") + 1


def _is_rule(text: str) -> bool:
    return len(text) >= 3 and not any(c.isalnum() for c in text)


def _has_contact(text: str) -> bool:
    return bool(_EMAIL.search(text) or _URL.search(text) or _PHONE.search(text) or _AFFILIATION.search(text))


def find_signoff(
    blocks: Sequence[str], body_start: int = 0, *, post: bool = False, views: Sequence[str] | None = None
) -> SignOff:
    """The sign-off blocks at the end of ``blocks`` (the blocks' exact texts), and their kinds.

    Exact texts, not one-line views, because a signature is told by its line count.
    ``post``: the document is a mail or news post (it had a mail header), the only kind
    whose undelimited contact block is read as a signature; on a web page the same shape
    is a credit line or a list of links. ``views``: the blocks' one-line views (``unwrap``)
    when the caller has them already.
    """
    n = len(blocks)
    texts = [unwrap(b) for b in blocks] if views is None else views
    floor = body_start + 1  # the body keeps its first block
    kinds: dict[int, str] = {}
    end = n
    while end > floor and _is_markup(texts[end - 1]):
        end -= 1
        kinds[end] = "boilerplate"
    footer = _etext_footer(texts, floor, end)
    if footer is not None:
        for i in range(footer, end):
            kinds[i] = "boilerplate"
        end = footer
    elif end > floor and WIRE_SIGNOFF.match(texts[end - 1]):
        end -= 1
        kinds[end] = "signature"
    else:
        sig = _delimited_signature(texts, blocks, floor, end)
        if sig is None and post:
            sig = _contact_block(texts, blocks, floor, end)
        if sig is not None:
            for i in range(sig, end):
                kinds[i] = "signature"
            end = sig
    return SignOff(start=end, kinds=tuple(kinds[i] for i in range(end, n)))


def _etext_footer(texts: Sequence[str], floor: int, end: int) -> int | None:
    total = sum(map(len, texts[:end]))
    limit = max(T.ETEXT_FOOTER_MAX_CHARS, T.ETEXT_FOOTER_MAX_SHARE * total)
    after = 0
    for i in range(end - 1, floor - 1, -1):
        text = texts[i]
        after += len(text)
        if after > limit:
            return None
        # both end markers start with "*" or "end" (a cheap test before the regex)
        if text[:1] in _ETEXT_FIRST and _ETEXT_END.match(text):
            if i - 1 >= floor and _ETEXT_LEAD.match(texts[i - 1]) and not _ETEXT_LEAD.match(texts[i]):
                return i - 1
            return i
    return None


def _delimited_signature(texts: Sequence[str], blocks: Sequence[str], floor: int, end: int) -> int | None:
    lines = 0
    chars = 0
    for i in range(end - 1, floor - 1, -1):
        if texts[i] == _DELIMITER:
            return i
        lines += _lines(blocks[i])
        chars += len(texts[i])
        if lines > T.SIG_MAX_LINES or chars > T.SIG_MAX_CHARS or _QUOTED.match(texts[i]):
            return None
    return None


def _contact_block(texts: Sequence[str], blocks: Sequence[str], floor: int, end: int) -> int | None:
    lines = 0
    run: list[int] = []
    for i in range(end - 1, floor - 1, -1):
        text = texts[i]
        lines += _lines(blocks[i])
        if lines > T.SIG_MAX_LINES or _QUOTED.match(text):
            break
        short = len(text) <= T.SIG_LINE_MAX_CHARS * _lines(blocks[i])
        if not short or (not _has_contact(text) and not _is_rule(text) and len(text) > T.SIG_SHORT_CHARS):
            break
        run.append(i)
    if not any(_has_contact(texts[i]) and not _is_rule(texts[i]) for i in run):
        return None
    # The block starts at its topmost rule line, contact line or sign-off name.
    for i in reversed(run):
        text = texts[i]
        if _is_rule(text) or _has_contact(text) or _SIGN_NAME.match(text):
            return i
    return None
