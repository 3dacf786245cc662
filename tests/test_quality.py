"""The structure stage on public benchmark pages others annotated (skipped when absent).

Floors are the figures reached, rounded down a little: a change that makes the stage worse on
real text fails here. ``docs/evaluation.md`` has the full table with keep-everything and jusText;
``python benchmarks/quality`` prints it. The data is the development half of each benchmark
(``../shared/data``, or ``$CORPUSKIT_EVAL_DATA``); the other halves are the independent check.
"""

from __future__ import annotations

import pytest
from quality import aeb, dragnet, header
from quality.data import data_dir

ROOT = data_dir()
needs_data = pytest.mark.skipif(not ROOT.is_dir(), reason=f"no evaluation data at {ROOT}")

# -- floors (docs/evaluation.md) --------------------------------------------------------
DRAGNET_PRECISION = 0.99
DRAGNET_RECALL = 0.95
DRAGNET_BODY_LOSS = 0.013
DRAGNET_CLEAN_PAGES_WITH_TRAILER = 0.085
AEB_TOKEN_F1 = 0.90
AEB_BODY_LOSS = 0.03
AEB_TITLE_EXACT = 0.88
AEB_AUTHOR = 0.65
AEB_DATE = 0.40


@pytest.fixture(scope="module")
def dragnet_result() -> dragnet.Result:
    return dragnet.evaluate_corpuskit(dragnet.load(ROOT / "dragnet-train"))


@pytest.fixture(scope="module")
def aeb_result() -> aeb.Result:
    return aeb.evaluate_corpuskit(aeb.load(ROOT / "aeb-dev" / "pages.jsonl"))


@needs_data
def test_dragnet_comments_found_without_taking_the_article(dragnet_result: dragnet.Result) -> None:
    r = dragnet_result
    assert r.pages_with_comments > 250 and r.pages_without > 600  # the data is all there
    assert r.precision >= DRAGNET_PRECISION
    assert r.recall >= DRAGNET_RECALL
    assert r.body_loss <= DRAGNET_BODY_LOSS
    assert r.clean_pages_with_junk <= DRAGNET_CLEAN_PAGES_WITH_TRAILER


@needs_data
def test_aeb_body_against_the_gold_article(aeb_result: aeb.Result) -> None:
    r = aeb_result
    assert r.pages == 88
    assert r.tokens.f1 >= AEB_TOKEN_F1
    assert r.body_loss <= AEB_BODY_LOSS


@needs_data
def test_aeb_headers_against_the_pages_own_structure() -> None:
    acc = header.evaluate(aeb.load(ROOT / "aeb-dev" / "pages.jsonl"))
    (t, tn), (a, an), (d, dn) = acc.title, acc.author, acc.date
    assert tn > 60 and an > 20 and dn > 15  # the gold is there
    assert t / tn >= AEB_TITLE_EXACT
    assert a / an >= AEB_AUTHOR
    assert d / dn >= AEB_DATE


def test_header_gold_reads_the_page_structure() -> None:
    page = "Big News Today | The Site\nHome\nNews\nBig News Today\nBy Ana Lee @analee Nov 2, 2019\nText."
    assert header.gold_title(page) == (3, "Big News Today")
    assert header.gold_author(page) == "Ana Lee"
    assert header.gold_date("https://example.com/2019/11/02/big-news") == "2019-11-02"
    assert header.gold_date("https://example.com/news/big-news") is None


def test_scoring_matches_the_benchmark_on_known_cases() -> None:
    # the benchmark's own conventions: identical texts score 1, disjoint 0, per-page normalised
    assert aeb.tp_fp_fn("a b c d e", "a b c d e", 1) == (1.0, 0.0, 0.0)
    assert aeb.tp_fp_fn("a b", "c d", 1) == (0.0, 0.5, 0.5)
    s = aeb.scores(["a b c d", "x y"], ["a b", "x y z w"], 1)
    assert s.precision == pytest.approx((1.0 + 0.5) / 2) and s.recall == pytest.approx((0.5 + 1.0) / 2)
    c = dragnet.count("art icle|com ment", 8, [(8, 17)])
    assert (c.article, c.comment, c.article_in_junk, c.comment_in_junk) == (7, 8, 0, 8)


def test_dragnet_separator_variants_and_utf16_pages(tmp_path) -> None:
    # the data's own variants: spacing, a tab, "!@ $%", "!#@$%", extra symbols, CRLF, UTF-16
    variants = [b"!@#$%^&*()  COMMENTS", b"!@ $%^&*()  COMMENTS", b"!#@$%^&*()\tCOMMENTS",
                b"!@#$%$%^&*()  COMMENTS\r", b"!@#$%^&*   COMMNENTS", b"!@#$%^&*()"]
    for i, sep in enumerate(variants):
        (tmp_path / f"{i}.html.corrected.txt").write_bytes(b"Article text.\n" + sep + b"\nA comment.\n")
    text = "Article text.\n!@#$%^&*()  COMMENTS\nA comment.\n"
    (tmp_path / "u.html.corrected.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    pages = dragnet.load(tmp_path)
    assert len(pages) == len(variants) + 1
    for p in pages:
        codec = "utf-16" if p.body.startswith(b"\xff\xfe") else "utf-8"
        assert p.body.decode(codec).strip() == "Article text."
        assert p.comments.decode("utf-16-le" if codec == "utf-16" else "utf-8").strip() == "A comment."
