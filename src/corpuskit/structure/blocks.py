"""Cut cleaned text into blocks: one block per line, or per hard-wrapped paragraph.

Why a line is the default block: the corpora this library reads use two paragraph styles
that share nothing but the newline, a blank line between one-line paragraphs (seeds 000,
002) and one paragraph per line with no blank lines (seeds 001, 003, 004). A missing
blank line therefore says nothing about wrapping.

Hard-wrapped text (Usenet, e-mail, Reuters, Project Gutenberg) is recognised by its
*shape* instead: its lines cluster under one width ``W`` (40 to 100 columns) with a
ragged right edge, and a line that is "full" (the next line's first word would not have
fit within ``W``) ends in the middle of a sentence far more often than not. A document
passes that test as a whole (``wrap_width``), then two adjacent lines are joined into one
block only when the first is full, neither is a rule or art line, both carry the same
quoting prefix (``>``), and the second is neither indented deeper (a Reuters paragraph,
a verse) nor a list item. One-paragraph-per-line text never passes: its lines are far
wider than 100 columns or end in a full stop.

A joined block's ``text`` is the exact slice of the cleaned text, newlines included, so
offsets and the partition stay exact; ``unwrap`` gives the one-line view that
``Document.text`` shows and the structure readers classify.
"""

from __future__ import annotations

import re
from itertools import accumulate, pairwise

from corpuskit.model import unwrap
from corpuskit.structure import thresholds as T
from corpuskit.structure.signoff import WIRE_SIGNOFF

__all__ = ["cut", "spans", "unwrap", "wrap_width"]

_QUOTE = re.compile(r"(?:[ \t]*[>|])+")
# A list item or a numbered entry (a table of contents: "VI.  Who guarded his House").
_BULLET = re.compile(r"(?:[-*•+‣◦]|(?:\d{1,3}|[IVXLC]{1,7}|[ivxlc]{1,7}|[A-Za-z])[.)]|\([A-Za-z0-9]{1,3}\))\s")
_TAG_START = re.compile(r"<[/!?]?[A-Za-z][^<>]*>")
_TAG_END = re.compile(r"<[/!?]?[A-Za-z][^<>]*>$")
_SENTENCE_END = re.compile(r"[.!?:][\"'”’)\]]*$")


class _Line:
    """One non-blank line: where its stripped text lies and the shape measures joining needs."""

    __slots__ = ("end", "first_word", "indent", "lead", "number", "prefix", "start", "width", "wordy")

    def __init__(self, number: int, pos: int, line: str) -> None:
        stripped = line.strip()
        self.number = number
        self.start = pos + len(line) - len(line.lstrip())
        self.end = self.start + len(stripped)
        expanded = line.rstrip().expandtabs(8)
        self.width = len(expanded)
        self.indent = len(expanded) - len(expanded.lstrip())
        m = _QUOTE.match(stripped) if stripped[0] in ">|" else None  # the only way it starts
        self.prefix = m.group(0).replace(" ", "").replace("\t", "") if m else ""
        rest = stripped[m.end() :].lstrip() if m else stripped
        self.lead = len(stripped) - len(rest)
        self.first_word = len(rest.split(None, 1)[0]) if rest else 0
        self.wordy = any(c.isalnum() for c in rest)


def _raw_lines(text: str, start: int, stop: int) -> list[tuple[int, int, str]]:
    """``(number, offset, line)`` of each non-blank line of ``text[start:stop]``."""
    lines = text[start:stop].split("\n")
    # line k starts after the k lines above it and their k newlines
    ends = list(accumulate(map(len, lines), initial=start))
    return [(k, ends[k] + k, line) for k, line in enumerate(lines) if line and not line.isspace()]


def _lines(text: str, start: int, stop: int) -> list[_Line]:
    return [_Line(*x) for x in _raw_lines(text, start, stop)]


def _could_wrap(raw: list[tuple[int, int, str]]) -> bool:
    """False when the lines' widths alone rule wrapping out (``_width``'s first tests, without
    measuring each line's shape: most documents are one paragraph per line, far too wide)."""
    if len(raw) < T.WRAP_MIN_LINES:
        return False
    widths = sorted(len(line.rstrip().expandtabs(8)) if "\t" in line else len(line.rstrip()) for _, _, line in raw)
    width = widths[-1 - max(1, int(len(widths) * T.WRAP_OUTLIER_SHARE))]
    return T.WRAP_MIN_WIDTH <= width <= T.WRAP_MAX_WIDTH


def _runs(lines: list[_Line]) -> list[list[_Line]]:
    """Maximal runs of adjacent lines that could be one paragraph: no blank line, no rule
    or art line, and one quoting prefix between them."""
    runs: list[list[_Line]] = []
    for line in lines:
        if runs and _adjacent(runs[-1][-1], line):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _adjacent(line: _Line, nxt: _Line) -> bool:
    return nxt.number == line.number + 1 and line.prefix == nxt.prefix and line.wordy and nxt.wordy


