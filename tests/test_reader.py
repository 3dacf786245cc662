"""corpuskit.read on real and hostile inputs: exact text, warnings, nothing lost."""

from __future__ import annotations

import bz2
import gzip
import html
import io
import lzma
import os
import random
import re
import tarfile
import zipfile
from pathlib import Path

import pytest

import corpuskit
from corpuskit.errors import InputError, ReadErrors


def _banner(docs: list[tuple[str, bytes]]) -> bytes:
    return b"".join(b"=== " + n.encode() + b" ===\n" + c + b"\n" for n, c in docs)


def test_sample_corpus_reads_to_the_seeds_exactly(sample_path: Path, seeds: dict[str, bytes]) -> None:
    docs = list(corpuskit.read(sample_path))
    assert [d.name for d in docs] == sorted(seeds)
    for d in docs:
        assert d.raw_text.encode("utf-8") == seeds[d.name]
        assert d.source.encoding == "utf-8"
        assert d.source.confidence == 1.0
        assert d.role == "document"
        assert d.source.dialect == "banner"
    first = docs[0]
    assert (first.id, first.index, first.key) == ("000_cd0ba43665274ae9", 0, "cd0ba43665274ae9")
    # offsets point at the exact bytes in the file
    data = sample_path.read_bytes()
    for d in docs:
        assert data[d.source.offset : d.source.offset + d.source.length] == seeds[d.name]


def test_one_file_mixing_utf8_cp1252_and_latin1_documents(tmp_path: Path) -> None:
    texts = {
        "utf8.txt": ("Café “quoted” — naïve Zürich ça va, déjà vu, coöperation", "utf-8"),
        "cp1252.txt": ("The caliphate’s “virtual” reach – and €5 bribes… were reported in Périer’s piece. " * 3,
                       "cp1252"),
        "latin1.txt": ("Señor Muñoz visitó la región de Aragón y habló con el alcalde sobre la situación. " * 3,
                       "latin-1"),
    }
    path = tmp_path / "mixed.txt"
    path.write_bytes(_banner([(n, t.encode(enc)) for n, (t, enc) in texts.items()]))
    docs = {d.name: d for d in corpuskit.read(path)}
    for name, (text, _) in texts.items():
        assert docs[name].raw_text == text, name
    assert docs["utf8.txt"].source.encoding == "utf-8"
    assert docs["cp1252.txt"].source.encoding == "windows-1252"


