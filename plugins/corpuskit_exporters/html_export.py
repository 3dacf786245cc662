"""HTML: a self-contained, accessible reading copy of a corpus, safe against its spam.

The page is rendered from jinja2 templates in a sandboxed environment with autoescape
on, so text from the open web (``<script>``, ``javascript:`` links, ``onerror=``) can only
ever appear as text. A strict Content-Security-Policy (no source allowed but the page's
own stylesheet, pinned by its hash) is a second fence should a user template forget to
escape.

The corpus is read once and memory stays flat although the summary and the table of
contents come first on the page: articles and TOC entries are spooled to temporary
files as documents arrive, and the page is assembled at the end (head, summary, TOC,
then the spooled articles copied through). The view model built here (titles,
headings, trailer, edits mapped onto the cleaned text) is shared with the EPUB
exporter so both formats show a document the same way.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import attrs
from markupsafe import Markup

from corpuskit import Document, __version__
from corpuskit.csp import inline_css, strict_policy
from corpuskit.exporters import Layout
from corpuskit_exporters._view import (
    TEMPLATES,
    CorpusSummary,
    JsonSpool,
    article_view,
    check_language_tag,
    clean_text,
    safe_file_stem,
    template_dir_option,
    template_environment,
    toc_entry,
    unique_path,
)


def _write_stream(chunks: Iterable[str], out: BinaryIO) -> None:
    buf: list[str] = []
    size = 0
    for chunk in chunks:
        buf.append(chunk)
        size += len(chunk)
        if size > 1 << 16:
            out.write("".join(buf).encode("utf-8"))
            buf, size = [], 0
    out.write("".join(buf).encode("utf-8"))


def _spooled_markup(spool: BinaryIO) -> Iterator[Markup]:
    """The spooled articles, already rendered and escaped, in chunks."""
    spool.flush()
    spool.seek(0)
    while chunk := spool.read(1 << 16):
        # cut on a line end so a UTF-8 sequence is never split
        tail = spool.readline()
        yield Markup((chunk + tail).decode("utf-8"))


# -- the exporter ---------------------------------------------------------------------------


def _one_of(*values: str) -> Any:
    return attrs.validators.in_(values)


@attrs.frozen
class HtmlOptions:
    """Options of the ``html`` format."""

    title: str = attrs.field(default="Corpus", metadata={"help": "the page title"})
    lang: str = attrs.field(
        default="en", validator=check_language_tag("lang"), metadata={"help": "the language of the text (BCP 47 tag)"}
    )
    layout: str = attrs.field(
        default="single",
        validator=_one_of("single", "per-document"),
        metadata={"help": "single (one file) or per-document (a directory: one page each plus index.html)"},
    )
    highlight_edits: bool = attrs.field(
        default=False, metadata={"help": "mark every cleaning change; hover or focus shows the text before"}
    )
    links: str = attrs.field(
        default="text",
        validator=_one_of("text", "nofollow"),
        metadata={"help": "URLs in article text as plain text, or as rel=nofollow links (never in the trailer)"},
    )
    template_dir: str = template_dir_option()


class HtmlExporter:
    """A reading copy: summary, contents, each article with its trailer folded away."""

    name: ClassVar[str] = "html"
    suffix: ClassVar[str] = ".html"
    media_type: ClassVar[str] = "text/html"
    description: ClassVar[str] = "HTML: a self-contained, accessible reading copy (or one page per document)"
    layout: Layout = "file"
    Options: ClassVar[type] = HtmlOptions

    def __init__(self, options: HtmlOptions) -> None:
        self.options = options
        # layout=per-document turns this instance into a directory writer
        self.layout = "directory" if options.layout == "per-document" else "file"
        self.env = template_environment(TEMPLATES / "html", options.template_dir or None)
        self.css = inline_css(self.env.get_template("style.css").render(), "style.css")
        self.page = {
            "title": clean_text(options.title),
            "lang": options.lang,
            "css": Markup(self.css),
            "csp": strict_policy(self.css),
            "version": __version__,
            "highlight_edits": options.highlight_edits,
        }

    def _view(self, doc: Document, number: int) -> dict[str, Any]:
        return article_view(
            doc, number, highlight_edits=self.options.highlight_edits, links=self.options.links == "nofollow"
        )

    def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
        if self.options.layout == "per-document":
            if not isinstance(destination, Path):
                raise ValueError("layout=per-document writes a directory; give an output path")
            self._write_directory(documents, destination)
            return
        if isinstance(destination, Path):
            with destination.open("wb") as fh:
                self._write_single(documents, fh)
            return
        self._write_single(documents, destination)

    def _write_single(self, documents: Iterable[Document], out: BinaryIO) -> None:
        summary = CorpusSummary()
        toc = JsonSpool()
        article = self.env.get_template("article.html.j2")
        with tempfile.TemporaryFile("w+b") as spool:
            for number, doc in enumerate(documents, 1):
                view = self._view(doc, number)
                summary.add(doc, view)
                toc.append(toc_entry(view, f"#{view['anchor']}"))
                spool.write(article.render(a=view, level=2, page=self.page, single=True).encode("utf-8"))
            page = self.env.get_template("corpus.html.j2")
            _write_stream(
                page.generate(page=self.page, summary=summary.view(), toc=toc, articles=_spooled_markup(spool)),
                out,
            )
        toc.close()

    def _write_directory(self, documents: Iterable[Document], directory: Path) -> None:
        summary = CorpusSummary()
        toc = JsonSpool()
        page = self.env.get_template("document.html.j2")
        for number, doc in enumerate(documents, 1):
            view = self._view(doc, number)
            summary.add(doc, view)
            path = unique_path(directory, safe_file_stem(doc.id), ".html")
            toc.append(toc_entry(view, path.name))
            with path.open("wb") as fh:
                _write_stream(page.generate(a=view, level=1, page=self.page, single=False), fh)
        index = self.env.get_template("index.html.j2")
        with (directory / "index.html").open("wb") as fh:
            _write_stream(index.generate(page=self.page, summary=summary.view(), toc=toc), fh)
        toc.close()