def _full_pairs(run: list[_Line], width: int) -> list[bool]:
    """For each line of ``run`` but the last: whether it ended because the next line's first
    word would not have fit. The width is the document's, or the run's own when a little
    narrower (a reply wrapped at 70 under a quote wrapped at 78); a run much narrower than
    the document (verse, an address) is measured against the document's width."""
    widest = max(x.width for x in run)
    local = widest if T.WRAP_LOCAL_MIN_SHARE * width <= widest <= width else width
    return [a.width + 1 + b.first_word > local - T.WRAP_SLACK for a, b in pairwise(run)]


def wrap_width(text: str, start: int = 0, stop: int | None = None) -> int | None:
    """The column width ``text[start:stop]`` is hard-wrapped at, or ``None`` when it is not.

    ``W`` is the widest line once the widest ``WRAP_OUTLIER_SHARE`` (at least one) is set
    aside (a long URL or header line); the text is wrapped when ``W`` lies within
    ``WRAP_MIN_WIDTH``..``WRAP_MAX_WIDTH``, at least ``WRAP_MIN_FULL`` adjacent line pairs
    are full, and at most ``WRAP_MAX_SENTENCE_END`` of those full lines end a sentence.
    """
    return _width(text, _lines(text, start, len(text) if stop is None else stop))


def _width(text: str, lines: list[_Line]) -> int | None:
    if len(lines) < T.WRAP_MIN_LINES:
        return None
    widths = sorted(x.width for x in lines)
    outliers = max(1, int(len(widths) * T.WRAP_OUTLIER_SHARE))
    width = widths[-1 - outliers]
    if not T.WRAP_MIN_WIDTH <= width <= T.WRAP_MAX_WIDTH:
        return None
    full = [a for run in _runs(lines) for a, f in zip(run, _full_pairs(run, width), strict=False) if f]
    if len(full) < T.WRAP_MIN_FULL:
        return None
    ending = sum(1 for a in full if _SENTENCE_END.search(text[a.start : a.end]))
    if ending > T.WRAP_MAX_SENTENCE_END * len(full):
        return None
    return width


def cut(text: str, start: int = 0, stop: int | None = None) -> tuple[list[tuple[int, int]], list[str]]:
    """The blocks of ``text[start:stop]``: their ``(start, end)`` offsets in ``text`` and their views.

    Every non-space character of the range lies in exactly one span and only whitespace
    lies between spans: the partition the document model promises. ``str.strip`` drops
    exactly what ``str.isspace`` calls space (NBSP, U+2028, U+3000 included), and
    splitting on ``\\n`` alone keeps any other separator inside its line, so the two
    agree. A block's own text is ``text[s:e]``; the returned view is ``unwrap`` of it
    (the same string for a one-line block), which is what the readers classify.
    """
    raw = _raw_lines(text, start, len(text) if stop is None else stop)
    if not _could_wrap(raw):  # one block per line: no line shapes needed
        views = [line.strip() for _, _, line in raw]
        starts = [pos + len(line) - len(line.lstrip()) for _, pos, line in raw]
        return [(s, s + len(v)) for s, v in zip(starts, views, strict=True)], views
    lines = [_Line(*x) for x in raw]
    width = _width(text, lines)
    offsets: list[tuple[int, int]] = []
    for run in _runs(lines):
        full = _full_pairs(run, width) if width is not None else [False] * (len(run) - 1)
        offsets.append((run[0].start, run[0].end))
        for k in range(1, len(run)):
            if full[k - 1] and _continues(run[k - 1], run[k], text):
                offsets[-1] = (offsets[-1][0], run[k].end)
            else:
                offsets.append((run[k].start, run[k].end))
    return offsets, [unwrap(text[s:e]) for s, e in offsets]


def _continues(line: _Line, nxt: _Line, text: str) -> bool:
    """A full line goes on in ``nxt`` unless ``nxt`` is indented deeper, a list item, a
    wire sign-off ("Reuter" under a story's last line, which it would have fitted on) or
    markup (SGML/XML: ``line`` ends in a tag or ``nxt`` starts with one)."""
    return (
        nxt.indent <= line.indent
        and not _TAG_END.search(text, line.start, line.end)
        and not _TAG_START.match(text, nxt.start, nxt.end)
        and not _BULLET.match(text, nxt.start + nxt.lead, nxt.end)
        and not WIRE_SIGNOFF.match(text, nxt.start, nxt.end)
    )


def spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the blocks of ``text`` (see ``cut``)."""
    return cut(text)[0]
