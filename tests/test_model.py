"""The Document model: frozen, round-trips through JSON, validates against the shipped schema."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import jsonschema
import pytest

import corpuskit
from corpuskit import Block, Document, Edit, Source


def _doc() -> Document:
    raw = "Siria, Aleppo\n\nTitle here\n\ntge\u00a0text"
    return Document(
        id="000_ab", name="000_ab.txt", source=Source("c.txt", 10, 40, "utf-8", 1.0), raw_text=raw,
        edits=[Edit("unicode.nbsp", 30, 31, "\u00a0", " "), Edit("typo.known", 27, 30, "tge", "the")][::-1],
        blocks=[Block("dateline", "header", 0, 13, "Siria, Aleppo"), Block("title", "header", 15, 25, "Title here"),
                Block("paragraph", "body", 27, 35, "the text")],
        title="Title here", dateline="Siria, Aleppo", index=0, key="ab", metadata={"url": "u"},
    )


def test_documents_are_frozen_and_hold_tuples() -> None:
    doc = _doc()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.title = "x"  # type: ignore[misc]
    assert isinstance(doc.blocks, tuple) and isinstance(doc.edits, tuple)
    with pytest.raises(TypeError):
        doc.metadata["url"] = "changed"  # type: ignore[index]


def test_round_trip_through_json_and_unknown_fields_are_ignored() -> None:
    doc = _doc()
    data = json.loads(json.dumps(doc.to_dict()))
    assert Document.from_dict(data) == doc
    data["future_field"] = {"anything": 1}
    assert Document.from_dict(data) == doc


def test_derived_fields() -> None:
    doc = _doc()
    assert doc.text == "the text"
    assert doc.to_dict()["trailer"] == []
    assert doc.to_dict()["schema"] == corpuskit.SCHEMA_ID == "corpuskit/document@1"


def test_apply_replays_or_leaves_out_chosen_rules() -> None:
    doc = Document(id="a", name="a", source=Source("p", 0, 9), raw_text="tge\u00a0text",
                   edits=[Edit("typo.known", 0, 3, "tge", "the"), Edit("unicode.nbsp", 3, 4, "\u00a0", " ")])
    assert doc.cleaned_text == "the text"
    assert doc.apply(without=["typo"]) == "tge text"
    assert doc.apply(only=["typo.known"]) == "the\u00a0text"


def test_sample_documents_validate_against_the_shipped_schema(sample_path: Path) -> None:
    schema = corpuskit.load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for doc in corpuskit.read(sample_path):
        data = json.loads(json.dumps(doc.to_dict()))
        validator.validate(data)
        assert Document.from_dict(data) == doc


def test_schema_rejects_a_broken_document() -> None:
    data = _doc().to_dict()
    data["date"] = "13 Feb 2017"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, corpuskit.load_schema())


def test_documents_pickle_for_worker_processes() -> None:
    import pickle

    doc = _doc()
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and dict(again.metadata) == {"url": "u"}
    assert hash(again) == hash(doc)


# -- issue 15: from_dict validates what it loads, with one error type --------------------------

from corpuskit.errors import DocumentError  # noqa: E402


def _set(path: str, value: object) -> dict:  # type: ignore[type-arg]
    data = json.loads(json.dumps(_doc().to_dict()))
    *parents, last = path.split(".")
    target = data
    for p in parents:
        target = target[int(p)] if isinstance(target, list) else target[p]
    if value is _DROP:
        del target[int(last) if isinstance(target, list) else last]
    elif isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return data


_DROP = object()
BROKEN = [
    ("title", {"a": 1}), ("title", 5), ("raw_text", None), ("raw_text", 3), ("id", 7), ("id", ""),
    ("name", None), ("role", "chapter"), ("index", "0"), ("index", -1), ("index", True), ("key", 5),
    ("authors", "Ann"), ("authors", [1]), ("date", "yesterday"), ("date", 20190210), ("dateline", ["x"]),
    ("metadata", {"url": 1}), ("metadata", []), ("source", "c.txt"), ("source.offset", "10"),
    ("source.offset", -1), ("source.confidence", 2), ("source.path", None), ("edits", {}),
    ("edits.0.start", 40), ("edits.0.rule", "NoDots"), ("edits.0.start", "30"), ("edits.0.after", None),
    ("blocks.0.kind", "sidebar"), ("blocks.0.region", "footer"), ("blocks.0.end", -3), ("blocks.0.text", 1),
    ("blocks.0.start", 20), ("warnings", "oops"), ("warnings", [{"code": 1, "message": "m"}]),
    ("schema", "other/thing@1"), ("source", _DROP), ("raw_text", _DROP), ("id", _DROP),
]


@pytest.mark.parametrize(("path", "value"), BROKEN, ids=[f"{p}={v!r}"[:40] for p, v in BROKEN])
def test_from_dict_refuses_what_the_schema_refuses(path: str, value: object) -> None:
    data = _set(path, value)
    schema_ok = jsonschema.Draft202012Validator(corpuskit.load_schema()).is_valid(data)
    semantic = path in ("edits.0.start", "blocks.0.start") and not isinstance(value, str)  # start > end
    assert not schema_ok or semantic
    with pytest.raises(DocumentError) as info:
        Document.from_dict(data)
    assert isinstance(info.value, ValueError)  # one type, also a ValueError for callers that catch that
    assert path.split(".")[-1] in str(info.value) or path.split(".")[0] in str(info.value)


def test_from_dict_refuses_a_non_mapping() -> None:
    with pytest.raises(DocumentError):
        Document.from_dict([1, 2])  # type: ignore[arg-type]


def test_each_closed_set_is_written_once_as_its_literal_type() -> None:
    """The tuples are read off the Literal types; the shipped schema's enums are the same lists."""
    from typing import get_args

    from corpuskit import exporters, model

    assert get_args(model.BlockKind) == model.BLOCK_KINDS and len(model.BLOCK_KINDS) == 15
    assert model.REGIONS == get_args(model.Region) == ("header", "body", "trailer")
    assert model.ROLES == get_args(model.Role) == ("document", "preamble")
    assert exporters.LAYOUTS == get_args(exporters.Layout) == ("file", "directory")
    schema = corpuskit.load_schema()
    assert tuple(schema["$defs"]["kind"]["enum"]) == model.BLOCK_KINDS
    assert tuple(schema["properties"]["role"]["enum"]) == model.ROLES
    block = schema["properties"]["blocks"]["items"]["properties"]
    assert tuple(block["region"]["enum"]) == model.REGIONS


