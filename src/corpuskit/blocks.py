"""Cut cleaned text into blocks: one block per non-blank line, trimmed.

Why one line per block: the corpora this library reads use two paragraph styles, a
blank line between one-line paragraphs (seeds 000, 002) and one paragraph per line with
no blank lines (seeds 001, 003, 004), so a newline is the only boundary both share.
Hard-wrapped text (one paragraph over several lines joined without a blank line) is
rare in scraped news; it comes out as several consecutive blocks of the same kind, and
nothing is lost, since the blocks always partition the text (see ``spans``).
"""

from __future__ import annotations

import re

__all__ = ["spans"]

# A run that starts and ends with a non-space character and holds no newline. Python's
# ``\S`` is Unicode-aware, so NBSP, U+2028 and friends count as space, as ``str.isspace``
# does: every character outside the spans is whitespace.
_BLOCK = re.compile(r"\S(?:[^\n]*\S)?")


def spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the blocks of ``text``, in order, never overlapping.

    Every non-space character lies in exactly one span and only whitespace lies between
    spans: the partition the document model promises.
    """
    return [m.span() for m in _BLOCK.finditer(text)]
