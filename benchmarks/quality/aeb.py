"""The Article Extraction Benchmark's pages as whole-page text, against the gold article.

Scored as the benchmark's own ``evaluate.py`` scores extractors: tokens are ``\\w+``; per
page, true/false positives and negatives of the predicted body's tokens against the gold
body, as a bag of tokens (n=1) and as 4-gram shingles (n=4), normalised per page; precision
and recall averaged over pages, F1 from the two means.

Two figures say where the errors are:
- body loss: gold tokens present in the page's text but left out of the body, over gold tokens;
- after-article junk removed: of the tokens after the article's last words in the page, the
  share not in the body; before-article likewise. (Pages whose article edges cannot be found
  in the page's tokens are left out of these two.)
"""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from .data import add_counts, read_pages

_TOKEN = re.compile(r"\w+")
EDGE_TOKENS = 6


@attrs.frozen
class Page:
    id: str
    url: str
    page_text: str
    article_body: str


def load(path: Path) -> list[Page]:
    with path.open(encoding="utf-8") as f:
        return [Page(**{k: r[k] for k in ("id", "url", "page_text", "article_body")}) for r in map(json.loads, f)]


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def _shingles(toks: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i : i + n])


def tp_fp_fn(true: str, pred: str, n: int) -> tuple[float, float, float]:
    t, p = _shingles(tokens(true), n), _shingles(tokens(pred), n)
    tp = float(sum((t & p).values()))
    fp = float(sum(p.values()) - tp)
    fn = float(sum(t.values()) - tp)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


@attrs.frozen
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        s = self.precision + self.recall
        return 2 * self.precision * self.recall / s if s else 0.0


def scores(golds: Sequence[str], preds: Sequence[str], n: int) -> Scores:
    rows = [tp_fp_fn(g, p, n) for g, p in zip(golds, preds, strict=True)]
    return Scores(
        statistics.mean(_precision(*r) for r in rows if r[0] + r[1] > 0),
        statistics.mean(_recall(*r) for r in rows if r[0] + r[2] > 0),
    )


def _find(hay: list[str], needle: list[str], last: bool = False) -> int:
    n = len(needle)
    rng = range(len(hay) - n, -1, -1) if last else range(len(hay) - n + 1)
    for i in rng:
        if hay[i : i + n] == needle:
            return i
    return -1


@attrs.frozen
class Edges:
    """Token counts around the article in the page text and what the body kept of them."""

    before: int = 0
    before_kept: int = 0
    after: int = 0
    after_kept: int = 0

    def __add__(self, o: Edges) -> Edges:
        return add_counts(self, o)


def edges(page_text: str, gold: str, body: str) -> Edges | None:
    """How much of the text before and after the article the body kept (a bag of tokens)."""
    page, g = tokens(page_text), tokens(gold)
    if len(g) < 2 * EDGE_TOKENS:
        return None
    start = _find(page, g[:EDGE_TOKENS])
    end = _find(page, g[-EDGE_TOKENS:], last=True)
    if start < 0 or end < 0 or end + EDGE_TOKENS <= start:
        return None
    end += EDGE_TOKENS
    kept = Counter(tokens(body))
    before, after = Counter(page[:start]), Counter(page[end:])
    inside = Counter(page[start:end])
    # a token kept in the body is credited to the article first, then to the edges
    spare = kept - inside
    return Edges(
        sum(before.values()),
        sum((before & spare).values()),
        sum(after.values()),
        sum((after & (spare - before)).values()),
    )


@attrs.frozen
class Result:
    tokens: Scores
    shingles: Scores
    body_loss: float
    edges: Edges
    pages: int

    @property
    def before_removed(self) -> float:
        e = self.edges
        return 1 - e.before_kept / e.before if e.before else 0.0

    @property
    def after_removed(self) -> float:
        e = self.edges
        return 1 - e.after_kept / e.after if e.after else 0.0


def _body_loss(pages: Sequence[Page], bodies: Sequence[str]) -> float:
    lost = total = 0
    for page, body in zip(pages, bodies, strict=True):
        gold = Counter(tokens(page.article_body))
        available = gold & Counter(tokens(page.page_text))
        kept = available & Counter(tokens(body))
        lost += sum(available.values()) - sum(kept.values())
        total += sum(gold.values())
    return lost / total if total else 0.0


def evaluate_bodies(pages: Sequence[Page], bodies: Sequence[str]) -> Result:
    golds = [p.article_body for p in pages]
    total = Edges()
    for page, body in zip(pages, bodies, strict=True):
        e = edges(page.page_text, page.article_body, body)
        if e is not None:
            total += e
    return Result(scores(golds, bodies, 1), scores(golds, bodies, 4), _body_loss(pages, bodies), total, len(pages))


def corpuskit_bodies(pages: Sequence[Page], **options: object) -> list[str]:
    return [d.text for d in read_pages([p.page_text.encode("utf-8") for p in pages], **options)]


def evaluate_corpuskit(pages: Sequence[Page], **options: object) -> Result:
    return evaluate_bodies(pages, corpuskit_bodies(pages, **options))


def evaluate_text(pages: Sequence[Page], body_of: Callable[[str], str]) -> Result:
    return evaluate_bodies(pages, [body_of(p.page_text) for p in pages])
