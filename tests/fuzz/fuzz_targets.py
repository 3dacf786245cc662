"""Coverage-guided fuzzing (atheris) of the reader and each stage, outside the test run.

Run one target for a bounded time:

    python tests/fuzz/fuzz_targets.py reader -max_total_time=150 -artifact_prefix=tests/fuzz/crashes/

or all of them with ``python tests/fuzz/run_all.py --seconds 600``. A crash is written
to ``tests/fuzz/crashes/``; once fixed, keep the input there: ``tests/test_fuzz_regressions.py``
replays every file in that folder through every target in the normal test run.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable

from corpuskit.builder import build_document, clean
from corpuskit.decode import decode
from corpuskit.dialects import detect_dialect
from corpuskit.options import Options
from corpuskit.segments import iter_segments
from corpuskit.structure import analyse

OPTIONS = Options()


def reader(data: bytes) -> None:
    """Split any bytes by the detected dialect and build every record into a Document."""
    dialect = detect_dialect(data[:65536])
    segments = list(iter_segments(io.BytesIO(data), dialect, chunk_size=97))
    assert b"".join(s.raw for s in segments) == data
    for seg in segments:
        doc = build_document(seg, path="fuzz", doc_id="x", name="x.txt", options=OPTIONS)
        cleaned = doc.cleaned_text
        for b in doc.blocks:
            assert cleaned[b.start : b.end] == b.text


def decoder(data: bytes) -> None:
    out = decode(data)
    assert len(out.bad_offsets) <= len(data)


def cleaning(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    cleaned, edits, _ = clean(text, OPTIONS)
    for e in edits:
        assert text[e.start : e.end] == e.before
    from corpuskit.edits import apply_edits

    assert apply_edits(text, edits) == cleaned


def structure(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    found = analyse(text, OPTIONS)
    last = 0
    for b in found.blocks:
        assert last <= b.start <= b.end <= len(text)
        assert text[last : b.start].strip() == ""
        last = b.end
    assert text[last:].strip() == ""


TARGETS: dict[str, Callable[[bytes], None]] = {
    "reader": reader,
    "decode": decoder,
    "cleaning": cleaning,
    "structure": structure,
}


def main() -> None:
    import atheris

    name = sys.argv.pop(1)
    target = TARGETS[name]
    atheris.instrument_all()  # coverage guidance over corpuskit's (already imported) code
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
