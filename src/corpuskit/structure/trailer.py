"""The trailer: junk that scrapers glued after the article (comments, spam, bios, related
links, sharing and legal footers), decided over the whole sequence of blocks.

Every block has a junk score (``features.score_block``) with its neighbours' evidence added
(``labelling.context``); the trailer is the suffix whose scores, less a bias per block, sum
highest (``labelling.best_suffix``), when that sum reaches ``TRAILER_MIN_SCORE``. A comment
or related-links heading in the second half of the text claims everything under it. The
trailer never leaves the body shorter than ``MIN_BODY_CHARS`` nor takes the body's first
block: the article is never emptied, whatever the scores say.

A trailer block's kind is its own when it is junk by itself (``spam``, ``bio``, ``comment``,
``boilerplate``), ``comment`` inside a run of comments, else its section's kind.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from corpuskit.structure import thresholds as T
from corpuskit.structure.features import Score, score_block, section_kind
from corpuskit.structure.labelling import Context, article_core, best_suffix, context

__all__ = ["Score", "Trailer", "find_trailer", "score_block"]


@attrs.frozen
class Trailer:
    """``start`` is the first trailer block's index (== len(blocks) for no trailer)."""

    start: int
    kinds: tuple[str, ...] = ()


def find_trailer(
    texts: Sequence[str],
    body_start: int,
    authors: Sequence[str] = (),
    scores: Sequence[Score] | None = None,
    ctx: Context | None = None,
    after: int | None = None,
) -> Trailer:
    """Where the trailer starts among ``texts`` (the document's blocks), and its kinds.

    ``scores`` and ``ctx`` are the blocks' own and contextual scores when the caller has
    them already (``analyse`` does); they are computed here otherwise. The trailer starts
    after block ``after`` (default: the end of the body's prose, ``labelling.article_core``).
    """
    n = len(texts)
    if n - body_start < 2:
        return Trailer(n)
    if scores is None:
        scores = [score_block(t, authors) for t in texts]
    if ctx is None:
        ctx = context(texts, scores, body_start)
    values = ctx.values
    if after is None:
        after = body_start + article_core(values[body_start:])[1] - 1
    after = max(body_start, after)
    # A section heading late in the document claims everything below it.
    stop = n
    floor = (1 - T.TRAILER_MARKER_MAX_SHARE) * sum(map(len, texts))
    seen = 0
    for i, line in enumerate(texts):
        if i > body_start and seen >= floor and scores[i].value >= T.W_MARKER and section_kind(line) is not None:
            stop = i
            break
        seen += len(line)
    start, total = best_suffix(values, min(after, stop - 1), stop, T.TRAILER_BIAS)
    if stop == n and total < T.TRAILER_MIN_SCORE:
        start = n
    # Never empty the article: give blocks back until the body is long enough.
    body_chars = sum(map(len, texts[body_start:start]))
    while start < n and body_chars < T.MIN_BODY_CHARS:
        body_chars += len(texts[start])
        start += 1
    return Trailer(start, tuple(_kinds(texts, scores, ctx, start)))


def _kinds(texts: Sequence[str], scores: Sequence[Score], ctx: Context, start: int) -> list[str]:
    kinds = []
    section = "boilerplate"
    for i in range(start, len(texts)):
        s = scores[i]
        heading = section_kind(texts[i]) if s.value >= T.W_MARKER else None
        if heading is not None:
            section = heading
            kinds.append("boilerplate")
        elif s.kind == "spam" and s.value >= T.JUNK_THRESHOLD:
            kinds.append("spam")
        elif i in ctx.comment:
            kinds.append("comment")
        elif s.value >= T.JUNK_THRESHOLD:
            kinds.append(s.kind)
        else:
            kinds.append(section)
    return kinds
