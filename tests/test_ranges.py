"""Byte ranges cut on delimiter lines: nothing lost, split or read twice."""

from __future__ import annotations

import gzip
import itertools
import os
from pathlib import Path

import attrs
import pytest
from corpusgen import boundary_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

import corpuskit
from corpuskit.builder import WorkItem
from corpuskit.dialects import get_dialect
from corpuskit.errors import CorpuskitError
from corpuskit.options import Options
from corpuskit.ranges import ByteRange, next_delimiter, open_local, plan_file, range_items
from corpuskit.reader import read_segments

BLOCK = 1024


def _items(path: Path, blocksize: int, **options: object) -> tuple[list[ByteRange], list[WorkItem]]:
    opts = Options.from_kwargs(options)
    ranges = plan_file(open_local, str(path), path.stat().st_size, opts, blocksize)
    items = [i for r in ranges for i in range_items(open_local, r, opts)]
    assert all(isinstance(i, WorkItem) for i in items)
    return ranges, items  # type: ignore[return-value]


def _key(item: WorkItem) -> tuple[object, ...]:
    # a segment's ordinal counts records within its range; documents never carry it
    segment = attrs.evolve(item.segment, ordinal=0)
    return (item.doc_id, item.name, item.path, attrs.astuple(segment), item.warnings)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "edges.txt"
    path.write_bytes(boundary_corpus(BLOCK))
    return path


def test_edges_move_to_delimiter_lines_and_cover_the_file(corpus: Path) -> None:
    data = corpus.read_bytes()
    ranges, _ = _items(corpus, BLOCK)
    assert len(ranges) > 8
    assert ranges[0].start == 0 and ranges[-1].end == len(data)
    for a, b in itertools.pairwise(ranges):
        assert a.end == b.start
        assert data[b.start - 1 : b.start] == b"\n"
        line = data[b.start : data.index(b"\n", b.start)].rstrip(b"\r")
        assert get_dialect("banner").match_line(line), line


def test_records_are_those_of_the_reader(corpus: Path) -> None:
    _, items = _items(corpus, BLOCK)
    expected = list(read_segments(str(corpus)))
    assert [_key(i) for i in items] == [_key(i) for i in expected]
    # the fake delimiter lines stayed inside their documents
    assert len(items) == sum(1 for _ in expected)
    assert any(b"=== Update: 3 dead ===" in i.segment.content for i in items)


def test_next_delimiter_is_the_next_record_start_for_every_offset(corpus: Path) -> None:
    data = corpus.read_bytes()
    starts = [*[i.segment.offset for i in read_segments(str(corpus))][1:], len(data)]
    dialect = get_dialect("banner")
    with open(corpus, "rb") as fh:
        for offset in range(1, len(data) + 1, 7):
            assert next_delimiter(fh, offset, dialect, len(data)) == min(s for s in starts if s >= offset)


def test_compressed_and_small_files_are_one_range(tmp_path: Path, corpus: Path) -> None:
    gz = tmp_path / "edges.txt.gz"
    gz.write_bytes(gzip.compress(corpus.read_bytes()))
    ranges, items = _items(gz, 64)
    assert len(ranges) == 1 and ranges[0].whole
    assert [_key(i) for i in items] == [_key(i) for i in read_segments(str(gz))]
    small, _ = _items(corpus, 10 * os.path.getsize(corpus))
    assert len(small) == 1


def test_position_named_dialects_are_not_cut(tmp_path: Path) -> None:
    path = tmp_path / "ff.txt"
    path.write_bytes(b"\f\n".join(b"document %d " % i * 40 for i in range(50)))
    ranges, items = _items(path, 256)
    assert len(ranges) == 1
    assert [i.doc_id for i in items] == [i.doc_id for i in read_segments(str(path))]


def test_a_forced_custom_delimiter_is_used_in_every_range(tmp_path: Path) -> None:
    path = tmp_path / "custom.txt"
    path.write_bytes(b"".join(b"## DOC d%03d\n" % i + b"text line\n" * 30 for i in range(40)))
    ranges, items = _items(path, 500, delimiter=r"## DOC (?P<name>\S+)")
    assert len(ranges) > 3
    expected = list(read_segments(str(path), delimiter=r"## DOC (?P<name>\S+)"))
    assert [_key(i) for i in items] == [_key(i) for i in expected]


@settings(max_examples=40, deadline=None)
@given(
    docs=st.lists(
        st.tuples(
            st.sampled_from([b"", b"x", b"=== Update: 3 dead ===", b"====", b"caf\xe9", b"\r", b"line\r\n"]),
            st.integers(0, 40),
            st.booleans(),
        ),
        min_size=1,
        max_size=30,
    ),
    bom=st.booleans(),
    preamble=st.booleans(),
    blocksize=st.integers(1, 300),
)
def test_any_corpus_any_blocksize(tmp_path_factory: pytest.TempPathFactory, docs: list[tuple[bytes, int, bool]],
                                  bom: bool, preamble: bool, blocksize: int) -> None:
    out = bytearray(b"\xef\xbb\xbf" if bom else b"")
    if preamble:
        out += b"notes before the first article\n"
    for i, (line, repeat, crlf) in enumerate(docs):
        out += b"=== d%03d.txt ===" % i + (b"\r\n" if crlf else b"\n")
        out += (line + b"\n") * repeat
    path = tmp_path_factory.mktemp("h") / "c.txt"
    path.write_bytes(bytes(out))
    _ranges, items = _items(path, blocksize, dialect="banner")
    assert b"".join(i.segment.raw for i in items) == bytes(out)
    expected = list(read_segments(str(path), dialect="banner"))
    assert [_key(i) for i in items] == [_key(i) for i in expected]


def test_ranges_split_on_the_frame_the_whole_file_was_detected_with(tmp_path: Path) -> None:
    path = tmp_path / "framed.txt"
    record = b"--- d%03d.txt ---\n%s\n----- not-a-record -----\n"
    path.write_bytes(b"".join(record % (i, b"x" * 300) for i in range(60)))
    options = Options()
    ranges = plan_file(open_local, str(path), path.stat().st_size, options, blocksize=2048)
    assert len(ranges) > 3 and {r.frame for r in ranges} == {b"---"}
    names = [i.name for r in ranges for i in range_items(open_local, r, options) if not isinstance(i, CorpuskitError)]
    assert names == [d.name for d in corpuskit.read(path)] == [f"d{i:03d}.txt" for i in range(60)]
