"""Header metadata: the JSON cases in tests/data/structure_header_cases.json, one test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpuskit.options import Options
from corpuskit.structure import analyse
from corpuskit.structure.header import is_name, read_header

CASES = json.loads((Path(__file__).parent / "data" / "structure_header_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["why"][:40] for c in CASES])
def test_header_case(case):
    s = analyse(case["text"], Options())
    assert s.title == case["title"]
    assert list(s.authors) == case["authors"]
    assert s.date == case["date"]
    assert s.dateline == case["dateline"]
    assert [b.kind for b in s.blocks if b.region == "header"] == case["kinds"]
    assert [w.code for w in s.warnings] == case["warnings"]


def test_dayfirst_option_changes_the_reading():
    texts = ["02.10.2019 Author: Jean Perier", "A Title", "Body text that is long enough to be a paragraph."]
    assert read_header(texts, dayfirst=False).date == "2019-02-10"


@pytest.mark.parametrize(
    ("part", "ok"),
    [
        ("Alex Wilner", True),
        ("Jean Périer", True),
        ("Ana de la Cruz", True),
        ("J. R. Smith", True),
        ("Staff Writer", False),
        ("all measures", False),
        ("Alex", False),
        ("Feb. 13", False),
        ("NATO HQ", False),
    ],
)
def test_is_name(part, ok):
    assert is_name(part) is ok
