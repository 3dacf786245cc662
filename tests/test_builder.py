"""builder.build_many: a batch built stage by stage gives each document what it gets alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpuskit import builder
from corpuskit.options import Options
from corpuskit.reader import plan

GERMAN = (
    "Die Stadt hat am Montag mitgeteilt, dass die neue Brücke im nächsten Jahr eröffnet wird. "
    "Die Anwohner erhielten einen Brief über die Pläne, und der Bürgermeister sagte, er sei "
    "mit den Fortschritten zufrieden.\n"
)
# cp1252 bytes (curly quotes, an e acute) with a typo, and text mangled once by a wrong decode
LEGACY = (
    "Caf\xe9 reopens\n\n03/04/2020\n\nThe caf\xe9 \x93reopened\x94 on Monday, the owner said, after the "
    "recieved permit came through and the new menu was printed.\n"
).encode("latin-1")
MOJIBAKE = "The minister’s office said the café would reopen on Monday.\n".encode().decode("cp1252").encode()


def _items(tmp_path: Path, sample_path: Path, options: Options) -> list[builder.WorkItem]:
    corpus = tmp_path / "corpus.txt"
    corpus.write_bytes(
        sample_path.read_bytes()
        + b"=== de.txt ===\n" + GERMAN.encode() + b"=== legacy.txt ===\n" + LEGACY
        + b"=== mojibake.txt ===\n" + MOJIBAKE + b"=== big.txt ===\n" + b"x" * 100_001 + b"\n"
    )
    return [i for i in plan([str(corpus)], options) if isinstance(i, builder.WorkItem)]


def test_a_batch_gives_every_document_what_it_gets_alone(tmp_path: Path, sample_path: Path) -> None:
    options = Options(max_document_bytes=100_000)  # big.txt is over it: a record.too_large warning
    items = _items(tmp_path, sample_path, options)
    assert len(items) == 9
    alone = [builder.build(i, options).to_dict() for i in items]
    together = [d.to_dict() for d in builder.build_many(items, options)]
    assert together == alone
    by_name = {d["name"]: d for d in together}
    # what makes the batch worth checking: each kind of document takes another path
    assert by_name["de.txt"]["language"]["code"] == "de" and not by_name["de.txt"]["edits"]
    assert any(e["rule"].startswith("typo.") for e in by_name["legacy.txt"]["edits"])
    assert by_name["legacy.txt"]["source"]["encoding"] != "utf-8"
    # each step's warnings in the order of the steps: decoding's, then the header's
    assert [w["code"] for w in by_name["legacy.txt"]["warnings"]] == ["decode.uncertain", "date.ambiguous"]
    assert any(e["rule"] == "encoding.mojibake" for e in by_name["mojibake.txt"]["edits"])
    assert [w["code"] for w in by_name["big.txt"]["warnings"]] == ["record.too_large"]
    assert builder.build_many([], options) == []


def test_each_stage_runs_over_the_whole_batch_before_the_next(
    tmp_path: Path, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stage-major order keeps one stage's tables in the processor's caches (the reason for
    ``build_many``): every language identification comes before the first typo rule, and
    every typo rule before the first structure analysis."""
    calls: list[str] = []
    for name, stage in (("identify_language", "language"), ("suggestions", "typos"), ("_structure", "structure")):
        original = getattr(builder, name)
        monkeypatch.setattr(builder, name, lambda *a, _f=original, _s=stage, **k: (calls.append(_s), _f(*a, **k))[1])
    options = Options()
    items = _items(tmp_path, sample_path, options)
    builder.build_many(items, options)
    first = {s: calls.index(s) for s in ("language", "typos", "structure")}
    last = {s: len(calls) - 1 - calls[::-1].index(s) for s in first}
    assert last["language"] < first["typos"] and last["typos"] < first["structure"]
    assert calls.count("structure") == len(items)
