"""The structure stage on public benchmark pages others annotated (skipped when absent).

Floors are the figures reached, rounded down a little: a change that makes the stage worse on
real text fails here. ``docs/evaluation.md`` has the full table with keep-everything and jusText;
``python benchmarks/quality`` prints it. The data is the development half of each benchmark
(``../shared/data``, or ``$CORPUSKIT_EVAL_DATA``); the other halves are the independent check.
"""

from __future__ import annotations

import pytest
from quality import aeb, dragnet
from quality.data import data_dir

ROOT = data_dir()
pytestmark = pytest.mark.skipif(not ROOT.is_dir(), reason=f"no evaluation data at {ROOT}")

# -- floors (docs/evaluation.md) --------------------------------------------------------
DRAGNET_PRECISION = 0.99
DRAGNET_RECALL = 0.05
DRAGNET_BODY_LOSS = 0.01
DRAGNET_CLEAN_PAGES_WITH_TRAILER = 0.10
AEB_TOKEN_F1 = 0.72
AEB_BODY_LOSS = 0.01


@pytest.fixture(scope="module")
def dragnet_result() -> dragnet.Result:
    return dragnet.evaluate_corpuskit(dragnet.load(ROOT / "dragnet-train"))


@pytest.fixture(scope="module")
def aeb_result() -> aeb.Result:
    return aeb.evaluate_corpuskit(aeb.load(ROOT / "aeb-dev" / "pages.jsonl"))


def test_dragnet_comments_found_without_taking_the_article(dragnet_result: dragnet.Result) -> None:
    r = dragnet_result
    assert r.pages_with_comments > 250 and r.pages_without > 600  # the data is all there
    assert r.precision >= DRAGNET_PRECISION
    assert r.recall >= DRAGNET_RECALL
    assert r.body_loss <= DRAGNET_BODY_LOSS
    assert r.clean_pages_with_junk <= DRAGNET_CLEAN_PAGES_WITH_TRAILER


def test_aeb_body_against_the_gold_article(aeb_result: aeb.Result) -> None:
    r = aeb_result
    assert r.pages == 88
    assert r.tokens.f1 >= AEB_TOKEN_F1
    assert r.body_loss <= AEB_BODY_LOSS


def test_scoring_matches_the_benchmark_on_known_cases() -> None:
    # the benchmark's own conventions: identical texts score 1, disjoint 0, per-page normalised
    assert aeb.tp_fp_fn("a b c d e", "a b c d e", 1) == (1.0, 0.0, 0.0)
    assert aeb.tp_fp_fn("a b", "c d", 1) == (0.0, 0.5, 0.5)
    s = aeb.scores(["a b c d", "x y"], ["a b", "x y z w"], 1)
    assert s.precision == pytest.approx((1.0 + 0.5) / 2) and s.recall == pytest.approx((0.5 + 1.0) / 2)
    c = dragnet.count("art icle|com ment", 8, [(8, 17)])
    assert (c.article, c.comment, c.article_in_junk, c.comment_in_junk) == (7, 8, 0, 8)
