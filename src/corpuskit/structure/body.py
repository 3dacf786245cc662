"""Body kinds: headings between paragraphs, and paragraphs repeated later on.

A heading is recognised by shape and place, never by wording: a short, title-like line
that does not end a sentence, with prose right after it. A duplicate is a later block
whose text (runs of spaces aside) equals an earlier body block's: pull quotes that a
scraper flattened into the text. The later copy stays in the body, marked, so that the
text keeps every character and a reader can still drop the repeats.
"""

from __future__ import annotations

from collections.abc import Sequence

from corpuskit.structure import thresholds as T
from corpuskit.structure.shape import ends_sentence, is_titleish, last_char

__all__ = ["duplicate_pairs", "heading_indices", "is_heading_line"]


def is_heading_line(line: str) -> bool:
    """Short, title-like, and not ending a sentence or a clause."""
    return (
        len(line) <= T.HEADING_MAX_CHARS
        and is_titleish(line)
        and last_char(line) not in ".,;:!?…"
        and len(line.split()) <= T.HEADING_MAX_WORDS
        and any(c.isalpha() for c in line)
    )


def heading_indices(texts: Sequence[str], start: int, stop: int) -> list[int]:
    """Indices in ``[start, stop)`` of headings: each needs a block before it (header or
    body) and a longer prose block after it inside the body."""
    out = []
    for i in range(max(start, 1), stop - 1):
        line = texts[i]
        if len(line) > T.HEADING_MAX_CHARS or not is_heading_line(line):  # (most blocks are too long)
            continue
        nxt = texts[i + 1]
        if is_heading_line(nxt):
            continue
        if len(nxt) >= T.HEADING_NEXT_RATIO * len(line) or ends_sentence(nxt):
            out.append(i)
    return out


def duplicate_pairs(texts: Sequence[str], indices: Sequence[int]) -> dict[int, int]:
    """``{later index: first index}`` for repeated blocks among ``indices`` (runs of
    spaces aside; str hashes are cached, so the common no-repeat case is cheap)."""
    first: dict[str, int] = {}
    out: dict[int, int] = {}
    for i in indices:
        line = texts[i]
        if len(line) < T.DUPLICATE_MIN_CHARS:
            continue
        key = " ".join(line.split()) if "  " in line or "\t" in line or "\xa0" in line else line
        seen = first.get(key)
        if seen is None:
            first[key] = i
        else:
            out[i] = seen
    return out
