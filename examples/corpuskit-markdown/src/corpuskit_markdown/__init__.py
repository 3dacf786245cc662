"""A ``markdown`` exporter: the corpus as one readable Markdown file.

Each document becomes a section: a heading (its title, else its id), a metadata line
(authors, date, dateline, source), the body paragraphs, and optionally the trailer.
Document text is data, not markup: characters Markdown or HTML would interpret are
escaped, so a ``<script>`` or a ``# heading`` in an article stays text when rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, ClassVar

import attrs

from corpuskit import Document, errors

__all__ = ["MarkdownExporter", "MarkdownOptions", "escape"]

__version__ = "0.1.0"

# Inline characters with a meaning in CommonMark; backslash escapes keep them literal.
_INLINE = re.compile(r"([\\`*_\[\]{}|~!])")
# At the start of a line these begin headings, quotes, lists, rules or tables.
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+(?=[.)]))", re.MULTILINE)
# Controls have no business in a text file (NUL breaks many tools); tab and newline stay.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def escape(text: str) -> str:
    """Text that renders as itself: HTML is entity-escaped, Markdown syntax backslashed."""
    text = _CONTROLS.sub("\ufffd", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(m: re.Match[str]) -> str:
    lead, mark = m.group(1), m.group(2)
    # "1." is a list item: CommonMark escapes the punctuation, never the digits.
    return lead + (mark + "\\" if mark[0].isdigit() else "\\" + mark)


@attrs.frozen
class MarkdownOptions:
    """Options of the ``markdown`` format."""

    heading_level: int = attrs.field(
        default=1,
        validator=[attrs.validators.instance_of(int), attrs.validators.in_(range(1, 7))],
        metadata={"help": "heading level of each document's title, 1-6"},
    )
    trailer: bool = attrs.field(
        default=False,
        validator=attrs.validators.instance_of(bool),
        metadata={"help": "also write trailer blocks (comments, bios, boilerplate) after the body"},
    )


class MarkdownExporter:
    """One Markdown file; documents separated by a thematic break (``---``)."""

    name: ClassVar[str] = "markdown"
    suffix: ClassVar[str] = ".md"
    media_type: ClassVar[str] = "text/markdown"
    description: ClassVar[str] = "Markdown: one readable file, a section per document (example plugin)"
    layout: ClassVar[str] = "file"
    Options: ClassVar[type] = MarkdownOptions

    def __init__(self, options: MarkdownOptions) -> None:
        self.options = options

    def render(self, doc: Document) -> str:
        """The Markdown section of one document."""
        hashes = "#" * self.options.heading_level
        lines = [f"{hashes} {escape(doc.title or doc.id)}", ""]
        facts = []
        if doc.authors:
            facts.append("by " + ", ".join(escape(a) for a in doc.authors))
        for value in (doc.date, doc.dateline):
            if value:
                facts.append(escape(value))
        facts.append(f"`{doc.id}`" if "`" not in doc.id and "\n" not in doc.id else escape(doc.id))
        lines += ["*" + " · ".join(facts) + "*", ""]
        for block in doc.blocks_of("body"):
            lines += [escape(block.text), ""]
        if self.options.trailer:
            for block in doc.trailer:
                lines += [f"> **{escape(block.kind)}:** {escape(block.text)}", ""]
        return "\n".join(lines)

    def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
        if isinstance(destination, Path):
            raise errors.ExportError("the markdown format writes one file: pass a binary stream")
        first = True
        for doc in documents:
            section = self.render(doc) if first else "---\n\n" + self.render(doc)
            destination.write(section.encode("utf-8", "backslashreplace"))
            first = False
