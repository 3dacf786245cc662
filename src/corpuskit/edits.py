"""Edits: every cleaning change as a replacement of a span of ``raw_text``.

Cleaning runs as a chain of rules, each seeing the output of the one before. A rule
reports its changes in the coordinates of the text it was given; :func:`compose` maps
them back onto the original text, so the document keeps one flat, sorted,
non-overlapping list of edits against ``raw_text`` however many rules ran. When a later
rule changes text that an earlier rule produced (ftfy turns ``Â\\xa0`` into a
no-break space, which ``unicode.nbsp`` then turns into a space), the two are merged
into one edit that keeps the earlier rule's name: that rule is where the span first
changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

__all__ = ["Edit", "apply_edits", "compose", "rule_matches", "select_edits"]


@attrs.frozen
class Edit:
    """Replace ``raw_text[start:end]`` (which is ``before``) with ``after``."""

    rule: str
    start: int
    end: int
    before: str
    after: str

    @property
    def delta(self) -> int:
        return len(self.after) - (self.end - self.start)


def rule_matches(rule: str, patterns: Iterable[str]) -> bool:
    """True when ``rule`` is named by one of ``patterns``, exactly or by dotted prefix.

    ``typo`` names ``typo.known`` and ``typo.frequency``; ``typo.known`` names only itself.
    """
    return any(rule == p or rule.startswith(p + ".") for p in patterns)


def select_edits(
    edits: Iterable[Edit],
    *,
    only: Iterable[str] | None = None,
    without: Iterable[str] | None = None,
) -> list[Edit]:
    only_list = None if only is None else list(only)
    without_list = [] if without is None else list(without)
    return [
        e
        for e in edits
        if (only_list is None or rule_matches(e.rule, only_list))
        and not rule_matches(e.rule, without_list)
    ]


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply sorted, non-overlapping edits to ``text`` in one pass."""
    parts: list[str] = []
    pos = 0
    for e in edits:
        if e.start < pos:
            raise ValueError(f"edits overlap or are out of order at offset {e.start}")
        parts.append(text[pos : e.start])
        parts.append(e.after)
        pos = e.end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def compose(raw: str, base: Sequence[Edit], new: Sequence[Edit], intermediate: str) -> list[Edit]:
    """Combine ``base`` (against ``raw``) with ``new`` (against ``intermediate``).

    ``intermediate`` is ``apply_edits(raw, base)``, the text the later rule saw. The
    result is one sorted, non-overlapping list against ``raw`` whose application gives
    ``apply_edits(intermediate, new)``. Edits are swept in order of their span in the
    intermediate text; those that touch are merged into one (see the module docstring).
    """
    if not new:
        return list(base)
    if not base:
        return list(new)
    items: list[tuple[int, int, int, Edit]] = []  # (start, end, 0 = base / 1 = new, edit)
    shift = 0
    for b in base:
        s = b.start + shift
        items.append((s, s + len(b.after), 0, b))
        shift += b.delta
    items.extend((n.start, n.end, 1, n) for n in new)
    items.sort(key=lambda it: (it[0], it[1], it[2]))

    out: list[Edit] = []
    shift = 0  # intermediate offset minus raw offset, up to the current position
    i = 0
    while i < len(items):
        cs, ce, kind, edit = items[i]
        cluster = [items[i]]
        i += 1
        while i < len(items) and _touches(items[i][0], items[i][1], cs, ce):
            cluster.append(items[i])
            ce = max(ce, items[i][1])
            i += 1
        raw_s = cs - shift
        for _, _, k, e in cluster:
            if k == 0:
                shift += e.delta
        raw_e = ce - shift
        if len(cluster) == 1:
            if kind == 0:
                out.append(edit)
            else:
                out.append(Edit(edit.rule, raw_s, raw_e, raw[raw_s:raw_e], edit.after))
            continue
        news = [Edit(e.rule, s - cs, t - cs, e.before, e.after) for s, t, k, e in cluster if k == 1]
        rule = next(e.rule for _, _, k, e in cluster if k == 0)
        after = apply_edits(intermediate[cs:ce], news)
        out.append(Edit(rule, raw_s, raw_e, raw[raw_s:raw_e], after))
    return out


def _touches(a0: int, a1: int, b0: int, b1: int) -> bool:
    """Whether two spans overlap, counting an empty span strictly inside the other."""
    if a0 < b1 and b0 < a1:
        return True
    if a0 == a1:
        return b0 < a0 < b1
    if b0 == b1:
        return a0 < b0 < a1
    return False
