"""The front matter of an e-text archive's book: everything up to its start marker.

A Project Gutenberg book opens with the archive's own notice ("The Project Gutenberg
eBook of …", terms of use, ``Title:``, ``Author:``, ``Release Date:`` lines) and a marker
line ``*** START OF THE PROJECT GUTENBERG EBOOK … ***`` before the book itself. When
such a marker lies within the first ``ETEXT_HEADER_MAX_BLOCKS`` blocks, every block up
to it is header region: ``Title:`` gives the ``title``, ``Author:`` the ``byline`` and
authors, ``Release Date:`` the ``date`` kind (the date a transcription was released is
not the work's date, so it fills no ``date`` field), and the rest is ``boilerplate``,
junk before the book as navigation is junk before an article. The end of the book (its
``*** END OF`` marker and the licence) is found by ``signoff``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpuskit.structure import thresholds as T
from corpuskit.structure.header import Header

__all__ = ["read_etext_header"]

_START = re.compile(
    r"^\*{3,}\s*start\s+of\s+(?:the\s+|this\s+)?(?:project\s+gutenberg|e-?text|e-?book)",
    re.IGNORECASE,
)
_FIELD = re.compile(r"^(?P<key>title|author|release\s+date)\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)
_AUTHORS = re.compile(r"\s*(?:;|\band\b|&)\s*")


def read_etext_header(texts: Sequence[str]) -> Header | None:
    """The front matter of an e-text book (blocks given as one-line views), or ``None``."""
    limit = min(len(texts) - 1, T.ETEXT_HEADER_MAX_BLOCKS)
    # the marker starts with "***" (a cheap test before the regex, on every leading block)
    start = next((i for i in range(limit) if texts[i].startswith("***") and _START.match(texts[i])), None)
    if start is None:
        return None
    kinds: list[str] = []
    title: str | None = None
    authors: tuple[str, ...] = ()
    for text in texts[: start + 1]:
        m = _FIELD.match(text)
        key = m.group("key").lower() if m else ""
        if m and key == "title" and title is None:
            kinds.append("title")
            title = m.group("value").strip()
        elif m and key == "author" and not authors:
            kinds.append("byline")
            authors = tuple(a for a in (p.strip() for p in _AUTHORS.split(m.group("value"))) if a)
        elif m and key.startswith("release"):
            kinds.append("date")
        else:
            kinds.append("boilerplate")
    return Header(kinds=tuple(kinds), title=title, authors=authors)
