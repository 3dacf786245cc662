"""Labels decided over the whole sequence of blocks, not by a walk that stops at the first
clean-looking line.

Three steps, every number in ``thresholds``:

1. **Context.** Each block's own score (``features.score_block``) gets what its neighbours
   say: a run of menu lines is a navigation bar, a run of short lines a list of links, a
   short line repeated elsewhere on the page is furniture, and a block between two comment
   heads ("Yvonne sagt:", "March 3, 2018 at 5:12 pm", "Reply") is a comment body however
   much it reads like prose. Past the last head (heads above their comments) or before the
   first (heads under them, as "Posted by: NAME DATE" footers are), as many blocks as the
   comments' median length join them.
2. **Boundaries.** The header's boilerplate is the prefix, and the trailer the suffix, with
   the highest sum of (score - bias): a neutral block costs the bias, so a boundary moves
   past one only when enough junk lies beyond it, and one clean footer line or a long
   comment no longer ends the trailer. Each needs a minimum total, so a page without junk
   gets none (precision first: article text in the trailer is the worst error).
3. **Sections.** A comment or related-links heading in the second half of the text claims
   everything under it.

This is a one-boundary dynamic programme on each side (linear time), chosen over a learned
model because two public development sets are too small to fit one without fitting their
pages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

import attrs

from corpuskit.structure import thresholds as T
from corpuskit.structure.features import Score, is_list_line, is_menu_line
from corpuskit.structure.threads import personal_share, thread_start

__all__ = ["Context", "article_core", "best_prefix", "best_suffix", "context"]


@attrs.frozen
class Context:
    """Scores with the neighbours' evidence added, and which blocks are comment material."""

    values: tuple[float, ...]
    comment: frozenset[int] = frozenset()

    def upto(self, stop: int) -> Context:
        """The context of the first ``stop`` blocks (the web trailer reads above the sign-offs)."""
        if stop >= len(self.values):
            return self
        return Context(self.values[:stop], frozenset(i for i in self.comment if i < stop))


def _runs(flags: Sequence[bool], min_len: int) -> list[tuple[int, int]]:
    out = []
    i, n = 0, len(flags)
    while i < n:
        if flags[i]:
            j = i
            while j < n and flags[j]:
                j += 1
            if j - i >= min_len:
                out.append((i, j))
            i = j
        else:
            i += 1
    return out


def context(texts: Sequence[str], scores: Sequence[Score], lo: int = 0, base: Sequence[float] | None = None) -> Context:
    """Each block's score with runs, repeats and comment bodies taken into account;
    comment heads are looked for at ``lo`` and after (the body's first block). ``base``
    is a previous context's values for the same blocks (runs and repeats already in)."""
    values = list(base) if base is not None else _with_runs(texts, scores)
    comment = _comment_blocks(texts, scores, lo)
    for i in comment:
        values[i] = max(values[i], T.W_COMMENT_BODY)
    return Context(tuple(values), frozenset(comment))


def _with_runs(texts: Sequence[str], scores: Sequence[Score]) -> list[float]:
    values = [s.value for s in scores]
    # (the length tests first: most blocks of an article are too long for either shape)
    for a, b in _runs([len(t) <= T.MENU_MAX_CHARS and is_menu_line(t) for t in texts], T.MENU_RUN_MIN):
        for i in range(a, b):
            values[i] += T.W_MENU_RUN
    listy = max(T.LIST_MAX_CHARS, T.MENU_MAX_CHARS)
    for a, b in _runs([len(t) <= listy and is_list_line(t) for t in texts], T.LIST_RUN_MIN):
        for i in range(a, b):
            values[i] += T.W_LIST_RUN
    lines = [t for t in texts if len(t) <= T.REPEAT_MAX_CHARS]
    if len(set(lines)) < len(lines):  # some short line repeats
        short = Counter(lines)
        for i, t in enumerate(texts):
            if len(t) <= T.REPEAT_MAX_CHARS and short[t] > 1:
                values[i] += T.W_REPEAT
    return values


def _comment_blocks(texts: Sequence[str], scores: Sequence[Score], lo: int) -> set[int]:
    strong = [i for i in range(lo, len(texts)) if scores[i].head]
    out = _between_heads(texts, scores, lo, strong)
    start = thread_start(texts, scores, lo, strong) if lo < len(texts) else None
    if start is not None:
        out.update(range(start, len(texts)))
    return out


