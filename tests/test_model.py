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
