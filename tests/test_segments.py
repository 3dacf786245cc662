"""The byte splitter: lossless, streaming, the same on every dialect and chunk size."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuskit.dialects import DIALECTS, PLAIN, custom_dialect
from corpuskit.segments import iter_segments

NAME = st.from_regex(r"[A-Za-z0-9_][A-Za-z0-9_.\-]{0,15}\.txt", fullmatch=True)
# lines that look like delimiters but hold spaces, so they are text in every dialect
TRAPS = [
    b"=== Update: 3 dead ===",
    b"==> not a name <==",
    b"----- two words -----",
    b"=== ===",
    b"==========",
    b"<document>",
    b"<doc>",
]
LINE = st.one_of(st.binary(max_size=40).map(lambda b: b.replace(b"\n", b" ")), st.sampled_from(TRAPS))
CONTENT = st.lists(LINE, max_size=6).map(lambda ls: b"\n".join(ls)) | st.binary(max_size=60)

HEADERS = {
    "banner": lambda n: b"=== " + n + b" ===",
    "head": lambda n: b"==> " + n + b" <==",
    "dashes": lambda n: b"----- " + n + b" -----",
}


def _clean(content: bytes, dialect: str) -> bytes:
    """Remove from random content the lines that really are delimiters in ``dialect``."""
    d = DIALECTS[dialect] if dialect in DIALECTS else custom_dialect(r"@@ (?P<name>\S+)")
    kept = [ln for ln in content.split(b"\n") if not d.match_line(ln.rstrip(b"\r"))]
    if dialect == "doctag":
        kept = [ln for ln in kept if b"</doc>" not in ln and not ln.startswith(b"<doc")]
    return b"\n".join(kept)


def _build(dialect: str, docs: list[tuple[bytes, bytes]]) -> bytes:
    out = bytearray()
    for name, content in docs:
        if dialect == "doctag":
            out += b'<doc id="' + name + b'" url="u">\n' + content + b"\n</doc>\n"
        elif dialect == "custom":
            out += b"@@ " + name + b"\n" + content + b"\n"
        else:
            out += HEADERS[dialect](name) + b"\n" + content + b"\n"
    return bytes(out)


def _split(data: bytes, dialect: str, chunk: int) -> list:
    d = DIALECTS[dialect] if dialect in DIALECTS else custom_dialect(r"@@ (?P<name>\S+)")
    return list(iter_segments(io.BytesIO(data), d, chunk_size=chunk))


@settings(max_examples=150, deadline=None)
@given(
    dialect=st.sampled_from(["banner", "head", "dashes", "doctag", "custom"]),
    docs=st.lists(st.tuples(NAME, CONTENT), max_size=6),
    chunk=st.sampled_from([1, 3, 7, 64, 1 << 16]),
)
def test_pack_then_split_gives_back_names_and_bytes(dialect: str, docs: list, chunk: int) -> None:
    docs = [(n.encode(), _clean(c, dialect)) for n, c in docs]
    data = _build(dialect, docs)
    segs = _split(data, dialect, chunk)
    assert [(s.name.encode(), s.content) for s in segs] == docs
    assert b"".join(s.raw for s in segs) == data
    assert all(data[s.offset : s.offset + len(s.raw)] == s.raw for s in segs)


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=300) | st.lists(st.sampled_from([*TRAPS, b"=== a.txt ===", b"x", b"",
                                                                   b"\f", b"<doc id=\"1\">", b"</doc>"]))
       .map(lambda ls: b"\n".join(ls)),
       dialect=st.sampled_from([*DIALECTS, "custom"]), chunk=st.sampled_from([1, 5, 4096]))
def test_raw_segments_concatenate_to_any_input(data: bytes, dialect: str, chunk: int) -> None:
    segs = _split(data, dialect, chunk)
    assert b"".join(s.raw for s in segs) == data
    for s in segs:
        assert 0 <= s.content_start <= s.content_end <= len(s.raw)


@settings(max_examples=100, deadline=None)
@given(docs=st.lists(st.binary(max_size=50).map(lambda b: b.replace(b"\f", b"")), min_size=1, max_size=6),
       chunk=st.sampled_from([1, 2, 64]))
def test_formfeed_records(docs: list[bytes], chunk: int) -> None:
    data = b"\f\n".join(docs)
    segs = _split(data, "formfeed", chunk)
    # a form feed at the very end closes the last record; it does not open an empty one
    expected = docs[:-1] if docs[-1] == b"" else docs
    assert [s.content for s in segs] == expected
    assert b"".join(s.raw for s in segs) == data


def test_a_body_line_with_spaces_is_text_not_a_delimiter() -> None:
    data = b"=== a.txt ===\nFirst line\n=== Update: 3 dead ===\nmore\n=== b.txt ===\nB\n"
    segs = _split(data, "banner", 1 << 16)
    assert [s.name for s in segs] == ["a.txt", "b.txt"]
    assert segs[0].content == b"First line\n=== Update: 3 dead ===\nmore"


def test_preamble_is_kept_as_its_own_segment() -> None:
    data = b"Dump made 2020-01-01 by scraper v2\n\n=== a.txt ===\nA\n"
    segs = _split(data, "banner", 1 << 16)
    assert [(s.role, s.name) for s in segs] == [("preamble", None), ("document", "a.txt")]
    assert segs[0].raw == b"Dump made 2020-01-01 by scraper v2\n\n"


def test_crlf_files_split_the_same_as_lf_files() -> None:
    lf = b"=== a.txt ===\nline one\nline two\n=== b.txt ===\n\n=== c.txt ===\nC\n"
    crlf = lf.replace(b"\n", b"\r\n")
    a = _split(lf, "banner", 4)
    b = _split(crlf, "banner", 4)
    assert [s.name for s in a] == [s.name for s in b] == ["a.txt", "b.txt", "c.txt"]
    assert [s.content.replace(b"\r\n", b"\n") for s in b] == [s.content for s in a]
    assert [s.content for s in a] == [b"line one\nline two", b"", b"C"]


def test_a_bom_before_the_first_delimiter_belongs_to_its_line() -> None:
    data = b"\xef\xbb\xbf=== a.txt ===\nA\n=== b.txt ===\nB"
    segs = _split(data, "banner", 2)
    assert [(s.name, s.content) for s in segs] == [("a.txt", b"A"), ("b.txt", b"B")]


def test_doctag_attributes_and_junk_after_the_closing_tag() -> None:
    data = (b'<doc id="7" url="https://x.org/a" title="A &amp; B">\nA\nB\n</doc>\n'
            b'stray\n<doc id="8">\nC\n</doc>\n')
    segs = _split(data, "doctag", 5)
    assert [s.name for s in segs] == ["7", "8"]
    assert segs[0].metadata == {"id": "7", "url": "https://x.org/a", "title": "A &amp; B"}
    assert segs[0].content == b"A\nB"
    assert segs[0].problems and "after </doc>" in segs[0].problems[0]
    assert b"".join(s.raw for s in segs) == data


def test_plain_dialect_is_one_segment() -> None:
    segs = list(iter_segments(io.BytesIO(b"just\ntext"), PLAIN))
    assert [(s.name, s.content) for s in segs] == [(None, b"just\ntext")]


@pytest.mark.parametrize("chunk", [1, 13, 1 << 20])
def test_large_stream_is_read_in_chunks_with_bounded_buffer(chunk: int) -> None:
    body = b"x" * 50 + b"\n"
    data = b"".join(b"=== d%d.txt ===\n" % i + body * 3 for i in range(200))
    segs = _split(data, "banner", chunk)
    assert len(segs) == 200
    assert segs[-1].name == "d199.txt"


def test_content_ending_in_a_lone_cr_keeps_it_in_an_lf_file() -> None:
    data = b"=== a.txt ===\nline\r\n=== b.txt ===\nB\n"
    assert [s.content for s in _split(data, "banner", 1 << 16)] == [b"line\r", b"B"]


# -- issue 15: the split never depends on the chunk size; memory bounded by the limit -------


def _shape(segs: list) -> list:
    return [(s.offset, s.raw, s.content_start, s.content_end, s.name, s.skipped) for s in segs]


@settings(max_examples=200, deadline=None)
@given(data=st.lists(st.sampled_from([b"\f", b"\r\n", b"\n", b"\r", b"x", b"=== a.txt ===", b"\f\r\n",
                                      b"<doc id=\"1\">", b"</doc>", b"==="])).map(b"".join),
       dialect=st.sampled_from([*DIALECTS, "custom"]), chunk=st.sampled_from([1, 2, 3, 5, 64]))
def test_the_split_does_not_depend_on_the_chunk_size(data: bytes, dialect: str, chunk: int) -> None:
    assert _shape(_split(data, dialect, chunk)) == _shape(_split(data, dialect, 1 << 20))


@pytest.mark.parametrize("chunk", [1, 2, 3, 4, 5, 6])
def test_form_feed_and_crlf_across_a_chunk_boundary(chunk: int) -> None:
    data = b"one\f\r\ntwo\f\r\nthree"
    assert [s.content for s in _split(data, "formfeed", chunk)] == [b"one", b"two", b"three"]
    assert [len(s.raw) for s in _split(data, "formfeed", chunk)] == [6, 6, 5]


class Endless(io.RawIOBase):
    """``head``, ``size`` filler bytes and ``tail``, made on the fly: never held in memory at once."""

    def __init__(self, head: bytes, size: int, tail: bytes = b"") -> None:
        self.parts = [(0, head), (len(head) + size, tail)]
        self.filler = (len(head), len(head) + size)
        self.total = len(head) + size + len(tail)
        self.pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        n = min(len(buffer), self.total - self.pos)
        start, end = self.pos, self.pos + n
        view = memoryview(buffer)
        lo, hi = max(start, self.filler[0]), min(end, self.filler[1])
        if lo < hi:
            view[lo - start : hi - start] = b"x" * (hi - lo)
        for at, part in self.parts:
            lo, hi = max(start, at), min(end, at + len(part))
            if lo < hi:
                view[lo - start : hi - start] = part[lo - at : hi - at]
        self.pos = end
        return n


@pytest.mark.parametrize("dialect", ["banner", "formfeed", "plain"])
def test_an_oversized_record_is_not_buffered_but_accounted(dialect: str) -> None:
    import tracemalloc

    limit, size = 1 << 20, 24 << 20
    head = b"=== big.txt ===\n" if dialect == "banner" else b""
    tail = b"\n=== small.txt ===\nshort\n" if dialect == "banner" else b"\fshort" if dialect == "formfeed" else b""
    stream = io.BufferedReader(Endless(head, size, tail), 1 << 16)
    tracemalloc.start()
    try:
        segs = list(iter_segments(stream, DIALECTS.get(dialect, PLAIN), chunk_size=1 << 16, max_bytes=limit))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * limit  # today: the whole 24 MiB record, twice
    total = len(head) + size + len(tail)
    assert sum(len(s.raw) + s.skipped for s in segs) == total  # every byte still accounted for
    assert [s.offset for s in segs] == [0, *[len(s.raw) + s.skipped for s in segs[:1]]][: len(segs)]
    big = segs[0]
    assert big.skipped > 0 and big.content_end - big.content_start + big.skipped == size
    if dialect != "plain":
        assert segs[-1].content.rstrip(b"\n") == b"short"


def test_a_long_delimiter_like_line_without_newline_is_linear() -> None:
    import threading

    data = b"=== " + b"x" * (1 << 20)  # quadratic rescans at chunk 64: ~8 GB of searching
    done: list[list] = []
    t = threading.Thread(target=lambda: done.append(_split(data, "banner", 64)), daemon=True)
    t.start()
    t.join(60)  # linear: well under a second; quadratic: many minutes
    assert done and b"".join(s.raw for s in done[0]) == data


@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_start_moves_every_offset_and_nothing_else(name: str) -> None:
    """A byte range read on its own reports offsets in its file: ``start`` is added to
    every segment's offset and changes nothing else (corpuskit.ranges relies on it)."""
    data = (
        b"preamble\n=== 001_a.txt ===\nalpha\n\f\n<doc id=\"2\" title=\"b\">\nbeta\n</doc>\n"
        b"From x@example.org Mon Jan  1 00:00:00 2024\nSubject: s\n\ngamma\n=== 002_b.txt ===\ndelta\n"
    )
    dialect = DIALECTS[name]
    plain = list(iter_segments(io.BytesIO(data), dialect, chunk_size=7))
    moved = list(iter_segments(io.BytesIO(data), dialect, chunk_size=7, start=1000))
    assert [s.offset + 1000 for s in plain] == [s.offset for s in moved]
    assert [(s.raw, s.content_start, s.content_end, s.name, s.ordinal) for s in plain] == [
        (s.raw, s.content_start, s.content_end, s.name, s.ordinal) for s in moved
    ]
