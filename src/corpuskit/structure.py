"""Find structure in cleaned text: blocks with a region and a kind, and header metadata."""

from __future__ import annotations

import re

import attrs

from corpuskit.model import Block, DocumentWarning
from corpuskit.options import Options

__all__ = ["Structure", "analyse", "cut_blocks"]

_LINE = re.compile(r"[^\n]*\S[^\n]*")


@attrs.frozen
class Structure:
    """What the structure stage found in one document's cleaned text."""

    blocks: tuple[Block, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    dateline: str | None = None
    warnings: tuple[DocumentWarning, ...] = ()


def cut_blocks(text: str) -> list[Block]:
    """Cut text into one block per non-blank line, trimmed, all ``body``/``paragraph``."""
    blocks = []
    for m in _LINE.finditer(text):
        s, e = m.span()
        line = m.group()
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        blocks.append(Block("paragraph", "body", s + lead, e - trail, line.strip()))
    return blocks


def analyse(text: str, options: Options) -> Structure:
    """The structure of one document (identity stage: paragraphs in the body)."""
    return Structure(blocks=tuple(cut_blocks(text)))
