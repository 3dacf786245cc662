"""EPUB 3: a corpus to read on an e-reader, valid by W3C EPUBCheck.

The zip is written by hand with :mod:`zipfile` rather than through ebooklib, for three
reasons (docs/exporters.md says more): streaming (ebooklib builds the whole book in
memory before writing; here each chapter goes into the zip as its document arrives and
only a small per-chapter record, spooled to disk, is kept for the package document,
navigation and NCX written at the end), control (byte-identical output for the same
input and ``modified``, the OCF layout EPUBCheck wants: ``mimetype`` first, stored, no
extra field) and licence (ebooklib is AGPL; corpuskit is MIT).

Chapters are XHTML rendered from jinja2 templates (sandboxed, autoescaped, XML-safe
text) with the same view of a document as the HTML exporter.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import attrs

from corpuskit import Document, __version__
from corpuskit_exporters._view import (
    TEMPLATES,
    CorpusSummary,
    JsonSpool,
    article_view,
    check_language_tag,
    clean_text,
    template_dir_option,
    template_environment,
    toc_entry,
)

MIMETYPE = b"application/epub+zip"
_MODIFIED = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_FILE_MODE = 0o644 << 16


def default_modified() -> str:
    """Now in UTC, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (
        dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch and epoch.isdigit()
        else dt.datetime.now(dt.timezone.utc)
    )
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _zip_time(modified: str) -> tuple[int, int, int, int, int, int]:
    when = dt.datetime.strptime(modified, "%Y-%m-%dT%H:%M:%SZ")
    if when.year < 1980:  # the zip format cannot say earlier
        return (1980, 1, 1, 0, 0, 0)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)


class _Identity:
    """A stable identifier from the corpus itself: the same documents, the same book."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256(b"corpuskit-epub\0")

    def add(self, doc: Document) -> None:
        for part in (doc.id, doc.raw_text):
            data = part.encode("utf-8", "surrogatepass")
            self._hash.update(len(data).to_bytes(8, "big"))
            self._hash.update(data)

    def urn(self) -> str:
        return uuid.UUID(bytes=self._hash.digest()[:16], version=5).urn


@attrs.frozen
class EpubOptions:
    """Options of the ``epub`` format."""

    title: str = attrs.field(default="Corpus", metadata={"help": "the book title (dc:title)"})
    language: str = attrs.field(
        default="en",
        validator=check_language_tag("language"),
        metadata={"help": "the language of the text (BCP 47 tag)"},
    )
    identifier: str = attrs.field(
        default="",
        metadata={"help": "dc:identifier; empty: a urn:uuid derived from the documents' ids and text"},
    )
    modified: str = attrs.field(
        default="",
        metadata={"help": "dcterms:modified as YYYY-MM-DDThh:mm:ssZ; empty: SOURCE_DATE_EPOCH, else now"},
    )
    trailer: str = attrs.field(
        default="appendix",
        validator=attrs.validators.in_(("appendix", "omit")),
        metadata={"help": "appendix (a section after each article) or omit"},
    )
    template_dir: str = template_dir_option()

    @modified.validator
    def _check_modified(self, attribute: Any, value: str) -> None:
        if value and not _MODIFIED.fullmatch(value):
            raise ValueError(f"modified must look like 2024-05-01T12:00:00Z, not {value!r}")


class EpubExporter:
    """One XHTML chapter per article, a summary page first, nav document and NCX."""

    name: ClassVar[str] = "epub"
    suffix: ClassVar[str] = ".epub"
    media_type: ClassVar[str] = "application/epub+zip"
    description: ClassVar[str] = "EPUB 3: one chapter per article, for e-readers (EPUBCheck-valid)"
    layout: ClassVar[str] = "file"
    Options: ClassVar[type] = EpubOptions

    def __init__(self, options: EpubOptions) -> None:
        self.options = options
        self.env = template_environment(TEMPLATES / "epub", options.template_dir or None)
        self.css = self.env.get_template("style.css").render()

    def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None:
        if isinstance(destination, Path):
            with destination.open("wb") as fh:
                self._write_zip(documents, fh)
            return
        seekable = False
        with contextlib.suppress(AttributeError, OSError):
            seekable = destination.seekable()
        if seekable:
            self._write_zip(documents, destination)
            return
        # zipfile on a pipe adds data descriptors, which the OCF mimetype entry must not
        # have: build the book in a temporary file, then copy it through.
        with tempfile.TemporaryFile() as tmp:
            self._write_zip(documents, tmp)
            tmp.seek(0)
            shutil.copyfileobj(tmp, destination)

    def _write_zip(self, documents: Iterable[Document], out: BinaryIO) -> None:
        opts = self.options
        modified = opts.modified or default_modified()
        stamp = _zip_time(modified)
        page = {"lang": opts.language, "title": clean_text(opts.title), "version": __version__}
        summary = CorpusSummary()
        identity = _Identity()
        chapters = JsonSpool()
        chapter = self.env.get_template("chapter.xhtml.j2")
        first: dict[str, Any] | None = None

        def put(name: str, data: str | bytes, *, stored: bool = False) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = _FILE_MODE
            info.create_system = 3
            zf.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)

        def put_stream(name: str, chunks: Iterable[str]) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = _FILE_MODE
            info.create_system = 3
            with zf.open(info, "w") as fh:
                for chunk in chunks:
                    fh.write(chunk.encode("utf-8"))

        with zipfile.ZipFile(out, "w") as zf:
            put("mimetype", MIMETYPE, stored=True)
            put("META-INF/container.xml", self.env.get_template("container.xml").render())
            put("OEBPS/style.css", self.css)
            for number, doc in enumerate(documents, 1):
                view = article_view(doc, number)
                summary.add(doc, view)
                identity.add(doc)
                href = f"text/c{number:06d}.xhtml"
                record = toc_entry(view, href)
                record["item"] = f"c{number:06d}"
                chapters.append(record)
                first = first or record
                put(
                    f"OEBPS/{href}",
                    chapter.render(a=view, page=page, trailer=opts.trailer == "appendix"),
                )
            book = {
                **page,
                "identifier": clean_text(opts.identifier) or identity.urn(),
                "modified": modified,
                "summary": summary.view(),
                "chapters": chapters,
                "first": first,
            }
            put("OEBPS/summary.xhtml", self.env.get_template("summary.xhtml.j2").render(page=page, **book))
            put_stream("OEBPS/nav.xhtml", self.env.get_template("nav.xhtml.j2").generate(**book))
            put_stream("OEBPS/toc.ncx", self.env.get_template("toc.ncx.j2").generate(**book))
            put_stream("OEBPS/content.opf", self.env.get_template("content.opf.j2").generate(**book))
        chapters.close()

