"""The structure stage on page shapes written for these tests (tests/data/structure_page_cases.json):
comment widgets in German, French, Spanish and Dutch, WordPress and Disqus shapes, newsletter
boxes, "related stories" lists, legal footers, and whole-page text with navigation before the
article. Each case names the first trailer block, the trailer's kinds and the header."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpuskit.options import Options
from corpuskit.structure import analyse

CASES = json.loads((Path(__file__).parent / "data" / "structure_page_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["why"][:40] for c in CASES])
def test_page_case(case):
    s = analyse(case["text"], Options())
    trailer = [b for b in s.blocks if b.region == "trailer"]
    body = [b for b in s.blocks if b.region == "body"]
    assert (trailer[0].text if trailer else None) == case["trailer_from"]
    assert {b.kind for b in trailer} - {"boilerplate"} == set(case["kinds"]) - {"boilerplate"}
    assert s.title == case["title"]
    assert list(s.authors) == case["authors"]
    assert s.date == case["date"]
    if "body_from" in case:
        assert body[0].text.startswith(case["body_from"])
        assert {b.kind for b in s.blocks if b.region == "header"} >= {"boilerplate", "title", "byline"}
    # every block is scored, and the trailer's blocks score as junk more than the body's
    assert all(b.score is not None for b in s.blocks)
    if trailer and body:
        mean = lambda bs: sum(b.score for b in bs) / len(bs)  # noqa: E731
        assert mean(trailer) > mean(body)