@pytest.mark.parametrize(("kind", "region"), [("para", "body"), ("paragraph", "footer")])
def test_a_block_of_an_unknown_kind_or_region_cannot_be_made(kind: str, region: str) -> None:
    with pytest.raises(ValueError, match=r"Block\.(kind|region) must be one of"):
        Block(kind, region, 0, 1, "x")


def test_blocks_of_builds_what_block_builds():
    from corpuskit.model import blocks_of

    text = "Title\nA paragraph.\nA paragraph."
    spans = [(0, 5), (6, 18), (19, 31)]
    got = blocks_of(["title", "paragraph", "duplicate"], ["header", "body", "body"], spans,
                    [text[s:e] for s, e in spans], {2: 1}, [1.5, -2.5, None])
    assert got == (
        Block("title", "header", 0, 5, "Title", None, 1.5),
        Block("paragraph", "body", 6, 18, "A paragraph.", None, -2.5),
        Block("duplicate", "body", 19, 31, "A paragraph.", 1, None),
    )
    with pytest.raises(DocumentError, match=r"Block\.kind"):
        blocks_of(["title", "nonsense"], ["header", "body"], spans[:2], ["a", "b"], {}, [None, None])
    with pytest.raises(DocumentError, match=r"Block\.region"):
        blocks_of(["title"], ["middle"], spans[:1], ["a"], {}, [None])
