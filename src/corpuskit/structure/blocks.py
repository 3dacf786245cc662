"""Cut cleaned text into blocks: one block per non-blank line, trimmed.

Why one line per block: the corpora this library reads use two paragraph styles, a
blank line between one-line paragraphs (seeds 000, 002) and one paragraph per line with
no blank lines (seeds 001, 003, 004), so a newline is the only boundary both share.
Hard-wrapped text (one paragraph over several lines joined without a blank line) is
rare in scraped news; it comes out as several consecutive blocks of the same kind, and
nothing is lost, since the blocks always partition the text (see ``spans``).
"""

from __future__ import annotations

__all__ = ["cut", "spans"]


def cut(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """The blocks of ``text``: their ``(start, end)`` offsets and their texts, in order.

    Every non-space character lies in exactly one span and only whitespace lies between
    spans: the partition the document model promises. ``str.strip`` drops exactly what
    ``str.isspace`` calls space (NBSP, U+2028, U+3000 included), and splitting on
    ``\\n`` alone keeps any other separator inside its line, so the two agree.
    """
    offsets: list[tuple[int, int]] = []
    texts: list[str] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + len(line) - len(line.lstrip())
            offsets.append((start, start + len(stripped)))
            texts.append(stripped)
        pos += len(line) + 1
    return offsets, texts


def spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the blocks of ``text`` (see ``cut``)."""
    return cut(text)[0]
