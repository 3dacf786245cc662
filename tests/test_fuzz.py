"""Hostile corpus files, generated: nothing crashes, nothing is lost, ids stay unique.

Each example builds a whole input (random dialect, documents in random encodings, broken
delimiters, hostile names, random compression, sometimes truncated) and checks the
reader's promises on it. atheris, the coverage-guided fuzzer, runs the same targets for
longer outside the test run: see tests/fuzz/.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import tarfile
import zipfile
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corpuskit
from corpuskit import exporters
from corpuskit.errors import CorpuskitError
from corpuskit.reader import read_segments

HOSTILE_NAMES = ["../../etc/passwd", "/abs.txt", "a b.txt", "..", "CON", "x" * 300, "naïve.txt", "a\x00b"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "mac-roman", "koi8-r"]
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120)
BROKEN = [b"=== Update: 3 dead ===", b"=== ", b"==> x <=", b"<doc id=", b"</doc>", b"\f", b"\x00\x00", b"\r", b"====="]


@st.composite
def corpus_bytes(draw: st.DrawFn) -> bytes:
    dialect = draw(st.sampled_from(["banner", "head", "dashes", "doctag", "formfeed", "plain"]))
    parts = []
    if draw(st.booleans()):
        parts.append(draw(st.binary(max_size=30)) + b"\n")  # a preamble, maybe
    for _ in range(draw(st.integers(0, 5))):
        name = draw(st.sampled_from(HOSTILE_NAMES) | st.from_regex(r"[a-z0-9_]{1,12}\.txt", fullmatch=True))
        body = draw(TEXT).encode(draw(st.sampled_from(ENCODINGS)), "replace")
        if draw(st.booleans()):
            body += b"\n" + draw(st.sampled_from(BROKEN)) + b"\n" + draw(st.binary(max_size=20))
        raw_name = name.encode("utf-8", "replace")
        header = {
            "banner": b"=== " + raw_name + b" ===",
            "head": b"==> " + raw_name + b" <==",
            "dashes": b"--- " + raw_name + b" ---",
            "doctag": b'<doc id="' + raw_name + b'">',
            "formfeed": b"\f",
            "plain": b"",
        }[dialect]
        parts.append(header + b"\n" + body + (b"\n</doc>" if dialect == "doctag" else b"") + b"\n")
    return b"".join(parts)


def _wrap(data: bytes, how: str) -> bytes:
    if how == "gzip":
        return gzip.compress(data)
    if how == "bz2":
        return bz2.compress(data)
    if how == "xz":
        return lzma.compress(data)
    if how == "zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("corpus.txt", data)
            zf.writestr("../escape.txt", data)
        return buf.getvalue()
    if how == "tar":
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w:gz") as tf:
            info = tarfile.TarInfo("dir/corpus.txt")
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        return buf.getvalue()
    return data


SCHEMA = jsonschema.Draft202012Validator(corpuskit.load_schema())


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                    HealthCheck.too_slow])
@given(data=corpus_bytes(), how=st.sampled_from(["none", "gzip", "bz2", "xz", "zip", "tar"]),
       cut=st.none() | st.integers(1, 400))
def test_reader_survives_hostile_corpora(tmp_path_factory: object, data: bytes, how: str, cut: int | None) -> None:
    base = tmp_path_factory.mktemp("fuzz")  # type: ignore[attr-defined]
    wrapped = _wrap(data, how)
    if cut is not None:
        wrapped = wrapped[: max(1, len(wrapped) - cut)]  # truncated input
    path = Path(base) / "input.bin"
    path.write_bytes(wrapped)

    errors: list[CorpuskitError] = []
    docs = list(corpuskit.read(path, on_error=errors.append))
    for e in errors:
        assert isinstance(e, CorpuskitError) and str(e).startswith(str(path))
    by_path: dict[str, list[str]] = {}
    for d in docs:
        by_path.setdefault(d.source.path, []).append(d.id)
        blocks = d.blocks
        cleaned = d.cleaned_text
        assert all(cleaned[b.start : b.end] == b.text for b in blocks)
        assert all(d.raw_text[e.start : e.end] == e.before for e in d.edits)
        SCHEMA.validate(json.loads(json.dumps(d.to_dict())))
    for ids in by_path.values():
        assert len(ids) == len(set(ids)), "ids unique within a file"

    # every byte accounted for: an uncompressed file is its segments exactly, or an error
    # names the file and the offset from which it could not be read
    if how == "none" and cut is None:
        seg_errors: list[CorpuskitError] = []
        segments = list(read_segments(path, on_error=seg_errors.append))
        joined = b"".join(s.segment.raw for s in segments)
        assert joined == data or (seg_errors and all(e.offset is not None for e in seg_errors)
                                  and data.startswith(joined))

    out = Path(base) / "out.jsonl"
    exporters.export(iter(docs), "jsonl", out)
    lines = out.read_bytes().splitlines()
    assert len(lines) == len(docs)

