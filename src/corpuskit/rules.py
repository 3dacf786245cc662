"""The cleaning rule: a small named fixer that reports its changes as edits.

Cleaning is one chain of rules (encoding repair, Unicode normalisation, whitespace,
typos), run in order, each seeing the text the previous one produced. A rule never
edits text itself: it returns :class:`~corpuskit.edits.Edit` objects against the text
it was given, and the pipeline composes them onto ``raw_text``. That keeps every change
on record and lets users switch any rule off by its dotted name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from corpuskit.edits import Edit
from corpuskit.options import Options

__all__ = ["Rule"]


@attrs.frozen
class Rule:
    """A named fixer with a before/after example (shown in the docs and tested).

    ``find(text, options)`` returns sorted, non-overlapping edits against ``text``.
    ``default`` is False for opt-in rules such as ``typography.ascii``.
    """

    name: str
    find: Callable[[str, Options], Sequence[Edit]]
    summary: str
    example: tuple[str, str]
    default: bool = True