def test_empty_document_and_duplicate_name_are_reported_and_yielded(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes(_banner([("a.txt", b"A"), ("empty.txt", b""), ("a.txt", b"again")]))
    docs = list(corpuskit.read(path))
    assert [d.id for d in docs] == ["a", "empty", "a~2"]
    assert [w.code for w in docs[1].warnings] == ["record.empty"]
    assert [w.code for w in docs[2].warnings] == ["record.duplicate_name"]
    assert docs[2].raw_text == "again"


def test_preamble_becomes_a_preamble_document(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(b"scraped 2021-03-01\n" + _banner([("a.txt", b"A"), ("b.txt", b"B")]))
    docs = list(corpuskit.read(path))
    assert [(d.role, d.id) for d in docs] == [("preamble", "dump.preamble"), ("document", "a"), ("document", "b")]
    assert docs[0].raw_text == "scraped 2021-03-01\n"


def test_blank_lines_before_the_first_delimiter_are_no_document(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(b"\n \n" + _banner([("a.txt", b"A")]))
    assert [d.id for d in corpuskit.read(path)] == ["a"]


def test_doctag_attributes_become_metadata(tmp_path: Path) -> None:
    path = tmp_path / "wiki.txt"
    path.write_bytes(b'<doc id="12" url="https://en.wikipedia.org/wiki?curid=12" title="Anarchism">\n'
                     b"Anarchism\n\nAnarchism is a political philosophy.\n</doc>\n")
    (doc,) = corpuskit.read(path)
    assert doc.id == "12"
    assert dict(doc.metadata) == {"id": "12", "url": "https://en.wikipedia.org/wiki?curid=12", "title": "Anarchism"}
    assert doc.raw_text == "Anarchism\n\nAnarchism is a political philosophy."


@pytest.mark.parametrize("dialect,header", [("head", "==> {} <=="), ("dashes", "----- {} -----")])
def test_other_dialects_are_detected(tmp_path: Path, dialect: str, header: str) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes(b"".join(header.format(n).encode() + b"\n" + b"text of " + n.encode() + b"\n"
                              for n in ("x.txt", "y.txt")))
    assert [d.raw_text for d in corpuskit.read(path)] == ["text of x.txt", "text of y.txt"]


def test_formfeed_names_come_from_the_file_and_index(tmp_path: Path) -> None:
    path = tmp_path / "pages.txt"
    path.write_bytes(b"one\f\ntwo\f\nthree")
    docs = list(corpuskit.read(path))
    assert [(d.id, d.raw_text) for d in docs] == [
        ("pages-000000", "one"), ("pages-000001", "two"), ("pages-000002", "three")]
    assert {d.source.dialect for d in docs} == {"formfeed"}


def test_custom_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes(b"#### ARTICLE a1 ####\nfirst\n#### ARTICLE a2 ####\nsecond\n")
    docs = list(corpuskit.read(path, delimiter=r"#### ARTICLE (?P<name>\w+) ####"))
    assert [(d.id, d.raw_text) for d in docs] == [("a1", "first"), ("a2", "second")]


def _corpus() -> bytes:
    return _banner([("a.txt", b"Alpha text."), ("b.txt", b"Beta text.")])


def test_compression_is_found_by_magic_bytes_not_suffix(tmp_path: Path) -> None:
    for name, data in {
        "g.txt": gzip.compress(_corpus()),
        "b.data": bz2.compress(_corpus()),
        "x": lzma.compress(_corpus()),
    }.items():
        (tmp_path / name).write_bytes(data)
        assert [d.raw_text for d in corpuskit.read(tmp_path / name)] == ["Alpha text.", "Beta text."], name


def test_directories_zip_and_tar_archives(tmp_path: Path) -> None:
    src = tmp_path / "dir"
    (src / "sub").mkdir(parents=True)
    (src / "b.txt").write_bytes(b"B")
    (src / "a.txt").write_bytes(b"A")
    (src / "sub" / "c.txt.gz").write_bytes(gzip.compress(b"C"))
    assert [(d.name, d.raw_text) for d in corpuskit.read(src)] == [("a.txt", "A"), ("b.txt", "B"), ("c.txt", "C")]

    zpath = tmp_path / "docs.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr("dump/a.txt", "A")
        zf.writestr("dump/corpus.txt", _corpus())
    docs = list(corpuskit.read(zpath))
    assert [(d.name, d.raw_text) for d in docs] == [("a.txt", "A"), ("a.txt", "Alpha text."), ("b.txt", "Beta text.")]
    assert docs[0].source.path == f"{zpath}!dump/a.txt"

    tpath = tmp_path / "docs.tgz"
    with tarfile.open(tpath, "w:gz") as tf:
        data = _corpus()
        info = tarfile.TarInfo("corpus.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    assert [d.raw_text for d in corpuskit.read(tpath)] == ["Alpha text.", "Beta text."]


def test_archive_members_that_escape_are_skipped_with_an_error(tmp_path: Path) -> None:
    zpath = tmp_path / "evil.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr("../../etc/passwd", "root")
        zf.writestr("ok.txt", "fine")
    errors: list[Exception] = []
    docs = list(corpuskit.read(zpath, on_error=errors.append))
    assert [d.raw_text for d in docs] == ["fine"]
    assert len(errors) == 1 and "escapes the archive" in str(errors[0])


def test_bad_inputs_are_reported_and_the_good_ones_still_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(_corpus())
    trunc = tmp_path / "trunc.txt.gz"
    noise = [random.Random(i).randbytes(3000).hex().encode() for i in range(20)]
    trunc.write_bytes(gzip.compress(_banner([(f"{i}.txt", n) for i, n in enumerate(noise)]))[:20000])
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    with pytest.raises(ReadErrors) as info:
        docs = []
        for d in corpuskit.read(missing, trunc, binary, good):
            docs.append(d)
    assert [d.raw_text for d in docs][-2:] == ["Alpha text.", "Beta text."]
    messages = [str(e) for e in info.value.errors]
    assert all(isinstance(e, InputError) for e in info.value.errors)
    assert messages[0] == f"{missing}: no such file or directory"
    assert messages[1].startswith(f"{trunc}: offset ") and "truncated" in messages[1]
    assert messages[2] == f"{binary}: offset 0: not a text corpus: looks like a PNG image"
    # what arrived before the truncation is kept, its last record flagged
    partial = [d for d in docs if d.source.path == str(trunc)]
    assert len(partial) > 1 and [w.code for w in partial[-1].warnings] == ["record.truncated"]
    assert all(not d.warnings for d in partial[:-1])


def test_undecodable_bytes_are_replaced_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes(_banner([("a.txt", b"caf\xc3\xa9 ok")]))
    (doc,) = corpuskit.read(path, encoding="ascii")
    assert doc.raw_text == "caf\ufffd\ufffd ok"
    (w,) = doc.warnings
    assert w.code == "decode.replacement" and w.offset == doc.source.offset + 3


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    fake = io.TextIOWrapper(io.BytesIO(gzip.compress(_corpus())))
    monkeypatch.setattr(sys, "stdin", fake)
    docs = list(corpuskit.read("-"))
    assert [(d.source.path, d.raw_text) for d in docs] == [("<stdin>", "Alpha text."), ("<stdin>", "Beta text.")]


def test_unknown_option_is_an_error_listing_valid_ones() -> None:
    with pytest.raises(corpuskit.errors.OptionError, match=r"valid options: .*dialect"):
        list(corpuskit.read("x", dialekt="banner"))


def test_decompression_bomb_is_stopped_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"=== a.txt ===\n" + b"a" * (20 << 20)))
    errors: list[Exception] = []
    docs = list(corpuskit.read(path, on_error=errors.append, max_ratio=50))
    assert len(errors) == 1 and "max_ratio" in str(errors[0]) and str(errors[0]).startswith(f"{path}: offset ")
    assert docs[-1].warnings[-1].code == "record.truncated"
    assert len(docs[-1].raw_text) < (20 << 20)


def test_zip_member_declaring_a_huge_expansion_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.txt", b"a" * (20 << 20))
        zf.writestr("ok.txt", b"fine")
    errors: list[Exception] = []
    docs = list(corpuskit.read(path, on_error=errors.append, max_ratio=50))
    assert [d.raw_text for d in docs] == ["fine"]
    assert len(errors) == 1 and "big.txt" in str(errors[0]) and "decompression bomb" in str(errors[0])


def test_oversized_document_is_reported_not_processed(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes(_banner([("big.txt", b"x" * 5000), ("small.txt", b"ok")]))
    big, small = corpuskit.read(path, max_document_bytes=1000)
    assert big.raw_text == "" and big.source.length == 5000
    assert [w.code for w in big.warnings] == ["record.too_large"]
    assert small.raw_text == "ok"


def test_a_prepared_options_object_and_fields_combine(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes(_banner([("a.txt", b"A"), ("b.txt", b"B")]))
    prepared = corpuskit.Options(dialect="plain")
    assert [d.name for d in corpuskit.read(path, options=prepared)] == ["c.txt"]
    assert [d.name for d in corpuskit.read(path, options=prepared, dialect="banner")] == ["a.txt", "b.txt"]
    with pytest.raises(corpuskit.errors.OptionError):
        list(corpuskit.read(path, options=prepared, dialekt="banner"))


def test_absolute_archive_members_are_skipped(tmp_path: Path) -> None:
    tpath = tmp_path / "evil.tar"
    with tarfile.open(tpath, "w") as tf:
        for name, data in (("/etc/passwd", b"root"), ("ok.txt", b"fine")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    errors: list[Exception] = []
    assert [d.raw_text for d in corpuskit.read(tpath, on_error=errors.append)] == ["fine"]
    assert [str(e) for e in errors] == [f"{tpath}!/etc/passwd: archive member escapes the archive; skipped"]


def test_a_doctag_title_attribute_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "wiki_00"
    path.write_bytes(b'<doc id="1" url="?curid=1" title="A. G. Spalding &amp; Bros.">\nA. G. Spalding &amp; Bros.\n\n'
                     b'A. G. Spalding &amp; Bros. is a sporting goods company.\n</doc>\n'
                     b'<doc id="2" url="?curid=2" title="Jarred Shaw">\nJarred Shaw\n\n'
                     b"Jarred Shaw (born September 28, 1990) is an American basketball player.\n</doc>\n"
                     b'<doc id="3" url="?curid=3">\nNo attribute\n\nA line of text about it.\n</doc>\n')
    docs = list(corpuskit.read(path))
    assert [d.title for d in docs][:2] == ["A. G. Spalding & Bros.", "Jarred Shaw"]
    assert docs[0].metadata["title"] == "A. G. Spalding &amp; Bros."  # the raw attribute is kept
    assert docs[2].title != ""


WIKIEXTRACTOR_DIR = os.environ.get("CORPUSKIT_WIKIEXTRACTOR_DIR")


@pytest.mark.skipif(not WIKIEXTRACTOR_DIR, reason="set CORPUSKIT_WIKIEXTRACTOR_DIR to WikiExtractor output files")
def test_every_wikiextractor_document_is_titled_from_its_attribute() -> None:
    assert WIKIEXTRACTOR_DIR is not None
    docs = [d for d in corpuskit.read(WIKIEXTRACTOR_DIR, disable=["typo"]) if d.role == "document"]
    assert docs and all(d.title and d.title == " ".join(html.unescape(d.metadata["title"]).split()) for d in docs)


def _documented_reuters_delimiter() -> str:
    page = (Path(__file__).resolve().parent.parent / "docs" / "format.md").read_text(encoding="utf-8")
    m = re.search(r"--delimiter '([^']+)'", page.split("### Reuters-21578", 1)[1])
    assert m is not None
    return m.group(1)


def test_the_documented_reuters_delimiter_reads_sgml_stories(tmp_path: Path) -> None:
    sgm = tmp_path / "reut2-000.sgm"
    story = ('<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="{old}" NEWID="{new}">\n'
             "<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>&#2;\n<TITLE>COCOA REVIEW</TITLE>\n"
             "<BODY>Showers continued throughout the week.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n")
    sgm.write_text('<!DOCTYPE lewis SYSTEM "lewis.dtd">\n'
                   + "".join(story.format(old=5544 + i, new=i + 1) for i in range(3)), encoding="ascii")
    docs = list(corpuskit.read(sgm, delimiter=_documented_reuters_delimiter(), disable=["typo"]))
    assert [d.role for d in docs] == ["preamble", "document", "document", "document"]
    assert [d.id for d in docs[1:]] == ["1", "2", "3"]
    assert all(d.raw_text.endswith("</REUTERS>") and "<REUTERS" not in d.raw_text for d in docs[1:])


REUTERS_DIR = os.environ.get("CORPUSKIT_REUTERS_DIR")


@pytest.mark.skipif(not REUTERS_DIR, reason="set CORPUSKIT_REUTERS_DIR to a folder of reut2-NNN.sgm files")
def test_the_documented_reuters_delimiter_on_the_real_files() -> None:
    assert REUTERS_DIR is not None
    for sgm in sorted(Path(REUTERS_DIR).glob("reut2-*.sgm")):
        docs = [d for d in corpuskit.read(sgm, delimiter=_documented_reuters_delimiter(), disable=["typo"])
                if d.role == "document"]
        assert len(docs) == 1000 and len({d.id for d in docs}) == 1000, sgm

# -- issue 15: memory bounded by the limit; ids unique; issue 16: bounded name tracking -------


def test_a_huge_gzip_record_costs_the_limit_not_the_record(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "big.txt.gz"
    with gzip.open(path, "wb", compresslevel=1) as fh:
        fh.write(b"=== big.txt ===\n")
        for _ in range(32):
            fh.write(b"x" * (1 << 20))
        fh.write(b"\n=== small.txt ===\nok\n")
    tracemalloc.start()
    try:
        big, small = corpuskit.read(path, max_document_bytes=1 << 20)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20  # 32 MiB buffered (and copied) before
    assert big.source.offset == 16 and big.source.length == 32 << 20
    assert [w.code for w in big.warnings] == ["record.too_large"]
    assert str(32 << 20) in big.warnings[0].message and "offset 16" in big.warnings[0].message
    assert small.raw_text == "ok" and small.source.offset == 16 + (32 << 20) + 1 + len("=== small.txt ===\n")


@pytest.mark.parametrize(
    ("names", "ids"),
    [
        (["a.txt", "a.txt", "a~2.txt"], ["a", "a~2", "a~2~2"]),
        (["a~2.txt", "a.txt", "a.txt"], ["a~2", "a", "a~3"]),
        (["a.txt"] * 4, ["a", "a~2", "a~3", "a~4"]),
    ],
)
def test_duplicate_ids_are_made_unique_for_good(tmp_path: Path, names: list[str], ids: list[str]) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes(_banner([(n, b"text") for n in names]))
    got = [d.id for d in corpuskit.read(path)]
    assert got == ids and len(set(got)) == len(got)


def test_duplicate_tracking_memory_does_not_grow_per_record() -> None:
    from corpuskit.names import NameTracker

    tracker = NameTracker()
    small = tracker.footprint()
    for i in range(200_000):
        assert tracker.unique(f"{i:06d}_{i * 2654435761 % (1 << 64):016x}") is None
    assert tracker.footprint() <= NameTracker.MAX_BYTES and tracker.footprint() > small
    assert tracker.unique("000007_" + f"{7 * 2654435761 % (1 << 64):016x}") is not None