def _between_heads(texts: Sequence[str], scores: Sequence[Score], lo: int, strong: list[int]) -> set[int]:
    n = len(texts)
    weak = [i for i in range(lo, n) if scores[i].weak]
    heads = sorted(strong + weak) if len(weak) >= T.WEAK_HEADS_MIN else strong
    if not heads:
        return set()
    groups: list[list[int]] = []
    for i in heads:
        if groups and i == groups[-1][-1] + 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    out = set(heads)
    if len(groups) < 2:
        return out
    gaps = []
    fills: list[range] = []
    for g1, g2 in pairwise(groups):
        gap = g2[0] - g1[-1] - 1
        if gap <= T.COMMENT_GAP_MAX_BLOCKS:
            gaps.append(gap)
            fills.append(range(g1[-1] + 1, g2[0]))
    if len(fills) >= 2 and all(_reports(texts, scores, f) for f in fills):
        return out  # third-person prose under every time stamp: a live blog's entries
    for f in fills:
        out.update(f)
    if not gaps:
        return out
    typical = sorted(gaps)[(len(gaps) - 1) // 2]
    after = n - 1 - groups[-1][-1]
    roles = {scores[i].role for i in heads}
    opens = "open" in roles or (roles == {"", "close"} and scores[groups[0][0]].role == "")
    up = not opens and after < max(1, typical)
    if up:  # heads close their comments: the first body lies above
        rng = range(groups[0][0] - 1, max(lo, groups[0][0] - 1 - typical), -1)
    else:  # heads open their comments: the last body lies below
        rng = range(groups[-1][-1] + 1, min(n, groups[-1][-1] + 1 + typical))
    for i in rng:
        if len(texts[i]) > T.COMMENT_EDGE_MAX_CHARS or (up and _reads_as_article(texts[i])):
            break
        out.add(i)
    return out


def _reports(texts: Sequence[str], scores: Sequence[Score], blocks: range) -> bool:
    """Prose with no first or second person at all between two heads (or nothing but
    heads): what a live blog's entry under its time stamp reads like."""
    prose = [texts[i] for i in blocks if scores[i].value < 0]
    return personal_share(prose) == 0.0


def _reads_as_article(text: str) -> bool:
    """Long and with no first or second person: the article's last paragraph above the
    first comment, not a comment (readers write "I" and "you")."""
    return len(text) > T.LONG_BLOCK_CHARS and personal_share([text]) == 0.0


def best_suffix(values: Sequence[float], lo: int, hi: int, bias: float) -> tuple[int, float]:
    """The start ``t`` in ``(lo, hi]`` maximising sum(values[t:hi]) - bias per block, and
    that sum (``(hi, 0.0)`` when no suffix beats nothing; ties keep the shorter one)."""
    best_t, best, total = hi, 0.0, 0.0
    for t in range(hi - 1, lo, -1):
        total += values[t] - bias
        if total > best:
            best_t, best = t, total
    return best_t, best


def best_prefix(values: Sequence[float], hi: int, bias: float) -> tuple[int, float]:
    """The end ``h`` in ``[0, hi]`` maximising sum(values[:h]) - bias per block, and that sum."""
    best_h, best, total = 0, 0.0, 0.0
    for h in range(hi):
        total += values[h] - bias
        if total > best:
            best_h, best = h + 1, total
    return best_h, best


def article_core(values: Sequence[float], enough: float = T.CORE_MIN_PROSE) -> tuple[int, int]:
    """``(a, b)``: the run of blocks where the article is, by prose evidence (``-value``).

    Runs are Kadane's: a run goes on while its running sum of ``-value`` stays positive. The
    core is the best stretch of the first run whose sum reaches ``enough`` (articles come
    before their comments, and a long comment is prose too), else of the best run overall.
    Neither boundary crosses the core, so a long footer cannot outweigh the article it
    follows. ``(0, 0)`` when no block is prose.
    """
    best, best_a, best_b = 0.0, 0, 0
    total, a = 0.0, 0
    run_best, run_a, run_b = 0.0, 0, 0
    for i, v in enumerate(values):
        if total <= 0:
            if run_best >= enough:
                break  # the first run with enough prose is over
            total, a = 0.0, i
            run_best = 0.0
        total -= v
        if total > run_best:
            run_best, run_a, run_b = total, a, i + 1
            if total > best:
                best, best_a, best_b = total, a, i + 1
    if run_best >= enough:
        return run_a, run_b
    return best_a, best_b
